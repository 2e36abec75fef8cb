// Attention on the tensor cores: attention.cu's tiled kernels (the same 64 x 64 tiles, the same
// softmax by the same threads, the same outputs) with their tile products in bf16 through WMMA
// (16 x 16 x 16 fragments, fp32 accumulators). q, k, v and dout are rounded to bf16 (nearest even)
// as their tiles load; the probabilities P and their gradients dS are rounded after the fp32
// softmax arithmetic, before they multiply:
//   forward  S = Q K^T; online softmax; O += P V
//   dq       S = Q K^T, dP = dO V^T; dS = P (dP - delta); dQ += dS K
//   dk, dv   S^T = K Q^T, dP^T = V dO^T; dV += P^T dO, dK += dS^T Q
// The running maximum and sum, logSumExp and delta stay fp32, and the sum is taken over the fp32
// probabilities (as FlashAttention-2 does for a bf16 input).
//
// Each product goes through shared memory: the warps write their fragments to an fp32 work tile,
// and the threads read their 4 x 4 scores (or add their 4 x D/16 outputs) from it, so the softmax
// code does not depend on WMMA's register layout, which is unspecified. 8 warps per block: for S
// each warp owns a 16-row block and two 16-column blocks of the 64 x 64 scores; for P V a 16-row
// block and D/32 of the D/16 column blocks of the output.
//
// Shared memory (dynamic): bf16 tiles of [64, D + 8] (forward: q, k, v; backward: q, dout, k, v),
// bf16 weight tiles of [64, 72] (P; dS; P^T and dS^T), the work tile fp32 [64, D + 4] (scores use
// [64, 68] of it). At D = 128: 93 KiB forward, 110 KiB dq, 119 KiB dk/dv (the fp32 dk/dv kernel
// takes 166). Every row length is a multiple of 8 bf16 / 4 floats and every fragment starts
// 32-byte aligned, as WMMA's loads and stores require.
#include <cuda_bf16.h>
#include <mma.h>

#include <cstdint>
#include <initializer_list>

#include "kernels/cuda/attention_tiles.cuh"
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/half_bits.cuh"

namespace tiertune::kernels::cuda {

namespace {

constexpr int kFragment = 16;
constexpr int kBf16Pad = 8;                     // bf16 of padding per shared row
constexpr int kProbabilityStride = kTile + kBf16Pad;
constexpr int kWarps = kTileThreads / 32;
// Warp w owns the 16-row block w / 2 of a product and half (w % 2) of its 16-column blocks.
static_assert(kWarps == 2 * kTile / kFragment, "4 row blocks x 2 halves: 8 warps");

template <int D>
struct Bf16TileShape {
  static_assert(D == 64 || D == 128, "the tensor-core kernels take head dimensions 64 and 128");
  static constexpr int stride = D + kBf16Pad;  // bf16 per row of a q, k or v tile
  static constexpr int workStride = D + kPad;  // floats per row of the work tile (P V results)
  static constexpr int chunks = D / 64;        // float4 output columns per thread per row
  static constexpr std::size_t tileBytes = sizeof(std::uint16_t) * kTile * stride;
  static constexpr std::size_t probabilityBytes = sizeof(std::uint16_t) * kTile * kProbabilityStride;
  static constexpr std::size_t workBytes = sizeof(float) * kTile * workStride;
  static constexpr std::size_t bytes = 3 * tileBytes + probabilityBytes + workBytes;  // the forward
  static constexpr std::size_t queryGradientBytes = 4 * tileBytes + probabilityBytes + workBytes;
  static constexpr std::size_t keyValueGradientBytes = 4 * tileBytes + 2 * probabilityBytes + workBytes;
  static_assert(tileBytes % 32 == 0 && probabilityBytes % 32 == 0, "each region starts 32-byte aligned");
  static_assert(workStride >= kScoreStride, "the scores fit the work tile");
};

// tile [kTile, D + 8] bf16 = rows firstRow .. firstRow + kTile - 1 of a [*, rowStride] fp32 tensor
// (base at the head's columns), rounded; rows at or past validRows become zeros. Every thread
// calls it.
template <int D>
__device__ void loadRoundedTile(std::uint16_t* tile, const float* base, int firstRow, int validRows,
                                std::size_t rowStride) {
  constexpr int chunksPerRow = D / 4;
  for (int index = static_cast<int>(threadIdx.x); index < kTile * chunksPerRow; index += kTileThreads) {
    const int row = index / chunksPerRow;
    const int column = (index % chunksPerRow) * 4;
    float4 value = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    if (row < validRows) {
      value = *reinterpret_cast<const float4*>(base + static_cast<std::size_t>(firstRow + row) * rowStride + column);
    }
    const unsigned low = bf16FromFloat(value.x) | (static_cast<unsigned>(bf16FromFloat(value.y)) << 16);
    const unsigned high = bf16FromFloat(value.z) | (static_cast<unsigned>(bf16FromFloat(value.w)) << 16);
    *reinterpret_cast<uint2*>(tile + row * Bf16TileShape<D>::stride + column) = make_uint2(low, high);
  }
}

__device__ __forceinline__ const __nv_bfloat16* asBf16(const std::uint16_t* bits) {
  return reinterpret_cast<const __nv_bfloat16*>(bits);
}

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800

using namespace nvcuda;

// work [64, kScoreStride] = rowsA · rowsB^T (64 x 64, over D): S = Q K^T, dP = dO V^T and their
// transposes.
template <int D>
__device__ void productWithTransposed(const std::uint16_t* rowsA, const std::uint16_t* rowsB, float* work) {
  constexpr int stride = Bf16TileShape<D>::stride;
  const int warp = static_cast<int>(threadIdx.x) / 32;
  const int rowBlock = warp / 2;
#pragma unroll
  for (int c = 0; c < 2; ++c) {
    const int columnBlock = (warp % 2) * 2 + c;
    wmma::fragment<wmma::accumulator, kFragment, kFragment, kFragment, float> acc;
    wmma::fill_fragment(acc, 0.0f);
#pragma unroll
    for (int d = 0; d < D; d += kFragment) {
      wmma::fragment<wmma::matrix_a, kFragment, kFragment, kFragment, __nv_bfloat16, wmma::row_major> a;
      // rowsB^T's block: element (d', row) is rowsB[row][d + d'], a column-major matrix.
      wmma::fragment<wmma::matrix_b, kFragment, kFragment, kFragment, __nv_bfloat16, wmma::col_major> b;
      wmma::load_matrix_sync(a, asBf16(rowsA + rowBlock * kFragment * stride + d), stride);
      wmma::load_matrix_sync(b, asBf16(rowsB + columnBlock * kFragment * stride + d), stride);
      wmma::mma_sync(acc, a, b, acc);
    }
    wmma::store_matrix_sync(work + rowBlock * kFragment * kScoreStride + columnBlock * kFragment, acc, kScoreStride,
                            wmma::mem_row_major);
  }
}

// work [64, D + 4] = weights · rows (64 x D, over 64): P V, dS K, P^T dO, dS^T Q.
template <int D>
__device__ void productWithRows(const std::uint16_t* weights, const std::uint16_t* rows, float* work) {
  constexpr int stride = Bf16TileShape<D>::stride, workStride = Bf16TileShape<D>::workStride;
  constexpr int blocksPerWarp = D / kFragment / 2;
  const int warp = static_cast<int>(threadIdx.x) / 32;
  const int rowBlock = warp / 2;
#pragma unroll
  for (int c = 0; c < blocksPerWarp; ++c) {
    const int columnBlock = (warp % 2) * blocksPerWarp + c;
    wmma::fragment<wmma::accumulator, kFragment, kFragment, kFragment, float> acc;
    wmma::fill_fragment(acc, 0.0f);
#pragma unroll
    for (int key = 0; key < kTile; key += kFragment) {
      wmma::fragment<wmma::matrix_a, kFragment, kFragment, kFragment, __nv_bfloat16, wmma::row_major> a;
      wmma::fragment<wmma::matrix_b, kFragment, kFragment, kFragment, __nv_bfloat16, wmma::row_major> b;
      wmma::load_matrix_sync(a, asBf16(weights + rowBlock * kFragment * kProbabilityStride + key), kProbabilityStride);
      wmma::load_matrix_sync(b, asBf16(rows + key * stride + columnBlock * kFragment), stride);
      wmma::mma_sync(acc, a, b, acc);
    }
    wmma::store_matrix_sync(work + rowBlock * kFragment * workStride + columnBlock * kFragment, acc, workStride,
                            wmma::mem_row_major);
  }
}

// This thread's 4 x 4 of a [64, kScoreStride] work tile (rows ty + 16 i, columns tx + 16 j).
__device__ __forceinline__ void readScores(const float* work, int tx, int ty,
                                           float (&scores)[kRowsPerThread][kRowsPerThread]) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
    for (int j = 0; j < kRowsPerThread; ++j) scores[i][j] = work[(ty + 16 * i) * kScoreStride + tx + 16 * j];
  }
}

// acc[i][n] += this thread's 4 x D/16 of a [64, D + 4] work tile (columns 4 (tx + 16 n) .. + 3).
template <int D>
__device__ __forceinline__ void addWork(const float* work, int tx, int ty, float4 (&acc)[kRowsPerThread][D / 64]) {
#pragma unroll
  for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
    for (int n = 0; n < D / 64; ++n) {
      const float4 product =
          *reinterpret_cast<const float4*>(work + (ty + 16 * i) * Bf16TileShape<D>::workStride + 4 * (tx + 16 * n));
      float4& a = acc[i][n];
      a = make_float4(a.x + product.x, a.y + product.y, a.z + product.z, a.w + product.w);
    }
  }
}

#endif  // __CUDA_ARCH__ >= 800

template <int D>
__global__ void __launch_bounds__(kTileThreads)
    bf16ForwardKernel(const float* __restrict__ q, const float* __restrict__ k, const float* __restrict__ v,
                      const std::int32_t* __restrict__ sampleStart, AttentionDims dims, float* __restrict__ out,
                      float* __restrict__ logSumExp) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
  using Shape = Bf16TileShape<D>;
  extern __shared__ __align__(128) unsigned char sharedBytes[];  // WMMA wants 32-byte aligned fragments
  auto* const queryTile = reinterpret_cast<std::uint16_t*>(sharedBytes);
  std::uint16_t* const keyTile = queryTile + kTile * Shape::stride;
  std::uint16_t* const valueTile = keyTile + kTile * Shape::stride;
  std::uint16_t* const probabilityTile = valueTile + kTile * Shape::stride;
  auto* const work = reinterpret_cast<float*>(probabilityTile + kTile * kProbabilityStride);
  __shared__ int reduceShared[kWarp];

  const ForwardTile tile = forwardTileOf(dims);

  loadRoundedTile<D>(queryTile, q + static_cast<std::size_t>(tile.h) * D, tile.firstQuery, tile.queryRows,
                     tile.queryStride);
  const QueryRows rows = queryRowsOf(sampleStart, tile.firstQuery, tile.tokens, tile.ty);
  const int firstKey = firstVisibleKey(sampleStart, tile.firstQuery, tile.queryRows, reduceShared);

  ForwardRowsState<D> state;

  for (int firstKeyOfTile = firstKey; firstKeyOfTile <= tile.lastQuery; firstKeyOfTile += kTile) {
    __syncthreads();  // the previous tile's K, V, P and work are no longer read
    const int keyRows = min(kTile, tile.tokens - firstKeyOfTile);
    const std::size_t kvColumns = static_cast<std::size_t>(tile.kvHead) * D;
    loadRoundedTile<D>(keyTile, k + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    loadRoundedTile<D>(valueTile, v + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    __syncthreads();
    productWithTransposed<D>(queryTile, keyTile, work);
    __syncthreads();

#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
      float scores[kRowsPerThread];
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) scores[j] = work[(tile.ty + 16 * i) * kScoreStride + tile.tx + 16 * j];
      const float correction = onlineSoftmaxStep(scores, firstKeyOfTile, tile.tx, rows.start[i], rows.token[i],
                                                 tile.scale, state.maximum[i], state.sum[i]);
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) {
        probabilityTile[(tile.ty + 16 * i) * kProbabilityStride + tile.tx + 16 * j] = bf16FromFloat(scores[j]);
      }
#pragma unroll
      for (int n = 0; n < Shape::chunks; ++n) state.acc[i][n] = scaled(state.acc[i][n], correction);
    }
    __syncthreads();  // P written; the scores in work read
    productWithRows<D>(probabilityTile, valueTile, work);
    __syncthreads();
    addWork<D>(work, tile.tx, tile.ty, state.acc);
  }

  storeForwardRows<D>(rows, state, tile, dims, out, logSumExp);
#else
  __trap();  // launched only on compute capability 8.0 and newer (attentionForwardBf16)
#endif
}

// dQ for a query tile and head: attention.cu's tiledQueryGradientKernel with bf16 tile products.
template <int D>
__global__ void __launch_bounds__(kTileThreads)
    bf16QueryGradientKernel(const float* __restrict__ dout, const float* __restrict__ q, const float* __restrict__ k,
                            const float* __restrict__ v, const float* __restrict__ logSumExp,
                            const float* __restrict__ delta, const std::int32_t* __restrict__ sampleStart,
                            AttentionDims dims, float* __restrict__ dq) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
  using Shape = Bf16TileShape<D>;
  extern __shared__ __align__(128) unsigned char sharedBytes[];
  auto* const queryTile = reinterpret_cast<std::uint16_t*>(sharedBytes);
  std::uint16_t* const gradOutTile = queryTile + kTile * Shape::stride;
  std::uint16_t* const keyTile = gradOutTile + kTile * Shape::stride;
  std::uint16_t* const valueTile = keyTile + kTile * Shape::stride;
  std::uint16_t* const scoreGradTile = valueTile + kTile * Shape::stride;  // dS [query, key]
  auto* const work = reinterpret_cast<float*>(scoreGradTile + kTile * kProbabilityStride);
  __shared__ int reduceShared[kWarp];

  const ForwardTile tile = forwardTileOf(dims);
  const std::size_t queryColumns = static_cast<std::size_t>(tile.h) * D;
  loadRoundedTile<D>(queryTile, q + queryColumns, tile.firstQuery, tile.queryRows, tile.queryStride);
  loadRoundedTile<D>(gradOutTile, dout + queryColumns, tile.firstQuery, tile.queryRows, tile.queryStride);
  const QueryRows rows = queryRowsOf(sampleStart, tile.firstQuery, tile.tokens, tile.ty);
  const QueryRowFacts facts = queryRowFactsOf(rows, tile.h, dims, logSumExp, delta);
  const int firstKey = firstVisibleKey(sampleStart, tile.firstQuery, tile.queryRows, reduceShared);

  float4 acc[kRowsPerThread][Shape::chunks];
  zeroRows<D>(acc);

  for (int firstKeyOfTile = firstKey; firstKeyOfTile <= tile.lastQuery; firstKeyOfTile += kTile) {
    __syncthreads();  // the previous tile's K, V, dS and work are no longer read
    const int keyRows = min(kTile, tile.tokens - firstKeyOfTile);
    const std::size_t kvColumns = static_cast<std::size_t>(tile.kvHead) * D;
    loadRoundedTile<D>(keyTile, k + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    loadRoundedTile<D>(valueTile, v + kvColumns, firstKeyOfTile, keyRows, tile.kvStride);
    __syncthreads();
    float scores[kRowsPerThread][kRowsPerThread], probabilityGrads[kRowsPerThread][kRowsPerThread];
    productWithTransposed<D>(queryTile, keyTile, work);
    __syncthreads();
    readScores(work, tile.tx, tile.ty, scores);
    __syncthreads();
    productWithTransposed<D>(gradOutTile, valueTile, work);
    __syncthreads();
    readScores(work, tile.tx, tile.ty, probabilityGrads);
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
      for (int j = 0; j < kRowsPerThread; ++j) {
        const int key = firstKeyOfTile + tile.tx + 16 * j;
        const bool visible = key >= rows.start[i] && key <= rows.token[i];
        const float p = visible ? expf(scores[i][j] * tile.scale - facts.lse[i]) : 0.0f;
        scoreGradTile[(tile.ty + 16 * i) * kProbabilityStride + tile.tx + 16 * j] =
            bf16FromFloat(p * (probabilityGrads[i][j] - facts.delta[i]));
      }
    }
    __syncthreads();  // dS written; dP read
    productWithRows<D>(scoreGradTile, keyTile, work);
    __syncthreads();
    addWork<D>(work, tile.tx, tile.ty, acc);
  }
  storeQueryGradientRows<D>(rows, acc, tile, dims, dq);
#else
  __trap();  // launched only on compute capability 8.0 and newer
#endif
}

// dK and dV for a key tile and kv head, over the query heads of its group and the query tiles that
// see it: attention.cu's tiledKeyValueGradientKernel with bf16 tile products.
template <int D>
__global__ void __launch_bounds__(kTileThreads)
    bf16KeyValueGradientKernel(const float* __restrict__ dout, const float* __restrict__ q,
                               const float* __restrict__ k, const float* __restrict__ v,
                               const float* __restrict__ logSumExp, const float* __restrict__ delta,
                               const std::int32_t* __restrict__ sampleStart, AttentionDims dims,
                               float* __restrict__ dk, float* __restrict__ dv) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
  using Shape = Bf16TileShape<D>;
  extern __shared__ __align__(128) unsigned char sharedBytes[];
  auto* const keyTile = reinterpret_cast<std::uint16_t*>(sharedBytes);
  std::uint16_t* const valueTile = keyTile + kTile * Shape::stride;
  std::uint16_t* const queryTile = valueTile + kTile * Shape::stride;
  std::uint16_t* const gradOutTile = queryTile + kTile * Shape::stride;
  std::uint16_t* const probabilityTile = gradOutTile + kTile * Shape::stride;        // P^T [key, query]
  std::uint16_t* const scoreGradTile = probabilityTile + kTile * kProbabilityStride;  // dS^T [key, query]
  auto* const work = reinterpret_cast<float*>(scoreGradTile + kTile * kProbabilityStride);
  __shared__ int reduceShared[kWarp];
  __shared__ float queryLse[kTile], queryDelta[kTile];
  __shared__ int queryStart[kTile];

  const KeyTile tile = keyTileOf(dims, sampleStart, reduceShared);
  const int tx = tile.tx, ty = tile.ty;
  const std::size_t kvColumns = static_cast<std::size_t>(tile.kvHead) * D;
  loadRoundedTile<D>(keyTile, k + kvColumns, tile.firstKey, tile.keyRows, tile.kvStride);
  loadRoundedTile<D>(valueTile, v + kvColumns, tile.firstKey, tile.keyRows, tile.kvStride);

  float4 keyAcc[kRowsPerThread][Shape::chunks], valueAcc[kRowsPerThread][Shape::chunks];
  zeroRows<D>(keyAcc);
  zeroRows<D>(valueAcc);

  for (int h = tile.kvHead * tile.group; h < (tile.kvHead + 1) * tile.group; ++h) {
    for (int firstQueryOfTile = tile.firstKey; firstQueryOfTile <= tile.lastQuery; firstQueryOfTile += kTile) {
      __syncthreads();  // the previous tile's Q, dO, P^T, dS^T and work are no longer read
      const int queryRows = min(kTile, tile.tokens - firstQueryOfTile);
      const std::size_t queryColumns = static_cast<std::size_t>(h) * D;
      loadRoundedTile<D>(queryTile, q + queryColumns, firstQueryOfTile, queryRows, tile.queryStride);
      loadRoundedTile<D>(gradOutTile, dout + queryColumns, firstQueryOfTile, queryRows, tile.queryStride);
      loadQueryColumnFacts(tile, h, firstQueryOfTile, dims, logSumExp, delta, sampleStart, queryLse, queryDelta,
                           queryStart);
      __syncthreads();

      float scores[kRowsPerThread][kRowsPerThread];            // S^T: key rows, query columns
      float probabilityGrads[kRowsPerThread][kRowsPerThread];  // dP^T
      productWithTransposed<D>(keyTile, queryTile, work);
      __syncthreads();
      readScores(work, tx, ty, scores);
      __syncthreads();
      productWithTransposed<D>(valueTile, gradOutTile, work);
      __syncthreads();
      readScores(work, tx, ty, probabilityGrads);
#pragma unroll
      for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
        for (int j = 0; j < kRowsPerThread; ++j) {
          const int column = tx + 16 * j;
          const int t = firstQueryOfTile + column;
          const bool visible = queryStart[column] <= tile.rowKey[i] && tile.rowKey[i] <= t;
          const float p = visible ? expf(scores[i][j] * tile.scale - queryLse[column]) : 0.0f;
          probabilityTile[(ty + 16 * i) * kProbabilityStride + column] = bf16FromFloat(p);
          scoreGradTile[(ty + 16 * i) * kProbabilityStride + column] =
              bf16FromFloat(p * (probabilityGrads[i][j] - queryDelta[column]));
        }
      }
      __syncthreads();  // P^T and dS^T written; dP^T read
      productWithRows<D>(probabilityTile, gradOutTile, work);
      __syncthreads();
      addWork<D>(work, tx, ty, valueAcc);
      __syncthreads();
      productWithRows<D>(scoreGradTile, queryTile, work);
      __syncthreads();
      addWork<D>(work, tx, ty, keyAcc);
    }
  }
  storeKeyValueRows<D>(tile, keyAcc, valueAcc, dims, dk, dv);
#else
  __trap();  // launched only on compute capability 8.0 and newer
#endif
}

// Whether the bf16 kernels for dims can run here: a head dimension they are built for, float4-
// aligned tensors, a card with bf16 tensor cores, and the shared memory the widest one asks for.
bool bf16PathFits(const char* op, const AttentionDims& dims, std::size_t bytes64, std::size_t bytes128,
                  std::initializer_list<const void*> tensors) {
  if (dims.headDim != 64 && dims.headDim != 128) return false;
  for (const void* tensor : tensors) {
    if (!aligned16(tensor)) return false;
  }
  int device = 0, major = 0, limit = 0;
  CUDA_CHECK(op, cudaGetDevice(&device));
  CUDA_CHECK(op, cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device));
  CUDA_CHECK(op, cudaDeviceGetAttribute(&limit, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  const std::size_t bytes = dims.headDim == 64 ? bytes64 : bytes128;
  constexpr std::size_t staticBytes = 2048;  // the kernels' own __shared__ arrays, with room to spare
  return major >= 8 && bytes + staticBytes <= static_cast<std::size_t>(limit);
}

// Launches kernel<D> on grid with `bytes` of dynamic shared memory, having allowed it that much.
template <typename Kernel, typename... Arguments>
void launchWithSharedMemory(const char* op, Kernel kernel, dim3 grid, std::size_t bytes, cudaStream_t stream,
                            Arguments... arguments) {
  CUDA_CHECK(op, cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)));
  kernel<<<grid, kTileThreads, bytes, stream>>>(arguments...);
  CUDA_CHECK(op, cudaGetLastError());
}

template <int D>
void launchBf16Backward(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                        const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                        const AttentionDims& dims, float* dq, float* dk, float* dv) {
  launchWithSharedMemory("attentionBackward (bf16 dq)", bf16QueryGradientKernel<D>, tileGrid(dims.tokens, dims.heads),
                         Bf16TileShape<D>::queryGradientBytes, stream, dout, q, k, v, logSumExp, delta, sampleStart,
                         dims, dq);
  launchWithSharedMemory("attentionBackward (bf16 dk, dv)", bf16KeyValueGradientKernel<D>,
                         tileGrid(dims.tokens, dims.kvHeads), Bf16TileShape<D>::keyValueGradientBytes, stream, dout, q,
                         k, v, logSumExp, delta, sampleStart, dims, dk, dv);
}

template <int D>
void launchBf16Forward(cudaStream_t stream, const float* q, const float* k, const float* v,
                       const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  launchWithSharedMemory("attentionForward (bf16)", bf16ForwardKernel<D>, tileGrid(dims.tokens, dims.heads),
                         Bf16TileShape<D>::bytes, stream, q, k, v, sampleStart, dims, out, logSumExp);
}

}  // namespace

bool attentionForwardBf16(cudaStream_t stream, const float* q, const float* k, const float* v,
                          const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  if (!bf16PathFits("attentionForward (bf16)", dims, Bf16TileShape<64>::bytes, Bf16TileShape<128>::bytes,
                    {q, k, v, out})) {
    return false;
  }
  if (dims.tokens * dims.heads == 0) return true;
  if (dims.headDim == 64) {
    launchBf16Forward<64>(stream, q, k, v, sampleStart, dims, out, logSumExp);
  } else {
    launchBf16Forward<128>(stream, q, k, v, sampleStart, dims, out, logSumExp);
  }
  return true;
}

bool attentionBackwardBf16(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                           const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                           const AttentionDims& dims, float* dq, float* dk, float* dv) {
  if (!bf16PathFits("attentionBackward (bf16)", dims, Bf16TileShape<64>::keyValueGradientBytes,
                    Bf16TileShape<128>::keyValueGradientBytes, {dout, q, k, v, dq, dk, dv})) {
    return false;
  }
  if (dims.headDim == 64) {
    launchBf16Backward<64>(stream, dout, q, k, v, logSumExp, delta, sampleStart, dims, dq, dk, dv);
  } else {
    launchBf16Backward<128>(stream, dout, q, k, v, logSumExp, delta, sampleStart, dims, dq, dk, dv);
  }
  return true;
}

}  // namespace tiertune::kernels::cuda
