// Row-major fp32 GEMM through cublasSgemm, in column-major terms from gemm_layout.h (B first, A
// second, m and n swapped), exactly as cblas_sgemm's row-major call in kernels/cpu/matmul.cpp takes
// the row lengths. The handle's math mode is CUBLAS_DEFAULT_MATH (no TF32), set where the handle
// is made (cuda_backend.cpp), so results stay within fp32 rounding of OpenBLAS.
#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/gemm_layout.h"

namespace tiertune::kernels::cuda {

namespace {

int asBlasInt(std::size_t value, const char* op) {
  if (value > static_cast<std::size_t>(INT_MAX)) {
    throw std::invalid_argument(std::string(op) + ": matrix dimension " + std::to_string(value) +
                                " is too large for cuBLAS's 32-bit sizes");
  }
  return static_cast<int>(value);
}

}  // namespace

void gemmRowMajorStrided(cublasHandle_t blas, const char* op, const float* a, bool transposeA, std::size_t lda,
                         const float* b, bool transposeB, std::size_t ldb, float* c, std::size_t ldc, std::size_t m,
                         std::size_t n, std::size_t k, float alpha, float beta) {
  if (m == 0 || n == 0) return;
  const ColumnMajorProduct p = toColumnMajor(RowMajorProduct{transposeA, lda, transposeB, ldb, ldc, m, n, k});
  // cuBLAS wants every leading dimension at least 1, even for k = 0 (then C = beta C).
  CUBLAS_CHECK(op, cublasSgemm(blas, p.first.transpose ? CUBLAS_OP_T : CUBLAS_OP_N,
                               p.second.transpose ? CUBLAS_OP_T : CUBLAS_OP_N, asBlasInt(p.rows, op),
                               asBlasInt(p.columns, op), asBlasInt(p.inner, op), &alpha, b,
                               asBlasInt(std::max<std::size_t>(1, p.first.ld), op), a,
                               asBlasInt(std::max<std::size_t>(1, p.second.ld), op), &beta, c,
                               asBlasInt(p.ldc, op)));
}

void gemmRowMajor(cublasHandle_t blas, const char* op, const float* a, bool transposeA, const float* b,
                  bool transposeB, float* c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  const RowMajorProduct p = compactProduct(m, n, k, transposeA, transposeB);
  gemmRowMajorStrided(blas, op, a, transposeA, p.lda, b, transposeB, p.ldb, c, p.ldc, m, n, k, alpha, beta);
}

}  // namespace tiertune::kernels::cuda
