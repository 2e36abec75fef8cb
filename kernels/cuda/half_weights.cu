// Widening 16-bit weights (bf16 or IEEE fp16) to fp32 on the device, exactly: the CUDA backend's
// half of matmulHalfWeights and widen (cuda_backend.cpp multiplies the widened panels through
// cuBLAS). Bit operations only, so the values equal the CPU's conversions (half_precision.cpp).
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

__device__ float bf16Bits(std::uint16_t bits) { return __uint_as_float(static_cast<unsigned>(bits) << 16); }

// IEEE half to float: normal numbers rebias the exponent; subnormals are scaled exactly; infinity
// and NaN keep their payload's top bits.
__device__ float f16Bits(std::uint16_t bits) {
  const unsigned sign = static_cast<unsigned>(bits & 0x8000u) << 16;
  const unsigned exponent = (bits >> 10) & 0x1Fu;
  const unsigned mantissa = bits & 0x3FFu;
  if (exponent == 0x1Fu) return __uint_as_float(sign | 0x7F800000u | (mantissa << 13));
  if (exponent != 0) return __uint_as_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
  const float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f;  // 2^-24, exact
  return sign != 0 ? -magnitude : magnitude;
}

__global__ void widenKernel(const std::uint16_t* in, bool bf16, float* out, std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = bf16 ? bf16Bits(in[i]) : f16Bits(in[i]);
  }
}

}  // namespace

void widenHalf(cudaStream_t stream, const std::uint16_t* in, bool bf16, float* out, std::size_t n) {
  if (n == 0) return;
  widenKernel<<<blocksFor(n), kThreads, 0, stream>>>(in, bf16, out, n);
  CUDA_CHECK("widen", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
