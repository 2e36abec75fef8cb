#include "kernels/cuda/bf16_gemm.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/cuda/cuda_check.h"

namespace tiertune::kernels::cuda {

namespace {

constexpr std::size_t kWorkspaceBytes = std::size_t(32) << 20;
// Plans kept at most: training repeats a few dozen shapes; prefill of prompts of every length
// would otherwise grow the map without end. Past it the map starts over.
constexpr std::size_t kMostPlans = 512;

std::string shapeText(const ColumnMajorProduct& p) {
  return std::to_string(p.rows) + " x " + std::to_string(p.columns) + " x " + std::to_string(p.inner);
}

// The alignment of a device address in bytes: the largest power of two dividing it, at most 256.
unsigned addressAlignment(const void* address) {
  const auto value = reinterpret_cast<std::uintptr_t>(address);
  unsigned alignment = 256;
  while (alignment > 1 && value % alignment != 0) alignment /= 2;
  return alignment;
}

}  // namespace

struct Bf16Gemm::Plan {
  cublasLtMatmulDesc_t desc = nullptr;
  cublasLtMatrixLayout_t first = nullptr, second = nullptr, result = nullptr;
  cublasLtMatmulAlgo_t algo{};
  bool viaGemmEx = false;  // cuBLASLt had no algorithm: cublasGemmEx instead

  Plan() = default;
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;
  ~Plan() {
    if (result != nullptr) static_cast<void>(cublasLtMatrixLayoutDestroy(result));
    if (second != nullptr) static_cast<void>(cublasLtMatrixLayoutDestroy(second));
    if (first != nullptr) static_cast<void>(cublasLtMatrixLayoutDestroy(first));
    if (desc != nullptr) static_cast<void>(cublasLtMatmulDescDestroy(desc));
  }
};

Bf16Gemm::Bf16Gemm(cublasHandle_t blas) : blas_(blas) {
  const char* op = "bf16 products";
  CUBLAS_CHECK(op, cublasLtCreate(&handle_));
  const cudaError_t error = cudaMalloc(&workspace_, kWorkspaceBytes);
  if (error != cudaSuccess) {
    static_cast<void>(cublasLtDestroy(handle_));
    handle_ = nullptr;
    workspace_ = nullptr;
    throwCudaError(op, "cudaMalloc(workspace)", error, __FILE__, __LINE__);
  }
}

Bf16Gemm::~Bf16Gemm() {
  plans_.clear();
  // Queued products may still use the workspace: the device finishes them first.
  static_cast<void>(cudaDeviceSynchronize());
  if (workspace_ != nullptr) static_cast<void>(cudaFree(workspace_));
  if (handle_ != nullptr) static_cast<void>(cublasLtDestroy(handle_));
}

const Bf16Gemm::Plan& Bf16Gemm::planFor(const char* op, const ColumnMajorProduct& p, unsigned alignA,
                                        unsigned alignB, unsigned alignC) {
  const Key key{p.first.transpose, p.first.rows, p.first.columns, p.first.ld,
                p.second.transpose, p.second.rows, p.second.columns, p.second.ld,
                p.rows, p.columns, p.inner, p.ldc, alignA, alignB, alignC};
  if (auto found = plans_.find(key); found != plans_.end()) return *found->second;
  if (plans_.size() >= kMostPlans) plans_.clear();

  auto plan = std::make_unique<Plan>();
  CUBLAS_CHECK(op, cublasLtMatmulDescCreate(&plan->desc, CUBLAS_COMPUTE_32F, CUDA_R_32F));
  const cublasOperation_t opFirst = p.first.transpose ? CUBLAS_OP_T : CUBLAS_OP_N;
  const cublasOperation_t opSecond = p.second.transpose ? CUBLAS_OP_T : CUBLAS_OP_N;
  CUBLAS_CHECK(op, cublasLtMatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_TRANSA, &opFirst, sizeof opFirst));
  CUBLAS_CHECK(op, cublasLtMatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_TRANSB, &opSecond, sizeof opSecond));
  CUBLAS_CHECK(op, cublasLtMatrixLayoutCreate(&plan->first, CUDA_R_16BF, p.first.rows, p.first.columns,
                                              static_cast<std::int64_t>(p.first.ld)));
  CUBLAS_CHECK(op, cublasLtMatrixLayoutCreate(&plan->second, CUDA_R_16BF, p.second.rows, p.second.columns,
                                              static_cast<std::int64_t>(p.second.ld)));
  CUBLAS_CHECK(op, cublasLtMatrixLayoutCreate(&plan->result, CUDA_R_32F, p.rows, p.columns,
                                              static_cast<std::int64_t>(p.ldc)));

  cublasLtMatmulPreference_t preference = nullptr;
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceCreate(&preference));
  std::unique_ptr<std::remove_pointer_t<cublasLtMatmulPreference_t>, cublasStatus_t (*)(cublasLtMatmulPreference_t)>
      preferenceOwner(preference, cublasLtMatmulPreferenceDestroy);
  const std::uint64_t workspace = kWorkspaceBytes;
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
                                                        &workspace, sizeof workspace));
  // A is cuBLASLt's first operand (row-major B), B its second (row-major A); C and D are the result.
  const std::uint32_t alignments[4] = {alignA, alignB, alignC, alignC};
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES,
                                                        &alignments[0], sizeof alignments[0]));
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES,
                                                        &alignments[1], sizeof alignments[1]));
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES,
                                                        &alignments[2], sizeof alignments[2]));
  CUBLAS_CHECK(op, cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES,
                                                        &alignments[3], sizeof alignments[3]));

  cublasLtMatmulHeuristicResult_t found{};
  int returned = 0;
  const cublasStatus_t heuristic = cublasLtMatmulAlgoGetHeuristic(
      handle_, plan->desc, plan->first, plan->second, plan->result, plan->result, preference, 1, &found, &returned);
  if (heuristic != CUBLAS_STATUS_SUCCESS && heuristic != CUBLAS_STATUS_NOT_SUPPORTED) {
    throwCublasError(op, "cublasLtMatmulAlgoGetHeuristic", heuristic, __FILE__, __LINE__);
  }
  if (heuristic != CUBLAS_STATUS_SUCCESS) returned = 0;
  plan->viaGemmEx = returned == 0 || found.state != CUBLAS_STATUS_SUCCESS;
  plan->algo = found.algo;
  return *plans_.emplace(key, std::move(plan)).first->second;
}

void Bf16Gemm::run(cudaStream_t stream, const char* op, const RowMajorProduct& product, const std::uint16_t* a,
                   const std::uint16_t* b, float* c, float alpha, float beta) {
  if (product.m == 0 || product.n == 0) return;
  if (product.k == 0) {
    throw std::invalid_argument(std::string(op) + ": a bf16 product needs k > 0 (the caller scales C itself)");
  }
  const ColumnMajorProduct p = toColumnMajor(product);
  // cuBLASLt's first operand is the row-major B, its second the row-major A.
  const Plan& plan = planFor(op, p, addressAlignment(b), addressAlignment(a), addressAlignment(c));
  if (plan.viaGemmEx) {
    const auto size = [&](std::size_t value) {
      if (value > static_cast<std::size_t>(INT_MAX)) {
        throw std::invalid_argument(std::string(op) + ": the product " + shapeText(p) +
                                    " is too large for cuBLAS's 32-bit sizes");
      }
      return static_cast<int>(value);
    };
    CUBLAS_CHECK(op, cublasGemmEx(blas_, p.first.transpose ? CUBLAS_OP_T : CUBLAS_OP_N,
                                  p.second.transpose ? CUBLAS_OP_T : CUBLAS_OP_N, size(p.rows), size(p.columns),
                                  size(p.inner), &alpha, b, CUDA_R_16BF, size(p.first.ld), a, CUDA_R_16BF,
                                  size(p.second.ld), &beta, c, CUDA_R_32F, size(p.ldc), CUBLAS_COMPUTE_32F,
                                  CUBLAS_GEMM_DEFAULT));
    return;
  }
  CUBLAS_CHECK(op, cublasLtMatmul(handle_, plan.desc, &alpha, b, plan.first, a, plan.second, &beta, c, plan.result,
                                  c, plan.result, &plan.algo, workspace_, kWorkspaceBytes, stream));
}

}  // namespace tiertune::kernels::cuda
