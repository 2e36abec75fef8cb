// RMSNorm forward and backward on the GPU, step for step as kernels/cpu/rms_norm.cpp: one block
// per row for the row's sums (in double, as on the CPU) and one thread per column for dweight,
// adding the rows in order in fp32 as the CPU does. Compiled without FMA contraction.
#include <cmath>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

constexpr unsigned kMaxRowBlocks = 1u << 16;

unsigned rowBlocks(std::size_t rows) {
  return static_cast<unsigned>(std::clamp<std::size_t>(rows, 1, kMaxRowBlocks));
}

__global__ void rmsNormForwardKernel(const float* x, const float* weight, std::size_t rows, std::size_t dim,
                                     double eps, float* y, float* invRms) {
  __shared__ double shared[kWarp];
  for (std::size_t row = blockIdx.x; row < rows; row += gridDim.x) {
    const float* in = x + row * dim;
    float* out = y + row * dim;
    double sum = 0;
    for (std::size_t i = threadIdx.x; i < dim; i += blockDim.x) sum += static_cast<double>(in[i]) * in[i];
    sum = blockReduce(sum, SumOp{}, 0.0, shared);
    const float scale = static_cast<float>(1.0 / sqrt(sum / static_cast<double>(dim) + eps));
    if (threadIdx.x == 0) invRms[row] = scale;
    for (std::size_t i = threadIdx.x; i < dim; i += blockDim.x) out[i] = in[i] * scale * weight[i];
  }
}

// With n = x * r (r = invRms): dx = r * (g - n * mean(g * n)), g = dy * weight.
__global__ void rmsNormBackwardKernel(const float* dy, const float* x, const float* weight, const float* invRms,
                                      std::size_t rows, std::size_t dim, float* dx) {
  __shared__ double shared[kWarp];
  for (std::size_t row = blockIdx.x; row < rows; row += gridDim.x) {
    const float* in = x + row * dim;
    const float* grad = dy + row * dim;
    float* out = dx + row * dim;
    const float r = invRms[row];
    double dot = 0;
    for (std::size_t i = threadIdx.x; i < dim; i += blockDim.x) {
      dot += static_cast<double>(grad[i] * weight[i]) * (in[i] * r);
    }
    dot = blockReduce(dot, SumOp{}, 0.0, shared);
    const float mean = static_cast<float>(dot / static_cast<double>(dim));
    for (std::size_t i = threadIdx.x; i < dim; i += blockDim.x) out[i] = r * (grad[i] * weight[i] - in[i] * r * mean);
  }
}

// dweight[i] += sum over rows of dy * x * invRms. A block owns 32 columns; its 32 warps' lanes
// are the columns (coalesced rows) and the warps take every 32nd row, then the 32 partial sums of
// a column are added in warp order in shared memory: no atomics, the same result on every run.
// (One thread per column over all rows, as before, left most of the GPU idle: 11.8% of a step.)
constexpr int kWeightColumns = 32;
constexpr int kWeightRowGroups = 32;

__global__ void rmsNormWeightGradientKernel(const float* dy, const float* x, const float* invRms, std::size_t rows,
                                            std::size_t dim, float* dweight) {
  __shared__ float partial[kWeightRowGroups][kWeightColumns + 1];
  const int lane = static_cast<int>(threadIdx.x) % kWeightColumns;
  const int group = static_cast<int>(threadIdx.x) / kWeightColumns;
  const std::size_t column = static_cast<std::size_t>(blockIdx.x) * kWeightColumns + static_cast<std::size_t>(lane);
  float sum = 0;
  if (column < dim) {
    for (std::size_t row = static_cast<std::size_t>(group); row < rows; row += kWeightRowGroups) {
      sum += dy[row * dim + column] * x[row * dim + column] * invRms[row];
    }
  }
  partial[group][lane] = sum;
  __syncthreads();
  if (group == 0 && column < dim) {
    float total = 0;
    for (int g = 0; g < kWeightRowGroups; ++g) total += partial[g][lane];
    dweight[column] += total;
  }
}

}  // namespace

void rmsNormForward(cudaStream_t stream, const float* x, const float* weight, std::size_t rows, std::size_t dim,
                    double eps, float* y, float* invRms) {
  if (rows == 0) return;
  rmsNormForwardKernel<<<rowBlocks(rows), kThreads, 0, stream>>>(x, weight, rows, dim, eps, y, invRms);
  CUDA_CHECK("rmsNormForward", cudaGetLastError());
}

void rmsNormBackward(cudaStream_t stream, const float* dy, const float* x, const float* weight, const float* invRms,
                     std::size_t rows, std::size_t dim, float* dx, float* dweight) {
  if (rows == 0) return;
  rmsNormBackwardKernel<<<rowBlocks(rows), kThreads, 0, stream>>>(dy, x, weight, invRms, rows, dim, dx);
  CUDA_CHECK("rmsNormBackward", cudaGetLastError());
  if (dweight == nullptr || dim == 0) return;  // a frozen weight
  const auto columnBlocks = static_cast<unsigned>((dim + kWeightColumns - 1) / kWeightColumns);
  rmsNormWeightGradientKernel<<<columnBlocks, kWeightColumns * kWeightRowGroups, 0, stream>>>(dy, x, invRms, rows, dim,
                                                                                              dweight);
  CUDA_CHECK("rmsNormBackward (weight gradient)", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
