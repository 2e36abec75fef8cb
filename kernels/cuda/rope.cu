// Rotary position embedding on the GPU, as kernels/cpu/rope.cpp: angle = position * invFreq[i]
// in fp32, the pair (i, i + headDim/2) of every head rotated by it; inverse rotates back (the
// backward). One thread per (token, head, pair).
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

__global__ void ropeKernel(float* x, std::size_t tokens, std::size_t heads, std::size_t headDim,
                           const std::int32_t* positions, const float* invFreq, bool inverse) {
  const std::size_t half = headDim / 2;
  const std::size_t total = tokens * heads * half;
  for (std::size_t index = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; index < total;
       index += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const std::size_t i = index % half;
    const std::size_t head = (index / half) % heads;
    const std::size_t token = index / (half * heads);
    const float angle = static_cast<float>(positions[token]) * invFreq[i];
    const float cosine = cosf(angle);
    const float sine = inverse ? -sinf(angle) : sinf(angle);
    float* vector = x + (token * heads + head) * headDim;
    const float first = vector[i];
    const float second = vector[i + half];
    vector[i] = first * cosine - second * sine;
    vector[i + half] = second * cosine + first * sine;
  }
}

}  // namespace

void rope(cudaStream_t stream, float* x, std::size_t tokens, std::size_t heads, std::size_t headDim,
          const std::int32_t* positions, const float* invFreq, bool inverse) {
  const std::size_t total = tokens * heads * (headDim / 2);
  if (total == 0) return;
  ropeKernel<<<blocksFor(total), kThreads, 0, stream>>>(x, tokens, heads, headDim, positions, invFreq, inverse);
  CUDA_CHECK("rope", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
