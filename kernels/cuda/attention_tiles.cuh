// The 64 x 64 tiling that the tiled attention kernels share: the fp32 kernels of attention.cu and
// the bf16 tensor-core forward of attention_bf16.cu. A block of 256 threads owns a 64 x 64 tile of
// scores, each thread 4 rows x 4 columns of it (rows ty + 16 i, columns tx + 16 j, tx = thread %
// 16, ty = thread / 16); the 16 threads of a score row are one half of a warp.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>

#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/device_util.cuh"

namespace tiertune::kernels::cuda {

constexpr int kTile = 64;            // query and key rows per tile
constexpr int kTileThreads = 256;    // 16 x 16 threads, each 4 x 4 scores
constexpr int kPad = 4;              // floats of padding per shared row (keeps float4 alignment)
constexpr int kScoreStride = kTile + kPad;
constexpr int kRowsPerThread = kTile / 16;

struct MinOp {
  __device__ int operator()(int a, int b) const { return a < b ? a : b; }
};

// Reductions over the 16 threads that share a score row (lanes 0-15 or 16-31 of a warp).
__device__ __forceinline__ float rowMax(float value) {
  for (int offset = 8; offset > 0; offset /= 2) value = fmaxf(value, __shfl_xor_sync(0xffffffffu, value, offset));
  return value;
}
__device__ __forceinline__ float rowSum(float value) {
  for (int offset = 8; offset > 0; offset /= 2) value += __shfl_xor_sync(0xffffffffu, value, offset);
  return value;
}

// The smallest sampleStart over the query tile's rows: its first visible key. Every thread calls it.
__device__ inline int firstVisibleKey(const std::int32_t* sampleStart, int firstQuery, int queryRows,
                                      int* reduceShared) {
  const int tid = static_cast<int>(threadIdx.x);
  const int start = tid < queryRows ? sampleStart[firstQuery + tid] : INT_MAX;
  return blockReduce(start, MinOp{}, INT_MAX, reduceShared);
}

__device__ __forceinline__ float4 scaled(float4 value, float factor) {
  return make_float4(value.x * factor, value.y * factor, value.z * factor, value.w * factor);
}

// ---- the forward's walk over key tiles, shared by its fp32 and bf16 kernels ----------------------

// The block's place in the forward's grid (query tiles, heads) and this thread's in the tile.
struct ForwardTile {
  int tokens, h, kvHead, firstQuery, queryRows, lastQuery, tx, ty;
  std::size_t queryStride, kvStride;  // floats between consecutive tokens of q (and out), of k and v
  float scale;                        // 1 / sqrt(headDim)
};

__device__ inline ForwardTile forwardTileOf(const AttentionDims& dims) {
  ForwardTile tile;
  tile.tokens = static_cast<int>(dims.tokens);
  tile.h = static_cast<int>(blockIdx.y);
  tile.kvHead = tile.h / (static_cast<int>(dims.heads) / static_cast<int>(dims.kvHeads));
  tile.firstQuery = static_cast<int>(blockIdx.x) * kTile;
  tile.queryRows = min(kTile, tile.tokens - tile.firstQuery);
  tile.lastQuery = tile.firstQuery + tile.queryRows - 1;
  tile.tx = static_cast<int>(threadIdx.x) % 16;
  tile.ty = static_cast<int>(threadIdx.x) / 16;
  tile.queryStride = dims.heads * dims.headDim;
  tile.kvStride = dims.kvHeads * dims.headDim;
  tile.scale = 1.0f / sqrtf(static_cast<float>(dims.headDim));
  return tile;
}

// This thread's online-softmax state over the key tiles: per row the running maximum and sum, and
// its 4 x D/16 columns of the unnormalized output.
template <int D>
struct ForwardRowsState {
  float maximum[kRowsPerThread];
  float sum[kRowsPerThread];
  float4 acc[kRowsPerThread][D / 64];

  __device__ ForwardRowsState() {
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
      maximum[i] = -INFINITY;
      sum[i] = 0.0f;
#pragma unroll
      for (int n = 0; n < D / 64; ++n) acc[i][n] = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    }
  }
};

// The query rows of a tile that this thread owns (ty + 16 i): row i is query token[i] and sees keys
// start[i] .. token[i]; a row past the last token sees none (-1 < every key).
struct QueryRows {
  int token[kRowsPerThread];
  int start[kRowsPerThread];
};

__device__ inline QueryRows queryRowsOf(const std::int32_t* sampleStart, int firstQuery, int tokens, int ty) {
  QueryRows rows;
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    const int t = firstQuery + ty + 16 * i;
    rows.token[i] = t < tokens ? t : -1;
    rows.start[i] = t < tokens ? sampleStart[t] : 0;
  }
  return rows;
}

// One key tile's step of the online softmax for one score row, by the 16 threads that share it:
// scores (this thread's 4 raw products q . k of the row, keys firstKeyOfTile + tx + 16 j) are
// masked and scaled, the row's running maximum and sum move on, and scores become the tile's
// unnormalized probabilities (exactly 0 where masked). Returns the factor by which the row's output
// so far must be scaled.
__device__ inline float onlineSoftmaxStep(float (&scores)[kRowsPerThread], int firstKeyOfTile, int tx, int rowStart,
                                          int rowToken, float scale, float& maximum, float& sum) {
  float tileMaximum = -INFINITY;
#pragma unroll
  for (int j = 0; j < kRowsPerThread; ++j) {
    const int key = firstKeyOfTile + tx + 16 * j;
    const bool visible = key >= rowStart && key <= rowToken;
    scores[j] = visible ? scores[j] * scale : -INFINITY;
    tileMaximum = fmaxf(tileMaximum, scores[j]);
  }
  const float newMaximum = fmaxf(maximum, rowMax(tileMaximum));
  // While a row has seen no key its maximum is -inf; subtract 0 then, not -inf (NaN).
  const float base = newMaximum == -INFINITY ? 0.0f : newMaximum;
  const float correction = expf(maximum - base);  // 0 while nothing was seen
  float tileSum = 0.0f;
#pragma unroll
  for (int j = 0; j < kRowsPerThread; ++j) {
    scores[j] = expf(scores[j] - base);  // exactly 0 where masked
    tileSum += scores[j];
  }
  sum = sum * correction + rowSum(tileSum);
  maximum = newMaximum;
  return correction;
}

// The forward's results for this thread's rows: out [tokens, heads, D] = acc / sum, and
// logSumExp [heads, tokens] = maximum + log sum (by the row's first thread).
template <int D>
__device__ inline void storeForwardRows(const QueryRows& rows, const ForwardRowsState<D>& state,
                                        const ForwardTile& tile, const AttentionDims& dims, float* out,
                                        float* logSumExp) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    const int t = rows.token[i];
    if (t < 0) continue;
    const float inverse = 1.0f / state.sum[i];
    float* const row = out + (static_cast<std::size_t>(t) * dims.heads + tile.h) * D;
#pragma unroll
    for (int n = 0; n < D / 64; ++n) {
      *reinterpret_cast<float4*>(row + 4 * (tile.tx + 16 * n)) = scaled(state.acc[i][n], inverse);
    }
    if (tile.tx == 0) {
      logSumExp[static_cast<std::size_t>(tile.h) * dims.tokens + t] = state.maximum[i] + logf(state.sum[i]);
    }
  }
}

inline bool aligned16(const void* pointer) { return reinterpret_cast<std::uintptr_t>(pointer) % 16 == 0; }

// One block per query (or key) tile and head.
inline dim3 tileGrid(std::size_t tokens, std::size_t headsOfGrid) {
  return dim3(static_cast<unsigned>((tokens + kTile - 1) / kTile), static_cast<unsigned>(headsOfGrid));
}

}  // namespace tiertune::kernels::cuda
