// Element-wise ops of the CUDA backend (fill, axpy, scale, bias, dropout) and the reductions
// sumOfSquares and sumInOrder. Compiled without FMA contraction (kernels/CMakeLists.txt), so each
// element rounds as the CPU backend's loop does.
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"
#include "kernels/dropout_mask.h"

namespace tiertune::kernels::cuda {

namespace {

__device__ std::size_t firstIndex() { return static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; }
__device__ std::size_t gridStride() { return static_cast<std::size_t>(gridDim.x) * blockDim.x; }

__global__ void fillKernel(float* x, std::size_t n, float value) {
  for (std::size_t i = firstIndex(); i < n; i += gridStride()) x[i] = value;
}

__global__ void axpyKernel(float alpha, const float* x, float* y, std::size_t n) {
  for (std::size_t i = firstIndex(); i < n; i += gridStride()) y[i] += alpha * x[i];
}

__global__ void scaleKernel(float* x, std::size_t n, float factor) {
  for (std::size_t i = firstIndex(); i < n; i += gridStride()) x[i] *= factor;
}

__global__ void addBiasKernel(float* y, const float* bias, std::size_t rows, std::size_t n) {
  const std::size_t total = rows * n;
  for (std::size_t i = firstIndex(); i < total; i += gridStride()) y[i] += bias[i % n];
}

// One thread per column, rows in order: the CPU backend's order of additions, and coalesced reads.
__global__ void biasBackwardKernel(const float* dy, std::size_t rows, std::size_t n, float* dbias) {
  for (std::size_t column = firstIndex(); column < n; column += gridStride()) {
    float sum = 0;
    for (std::size_t row = 0; row < rows; ++row) sum += dy[row * n + column];
    dbias[column] += sum;
  }
}

__global__ void dropoutKernel(const float* x, float* out, std::size_t n, std::uint32_t threshold, float keepScale,
                              std::uint64_t seed) {
  for (std::size_t i = firstIndex(); i < n; i += gridStride()) {
    out[i] = dropoutKeeps(seed, i, threshold) ? x[i] * keepScale : 0.0f;
  }
}

// Launched with exactly kSumOfSquaresBlocks blocks of kThreads: block b reduces a fixed set of
// elements in a fixed order, so the result depends on n only.
__global__ void sumOfSquaresKernel(const float* x, std::size_t n, double* partials) {
  __shared__ double shared[kWarp];
  double sum = 0;
  for (std::size_t i = firstIndex(); i < n; i += gridStride()) sum += static_cast<double>(x[i]) * x[i];
  sum = blockReduce(sum, SumOp{}, 0.0, shared);
  if (threadIdx.x == 0) partials[blockIdx.x] = sum;
}

// One thread: a plain sum in index order (few values: block partials, per-token losses).
__global__ void sumInOrderKernel(const double* values, std::size_t n, double* result) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += values[i];
  *result = sum;
}

}  // namespace

void fill(cudaStream_t stream, float* x, std::size_t n, float value) {
  if (n == 0) return;
  fillKernel<<<blocksFor(n), kThreads, 0, stream>>>(x, n, value);
  CUDA_CHECK("fill", cudaGetLastError());
}

void axpy(cudaStream_t stream, float alpha, const float* x, float* y, std::size_t n) {
  if (n == 0) return;
  axpyKernel<<<blocksFor(n), kThreads, 0, stream>>>(alpha, x, y, n);
  CUDA_CHECK("axpy", cudaGetLastError());
}

void scale(cudaStream_t stream, float* x, std::size_t n, float factor) {
  if (n == 0) return;
  scaleKernel<<<blocksFor(n), kThreads, 0, stream>>>(x, n, factor);
  CUDA_CHECK("scale", cudaGetLastError());
}

void addBias(cudaStream_t stream, float* y, const float* bias, std::size_t rows, std::size_t n) {
  if (rows * n == 0) return;
  addBiasKernel<<<blocksFor(rows * n), kThreads, 0, stream>>>(y, bias, rows, n);
  CUDA_CHECK("addBias", cudaGetLastError());
}

void biasBackward(cudaStream_t stream, const float* dy, std::size_t rows, std::size_t n, float* dbias) {
  if (n == 0) return;
  biasBackwardKernel<<<blocksFor(n), kThreads, 0, stream>>>(dy, rows, n, dbias);
  CUDA_CHECK("biasBackward", cudaGetLastError());
}

void dropout(cudaStream_t stream, const float* x, float* out, std::size_t n, std::uint32_t threshold, float keepScale,
             std::uint64_t seed) {
  if (n == 0) return;
  dropoutKernel<<<blocksFor(n), kThreads, 0, stream>>>(x, out, n, threshold, keepScale, seed);
  CUDA_CHECK("dropout", cudaGetLastError());
}

void sumOfSquares(cudaStream_t stream, const float* x, std::size_t n, double* partials, double* result) {
  sumOfSquaresKernel<<<kSumOfSquaresBlocks, kThreads, 0, stream>>>(x, n, partials);
  CUDA_CHECK("sumOfSquares", cudaGetLastError());
  sumInOrder(stream, partials, kSumOfSquaresBlocks, result);
}

void sumInOrder(cudaStream_t stream, const double* values, std::size_t n, double* result) {
  sumInOrderKernel<<<1, 1, 0, stream>>>(values, n, result);
  CUDA_CHECK("sumInOrder", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
