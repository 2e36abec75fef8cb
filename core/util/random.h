// A small seeded generator (SplitMix64) whose sequence is fixed by this code alone, not by the
// standard library's distributions: LoRA initialization, data order and random test weights repeat
// on every platform and compiler for the same seed, which resume and the reference tests rely on.
#pragma once

#include <cstdint>

namespace tiertune {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Uniform integer in [0, bound), bound > 0, by rejection: unbiased.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;  // a multiple of bound
    std::uint64_t value = next();
    while (value >= limit) value = next();
    return value % bound;
  }

  std::uint64_t state() const { return state_; }
  void setState(std::uint64_t state) { state_ = state; }

 private:
  std::uint64_t state_;
};

}  // namespace tiertune
