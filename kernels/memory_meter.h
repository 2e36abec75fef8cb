// What a backend has allocated: the bytes in use now, the most ever in use at once, and an optional
// cap. The cap is how the CPU backend becomes a bounded "device" arena for the tiered executor (and
// how a large GPU can be made to act as a small one); the peak is what benchmarks and tests report
// as the device tier's real high-water mark. Allocation and release may happen on any thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace tiertune::kernels {

struct MemoryUse {
  std::size_t inUse = 0;
  std::size_t peak = 0;
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // the cap; max: none
};

class MemoryMeter {
 public:
  explicit MemoryMeter(std::size_t limit = std::numeric_limits<std::size_t>::max()) : limit_(limit) {}

  // Counts bytes as allocated; throws std::runtime_error (naming who, what was asked and what is
  // left) when they would go over the cap, counting nothing then.
  void charge(std::size_t bytes, const std::string& who) {
    std::size_t current = inUse_.load();
    do {
      if (bytes > limit_ || current > limit_ - bytes) {
        throw std::runtime_error(who + " could not allocate " + std::to_string(bytes >> 10) + " KiB: " +
                                 std::to_string(current >> 10) + " KiB of its " + std::to_string(limit_ >> 10) +
                                 " KiB limit are in use");
      }
    } while (!inUse_.compare_exchange_weak(current, current + bytes));
    std::size_t peak = peak_.load();
    while (current + bytes > peak && !peak_.compare_exchange_weak(peak, current + bytes)) {
    }
  }
  void refund(std::size_t bytes) { inUse_.fetch_sub(bytes); }

  MemoryUse use() const { return MemoryUse{inUse_.load(), peak_.load(), limit_}; }
  // Starts a new high-water mark from what is in use now (a benchmark's measured phase).
  void resetPeak() { peak_.store(inUse_.load()); }

 private:
  std::size_t limit_;
  std::atomic<std::size_t> inUse_{0};
  std::atomic<std::size_t> peak_{0};
};

}  // namespace tiertune::kernels
