// Causal grouped-query attention on the GPU with packed-sample boundaries, as
// kernels/cpu/attention.cpp computes it, without ever holding a tokens x tokens matrix.
//
// Head dimensions 64 and 128 (the models we train) take tiled FlashAttention-2-style kernels, fp32
// storage and math (with bf16 products, the forward is attention_bf16.cu's, on the tensor cores;
// the tiling both share is attention_tiles.cuh): a block of 256 threads owns a 64 x 64 tile of
// scores, each thread 4 rows x 4 columns of it (rows ty + 16 i, columns tx + 16 j, tx = thread % 16,
// ty = thread / 16), and
// 4 rows x headDim / 16 columns of the output tile (columns 4 (tx + 16 n) .. +3). Tiles of q, k, v,
// dout live in shared memory, rows padded by 4 floats so that float4 reads do not conflict.
//   forward  grid (query tiles, heads): for each key tile the sample boundaries let it see,
//            S = Q K^T, online softmax (running maximum m and sum l per row), O += P V; it saves
//            logSumExp = m + log l [heads, tokens] for the backward.
//   dq       grid (query tiles, heads): the same walk over key tiles; P = exp(S - lse),
//            dS = P (dO V^T - delta), dQ += dS K.
//   dk, dv   grid (key tiles, kv heads): over the query heads of the group and the query tiles that
//            can see the key tile (up to the last query whose sample starts at or before the tile's
//            last key), dV += P^T dO and dK += dS^T Q.
// Each output element is written by one thread: no atomics, a fixed order, so results repeat.
//
// Other head dimensions (up to kMaxAttentionHeadDim), unaligned tensors, and GPUs without enough
// shared memory per block take the simple kernels: one warp per (token, head) row, the head vector
// held as 32 lanes x kPerLane values (element i in lane i % 32, slot i / 32).
//   forward: one warp per (query token t, head h) walks the keys sampleStart[t]..t with an online
//     softmax, keeping the output row in registers.
//   backward: delta = rowsum(dout * out) per (t, h) (both paths); then dq per (t, h) over its keys;
//     then dk, dv per (key token s, kv head) over the query heads of its group and the queries
//     t >= s whose sample contains s.
#include <climits>
#include <cmath>
#include <cstdint>
#include <initializer_list>

#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/attention_tiles.cuh"
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

// One warp's softmax-weighted sum of the value rows first..last for one query row (online softmax:
// running maximum and sum), written to result; returns the row's log-sum-exp. k and v point at the
// first row's kv head; rowStride floats separate consecutive rows.
__device__ float attendRows(const float* queryRow, const float* k, const float* v, std::size_t first,
                            std::size_t last, std::size_t rowStride, std::size_t d, float* result) {
  const unsigned lane = threadIdx.x % kWarp;
  const float scale = attentionScale(d);
  const HeadVector query = loadVector(queryRow, lane, d);
  HeadVector acc = zeroVector();
  float maximum = -INFINITY;
  float sum = 0;
  for (std::size_t s = first; s <= last; ++s) {
    const std::size_t kvAt = s * rowStride;
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
  storeVector(acc, result, lane, d);
  return maximum + logf(sum);
}

__global__ void forwardKernel(const float* q, const float* k, const float* v, const std::int32_t* sampleStart,
                              AttentionDims dims, float* out, float* logSumExp) {
  std::size_t t = 0, h = 0;
  if (!warpPair(dims.tokens, dims.heads, t, h)) return;
  const std::size_t d = dims.headDim;
  const std::size_t kvOffset = (h / (dims.heads / dims.kvHeads)) * d;
  const float lse = attendRows(q + (t * dims.heads + h) * d, k + kvOffset, v + kvOffset,
                               static_cast<std::size_t>(sampleStart[t]), t, dims.kvHeads * d, d,
                               out + (t * dims.heads + h) * d);
  if (threadIdx.x % kWarp == 0) logSumExp[h * dims.tokens + t] = lse;
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


// ---- tiled kernels (head dimension 64 or 128) ------------------------------------------------------

template <int D>
struct TileShape {
  static_assert(D % 64 == 0, "the tiled kernels take head dimensions that are multiples of 64");
  static constexpr int stride = D + kPad;         // floats per shared row of a q/k/v/dout tile
  static constexpr int floats = kTile * stride;   // floats per such tile
  static constexpr int chunks = D / 64;           // float4 output columns per thread per row
  // Dynamic shared memory of each kernel, in bytes.
  static constexpr std::size_t forwardBytes = sizeof(float) * (3 * floats + kTile * kScoreStride);
  static constexpr std::size_t queryGradientBytes = sizeof(float) * (4 * floats + kTile * kScoreStride);
  static constexpr std::size_t keyValueGradientBytes = sizeof(float) * (4 * floats + 2 * kTile * kScoreStride);
};

__device__ __forceinline__ float dot4(float4 a, float4 b, float acc) {
  acc = fmaf(a.x, b.x, acc);
  acc = fmaf(a.y, b.y, acc);
  acc = fmaf(a.z, b.z, acc);
  return fmaf(a.w, b.w, acc);
}
__device__ __forceinline__ void addScaled(float4& acc, float weight, float4 row) {
  acc.x = fmaf(weight, row.x, acc.x);
  acc.y = fmaf(weight, row.y, acc.y);
  acc.z = fmaf(weight, row.z, acc.z);
  acc.w = fmaf(weight, row.w, acc.w);
}
__device__ __forceinline__ float component(float4 value, int i) {
  return i == 0 ? value.x : i == 1 ? value.y : i == 2 ? value.z : value.w;
}

template <int D>
__device__ __forceinline__ const float4& sharedChunk(const float* tile, int row, int column) {
  return *reinterpret_cast<const float4*>(tile + row * TileShape<D>::stride + column);
}

// tile [kTile, D + kPad] = rows firstRow .. firstRow + kTile - 1 of a [*, rowStride] tensor (base
// already at the head's columns); rows at or past validRows become zeros. Every thread calls it.
template <int D>
__device__ void loadTile(float* tile, const float* base, int firstRow, int validRows, std::size_t rowStride) {
  constexpr int chunksPerRow = D / 4;
  for (int index = static_cast<int>(threadIdx.x); index < kTile * chunksPerRow; index += kTileThreads) {
    const int row = index / chunksPerRow;
    const int column = (index % chunksPerRow) * 4;
    float4 value = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    if (row < validRows) {
      value = *reinterpret_cast<const float4*>(base + static_cast<std::size_t>(firstRow + row) * rowStride + column);
    }
    *reinterpret_cast<float4*>(tile + row * TileShape<D>::stride + column) = value;
  }
}

// scores[i][j] += rowsA[ty + 16 i] . rowsB[tx + 16 j] over the head dimension (shared tiles).
template <int D>
__device__ __forceinline__ void tileDot(const float* rowsA, const float* rowsB, int tx, int ty,
                                        float (&scores)[kRowsPerThread][kRowsPerThread]) {
#pragma unroll 4
  for (int d = 0; d < D; d += 4) {
    float4 a[kRowsPerThread], b[kRowsPerThread];
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) a[i] = sharedChunk<D>(rowsA, ty + 16 * i, d);
#pragma unroll
    for (int j = 0; j < kRowsPerThread; ++j) b[j] = sharedChunk<D>(rowsB, tx + 16 * j, d);
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) scores[i][j] = dot4(a[i], b[j], scores[i][j]);
    }
  }
}

// acc[i][n] += sum over c of weights[ty + 16 i][c] * rows[c][4 (tx + 16 n) ..] (shared tiles;
// weights [kTile, kScoreStride]).
template <int D>
__device__ __forceinline__ void tileAccumulate(const float* weights, const float* rows, int tx, int ty,
                                               float4 (&acc)[kRowsPerThread][TileShape<D>::chunks]) {
#pragma unroll 2
  for (int c = 0; c < kTile; c += 4) {
    float4 w[kRowsPerThread];
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
      w[i] = *reinterpret_cast<const float4*>(weights + (ty + 16 * i) * kScoreStride + c);
    }
#pragma unroll
    for (int cc = 0; cc < 4; ++cc) {
#pragma unroll
      for (int n = 0; n < TileShape<D>::chunks; ++n) {
        const float4 row = sharedChunk<D>(rows, c + cc, 4 * (tx + 16 * n));
#pragma unroll
        for (int i = 0; i < kRowsPerThread; ++i) addScaled(acc[i][n], component(w[i], cc), row);
      }
    }
  }
}

template <int D>
__global__ void __launch_bounds__(kTileThreads)
    tiledForwardKernel(const float* __restrict__ q, const float* __restrict__ k, const float* __restrict__ v,
                       const std::int32_t* __restrict__ sampleStart, AttentionDims dims, float* __restrict__ out,
                       float* __restrict__ logSumExp) {
  using Shape = TileShape<D>;
  extern __shared__ float4 sharedFloat4[];
  float* const queryTile = reinterpret_cast<float*>(sharedFloat4);
  float* const keyTile = queryTile + Shape::floats;
  float* const valueTile = keyTile + Shape::floats;
  float* const probabilityTile = valueTile + Shape::floats;  // [kTile, kScoreStride]
  __shared__ int reduceShared[kWarp];

  const ForwardTile tile = forwardTileOf(dims);

  loadTile<D>(queryTile, q + static_cast<std::size_t>(tile.h) * D, tile.firstQuery, tile.queryRows, tile.queryStride);
  const QueryRows rows = queryRowsOf(sampleStart, tile.firstQuery, tile.tokens, tile.ty);
  const int firstKey = firstVisibleKey(sampleStart, tile.firstQuery, tile.queryRows, reduceShared);

  ForwardRowsState<D> state;

  for (int firstKeyOfTile = firstKey; firstKeyOfTile <= tile.lastQuery; firstKeyOfTile += kTile) {
    __syncthreads();  // the previous tile's K, V and P are no longer read
    const int keyRows = min(kTile, tile.tokens - firstKeyOfTile);
    loadTile<D>(keyTile, k + static_cast<std::size_t>(tile.kvHead) * D, firstKeyOfTile, keyRows, tile.kvStride);
    loadTile<D>(valueTile, v + static_cast<std::size_t>(tile.kvHead) * D, firstKeyOfTile, keyRows, tile.kvStride);
    __syncthreads();

    float scores[kRowsPerThread][kRowsPerThread] = {};
    tileDot<D>(queryTile, keyTile, tile.tx, tile.ty, scores);
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
      const float correction = onlineSoftmaxStep(scores[i], firstKeyOfTile, tile.tx, rows.start[i], rows.token[i],
                                                 tile.scale, state.maximum[i], state.sum[i]);
#pragma unroll
      for (int n = 0; n < Shape::chunks; ++n) state.acc[i][n] = scaled(state.acc[i][n], correction);
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) {
        probabilityTile[(tile.ty + 16 * i) * kScoreStride + tile.tx + 16 * j] = scores[i][j];
      }
    }
    __syncthreads();
    tileAccumulate<D>(probabilityTile, valueTile, tile.tx, tile.ty, state.acc);
  }
  storeForwardRows<D>(rows, state, tile, dims, out, logSumExp);
}

template <int D>
__global__ void __launch_bounds__(kTileThreads)
    tiledQueryGradientKernel(const float* __restrict__ dout, const float* __restrict__ q,
                             const float* __restrict__ k, const float* __restrict__ v,
                             const float* __restrict__ logSumExp, const float* __restrict__ delta,
                             const std::int32_t* __restrict__ sampleStart, AttentionDims dims,
                             float* __restrict__ dq) {
  using Shape = TileShape<D>;
  extern __shared__ float4 sharedFloat4[];
  float* const queryTile = reinterpret_cast<float*>(sharedFloat4);
  float* const gradOutTile = queryTile + Shape::floats;
  float* const keyTile = gradOutTile + Shape::floats;
  float* const valueTile = keyTile + Shape::floats;
  float* const scoreGradTile = valueTile + Shape::floats;  // dS [kTile, kScoreStride]
  __shared__ int reduceShared[kWarp];

  const ForwardTile tile = forwardTileOf(dims);
  const std::size_t queryColumns = static_cast<std::size_t>(tile.h) * D;
  loadTile<D>(queryTile, q + queryColumns, tile.firstQuery, tile.queryRows, tile.queryStride);
  loadTile<D>(gradOutTile, dout + queryColumns, tile.firstQuery, tile.queryRows, tile.queryStride);
  const QueryRows rows = queryRowsOf(sampleStart, tile.firstQuery, tile.tokens, tile.ty);
  const QueryRowFacts facts = queryRowFactsOf(rows, tile.h, dims, logSumExp, delta);
  const int firstKey = firstVisibleKey(sampleStart, tile.firstQuery, tile.queryRows, reduceShared);

  float4 acc[kRowsPerThread][Shape::chunks];
  zeroRows<D>(acc);

  for (int firstKeyOfTile = firstKey; firstKeyOfTile <= tile.lastQuery; firstKeyOfTile += kTile) {
    __syncthreads();  // the previous tile's K and dS are no longer read
    const int keyRows = min(kTile, tile.tokens - firstKeyOfTile);
    const std::size_t kvColumns = static_cast<std::size_t>(tile.kvHead) * D;
    loadTile<D>(keyTile, k + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    loadTile<D>(valueTile, v + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    __syncthreads();

    float scores[kRowsPerThread][kRowsPerThread] = {};
    float probabilityGrads[kRowsPerThread][kRowsPerThread] = {};
    tileDot<D>(queryTile, keyTile, tile.tx, tile.ty, scores);
    tileDot<D>(gradOutTile, valueTile, tile.tx, tile.ty, probabilityGrads);
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) {
        const int key = firstKeyOfTile + tile.tx + 16 * j;
        const bool visible = key >= rows.start[i] && key <= rows.token[i];
        const float p = visible ? expf(scores[i][j] * tile.scale - facts.lse[i]) : 0.0f;
        scoreGradTile[(tile.ty + 16 * i) * kScoreStride + tile.tx + 16 * j] =
            p * (probabilityGrads[i][j] - facts.delta[i]);
      }
    }
    __syncthreads();
    tileAccumulate<D>(scoreGradTile, keyTile, tile.tx, tile.ty, acc);
  }
  storeQueryGradientRows<D>(rows, acc, tile, dims, dq);
}

template <int D>
__global__ void __launch_bounds__(kTileThreads)
    tiledKeyValueGradientKernel(const float* __restrict__ dout, const float* __restrict__ q,
                                const float* __restrict__ k, const float* __restrict__ v,
                                const float* __restrict__ logSumExp, const float* __restrict__ delta,
                                const std::int32_t* __restrict__ sampleStart, AttentionDims dims,
                                float* __restrict__ dk, float* __restrict__ dv) {
  using Shape = TileShape<D>;
  extern __shared__ float4 sharedFloat4[];
  float* const keyTile = reinterpret_cast<float*>(sharedFloat4);
  float* const valueTile = keyTile + Shape::floats;
  float* const queryTile = valueTile + Shape::floats;
  float* const gradOutTile = queryTile + Shape::floats;
  float* const probabilityTile = gradOutTile + Shape::floats;      // P^T [key, query]
  float* const scoreGradTile = probabilityTile + kTile * kScoreStride;  // dS^T [key, query]
  __shared__ int reduceShared[kWarp];
  __shared__ float queryLse[kTile], queryDelta[kTile];
  __shared__ int queryStart[kTile];

  const KeyTile tile = keyTileOf(dims, sampleStart, reduceShared);
  const int tx = tile.tx, ty = tile.ty;
  const std::size_t kvColumns = static_cast<std::size_t>(tile.kvHead) * D;
  loadTile<D>(keyTile, k + kvColumns, tile.firstKey, tile.keyRows, tile.kvStride);
  loadTile<D>(valueTile, v + kvColumns, tile.firstKey, tile.keyRows, tile.kvStride);

  float4 keyAcc[kRowsPerThread][Shape::chunks], valueAcc[kRowsPerThread][Shape::chunks];
  zeroRows<D>(keyAcc);
  zeroRows<D>(valueAcc);

  for (int h = tile.kvHead * tile.group; h < (tile.kvHead + 1) * tile.group; ++h) {
    for (int firstQueryOfTile = tile.firstKey; firstQueryOfTile <= tile.lastQuery; firstQueryOfTile += kTile) {
      __syncthreads();  // the previous tile's Q, dO, P and dS are no longer read
      const int queryRows = min(kTile, tile.tokens - firstQueryOfTile);
      const std::size_t queryColumns = static_cast<std::size_t>(h) * D;
      loadTile<D>(queryTile, q + queryColumns, firstQueryOfTile, queryRows, tile.queryStride);
      loadTile<D>(gradOutTile, dout + queryColumns, firstQueryOfTile, queryRows, tile.queryStride);
      loadQueryColumnFacts(tile, h, firstQueryOfTile, dims, logSumExp, delta, sampleStart, queryLse, queryDelta,
                           queryStart);
      __syncthreads();

      float scores[kRowsPerThread][kRowsPerThread] = {};            // S^T: key rows, query columns
      float probabilityGrads[kRowsPerThread][kRowsPerThread] = {};  // dP^T
      tileDot<D>(keyTile, queryTile, tx, ty, scores);
      tileDot<D>(valueTile, gradOutTile, tx, ty, probabilityGrads);
#pragma unroll
      for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
        for (int j = 0; j < kRowsPerThread; ++j) {
          const int column = tx + 16 * j;
          const int t = firstQueryOfTile + column;
          const bool visible = queryStart[column] <= tile.rowKey[i] && tile.rowKey[i] <= t;
          const float p = visible ? expf(scores[i][j] * tile.scale - queryLse[column]) : 0.0f;
          probabilityTile[(ty + 16 * i) * kScoreStride + column] = p;
          scoreGradTile[(ty + 16 * i) * kScoreStride + column] = p * (probabilityGrads[i][j] - queryDelta[column]);
        }
      }
      __syncthreads();
      tileAccumulate<D>(probabilityTile, gradOutTile, tx, ty, valueAcc);
      tileAccumulate<D>(scoreGradTile, queryTile, tx, ty, keyAcc);
    }
  }
  storeKeyValueRows<D>(tile, keyAcc, valueAcc, dims, dk, dv);
}

// Whether the tiled kernels for dims.headDim can run here: a head dimension they are built for,
// float4-aligned tensors, and a GPU that gives a block the shared memory the kernels ask for
// (the dk/dv kernel for headDim 128 wants 166 KiB: H100/H200 yes, A100 no).
bool tiledPathFits(const char* op, const AttentionDims& dims, std::initializer_list<const void*> tensors) {
  if (dims.headDim != 64 && dims.headDim != 128) return false;
  for (const void* tensor : tensors) {
    if (!aligned16(tensor)) return false;
  }
  int device = 0, limit = 0;
  CUDA_CHECK(op, cudaGetDevice(&device));
  CUDA_CHECK(op, cudaDeviceGetAttribute(&limit, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  const std::size_t widest = dims.headDim == 64 ? TileShape<64>::keyValueGradientBytes
                                                : TileShape<128>::keyValueGradientBytes;
  constexpr std::size_t staticBytes = 2048;  // the kernels' own __shared__ arrays, with room to spare
  return widest + staticBytes <= static_cast<std::size_t>(limit);
}

template <int D>
void launchTiledForward(cudaStream_t stream, const float* q, const float* k, const float* v,
                        const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  constexpr std::size_t bytes = TileShape<D>::forwardBytes;
  CUDA_CHECK("attentionForward", cudaFuncSetAttribute(tiledForwardKernel<D>,
                                                      cudaFuncAttributeMaxDynamicSharedMemorySize,
                                                      static_cast<int>(bytes)));
  tiledForwardKernel<D><<<tileGrid(dims.tokens, dims.heads), kTileThreads, bytes, stream>>>(q, k, v, sampleStart,
                                                                                            dims, out, logSumExp);
  CUDA_CHECK("attentionForward", cudaGetLastError());
}

template <int D>
void launchTiledBackward(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                         const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                         const AttentionDims& dims, float* dq, float* dk, float* dv) {
  constexpr std::size_t queryBytes = TileShape<D>::queryGradientBytes;
  CUDA_CHECK("attentionBackward (dq)", cudaFuncSetAttribute(tiledQueryGradientKernel<D>,
                                                            cudaFuncAttributeMaxDynamicSharedMemorySize,
                                                            static_cast<int>(queryBytes)));
  tiledQueryGradientKernel<D><<<tileGrid(dims.tokens, dims.heads), kTileThreads, queryBytes, stream>>>(
      dout, q, k, v, logSumExp, delta, sampleStart, dims, dq);
  CUDA_CHECK("attentionBackward (dq)", cudaGetLastError());
  constexpr std::size_t keyBytes = TileShape<D>::keyValueGradientBytes;
  CUDA_CHECK("attentionBackward (dk, dv)", cudaFuncSetAttribute(tiledKeyValueGradientKernel<D>,
                                                                cudaFuncAttributeMaxDynamicSharedMemorySize,
                                                                static_cast<int>(keyBytes)));
  tiledKeyValueGradientKernel<D><<<tileGrid(dims.tokens, dims.kvHeads), kTileThreads, keyBytes, stream>>>(
      dout, q, k, v, logSumExp, delta, sampleStart, dims, dk, dv);
  CUDA_CHECK("attentionBackward (dk, dv)", cudaGetLastError());
}

// Generation against a key/value cache: one warp per (query i, head h) walks the cache rows
// 0..past + i with the online softmax of forwardKernel. Decoding has one query, so the grid is
// only heads warps; the cache walk, not the launch, is what costs.
__global__ void cachedForwardKernel(const float* q, const float* keys, const float* values, CachedAttentionDims dims,
                                    float* out) {
  std::size_t i = 0, h = 0;
  if (!warpPair(dims.queries, dims.heads, i, h)) return;
  const std::size_t d = dims.headDim;
  const std::size_t kvOffset = (h / (dims.heads / dims.kvHeads)) * d;
  attendRows(q + (i * dims.heads + h) * d, keys + kvOffset, values + kvOffset, 0, dims.past + i, dims.kvHeads * d, d,
             out + (i * dims.heads + h) * d);
}

}  // namespace

void attentionForward(cudaStream_t stream, const float* q, const float* k, const float* v,
                      const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  const std::size_t warps = dims.tokens * dims.heads;
  if (warps == 0) return;
  if (tiledPathFits("attentionForward", dims, {q, k, v, out})) {
    if (dims.headDim == 64) {
      launchTiledForward<64>(stream, q, k, v, sampleStart, dims, out, logSumExp);
    } else {
      launchTiledForward<128>(stream, q, k, v, sampleStart, dims, out, logSumExp);
    }
    return;
  }
  forwardKernel<<<warpBlocks(warps), kWarpsPerBlock * kWarp, 0, stream>>>(q, k, v, sampleStart, dims, out, logSumExp);
  CUDA_CHECK("attentionForward", cudaGetLastError());
}

void attentionBackward(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                       const float* out, const float* logSumExp, const std::int32_t* sampleStart,
                       const AttentionDims& dims, bool bf16Products, float* delta, float* dq, float* dk, float* dv) {
  const std::size_t queryWarps = dims.tokens * dims.heads;
  if (queryWarps == 0) return;
  constexpr unsigned threads = kWarpsPerBlock * kWarp;
  deltaKernel<<<warpBlocks(queryWarps), threads, 0, stream>>>(dout, out, dims, delta);
  CUDA_CHECK("attentionBackward (delta)", cudaGetLastError());
  if (bf16Products && attentionBackwardBf16(stream, dout, q, k, v, logSumExp, delta, sampleStart, dims, dq, dk, dv)) {
    return;
  }
  if (tiledPathFits("attentionBackward", dims, {dout, q, k, v, dq, dk, dv})) {
    if (dims.headDim == 64) {
      launchTiledBackward<64>(stream, dout, q, k, v, logSumExp, delta, sampleStart, dims, dq, dk, dv);
    } else {
      launchTiledBackward<128>(stream, dout, q, k, v, logSumExp, delta, sampleStart, dims, dq, dk, dv);
    }
    return;
  }
  queryGradientKernel<<<warpBlocks(queryWarps), threads, 0, stream>>>(dout, q, k, v, logSumExp, delta, sampleStart,
                                                                       dims, dq);
  CUDA_CHECK("attentionBackward (dq)", cudaGetLastError());
  const std::size_t keyWarps = dims.tokens * dims.kvHeads;
  keyValueGradientKernel<<<warpBlocks(keyWarps), threads, 0, stream>>>(dout, q, k, v, logSumExp, delta, sampleStart,
                                                                        dims, dk, dv);
  CUDA_CHECK("attentionBackward (dk, dv)", cudaGetLastError());
}

void cachedAttention(cudaStream_t stream, const float* q, const float* keys, const float* values,
                     const CachedAttentionDims& dims, float* out) {
  const std::size_t warps = dims.queries * dims.heads;
  if (warps == 0) return;
  cachedForwardKernel<<<warpBlocks(warps), kWarpsPerBlock * kWarp, 0, stream>>>(q, keys, values, dims, out);
  CUDA_CHECK("cachedAttention", cudaGetLastError());
}

}  // namespace tiertune::kernels::cuda
