// Element-wise work split among the OpenMP threads in fixed chunks: each chunk is one call of
// work(first, count) on one thread, so the results do not depend on the thread count, and a small
// array (one chunk) runs on the calling thread without starting the team.
#pragma once

#include <cstddef>

namespace tiertune::kernels::cpu {

inline constexpr std::size_t kElementChunk = std::size_t{1} << 14;

template <typename Work>
void forEachChunk(std::size_t n, Work work) {
  const std::size_t chunks = (n + kElementChunk - 1) / kElementChunk;
#pragma omp parallel for schedule(static) if (chunks > 1)
  for (std::size_t c = 0; c < chunks; ++c) {
    const std::size_t first = c * kElementChunk;
    work(first, n - first < kElementChunk ? n - first : kElementChunk);
  }
}

}  // namespace tiertune::kernels::cpu
