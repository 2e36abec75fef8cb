// bf16 x bf16 -> fp32 products on the tensor cores, through cuBLASLt: the GPU's half of the
// mixed-precision policy (README, "Numerics"): operands in bf16, sums and the result in fp32
// (CUBLAS_COMPUTE_32F), C = alpha op(A) op(B) + beta C row-major, C read and written in fp32.
//
// cuBLASLt asks for a matmul descriptor, three layouts and an algorithm per shape; finding the
// algorithm (its heuristic) costs tens of microseconds, so each shape's plan is made once and kept
// (a training step repeats the same few dozen shapes thousands of times). The plan is keyed by
// everything the heuristic sees, the operands' alignments included: cuBLASLt's default assumes
// 256-byte aligned pointers, and panels and sub-matrices are not, so the preference states the
// alignment each call really has. One workspace (32 MiB, what NVIDIA recommends for Hopper) serves
// every plan; the products run in the order of the one stream they are given. Where the heuristic
// offers no algorithm (odd leading dimensions some kernels cannot take), the plan says so once and
// the product goes through cublasGemmEx with the same types (bf16 in, fp32 sums and result).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <tuple>

#include <cublasLt.h>
#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include "kernels/cuda/gemm_layout.h"

namespace tiertune::kernels::cuda {

class Bf16Gemm {
 public:
  // blas: the backend's cuBLAS handle, on the same stream, for the products cuBLASLt does not plan.
  explicit Bf16Gemm(cublasHandle_t blas);
  ~Bf16Gemm();
  Bf16Gemm(const Bf16Gemm&) = delete;
  Bf16Gemm& operator=(const Bf16Gemm&) = delete;

  // C = alpha op(A) op(B) + beta C; A and B hold bf16 bits, C fp32, all on the device, in the
  // layout p states. Queued on stream; never waits. op names the backend op for errors.
  void run(cudaStream_t stream, const char* op, const RowMajorProduct& p, const std::uint16_t* a,
           const std::uint16_t* b, float* c, float alpha, float beta);

 private:
  struct Plan;
  // The column-major problem and the three alignments (bytes, at most 256).
  using Key = std::tuple<bool, std::size_t, std::size_t, std::size_t, bool, std::size_t, std::size_t, std::size_t,
                         std::size_t, std::size_t, std::size_t, std::size_t, unsigned, unsigned, unsigned>;

  const Plan& planFor(const char* op, const ColumnMajorProduct& p, unsigned alignA, unsigned alignB,
                      unsigned alignC);

  cublasHandle_t blas_ = nullptr;
  cublasLtHandle_t handle_ = nullptr;
  void* workspace_ = nullptr;
  std::map<Key, std::unique_ptr<Plan>> plans_;
};

}  // namespace tiertune::kernels::cuda
