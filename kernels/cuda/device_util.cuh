// Launch sizes and warp/block reductions shared by the .cu files of the CUDA backend.
#pragma once

#include <algorithm>
#include <cstddef>

namespace tiertune::kernels::cuda {

inline constexpr unsigned kThreads = 256;  // threads per block of the element-wise kernels
inline constexpr unsigned kWarp = 32;

// Blocks for n elements at kThreads each, capped: the kernels loop with a grid stride, so any n
// works and no launch asks for more blocks than the hardware takes.
inline unsigned blocksFor(std::size_t n) {
  const std::size_t blocks = (n + kThreads - 1) / kThreads;
  return static_cast<unsigned>(std::clamp<std::size_t>(blocks, 1, 1u << 16));
}

struct SumOp {
  template <typename T>
  __device__ T operator()(T a, T b) const { return a + b; }
};
struct MaxOp {
  template <typename T>
  __device__ T operator()(T a, T b) const { return a > b ? a : b; }
};

// Every lane of the warp gets the reduction of the 32 values.
template <typename T, typename Op>
__device__ T warpReduce(T value, Op op) {
  for (int offset = kWarp / 2; offset > 0; offset /= 2) value = op(value, __shfl_xor_sync(0xffffffffu, value, offset));
  return value;
}

// Every thread of the block gets the reduction of the block's values. blockDim.x must be a
// multiple of 32 and at most 1024; every thread of the block must call it. shared: 32 values.
template <typename T, typename Op>
__device__ T blockReduce(T value, Op op, T identity, T* shared) {
  const unsigned lane = threadIdx.x % kWarp;
  const unsigned warp = threadIdx.x / kWarp;
  value = warpReduce(value, op);
  if (lane == 0) shared[warp] = value;
  __syncthreads();
  const unsigned warps = blockDim.x / kWarp;
  value = lane < warps ? shared[lane] : identity;
  value = warpReduce(value, op);  // every warp reduces the per-warp values, so all threads hold it
  __syncthreads();                // shared may be reused by the caller's next reduction
  return value;
}

}  // namespace tiertune::kernels::cuda
