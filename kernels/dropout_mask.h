// The dropout mask as a pure function of (seed, element index), so that the backward recomputes
// it instead of storing it and every backend and thread count draws the same mask. The hash is
// SplitMix64's finalizer over seed + index * golden ratio: cheap, stateless, and its outputs pass
// the usual statistical tests well enough for a Bernoulli mask. The hash is also compiled for the
// GPU (kernels/cuda/elementwise.cu), so both backends draw the very same mask; the threshold is
// computed on the host (std::ldexp is host only) and handed to the kernel.
#pragma once

#include <cmath>
#include <cstdint>

#include "kernels/host_device.h"

namespace tiertune::kernels {

// Elements whose 32-bit hash is below the threshold are dropped: threshold = p * 2^32.
inline std::uint32_t dropoutThreshold(float p) {
  const double scaled = std::ldexp(static_cast<double>(p), 32);
  return scaled >= 4294967295.0 ? 0xffffffffu : static_cast<std::uint32_t>(scaled);
}

TIERTUNE_HOST_DEVICE inline std::uint32_t dropoutHash(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + (index + 1) * 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return static_cast<std::uint32_t>(z >> 32);
}

TIERTUNE_HOST_DEVICE inline bool dropoutKeeps(std::uint64_t seed, std::uint64_t index, std::uint32_t threshold) {
  return dropoutHash(seed, index) >= threshold;
}

}  // namespace tiertune::kernels
