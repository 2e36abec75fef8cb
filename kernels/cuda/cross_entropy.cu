// The fused head + cross-entropy on the GPU: the chunk loop, and its per-row part, where one block
// per logits row finds the maximum (fp32), the sum of exponentials (double) and the row's loss,
// then turns the row into its gradient, rounding each value as kernels/cpu/cross_entropy.cpp does.
#include <algorithm>
#include <cmath>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

constexpr unsigned kRowThreads = 512;  // a vocabulary row is 32k to 256k values
constexpr unsigned kMaxRowBlocks = 1u << 16;

__global__ void crossEntropyRowsKernel(float* logits, const std::int32_t* targets, std::size_t count,
                                       std::size_t vocab, float scale, bool gradient, double* rowLoss) {
  __shared__ float sharedFloat[kWarp];
  __shared__ double sharedDouble[kWarp];
  for (std::size_t t = blockIdx.x; t < count; t += gridDim.x) {
    float* row = logits + t * vocab;
    const std::int32_t target = targets[t];
    if (target == kIgnoreTarget) {  // the same for the whole block
      if (gradient) {
        for (std::size_t v = threadIdx.x; v < vocab; v += blockDim.x) row[v] = 0.0f;  // no gradient
      }
      if (threadIdx.x == 0) rowLoss[t] = 0;
      continue;
    }
    float maximum = -INFINITY;
    for (std::size_t v = threadIdx.x; v < vocab; v += blockDim.x) maximum = fmaxf(maximum, row[v]);
    maximum = blockReduce(maximum, MaxOp{}, -INFINITY, sharedFloat);
    const float targetLogit = row[target];
    __syncthreads();  // every thread has read the target's logit before any overwrites the row
    // One fp32 exponential per logit (the row's largest is 1), summed in double, kept in the row
    // for the gradient: as the CPU backend computes it.
    double sum = 0;
    for (std::size_t v = threadIdx.x; v < vocab; v += blockDim.x) {
      const float e = expf(row[v] - maximum);
      if (gradient) row[v] = e;
      sum += static_cast<double>(e);
    }
    sum = blockReduce(sum, SumOp{}, 0.0, sharedDouble);
    if (threadIdx.x == 0) rowLoss[t] = log(sum) - static_cast<double>(targetLogit - maximum);
    if (!gradient) continue;
    // (softmax - one-hot) * scale, scale = 1 / normalizer; each thread scales the values it wrote.
    const auto factor = static_cast<float>(static_cast<double>(scale) / sum);
    for (std::size_t v = threadIdx.x; v < vocab; v += blockDim.x) {
      float g = row[v] * factor;
      if (v == static_cast<std::size_t>(target)) g -= scale;
      row[v] = g;
    }
  }
}

}  // namespace

void crossEntropyRows(cudaStream_t stream, float* logits, const std::int32_t* targets, std::size_t count,
                      std::size_t vocab, float scale, bool gradient, double* rowLoss) {
  if (count == 0) return;
  const auto blocks = static_cast<unsigned>(std::min<std::size_t>(count, kMaxRowBlocks));
  crossEntropyRowsKernel<<<blocks, kRowThreads, 0, stream>>>(logits, targets, count, vocab, scale, gradient, rowLoss);
  CUDA_CHECK("crossEntropy", cudaGetLastError());
}

void crossEntropyChunks(cudaStream_t stream, const float* hidden, const std::int32_t* targets,
                        std::size_t tokens, std::size_t hiddenSize, std::size_t vocab, std::size_t chunkTokens,
                        float scale, float* dhidden, float* dhead, float* logits, double* rowLoss,
                        const HeadProducts& head) {
  const bool backward = dhidden != nullptr;
  for (std::size_t first = 0; first < tokens; first += chunkTokens) {
    const std::size_t count = std::min(chunkTokens, tokens - first);
    const float* rows = hidden + first * hiddenSize;
    head.logits(rows, count, logits);
    crossEntropyRows(stream, logits, targets + first, count, vocab, scale, backward, rowLoss + first);
    if (!backward) continue;
    head.inputGradient(logits, count, dhidden + first * hiddenSize);
    if (dhead != nullptr) head.weightGradient(logits, rows, count, dhead);
  }
  sumInOrder(stream, rowLoss, tokens, rowLoss + tokens);
}

}  // namespace tiertune::kernels::cuda
