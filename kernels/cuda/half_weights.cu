// Widening 16-bit weights (bf16 or IEEE fp16) to fp32 on the device, exactly (half_bits.cuh): the
// CUDA backend's half of matmulHalfWeights and widen (cuda_backend.cpp multiplies the widened
// panels through cuBLAS).
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"
#include "kernels/cuda/half_bits.cuh"

namespace tiertune::kernels::cuda {

namespace {

__global__ void widenKernel(const std::uint16_t* in, bool bf16, float* out, std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = halfBits(in[i], bf16);
  }
}

}  // namespace

void widenHalf(cudaStream_t stream, const std::uint16_t* in, bool bf16, float* out, std::size_t n) {
  if (n == 0) return;
  widenKernel<<<blocksFor(n), kThreads, 0, stream>>>(in, bf16, out, n);
  CUDA_CHECK("widen", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
