// A whole file mapped read-only into memory (MAP_PRIVATE, PROT_READ): the pages are shared with
// the page cache and loaded as they are touched. Empty files map to an empty span.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace tiertune {

class MappedFile {
 public:
  // Throws tiertune::Error naming the file and the system's reason.
  explicit MappedFile(const std::filesystem::path& file);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::span<const std::byte> bytes() const { return {static_cast<const std::byte*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace tiertune
