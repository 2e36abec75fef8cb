// The CUDA kernels behind CudaBackend (cuda_backend.cpp), one launcher per op and direction, over
// raw device pointers and one stream. Each .cu file holds one op family; the launchers check their
// launches (cuda_check.h) and never synchronize. Shapes as in kernels/backend.h, row-major, fp32.
// This header is C++17 (nvcc compiles the .cu files as C++17), so no std::span here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include "kernels/op_shapes.h"

namespace tiertune::kernels::cuda {

// elementwise.cu: x, y, out [n].
void fill(cudaStream_t stream, float* x, std::size_t n, float value);
void axpy(cudaStream_t stream, float alpha, const float* x, float* y, std::size_t n);  // y += alpha x
void scale(cudaStream_t stream, float* x, std::size_t n, float factor);
// y [rows, n] += bias [n]; dbias [n] += column sums of dy [rows, n].
void addBias(cudaStream_t stream, float* y, const float* bias, std::size_t rows, std::size_t n);
void biasBackward(cudaStream_t stream, const float* dy, std::size_t rows, std::size_t n, float* dbias);
// out[i] = keeps(seed, i) ? x[i] * keepScale : 0, threshold from kernels::dropoutThreshold.
void dropout(cudaStream_t stream, const float* x, float* out, std::size_t n, std::uint32_t threshold, float keepScale,
             std::uint64_t seed);
// *result = sum of x[i]^2 in double, in a fixed order (the same result for the same n):
// partials holds kSumOfSquaresBlocks doubles of scratch.
inline constexpr unsigned kSumOfSquaresBlocks = 512;
void sumOfSquares(cudaStream_t stream, const float* x, std::size_t n, double* partials, double* result);
// *result = values[0] + values[1] + ... in that order, in double.
void sumInOrder(cudaStream_t stream, const double* values, std::size_t n, double* result);

// matmul.cpp: C [m, n] = alpha op(A) op(B) + beta C, row-major, through cublasSgemm on the
// handle's stream. op names the backend op for errors.
void gemmRowMajor(cublasHandle_t blas, const char* op, const float* a, bool transposeA, const float* b,
                  bool transposeB, float* c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta);
// The same with the row lengths of A, B and C given (sub-matrices of larger ones).
void gemmRowMajorStrided(cublasHandle_t blas, const char* op, const float* a, bool transposeA, std::size_t lda,
                         const float* b, bool transposeB, std::size_t ldb, float* c, std::size_t ldc, std::size_t m,
                         std::size_t n, std::size_t k, float alpha, float beta);

// half_weights.cu: out [n] = in [n] widened exactly to fp32; bf16 when bf16, else IEEE fp16.
void widenHalf(cudaStream_t stream, const std::uint16_t* in, bool bf16, float* out, std::size_t n);
// out [n] = in [n] rounded to bf16, nearest even (the CPU's floatToBf16, bit for bit).
void roundToBf16(cudaStream_t stream, const float* in, std::uint16_t* out, std::size_t n);
// out [rows, columns] (compact) = in [rows, columns] (row length ld) rounded to bf16.
void roundBlockToBf16(cudaStream_t stream, const float* in, std::size_t ld, std::size_t rows, std::size_t columns,
                      std::uint16_t* out);
// out [n] = IEEE fp16 in [n] widened, then rounded to bf16.
void f16ToBf16(cudaStream_t stream, const std::uint16_t* in, std::uint16_t* out, std::size_t n);

// nf4.cu: out [count] = weights [first, first + count) of an NF4 tensor (kernels/nf4_format.h),
// given the device addresses of its parts; tables holds the 16 NF4 values, then the 256 dynamic
// values of the block maxima (kernels/cpu/nf4.h), on the device.
inline constexpr std::size_t kNf4Block = 64;   // kernels/nf4_format.h's kNf4BlockSize
inline constexpr std::size_t kNf4Group = 256;  // and kNf4ScaleGroupSize
struct Nf4Parts {
  const std::uint8_t* codes = nullptr;
  const std::uint8_t* blockCodes = nullptr;
  const float* groupScales = nullptr;
  const float* offset = nullptr;
};
void dequantizeNf4(cudaStream_t stream, const Nf4Parts& parts, const float* tables, std::size_t first,
                   std::size_t count, float* out);
// The same, each weight rounded to bf16 (the CPU's dequantizeNf4ToBf16, bit for bit).
void dequantizeNf4ToBf16(cudaStream_t stream, const Nf4Parts& parts, const float* tables, std::size_t first,
                         std::size_t count, std::uint16_t* out);

// rms_norm.cu: x, y, dy, dx [rows, dim]; weight, dweight [dim]; invRms [rows]. dweight may be null
// (a frozen weight); otherwise it is accumulated into.
void rmsNormForward(cudaStream_t stream, const float* x, const float* weight, std::size_t rows, std::size_t dim,
                    double eps, float* y, float* invRms);
void rmsNormBackward(cudaStream_t stream, const float* dy, const float* x, const float* weight, const float* invRms,
                     std::size_t rows, std::size_t dim, float* dx, float* dweight);

// rope.cu: x [tokens, heads, headDim] in place; positions [tokens]; invFreq [headDim / 2].
void rope(cudaStream_t stream, float* x, std::size_t tokens, std::size_t heads, std::size_t headDim,
          const std::int32_t* positions, const float* invFreq, bool inverse);

// attention.cu: q, out, dout, dq [tokens, heads, headDim]; k, v, dk, dv [tokens, kvHeads, headDim];
// sampleStart [tokens]; logSumExp [heads, tokens]. headDim at most kMaxAttentionHeadDim.
// delta is scratch [heads, tokens]. dq, dk, dv are overwritten.
inline constexpr std::size_t kMaxAttentionHeadDim = 256;
struct AttentionDims {
  std::size_t tokens = 0, heads = 0, kvHeads = 0, headDim = 0;
};
void attentionForward(cudaStream_t stream, const float* q, const float* k, const float* v,
                      const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp);
// With bf16Products, the dq and dk/dv kernels of attention_bf16.cu where they apply.
void attentionBackward(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                       const float* out, const float* logSumExp, const std::int32_t* sampleStart,
                       const AttentionDims& dims, bool bf16Products, float* delta, float* dq, float* dk, float* dv);
// attention_bf16.cu: the forward, and the backward's dq and dk/dv kernels given delta, with their
// tile products in bf16 on the tensor cores (head dimensions 64 and 128, 16-byte aligned tensors,
// compute capability 8.0 and newer); false, having done nothing, where they do not apply.
bool attentionForwardBf16(cudaStream_t stream, const float* q, const float* k, const float* v,
                          const std::int32_t* sampleStart, const AttentionDims& dims, float* out, float* logSumExp);
bool attentionBackwardBf16(cudaStream_t stream, const float* dout, const float* q, const float* k, const float* v,
                           const float* logSumExp, const float* delta, const std::int32_t* sampleStart,
                           const AttentionDims& dims, float* dq, float* dk, float* dv);

// Generation (also attention.cu): q, out [queries, heads, headDim] at positions past..past+queries-1
// of one sequence; keys, values [past + queries rows at least, kvHeads, headDim]; query i attends
// to rows 0..past + i. headDim at most kMaxAttentionHeadDim.
struct CachedAttentionDims {
  std::size_t queries = 0, past = 0, heads = 0, kvHeads = 0, headDim = 0;
};
void cachedAttention(cudaStream_t stream, const float* q, const float* keys, const float* values,
                     const CachedAttentionDims& dims, float* out);

// swiglu.cu: all [n].
void swigluForward(cudaStream_t stream, const float* gate, const float* up, float* out, std::size_t n);
void swigluBackward(cudaStream_t stream, const float* dout, const float* gate, const float* up, float* dgate,
                    float* dup, std::size_t n);

// embedding.cu: table, dtable [vocab, dim]; ids [tokens] (checked by the caller); out, dout
// [tokens, dim]. The backward adds the tokens' rows in token order (no atomics: reproducible).
void embeddingForward(cudaStream_t stream, const float* table, const std::int32_t* ids, std::size_t tokens,
                      std::size_t dim, float* out);
// The same from a 16-bit table (bf16, else IEEE fp16), each element widened exactly.
void embeddingForwardHalf(cudaStream_t stream, const std::uint16_t* table, bool bf16, const std::int32_t* ids,
                          std::size_t tokens, std::size_t dim, float* out);
void embeddingBackward(cudaStream_t stream, const float* dout, const std::int32_t* ids, std::size_t tokens,
                       std::size_t dim, float* dtable);

// cross_entropy.cu: logits [count, vocab] of one chunk, targets [count] (checked by the caller).
// rowLoss[t] = logsumexp(logits[t]) - logits[t][target] (0 for kIgnoreTarget). With gradient, each
// row becomes (softmax - one-hot) * scale (zero for an ignored target), as the CPU backend does.
void crossEntropyRows(cudaStream_t stream, float* logits, const std::int32_t* targets, std::size_t count,
                      std::size_t vocab, float scale, bool gradient, double* rowLoss);

// The fused head and loss over all tokens, chunk by chunk as kernels/cpu/cross_entropy.cpp does:
// logits of a chunk (head.logits) -> per-row loss and gradient (crossEntropyRows) -> the chunk's
// rows of dhidden (head.inputGradient) and dhead += g^T · hidden (cuBLAS). hidden [tokens,
// hiddenSize]; targets [tokens], checked by the caller; dhidden null for the forward alone, else
// zeroed by the caller; dhead null for a frozen head. logits holds chunkTokens x vocab floats and
// rowLoss tokens + 1 doubles of scratch; rowLoss[tokens] receives the sum of the rows' losses in
// token order. The head's products come from the backend, which keeps the head as stored (fp32 or
// 16-bit) and chooses fp32 or bf16 products as for any other product.
struct HeadProducts {
  // logits [count, vocab] = rows [count, hiddenSize] · head^T
  std::function<void(const float* rows, std::size_t count, float* logits)> logits;
  // dhiddenRows [count, hiddenSize] = gradient [count, vocab] · head
  std::function<void(const float* gradient, std::size_t count, float* dhiddenRows)> inputGradient;
  // dhead [vocab, hiddenSize] += gradient^T [vocab, count] · rows [count, hiddenSize]
  std::function<void(const float* gradient, const float* rows, std::size_t count, float* dhead)> weightGradient;
};
void crossEntropyChunks(cudaStream_t stream, const float* hidden, const std::int32_t* targets,
                        std::size_t tokens, std::size_t hiddenSize, std::size_t vocab, std::size_t chunkTokens,
                        float scale, float* dhidden, float* dhead, float* logits, double* rowLoss,
                        const HeadProducts& head);

// adamw.cu: params, grads, m, v [n]; the factors computed on the host for every backend
// (kernels/op_shapes.h).
void adamw(cudaStream_t stream, float* params, const float* grads, float* m, float* v, std::size_t n,
           const AdamWFactors& factors);

}  // namespace tiertune::kernels::cuda
