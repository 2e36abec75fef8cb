#include "kernels/cpu/matmul.h"

#include <cblas.h>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/blas_kernels.h"
#include "kernels/cpu/product_clock.h"

namespace tiertune::kernels::cpu {

namespace {

int leading(bool transposed, std::size_t rows, std::size_t columns) {
  return static_cast<int>(transposed ? rows : columns);
}

}  // namespace

template <>
void matmul<float>(std::span<const float> a, bool transposeA, std::span<const float> b, bool transposeB,
                   std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  const ProductClock clock;
  if (matmulFloatOnLibrary(a, transposeA, b, transposeB, c, m, n, k, alpha, beta)) return;
  useBestBlasKernels();  // before the first product; afterwards one atomic load
  cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
              static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), alpha, a.data(), leading(transposeA, m, k),
              b.data(), leading(transposeB, k, n), beta, c.data(), static_cast<int>(n));
}

template <>
void matmul<double>(std::span<const double> a, bool transposeA, std::span<const double> b, bool transposeB,
                    std::span<double> c, std::size_t m, std::size_t n, std::size_t k, double alpha, double beta) {
  useBestBlasKernels();
  cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
              static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), alpha, a.data(), leading(transposeA, m, k),
              b.data(), leading(transposeB, k, n), beta, c.data(), static_cast<int>(n));
}

}  // namespace tiertune::kernels::cpu
