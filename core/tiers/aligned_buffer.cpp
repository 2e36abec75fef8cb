#include "core/tiers/aligned_buffer.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace tiertune::tiers {

AlignedBuffer::AlignedBuffer(std::size_t bytes) : size_(roundUpToBlocks(bytes)) {
  if (size_ == 0) return;
  void* memory = std::aligned_alloc(kBlockBytes, size_);
  if (!memory) throw std::bad_alloc();
  std::memset(memory, 0, size_);
  data_ = static_cast<std::byte*>(memory);
}

AlignedBuffer::AlignedBuffer(AlignedBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

AlignedBuffer& AlignedBuffer::operator=(AlignedBuffer&& other) noexcept {
  if (this != &other) {
    std::free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

AlignedBuffer::~AlignedBuffer() { std::free(data_); }

}  // namespace tiertune::tiers
