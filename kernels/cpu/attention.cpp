#include "kernels/cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tiertune::kernels::cpu {

namespace {

template <typename T>
T dot(const T* a, const T* b, std::size_t n) {
  T sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += a[i] * b[i];
  return sum;
}

}  // namespace

template <typename T>
void attentionForward(std::span<const T> q, std::span<const T> k, std::span<const T> v,
                      std::span<const std::int32_t> sampleStart, const AttentionShape& shape, std::span<T> out,
                      std::span<T> logSumExp) {
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
