// Widening 16-bit weights (bf16 or IEEE fp16) to fp32 on the device, exactly (half_bits.cuh): the
// CUDA backend's half of matmulHalfWeights and widen (cuda_backend.cpp multiplies the widened
// panels through cuBLAS); and the operands of the bf16 products (bf16_gemm.h): fp32 activations
// and weights rounded to bf16, fp16 weights widened, then rounded.
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

__global__ void roundKernel(const float* in, std::uint16_t* out, std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = bf16FromFloat(in[i]);
  }
}

__global__ void roundBlockKernel(const float* in, std::size_t ld, std::size_t rows, std::size_t columns,
                                 std::uint16_t* out) {
  const std::size_t n = rows * columns;
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = bf16FromFloat(in[(i / columns) * ld + i % columns]);
  }
}

__global__ void f16ToBf16Kernel(const std::uint16_t* in, std::uint16_t* out, std::size_t n) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    out[i] = bf16FromFloat(f16Bits(in[i]));
  }
}

}  // namespace

void roundToBf16(cudaStream_t stream, const float* in, std::uint16_t* out, std::size_t n) {
  if (n == 0) return;
  roundKernel<<<blocksFor(n), kThreads, 0, stream>>>(in, out, n);
  CUDA_CHECK("roundToBf16", cudaGetLastError());
}

void roundBlockToBf16(cudaStream_t stream, const float* in, std::size_t ld, std::size_t rows, std::size_t columns,
                      std::uint16_t* out) {
  if (rows == 0 || columns == 0) return;
  roundBlockKernel<<<blocksFor(rows * columns), kThreads, 0, stream>>>(in, ld, rows, columns, out);
  CUDA_CHECK("roundBlockToBf16", cudaGetLastError());
}

void f16ToBf16(cudaStream_t stream, const std::uint16_t* in, std::uint16_t* out, std::size_t n) {
  if (n == 0) return;
  f16ToBf16Kernel<<<blocksFor(n), kThreads, 0, stream>>>(in, out, n);
  CUDA_CHECK("f16ToBf16", cudaGetLastError());
}

void widenHalf(cudaStream_t stream, const std::uint16_t* in, bool bf16, float* out, std::size_t n) {
  if (n == 0) return;
  widenKernel<<<blocksFor(n), kThreads, 0, stream>>>(in, bf16, out, n);
  CUDA_CHECK("widen", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
