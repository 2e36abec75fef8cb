// Host memory that direct I/O accepts: 4 KiB aligned, its size a whole number of 4 KiB blocks.
// The SSD tier moves whole blocks, so every buffer it reads into or writes from is one of these
// (or a block-aligned part of one).
#pragma once

#include <cstddef>
#include <span>

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
  AlignedBuffer(AlignedBuffer&& other) noexcept;
  AlignedBuffer& operator=(AlignedBuffer&& other) noexcept;
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;
  ~AlignedBuffer();

  std::byte* data() { return data_; }
  const std::byte* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::span<std::byte> span() { return {data_, size_}; }
  std::span<const std::byte> span() const { return {data_, size_}; }

 private:
  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace tiertune::tiers
