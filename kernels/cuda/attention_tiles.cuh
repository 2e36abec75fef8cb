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

// ---- the backward's walks, shared by its fp32 and bf16 kernels ----------------------------------

template <int D>
__device__ inline void zeroRows(float4 (&acc)[kRowsPerThread][D / 64]) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
    for (int n = 0; n < D / 64; ++n) acc[i][n] = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  }
}

// The dq kernel's per-row inputs: logSumExp and delta of this thread's query rows (0 past the end).
struct QueryRowFacts {
  float lse[kRowsPerThread];
  float delta[kRowsPerThread];
};

__device__ inline QueryRowFacts queryRowFactsOf(const QueryRows& rows, int h, const AttentionDims& dims,
                                               const float* logSumExp, const float* delta) {
  QueryRowFacts facts;
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    const int t = rows.token[i];
    const std::size_t at = static_cast<std::size_t>(h) * dims.tokens + t;
    facts.lse[i] = t >= 0 ? logSumExp[at] : 0.0f;
    facts.delta[i] = t >= 0 ? delta[at] : 0.0f;
  }
  return facts;
}

// dq [tokens, heads, D] = acc scaled by 1 / sqrt(D), this thread's rows.
template <int D>
__device__ inline void storeQueryGradientRows(const QueryRows& rows, const float4 (&acc)[kRowsPerThread][D / 64],
                                              const ForwardTile& tile, const AttentionDims& dims, float* dq) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    const int t = rows.token[i];
    if (t < 0) continue;
    float* const row = dq + (static_cast<std::size_t>(t) * dims.heads + tile.h) * D;
#pragma unroll
    for (int n = 0; n < D / 64; ++n) {
      *reinterpret_cast<float4*>(row + 4 * (tile.tx + 16 * n)) = scaled(acc[i][n], tile.scale);
    }
  }
}

// The block's place in the dk/dv grid (key tiles, kv heads), this thread's in the tile, and the last
// query that sees any key of the tile: the last t >= firstKey whose sample starts at or before
// lastKey (at least lastKey itself). Every thread calls it.
struct KeyTile {
  int tokens, group, kvHead, firstKey, keyRows, lastKey, lastQuery, tid, tx, ty;
  std::size_t queryStride, kvStride;
  float scale;
  int rowKey[kRowsPerThread];  // this thread's key rows; past the last token: INT_MAX, seen by no query
};

__device__ inline KeyTile keyTileOf(const AttentionDims& dims, const std::int32_t* sampleStart, int* reduceShared) {
  KeyTile tile;
  tile.tokens = static_cast<int>(dims.tokens);
  tile.group = static_cast<int>(dims.heads / dims.kvHeads);
  tile.kvHead = static_cast<int>(blockIdx.y);
  tile.queryStride = dims.heads * dims.headDim;
  tile.kvStride = dims.kvHeads * dims.headDim;
  tile.firstKey = static_cast<int>(blockIdx.x) * kTile;
  tile.keyRows = min(kTile, tile.tokens - tile.firstKey);
  tile.lastKey = tile.firstKey + tile.keyRows - 1;
  tile.tid = static_cast<int>(threadIdx.x);
  tile.tx = tile.tid % 16;
  tile.ty = tile.tid / 16;
  tile.scale = 1.0f / sqrtf(static_cast<float>(dims.headDim));
  int lastSeeing = -1;
  for (int t = tile.firstKey + tile.tid; t < tile.tokens; t += kTileThreads) {
    if (sampleStart[t] <= tile.lastKey) lastSeeing = t;
  }
  tile.lastQuery = blockReduce(lastSeeing, MaxOp{}, -1, reduceShared);
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    const int key = tile.firstKey + tile.ty + 16 * i;
    tile.rowKey[i] = key < tile.tokens ? key : INT_MAX;
  }
  return tile;
}

// The facts of a query tile's columns that the dk/dv kernels need, into shared arrays of kTile:
// logSumExp and delta of head h, and each query's sample start (INT_MAX past the end: it sees no
// key). The first kTile threads write them; the caller synchronizes.
__device__ inline void loadQueryColumnFacts(const KeyTile& tile, int h, int firstQueryOfTile, const AttentionDims& dims,
                                            const float* logSumExp, const float* delta,
                                            const std::int32_t* sampleStart, float* queryLse, float* queryDelta,
                                            int* queryStart) {
  if (tile.tid >= kTile) return;
  const int t = firstQueryOfTile + tile.tid;
  const bool valid = t < tile.tokens;
  queryLse[tile.tid] = valid ? logSumExp[static_cast<std::size_t>(h) * dims.tokens + t] : 0.0f;
  queryDelta[tile.tid] = valid ? delta[static_cast<std::size_t>(h) * dims.tokens + t] : 0.0f;
  queryStart[tile.tid] = valid ? sampleStart[t] : INT_MAX;
}

// dk (scaled by 1 / sqrt(D)) and dv [tokens, kvHeads, D], this thread's key rows.
template <int D>
__device__ inline void storeKeyValueRows(const KeyTile& tile, const float4 (&keyAcc)[kRowsPerThread][D / 64],
                                         const float4 (&valueAcc)[kRowsPerThread][D / 64], const AttentionDims& dims,
                                         float* dk, float* dv) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
    if (tile.rowKey[i] == INT_MAX) continue;
    const std::size_t at = (static_cast<std::size_t>(tile.rowKey[i]) * dims.kvHeads + tile.kvHead) * D;
#pragma unroll
    for (int n = 0; n < D / 64; ++n) {
      *reinterpret_cast<float4*>(dk + at + 4 * (tile.tx + 16 * n)) = scaled(keyAcc[i][n], tile.scale);
      *reinterpret_cast<float4*>(dv + at + 4 * (tile.tx + 16 * n)) = valueAcc[i][n];
    }
  }
}

inline bool aligned16(const void* pointer) { return reinterpret_cast<std::uintptr_t>(pointer) % 16 == 0; }

// One block per query (or key) tile and head.
inline dim3 tileGrid(std::size_t tokens, std::size_t headsOfGrid) {
  return dim3(static_cast<unsigned>((tokens + kTile - 1) / kTile), static_cast<unsigned>(headsOfGrid));
}

}  // namespace tiertune::kernels::cuda
