// SwiGLU on the GPU, as kernels/cpu/swiglu.cpp: out = silu(gate) * up and its backward, one
// thread per element. Compiled without FMA contraction.
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

__global__ void swigluForwardKernel(const float* gate, const float* up, float* out, std::size_t n) {
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const float g = gate[i];
    const float sigmoid = 1.0f / (1.0f + expf(-g));
    out[i] = g * sigmoid * up[i];
  }
}

// dgate = dout * up * sigmoid(g) * (1 + g * (1 - sigmoid(g))), dup = dout * silu(g).
__global__ void swigluBackwardKernel(const float* dout, const float* gate, const float* up, float* dgate, float* dup,
                                     std::size_t n) {
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const float g = gate[i];
    const float sigmoid = 1.0f / (1.0f + expf(-g));
    const float silu = g * sigmoid;
    const float gradOut = dout[i];
    const float upValue = up[i];
    dup[i] = gradOut * silu;
    dgate[i] = gradOut * upValue * sigmoid * (1.0f + g * (1.0f - sigmoid));
  }
}

}  // namespace

void swigluForward(cudaStream_t stream, const float* gate, const float* up, float* out, std::size_t n) {
  if (n == 0) return;
  swigluForwardKernel<<<blocksFor(n), kThreads, 0, stream>>>(gate, up, out, n);
  CUDA_CHECK("swigluForward", cudaGetLastError());
}

void swigluBackward(cudaStream_t stream, const float* dout, const float* gate, const float* up, float* dgate,
                    float* dup, std::size_t n) {
  if (n == 0) return;
  swigluBackwardKernel<<<blocksFor(n), kThreads, 0, stream>>>(dout, gate, up, dgate, dup, n);
  CUDA_CHECK("swigluBackward", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
