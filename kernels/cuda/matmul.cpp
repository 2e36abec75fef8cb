// Row-major GEMM through cublasSgemm. cuBLAS is column-major, and a row-major C [m, n] is the
// column-major C^T [n, m] = op(B)^T op(A)^T: so B goes first, A second, and m and n swap. The
// leading dimensions are the row lengths as stored, exactly as cblas_sgemm's row-major call in
// kernels/cpu/matmul.cpp takes them. The handle's math mode is CUBLAS_DEFAULT_MATH (no TF32), set
// where the handle is made (cuda_backend.cpp), so results stay within fp32 rounding of OpenBLAS.
#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"

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
  // cuBLAS wants every leading dimension at least 1, even for k = 0 (then C = beta C).
  CUBLAS_CHECK(op, cublasSgemm(blas, transposeB ? CUBLAS_OP_T : CUBLAS_OP_N, transposeA ? CUBLAS_OP_T : CUBLAS_OP_N,
                               asBlasInt(n, op), asBlasInt(m, op), asBlasInt(k, op), &alpha, b,
                               asBlasInt(std::max<std::size_t>(1, ldb), op), a,
                               asBlasInt(std::max<std::size_t>(1, lda), op), &beta, c, asBlasInt(ldc, op)));
}

void gemmRowMajor(cublasHandle_t blas, const char* op, const float* a, bool transposeA, const float* b,
                  bool transposeB, float* c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  // Row lengths as stored: A is [m, k] or, transposed, [k, m]; B is [k, n] or [n, k]; C is [m, n].
  gemmRowMajorStrided(blas, op, a, transposeA, transposeA ? m : k, b, transposeB, transposeB ? k : n, c, n, m, n, k,
                      alpha, beta);
}

}  // namespace tiertune::kernels::cuda
