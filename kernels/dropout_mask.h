// The dropout mask as a pure function of (seed, element index), so that the backward recomputes
// it instead of storing it and every backend and thread count draws the same mask. The hash is
// SplitMix64's finalizer over seed + index * golden ratio: cheap, stateless, and its outputs pass
// the usual statistical tests well enough for a Bernoulli mask.
#pragma once

#include <cmath>
#include <cstdint>

namespace tiertune::kernels {

// Elements whose 32-bit hash is below the threshold are dropped: threshold = p * 2^32.
inline std::uint32_t dropoutThreshold(float p) {
  const double scaled = std::ldexp(static_cast<double>(p), 32);
  return scaled >= 4294967295.0 ? 0xffffffffu : static_cast<std::uint32_t>(scaled);
}

inline std::uint32_t dropoutHash(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + (index + 1) * 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return static_cast<std::uint32_t>(z >> 32);
}

inline bool dropoutKeeps(std::uint64_t seed, std::uint64_t index, std::uint32_t threshold) {
  return dropoutHash(seed, index) >= threshold;
}

}  // namespace tiertune::kernels
