#include "kernels/cpu/cached_attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tiertune::kernels::cpu {

template <typename T>
void cachedAttention(std::span<const T> q, std::span<const T> keys, std::span<const T> values,
                     const CachedAttentionShape& shape, std::span<T> out) {
  // Plain copies, not a structured binding: clang 14 cannot use those inside OpenMP regions.
  const std::size_t queries = shape.queries, past = shape.past, heads = shape.heads, kvHeads = shape.kvHeads,
                    d = shape.headDim;
  const std::size_t group = heads / kvHeads;
  const T scale = T(1) / std::sqrt(static_cast<T>(d));
#pragma omp parallel
  {
    std::vector<T> scores(past + queries);
#pragma omp for schedule(static) collapse(2)
    for (std::size_t i = 0; i < queries; ++i) {
      for (std::size_t h = 0; h < heads; ++h) {
        const std::size_t kvHead = h / group;
        const std::size_t visible = past + i + 1;  // cache rows 0..past + i
        const T* query = q.data() + (i * heads + h) * d;
        T maximum = -std::numeric_limits<T>::infinity();
        for (std::size_t s = 0; s < visible; ++s) {
          const T* key = keys.data() + (s * kvHeads + kvHead) * d;
          T dot = 0;
          for (std::size_t j = 0; j < d; ++j) dot += query[j] * key[j];
          scores[s] = dot * scale;
          maximum = std::max(maximum, scores[s]);
        }
        T sum = 0;
        for (std::size_t s = 0; s < visible; ++s) {
          scores[s] = std::exp(scores[s] - maximum);
          sum += scores[s];
        }
        T* result = out.data() + (i * heads + h) * d;
        std::fill(result, result + d, T(0));
        for (std::size_t s = 0; s < visible; ++s) {
          const T weight = scores[s] / sum;
          const T* value = values.data() + (s * kvHeads + kvHead) * d;
          for (std::size_t j = 0; j < d; ++j) result[j] += weight * value[j];
        }
      }
    }
  }
}

template void cachedAttention<float>(std::span<const float>, std::span<const float>, std::span<const float>,
                                     const CachedAttentionShape&, std::span<float>);
template void cachedAttention<double>(std::span<const double>, std::span<const double>, std::span<const double>,
                                      const CachedAttentionShape&, std::span<double>);

}  // namespace tiertune::kernels::cpu
