// Token embedding on the GPU: the forward copies rows (widening a 16-bit table's exactly); the backward adds the gradient rows into
// the table one thread per column, tokens in order (a token repeated in the batch adds up in the
// same order as in kernels/cpu/embedding.cpp, without atomics). The ids are checked on the host.
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"
#include "kernels/cuda/half_bits.cuh"

namespace tiertune::kernels::cuda {

namespace {

__global__ void embeddingForwardKernel(const float* table, const std::int32_t* ids, std::size_t tokens,
                                       std::size_t dim, float* out) {
  const std::size_t total = tokens * dim;
  for (std::size_t index = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; index < total;
       index += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const std::size_t t = index / dim;
    out[index] = table[static_cast<std::size_t>(ids[t]) * dim + index % dim];
  }
}

__global__ void embeddingForwardHalfKernel(const std::uint16_t* table, bool bf16, const std::int32_t* ids,
                                           std::size_t tokens, std::size_t dim, float* out) {
  const std::size_t total = tokens * dim;
  for (std::size_t index = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; index < total;
       index += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const std::size_t t = index / dim;
    out[index] = halfBits(table[static_cast<std::size_t>(ids[t]) * dim + index % dim], bf16);
  }
}

__global__ void embeddingBackwardKernel(const float* dout, const std::int32_t* ids, std::size_t tokens,
                                        std::size_t dim, float* dtable) {
  for (std::size_t column = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; column < dim;
       column += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    for (std::size_t t = 0; t < tokens; ++t) {
      dtable[static_cast<std::size_t>(ids[t]) * dim + column] += dout[t * dim + column];
    }
  }
}

}  // namespace

void embeddingForward(cudaStream_t stream, const float* table, const std::int32_t* ids, std::size_t tokens,
                      std::size_t dim, float* out) {
  if (tokens * dim == 0) return;
  embeddingForwardKernel<<<blocksFor(tokens * dim), kThreads, 0, stream>>>(table, ids, tokens, dim, out);
  CUDA_CHECK("embeddingForward", cudaGetLastError());
}

void embeddingForwardHalf(cudaStream_t stream, const std::uint16_t* table, bool bf16, const std::int32_t* ids,
                          std::size_t tokens, std::size_t dim, float* out) {
  if (tokens * dim == 0) return;
  embeddingForwardHalfKernel<<<blocksFor(tokens * dim), kThreads, 0, stream>>>(table, bf16, ids, tokens, dim, out);
  CUDA_CHECK("embeddingForward", cudaGetLastError());
}

void embeddingBackward(cudaStream_t stream, const float* dout, const std::int32_t* ids, std::size_t tokens,
                       std::size_t dim, float* dtable) {
  if (tokens * dim == 0) return;
  embeddingBackwardKernel<<<blocksFor(dim), kThreads, 0, stream>>>(dout, ids, tokens, dim, dtable);
  CUDA_CHECK("embeddingBackward", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
