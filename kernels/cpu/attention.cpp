#include "kernels/cpu/attention.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include "kernels/cpu/blas_kernels.h"
#include "kernels/cpu/vector_kernels.h"

namespace tiertune::kernels::cpu {

namespace {

template <typename T>
T dot(const T* a, const T* b, std::size_t n) {
  T sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += a[i] * b[i];
  return sum;
}

// fp32 attention runs in blocks of query rows through the BLAS products: a block's scores against
// the keys it may see (from the first sample start of the block to its last row) in one product,
// the causal and sample masks and the softmax row by row, then the values in a second product. The
// score block is kBlock x tokens floats per thread. Each block's products run on one thread (the
// blocks are the parallel loop), so the sums are the same for every thread count.
constexpr std::size_t kBlock = 64;

struct Block {
  std::size_t first = 0, rows = 0;  // query rows [first, first + rows)
  std::size_t keys = 0, cols = 0;   // key rows [keys, keys + cols): keys = sampleStart[first]
};

Block blockAt(std::size_t index, std::size_t tokens, std::span<const std::int32_t> sampleStart) {
  Block b;
  b.first = index * kBlock;
  b.rows = std::min(kBlock, tokens - b.first);
  b.keys = static_cast<std::size_t>(sampleStart[b.first]);
  b.cols = b.first + b.rows - b.keys;
  return b;
}

// The columns row r of a block may attend to: [from, to).
struct Visible {
  std::size_t from, to;
};
Visible visible(const Block& b, std::size_t r, std::span<const std::int32_t> sampleStart) {
  const std::size_t t = b.first + r;
  return {static_cast<std::size_t>(sampleStart[t]) - b.keys, t - b.keys + 1};
}

void attentionForwardBlocked(const float* q, const float* k, const float* v, std::span<const std::int32_t> sampleStart,
                             const AttentionShape& shape, float* out, float* logSumExp) {
  const std::size_t tokens = shape.tokens, heads = shape.heads, kvHeads = shape.kvHeads, d = shape.headDim;
  const std::size_t group = heads / kvHeads;
  const std::size_t blocks = (tokens + kBlock - 1) / kBlock;
  const auto qStride = static_cast<blasint>(heads * d), kvStride = static_cast<blasint>(kvHeads * d);
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  const VectorKernels& vector = vectorKernels();
#pragma omp parallel
  {
    std::vector<float> scores(kBlock * tokens);
#pragma omp for schedule(static) collapse(2)
    for (std::size_t h = 0; h < heads; ++h) {
      for (std::size_t index = 0; index < blocks; ++index) {
        const Block b = blockAt(index, tokens, sampleStart);
        const std::size_t kvHead = h / group;
        const float* queries = q + (b.first * heads + h) * d;
        const float* keys = k + (b.keys * kvHeads + kvHead) * d;
        const auto rows = static_cast<blasint>(b.rows), cols = static_cast<blasint>(b.cols);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, static_cast<blasint>(d), scale, queries,
                    qStride, keys, kvStride, 0.0f, scores.data(), cols);
        for (std::size_t r = 0; r < b.rows; ++r) {
          float* row = scores.data() + r * b.cols;
          const Visible seen = visible(b, r, sampleStart);
          const std::size_t count = seen.to - seen.from;
          const float maximum = vector.rowMaximum(row + seen.from, count);
          const auto sum = static_cast<float>(vector.exponentiateRow(row + seen.from, count, maximum));
          std::fill(row, row + seen.from, 0.0f);
          vector.scale(row + seen.from, count, 1.0f / sum);
          std::fill(row + seen.to, row + b.cols, 0.0f);
          logSumExp[h * tokens + b.first + r] = maximum + std::log(sum);
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, static_cast<blasint>(d), cols, 1.0f,
                    scores.data(), cols, v + (b.keys * kvHeads + kvHead) * d, kvStride, 0.0f,
                    out + (b.first * heads + h) * d, qStride);
      }
    }
  }
}

// The backward in the same blocks: the probabilities again from the scores and the saved
// log-sum-exp, then dV += P^T dO, dP = dO V^T, dS = P (dP - delta) scale, dQ = dS K, dK += dS^T Q,
// all through the BLAS. One thread per key/value head, as in the plain loops: the query heads that
// share it add into its dK and dV, so no two threads write the same place.
void attentionBackwardBlocked(const float* dout, const float* q, const float* k, const float* v, const float* out,
                              const float* logSumExp, std::span<const std::int32_t> sampleStart,
                              const AttentionShape& shape, float* dq, float* dk, float* dv) {
  const std::size_t tokens = shape.tokens, heads = shape.heads, kvHeads = shape.kvHeads, d = shape.headDim;
  const std::size_t group = heads / kvHeads;
  const std::size_t blocks = (tokens + kBlock - 1) / kBlock;
  const auto qStride = static_cast<blasint>(heads * d), kvStride = static_cast<blasint>(kvHeads * d);
  const auto dim = static_cast<blasint>(d);
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  const VectorKernels& vector = vectorKernels();
#pragma omp parallel
  {
    std::vector<float> probabilities(kBlock * tokens), gradients(kBlock * tokens);
#pragma omp for schedule(static)
    for (std::size_t kvHead = 0; kvHead < kvHeads; ++kvHead) {
      float* dKeys = dk + kvHead * d;
      float* dValues = dv + kvHead * d;
      for (std::size_t h = kvHead * group; h < (kvHead + 1) * group; ++h) {
        for (std::size_t index = 0; index < blocks; ++index) {
          const Block b = blockAt(index, tokens, sampleStart);
          const std::size_t at = (b.first * heads + h) * d, kvAt = b.keys * kvHeads * d;
          const auto rows = static_cast<blasint>(b.rows), cols = static_cast<blasint>(b.cols);
          float* p = probabilities.data();
          float* ds = gradients.data();
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, dim, scale, q + at, qStride,
                      k + kvAt + kvHead * d, kvStride, 0.0f, p, cols);
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, dim, 1.0f, dout + at, qStride,
                      v + kvAt + kvHead * d, kvStride, 0.0f, ds, cols);
          for (std::size_t r = 0; r < b.rows; ++r) {
            float* pRow = p + r * b.cols;
            float* dsRow = ds + r * b.cols;
            const Visible seen = visible(b, r, sampleStart);
            const float lse = logSumExp[h * tokens + b.first + r];
            const float delta = dot(dout + at + r * heads * d, out + at + r * heads * d, d);  // sum_s P_ts dP_ts
            std::fill(pRow, pRow + seen.from, 0.0f);
            std::fill(dsRow, dsRow + seen.from, 0.0f);
            vector.attentionGradientRow(pRow + seen.from, dsRow + seen.from, seen.to - seen.from, lse, delta, scale);
            std::fill(pRow + seen.to, pRow + b.cols, 0.0f);
            std::fill(dsRow + seen.to, dsRow + b.cols, 0.0f);
          }
          cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, cols, dim, rows, 1.0f, p, cols, dout + at, qStride,
                      1.0f, dValues + kvAt, kvStride);
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, dim, cols, 1.0f, ds, cols, k + kvAt + kvHead * d,
                      kvStride, 0.0f, dq + at, qStride);
          cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, cols, dim, rows, 1.0f, ds, cols, q + at, qStride, 1.0f,
                      dKeys + kvAt, kvStride);
        }
      }
    }
  }
}

}  // namespace

template <typename T>
void attentionForward(std::span<const T> q, std::span<const T> k, std::span<const T> v,
                      std::span<const std::int32_t> sampleStart, const AttentionShape& shape, std::span<T> out,
                      std::span<T> logSumExp) {
  if constexpr (std::is_same_v<T, float>) {
    if (shape.tokens == 0) return;
    useBestBlasKernels();
    attentionForwardBlocked(q.data(), k.data(), v.data(), sampleStart, shape, out.data(), logSumExp.data());
    return;
  }
  // Plain loops (the double-precision reference the tests hold the fp32 blocks to).
  // Plain copies, not a structured binding: clang 14 cannot use those inside OpenMP regions.
  const std::size_t tokens = shape.tokens, heads = shape.heads, kvHeads = shape.kvHeads, d = shape.headDim;
  const std::size_t group = heads / kvHeads;
  const T scale = T(1) / std::sqrt(static_cast<T>(d));
#pragma omp parallel
  {
    std::vector<T> scores(tokens);
#pragma omp for schedule(static) collapse(2)
    for (std::size_t h = 0; h < heads; ++h) {
      for (std::size_t t = 0; t < tokens; ++t) {
        const std::size_t kvHead = h / group;
        const T* query = q.data() + (t * heads + h) * d;
        const auto first = static_cast<std::size_t>(sampleStart[t]);
        T maximum = -std::numeric_limits<T>::infinity();
        for (std::size_t s = first; s <= t; ++s) {
          scores[s] = dot(query, k.data() + (s * kvHeads + kvHead) * d, d) * scale;
          maximum = std::max(maximum, scores[s]);
        }
        T sum = 0;
        for (std::size_t s = first; s <= t; ++s) {
          scores[s] = std::exp(scores[s] - maximum);
          sum += scores[s];
        }
        T* result = out.data() + (t * heads + h) * d;
        std::fill(result, result + d, T(0));
        for (std::size_t s = first; s <= t; ++s) {
          const T weight = scores[s] / sum;
          const T* value = v.data() + (s * kvHeads + kvHead) * d;
          for (std::size_t i = 0; i < d; ++i) result[i] += weight * value[i];
        }
        logSumExp[h * tokens + t] = maximum + std::log(sum);
      }
    }
  }
}

template <typename T>
void attentionBackward(std::span<const T> dout, std::span<const T> q, std::span<const T> k, std::span<const T> v,
                       std::span<const T> out, std::span<const T> logSumExp,
                       std::span<const std::int32_t> sampleStart, const AttentionShape& shape, std::span<T> dq,
                       std::span<T> dk, std::span<T> dv) {
  // Plain copies, not a structured binding: clang 14 cannot use those inside OpenMP regions.
  const std::size_t tokens = shape.tokens, heads = shape.heads, kvHeads = shape.kvHeads, d = shape.headDim;
  const std::size_t group = heads / kvHeads;
  const T scale = T(1) / std::sqrt(static_cast<T>(d));
  std::fill(dq.begin(), dq.end(), T(0));
  std::fill(dk.begin(), dk.end(), T(0));
  std::fill(dv.begin(), dv.end(), T(0));
  if constexpr (std::is_same_v<T, float>) {
    if (tokens == 0) return;
    useBestBlasKernels();
    attentionBackwardBlocked(dout.data(), q.data(), k.data(), v.data(), out.data(), logSumExp.data(), sampleStart,
                             shape, dq.data(), dk.data(), dv.data());
    return;
  }
  // One thread per key/value head: the query heads that share it add into its dk and dv, so no
  // two threads write the same place and the order of additions is fixed.
#pragma omp parallel for schedule(static)
  for (std::size_t kvHead = 0; kvHead < kvHeads; ++kvHead) {
    for (std::size_t h = kvHead * group; h < (kvHead + 1) * group; ++h) {
      for (std::size_t t = 0; t < tokens; ++t) {
        const std::size_t at = (t * heads + h) * d;
        const T* query = q.data() + at;
        const T* gradOut = dout.data() + at;
        const T delta = dot(gradOut, out.data() + at, d);  // sum_s P_ts dP_ts
        const T lse = logSumExp[h * tokens + t];
        T* gradQuery = dq.data() + at;
        for (std::size_t s = static_cast<std::size_t>(sampleStart[t]); s <= t; ++s) {
          const std::size_t kvAt = (s * kvHeads + kvHead) * d;
          const T p = std::exp(dot(query, k.data() + kvAt, d) * scale - lse);
          const T dp = dot(gradOut, v.data() + kvAt, d);
          const T ds = p * (dp - delta) * scale;
          for (std::size_t i = 0; i < d; ++i) {
            dv[kvAt + i] += p * gradOut[i];
            gradQuery[i] += ds * k[kvAt + i];
            dk[kvAt + i] += ds * query[i];
          }
        }
      }
    }
  }
}

template void attentionForward<float>(std::span<const float>, std::span<const float>, std::span<const float>,
                                      std::span<const std::int32_t>, const AttentionShape&, std::span<float>,
                                      std::span<float>);
template void attentionForward<double>(std::span<const double>, std::span<const double>, std::span<const double>,
                                       std::span<const std::int32_t>, const AttentionShape&, std::span<double>,
                                       std::span<double>);
template void attentionBackward<float>(std::span<const float>, std::span<const float>, std::span<const float>,
                                       std::span<const float>, std::span<const float>, std::span<const float>,
                                       std::span<const std::int32_t>, const AttentionShape&, std::span<float>,
                                       std::span<float>, std::span<float>);
template void attentionBackward<double>(std::span<const double>, std::span<const double>, std::span<const double>,
                                        std::span<const double>, std::span<const double>, std::span<const double>,
                                        std::span<const std::int32_t>, const AttentionShape&, std::span<double>,
                                        std::span<double>, std::span<double>);

}  // namespace tiertune::kernels::cpu
