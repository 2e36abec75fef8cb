// Dequantizing NF4 weights (kernels/nf4_format.h) to fp32 on the device: the CUDA backend's half of
// matmulNf4Weights (cuda_backend.cpp multiplies the dequantized panels through cuBLAS). The same
// two roundings as the CPU (kernels/cpu/nf4.cpp), written as __fmul_rn/__fadd_rn so that nvcc
// does not fuse them into one: the weights come out bit for bit as on the CPU.
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"
#include "kernels/cuda/half_bits.cuh"

namespace tiertune::kernels::cuda {

namespace {

// The weight at `at` as dequantizeNf4 makes it in fp32.
__device__ inline float nf4Weight(const Nf4Parts& parts, const float* tables, std::size_t at) {
  const float* nf4Values = tables;
  const float* dynamicValues = tables + 16;
  const std::size_t block = at / kNf4Block;
  const float scale = parts.groupScales[block / kNf4Group];
  const float maximum = __fadd_rn(__fmul_rn(dynamicValues[parts.blockCodes[block]], scale), *parts.offset);
  const std::uint8_t pair = parts.codes[at / 2];
  const unsigned code = (at % 2 == 0) ? (pair >> 4) : (pair & 0x0Fu);
  return __fmul_rn(nf4Values[code], maximum);
}

// The same rounded once to bf16: the CPU's dequantizeNf4ToBf16, bit for bit (each of a block's 16
// values is the fp32 one rounded, as bitsandbytes does for a bf16 compute type).
__global__ void dequantizeNf4ToBf16Kernel(Nf4Parts parts, const float* tables, std::size_t first, std::size_t count,
                                          std::uint16_t* out) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += stride) {
    out[i] = bf16FromFloat(nf4Weight(parts, tables, first + i));
  }
}

__global__ void dequantizeNf4Kernel(Nf4Parts parts, const float* tables, std::size_t first, std::size_t count,
                                    float* out) {
  const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += stride) {
    out[i] = nf4Weight(parts, tables, first + i);
  }
}

}  // namespace

void dequantizeNf4(cudaStream_t stream, const Nf4Parts& parts, const float* tables, std::size_t first,
                   std::size_t count, float* out) {
  if (count == 0) return;
  dequantizeNf4Kernel<<<blocksFor(count), kThreads, 0, stream>>>(parts, tables, first, count, out);
  CUDA_CHECK("dequantizeNf4", cudaGetLastError());
}

void dequantizeNf4ToBf16(cudaStream_t stream, const Nf4Parts& parts, const float* tables, std::size_t first,
                         std::size_t count, std::uint16_t* out) {
  if (count == 0) return;
  dequantizeNf4ToBf16Kernel<<<blocksFor(count), kThreads, 0, stream>>>(parts, tables, first, count, out);
  CUDA_CHECK("dequantizeNf4ToBf16", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
