// One AdamW step on the GPU in PyTorch's order of operations, with the factors the CPU computes
// in double and rounds to float (kernels/cpu/adamw.cpp), and each element rounded as there:
// compiled without FMA contraction; sqrtf and the division are IEEE-exact by default in nvcc.
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

__global__ void adamwKernel(float* params, const float* grads, float* m, float* v, std::size_t n,
                            AdamWFactors factors) {
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const float g = grads[i];
    float p = params[i] * factors.decay;
    const float mi = factors.beta1 * m[i] + (1.0f - factors.beta1) * g;
    const float vi = factors.beta2 * v[i] + (1.0f - factors.beta2) * g * g;
    p -= factors.stepSize * mi / (sqrtf(vi) / factors.sqrtCorrection2 + factors.epsilon);
    m[i] = mi;
    v[i] = vi;
    params[i] = p;
  }
}

}  // namespace

void adamw(cudaStream_t stream, float* params, const float* grads, float* m, float* v, std::size_t n,
           const AdamWFactors& factors) {
  if (n == 0) return;
  adamwKernel<<<blocksFor(n), kThreads, 0, stream>>>(params, grads, m, v, n, factors);
  CUDA_CHECK("adamw", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
