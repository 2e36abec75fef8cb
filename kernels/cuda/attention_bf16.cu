// The attention forward on the tensor cores: attention.cu's tiled forward (the same 64 x 64 tiles,
// the same online softmax by the same threads, the same outputs) with its two tile products in
// bf16 through WMMA (16 x 16 x 16 fragments, fp32 accumulators):
//   S = Q K^T   q, k rounded to bf16 (nearest even) as their tiles load; fp32 scores;
//   O += P V    the probabilities rounded to bf16 after the softmax, v rounded as it loads.
// The running maximum and sum, the rescaling and logSumExp stay fp32, and the sum is taken over
// the fp32 probabilities (as FlashAttention-2 does for a bf16 input). The backward stays on
// attention.cu's fp32 kernels, which take this forward's out and logSumExp.
//
// Each product goes through shared memory: the warps write their fragments to an fp32 work tile,
// and the threads read their 4 x 4 scores (or add their 4 x D/16 outputs) from it, so the softmax
// code does not depend on WMMA's register layout, which is unspecified. 8 warps per block: for S
// each warp owns a 16-row block and two 16-column blocks of the 64 x 64 scores; for P V a 16-row
// block and D/32 of the D/16 column blocks of the output.
//
// Shared memory (dynamic): q, k, v tiles bf16 [64, D + 8]; P bf16 [64, 72]; the work tile fp32
// [64, D + 4] (scores use [64, 68] of it). 54 KiB for D = 64, 93 KiB for D = 128. Every row
// length is a multiple of 8 bf16 / 4 floats and every fragment starts 32-byte aligned, as WMMA's
// loads and stores require.
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
  static_assert(D == 64 || D == 128, "the tensor-core forward takes head dimensions 64 and 128");
  static constexpr int stride = D + kBf16Pad;  // bf16 per row of a q, k or v tile
  static constexpr int workStride = D + kPad;  // floats per row of the work tile (P V results)
  static constexpr int chunks = D / 64;        // float4 output columns per thread per row
  static constexpr std::size_t tileBytes = sizeof(std::uint16_t) * kTile * stride;
  static constexpr std::size_t probabilityBytes = sizeof(std::uint16_t) * kTile * kProbabilityStride;
  static constexpr std::size_t workBytes = sizeof(float) * kTile * workStride;
  static constexpr std::size_t bytes = 3 * tileBytes + probabilityBytes + workBytes;
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

// work [64, kScoreStride] = queryTile · keyTile^T (64 x 64, over D).
template <int D>
__device__ void scoreProduct(const std::uint16_t* queryTile, const std::uint16_t* keyTile, float* work) {
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
      // K^T's block: element (d', key) is keyTile[key][d + d'], a column-major matrix.
      wmma::fragment<wmma::matrix_b, kFragment, kFragment, kFragment, __nv_bfloat16, wmma::col_major> b;
      wmma::load_matrix_sync(a, asBf16(queryTile + rowBlock * kFragment * stride + d), stride);
      wmma::load_matrix_sync(b, asBf16(keyTile + columnBlock * kFragment * stride + d), stride);
      wmma::mma_sync(acc, a, b, acc);
    }
    wmma::store_matrix_sync(work + rowBlock * kFragment * kScoreStride + columnBlock * kFragment, acc, kScoreStride,
                            wmma::mem_row_major);
  }
}

// work [64, D + 4] = probabilityTile · valueTile (64 x D, over the 64 keys).
template <int D>
__device__ void valueProduct(const std::uint16_t* probabilityTile, const std::uint16_t* valueTile, float* work) {
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
      wmma::load_matrix_sync(a, asBf16(probabilityTile + rowBlock * kFragment * kProbabilityStride + key),
                             kProbabilityStride);
      wmma::load_matrix_sync(b, asBf16(valueTile + key * stride + columnBlock * kFragment), stride);
      wmma::mma_sync(acc, a, b, acc);
    }
    wmma::store_matrix_sync(work + rowBlock * kFragment * workStride + columnBlock * kFragment, acc, workStride,
                            wmma::mem_row_major);
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
    scoreProduct<D>(queryTile, keyTile, work);
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
    valueProduct<D>(probabilityTile, valueTile, work);
    __syncthreads();
#pragma unroll
    for (int i = 0; i < kRowsPerThread; ++i) {
#pragma unroll
      for (int n = 0; n < Shape::chunks; ++n) {
        const float4 product =
            *reinterpret_cast<const float4*>(work + (tile.ty + 16 * i) * Shape::workStride + 4 * (tile.tx + 16 * n));
        float4& a = state.acc[i][n];
        a = make_float4(a.x + product.x, a.y + product.y, a.z + product.z, a.w + product.w);
      }
    }
  }

  storeForwardRows<D>(rows, state, tile, dims, out, logSumExp);
#else
  __trap();  // launched only on compute capability 8.0 and newer (attentionForwardBf16)
#endif
}

template <int D>
void launchBf16Forward(cudaStream_t stream, const float* q, const float* k, const float* v,
                       const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  constexpr std::size_t bytes = Bf16TileShape<D>::bytes;
  CUDA_CHECK("attentionForward (bf16)", cudaFuncSetAttribute(bf16ForwardKernel<D>,
                                                             cudaFuncAttributeMaxDynamicSharedMemorySize,
                                                             static_cast<int>(bytes)));
  bf16ForwardKernel<D><<<tileGrid(dims.tokens, dims.heads), kTileThreads, bytes, stream>>>(q, k, v, sampleStart, dims,
                                                                                           out, logSumExp);
  CUDA_CHECK("attentionForward (bf16)", cudaGetLastError());
}

}  // namespace

bool attentionForwardBf16(cudaStream_t stream, const float* q, const float* k, const float* v,
                          const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp) {
  const char* op = "attentionForward (bf16)";
  if (dims.headDim != 64 && dims.headDim != 128) return false;
  for (const void* tensor : {static_cast<const void*>(q), static_cast<const void*>(k), static_cast<const void*>(v),
                             static_cast<const void*>(out)}) {
    if (!aligned16(tensor)) return false;
  }
  int device = 0, major = 0, limit = 0;
  CUDA_CHECK(op, cudaGetDevice(&device));
  CUDA_CHECK(op, cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device));
  CUDA_CHECK(op, cudaDeviceGetAttribute(&limit, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  const std::size_t bytes = dims.headDim == 64 ? Bf16TileShape<64>::bytes : Bf16TileShape<128>::bytes;
  constexpr std::size_t staticBytes = 2048;  // the kernel's own __shared__ array, with room to spare
  if (major < 8 || bytes + staticBytes > static_cast<std::size_t>(limit)) return false;
  if (dims.tokens * dims.heads == 0) return true;
  if (dims.headDim == 64) {
    launchBf16Forward<64>(stream, q, k, v, sampleStart, dims, out, logSumExp);
  } else {
    launchBf16Forward<128>(stream, q, k, v, sampleStart, dims, out, logSumExp);
  }
  return true;
}

}  // namespace tiertune::kernels::cuda
