// Host memory that direct I/O accepts: 4 KiB aligned, its size a whole number of 4 KiB blocks.
// The SSD tier moves whole blocks, so every buffer it reads into or writes from is one of these
// (or a block-aligned part of one). Buffers that a backend copies from and to come from that
// backend (page-locked on CUDA, so the copies overlap the compute); the others are plain memory.
#pragma once

#include <cstddef>
#include <span>

#include "kernels/backend.h"

namespace tiertune::tiers {

inline constexpr std::size_t kBlockBytes = 4096;

constexpr std::size_t roundUpToBlocks(std::size_t bytes) {
  return (bytes + kBlockBytes - 1) / kBlockBytes * kBlockBytes;
}

class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  // bytes rounded up to whole blocks; zero-filled. Throws std::bad_alloc.
  explicit AlignedBuffer(std::size_t bytes);
  // The same, as staging for backend's transfers (Backend::allocateHostStaging). Throws
  // std::logic_error if the backend hands out memory that is not whole aligned blocks.
  AlignedBuffer(std::size_t bytes, kernels::Backend& backend);

  std::byte* data() { return memory_.data(); }
  const std::byte* data() const { return memory_.data(); }
  std::size_t size() const { return memory_.bytes(); }
  bool pinned() const { return memory_.pinned(); }
  std::span<std::byte> span() { return {data(), size()}; }
  std::span<const std::byte> span() const { return {data(), size()}; }

 private:
  kernels::HostBuffer memory_;
};

}  // namespace tiertune::tiers
