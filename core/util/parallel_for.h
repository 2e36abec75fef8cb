// body(i) for i in [0, count) on up to `threads` threads (the caller's included), items taken
// one by one from a shared counter so that uneven items balance. The first exception a body
// throws is rethrown in the caller once all threads have stopped taking items.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tiertune {

template <typename Body>
void parallelFor(std::size_t count, unsigned threads, const Body& body) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr firstError;
  std::mutex errorMutex;
  const auto work = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count) return;
      try {
        body(i);
      } catch (...) {
        const std::lock_guard lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned helpers = static_cast<unsigned>(std::min<std::size_t>(threads > 0 ? threads - 1 : 0, count));
  {
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (unsigned t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
  }
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace tiertune
