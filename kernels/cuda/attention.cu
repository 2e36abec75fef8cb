// Causal grouped-query attention on the GPU with packed-sample boundaries, as
// kernels/cpu/attention.cpp computes it, without ever holding a tokens x tokens matrix:
//   forward: one warp per (query token t, head h) walks the keys sampleStart[t]..t with an online
//     softmax (running maximum and sum), keeping the output row in registers; it saves
//     logSumExp [heads, tokens] for the backward.
//   backward: delta = rowsum(dout * out) per (t, h); then dq per (t, h) over its keys; then dk, dv
//     per (key token s, kv head) over the query heads of its group and the queries t >= s whose
//     sample contains s. Each output row is written by one warp: no atomics, a fixed order.
// A warp holds a head vector as 32 lanes x kPerLane values: element i lives in lane i % 32, slot
// i / 32, so headDim up to kMaxAttentionHeadDim (256) and of any size.
#include <cmath>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

namespace {

constexpr int kPerLane = static_cast<int>(kMaxAttentionHeadDim / kWarp);
constexpr unsigned kWarpsPerBlock = 4;

struct HeadVector {
  float values[kPerLane];
};

__device__ HeadVector loadVector(const float* source, unsigned lane, std::size_t d) {
  HeadVector vector;
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) {
    const std::size_t i = lane + static_cast<std::size_t>(j) * kWarp;
    vector.values[j] = i < d ? source[i] : 0.0f;
  }
  return vector;
}

__device__ HeadVector zeroVector() {
  HeadVector vector;
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) vector.values[j] = 0.0f;
  return vector;
}

__device__ void storeVector(const HeadVector& vector, float* target, unsigned lane, std::size_t d) {
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) {
    const std::size_t i = lane + static_cast<std::size_t>(j) * kWarp;
    if (i < d) target[i] = vector.values[j];
  }
}

// The dot product of a register-held vector with one in memory; every lane gets it.
__device__ float warpDot(const HeadVector& a, const float* b, unsigned lane, std::size_t d) {
  float sum = 0;
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) {
    const std::size_t i = lane + static_cast<std::size_t>(j) * kWarp;
    if (i < d) sum += a.values[j] * b[i];
  }
  return warpReduce(sum, SumOp{});
}

// acc = acc * factor + weight * row (row in memory).
__device__ void scaleAndAdd(HeadVector& acc, float factor, float weight, const float* row, unsigned lane,
                            std::size_t d) {
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) {
    const std::size_t i = lane + static_cast<std::size_t>(j) * kWarp;
    if (i < d) acc.values[j] = acc.values[j] * factor + weight * row[i];
  }
}

// The warp's (row, head) pair, or false for the spare warps of the last block. The whole warp
// gets the same answer, so the warp stays converged for the shuffles.
__device__ bool warpPair(std::size_t rows, std::size_t headsPerRow, std::size_t& row, std::size_t& head) {
  const std::size_t pair = static_cast<std::size_t>(blockIdx.x) * kWarpsPerBlock + threadIdx.x / kWarp;
  if (pair >= rows * headsPerRow) return false;
  row = pair / headsPerRow;
  head = pair % headsPerRow;
  return true;
}

__device__ float attentionScale(std::size_t d) { return 1.0f / sqrtf(static_cast<float>(d)); }

__global__ void forwardKernel(const float* q, const float* k, const float* v, const std::int32_t* sampleStart,
                              AttentionDims dims, float* out, float* logSumExp) {
  std::size_t t = 0, h = 0;
  if (!warpPair(dims.tokens, dims.heads, t, h)) return;
  const unsigned lane = threadIdx.x % kWarp;
  const std::size_t d = dims.headDim;
  const std::size_t kvHead = h / (dims.heads / dims.kvHeads);
  const float scale = attentionScale(d);
  const HeadVector query = loadVector(q + (t * dims.heads + h) * d, lane, d);
  HeadVector acc = zeroVector();
  float maximum = -INFINITY;
  float sum = 0;
  for (std::size_t s = static_cast<std::size_t>(sampleStart[t]); s <= t; ++s) {
    const std::size_t kvAt = (s * dims.kvHeads + kvHead) * d;
    const float score = warpDot(query, k + kvAt, lane, d) * scale;
    const float newMaximum = fmaxf(maximum, score);
    const float correction = expf(maximum - newMaximum);  // 0 at the first key (maximum -inf)
    const float weight = expf(score - newMaximum);
    sum = sum * correction + weight;
    scaleAndAdd(acc, correction, weight, v + kvAt, lane, d);
    maximum = newMaximum;
  }
  const float inverse = 1.0f / sum;
#pragma unroll
  for (int j = 0; j < kPerLane; ++j) acc.values[j] *= inverse;
  storeVector(acc, out + (t * dims.heads + h) * d, lane, d);
  if (lane == 0) logSumExp[h * dims.tokens + t] = maximum + logf(sum);
}

// delta[h, t] = sum_i dout[t, h, i] * out[t, h, i]  (= sum_s P_ts dP_ts)
__global__ void deltaKernel(const float* dout, const float* out, AttentionDims dims, float* delta) {
  std::size_t t = 0, h = 0;
  if (!warpPair(dims.tokens, dims.heads, t, h)) return;
  const unsigned lane = threadIdx.x % kWarp;
  const std::size_t at = (t * dims.heads + h) * dims.headDim;
  const HeadVector gradOut = loadVector(dout + at, lane, dims.headDim);
  const float value = warpDot(gradOut, out + at, lane, dims.headDim);
  if (lane == 0) delta[h * dims.tokens + t] = value;
}

// dq[t, h] = sum over keys s of dS_ts k_s, dS_ts = P_ts (dP_ts - delta) * scale.
__global__ void queryGradientKernel(const float* dout, const float* q, const float* k, const float* v,
                                    const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                                    AttentionDims dims, float* dq) {
  std::size_t t = 0, h = 0;
  if (!warpPair(dims.tokens, dims.heads, t, h)) return;
  const unsigned lane = threadIdx.x % kWarp;
  const std::size_t d = dims.headDim;
  const std::size_t kvHead = h / (dims.heads / dims.kvHeads);
  const float scale = attentionScale(d);
  const std::size_t at = (t * dims.heads + h) * d;
  const HeadVector query = loadVector(q + at, lane, d);
  const HeadVector gradOut = loadVector(dout + at, lane, d);
  const float lse = logSumExp[h * dims.tokens + t];
  const float rowDelta = delta[h * dims.tokens + t];
  HeadVector acc = zeroVector();
  for (std::size_t s = static_cast<std::size_t>(sampleStart[t]); s <= t; ++s) {
    const std::size_t kvAt = (s * dims.kvHeads + kvHead) * d;
    const float p = expf(warpDot(query, k + kvAt, lane, d) * scale - lse);
    const float dp = warpDot(gradOut, v + kvAt, lane, d);
    const float ds = p * (dp - rowDelta) * scale;
    scaleAndAdd(acc, 1.0f, ds, k + kvAt, lane, d);
  }
  storeVector(acc, dq + at, lane, d);
}

// dk[s, g] = sum over the query heads h of group g and the queries t >= s of s's sample of
// dS_ts q_t; dv[s, g] = the same sum of P_ts dout_t.
__global__ void keyValueGradientKernel(const float* dout, const float* q, const float* k, const float* v,
                                       const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                                       AttentionDims dims, float* dk, float* dv) {
  std::size_t s = 0, kvHead = 0;
  if (!warpPair(dims.tokens, dims.kvHeads, s, kvHead)) return;
  const unsigned lane = threadIdx.x % kWarp;
  const std::size_t d = dims.headDim;
  const std::size_t group = dims.heads / dims.kvHeads;
  const float scale = attentionScale(d);
  const std::size_t kvAt = (s * dims.kvHeads + kvHead) * d;
  const HeadVector key = loadVector(k + kvAt, lane, d);
  const HeadVector value = loadVector(v + kvAt, lane, d);
  HeadVector dkAcc = zeroVector();
  HeadVector dvAcc = zeroVector();
  for (std::size_t h = kvHead * group; h < (kvHead + 1) * group; ++h) {
    for (std::size_t t = s; t < dims.tokens; ++t) {
      if (static_cast<std::size_t>(sampleStart[t]) > s) continue;  // t's sample starts after s
      const std::size_t at = (t * dims.heads + h) * d;
      const float p = expf(warpDot(key, q + at, lane, d) * scale - logSumExp[h * dims.tokens + t]);
      const float dp = warpDot(value, dout + at, lane, d);
      const float ds = p * (dp - delta[h * dims.tokens + t]) * scale;
      scaleAndAdd(dvAcc, 1.0f, p, dout + at, lane, d);
      scaleAndAdd(dkAcc, 1.0f, ds, q + at, lane, d);
    }
  }
  storeVector(dkAcc, dk + kvAt, lane, d);
  storeVector(dvAcc, dv + kvAt, lane, d);
}

unsigned warpBlocks(std::size_t warps) {
  return static_cast<unsigned>((warps + kWarpsPerBlock - 1) / kWarpsPerBlock);
}

}  // namespace

void attentionForward(cudaStream_t stream, const float* q, const float* k, const float* v,
                      const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  const std::size_t warps = dims.tokens * dims.heads;
  if (warps == 0) return;
  forwardKernel<<<warpBlocks(warps), kWarpsPerBlock * kWarp, 0, stream>>>(q, k, v, sampleStart, dims, out, logSumExp);
  CUDA_CHECK("attentionForward", cudaGetLastError());
}

void attentionBackward(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                       const float* out, const float* logSumExp, const std::int32_t* sampleStart,
                       const AttentionDims& dims, float* delta, float* dq, float* dk, float* dv) {
  const std::size_t queryWarps = dims.tokens * dims.heads;
  if (queryWarps == 0) return;
  constexpr unsigned threads = kWarpsPerBlock * kWarp;
  deltaKernel<<<warpBlocks(queryWarps), threads, 0, stream>>>(dout, out, dims, delta);
  CUDA_CHECK("attentionBackward (delta)", cudaGetLastError());
  queryGradientKernel<<<warpBlocks(queryWarps), threads, 0, stream>>>(dout, q, k, v, logSumExp, delta, sampleStart,
                                                                       dims, dq);
  CUDA_CHECK("attentionBackward (dq)", cudaGetLastError());
  const std::size_t keyWarps = dims.tokens * dims.kvHeads;
  keyValueGradientKernel<<<warpBlocks(keyWarps), threads, 0, stream>>>(dout, q, k, v, logSumExp, delta, sampleStart,
                                                                        dims, dk, dv);
  CUDA_CHECK("attentionBackward (dk, dv)", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
