// Writes a safetensors file without holding it in memory: the tensors are declared up front (names,
// dtypes, shapes), so the header and every tensor's place are known before any data arrives; then
// each tensor's bytes are written in any order, in one piece or in consecutive parts. The file is
// written under a temporary name beside the target, fsynced and renamed into place by finish(), so
// a crash never leaves a half-written file under the real name.
// Used for checkpoints, merged-model exports and tests; sharded_writer.h builds on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/formats/dtype.h"
#include "core/formats/safetensors_header.h"

namespace tiertune::formats {

struct TensorDescriptor {
  std::string name;
  Dtype dtype = Dtype::F32;
  std::vector<std::int64_t> shape;
};

// Bytes of a tensor with this dtype and shape; throws tiertune::Error naming the tensor when the
// shape is negative, overflows, or does not fill whole bytes.
std::uint64_t tensorByteCount(const TensorDescriptor& tensor);

// The layout the reference writer uses: tensors sorted by decreasing dtype alignment, then by name,
// packed one after another. With the header padded to a multiple of 8 bytes, every tensor starts
// aligned to its element size.
std::vector<TensorInfo> planSafetensorsLayout(const std::vector<TensorDescriptor>& tensors);

class SafetensorsWriter {
 public:
  // Creates the temporary file and reserves its full size on disk (so a full disk fails here, not
  // half-way). Throws tiertune::Error naming the target and, for bad descriptors, the tensor
  // (empty or repeated names, the reserved name "__metadata__", negative dimensions).
  SafetensorsWriter(std::filesystem::path target, const std::vector<TensorDescriptor>& tensors,
                    std::map<std::string, std::string> metadata = {});
  // Without finish(), the temporary file is removed and the target is left as it was.
  ~SafetensorsWriter();
  SafetensorsWriter(const SafetensorsWriter&) = delete;
  SafetensorsWriter& operator=(const SafetensorsWriter&) = delete;

  // Appends bytes (little-endian, row-major) to the tensor's data, after what was written to it
  // before. Throws when the tensor is unknown or would get more bytes than its shape holds.
  void write(std::string_view name, std::span<const std::byte> bytes);

  // Checks that every tensor got all its bytes, then fsyncs, renames the temporary file to the
  // target and fsyncs the folder.
  void finish();

  const std::filesystem::path& target() const { return target_; }
  std::uint64_t fileBytes() const { return dataStart_ + dataBytes_; }

 private:
  struct Slot {
    TensorInfo info;
    std::uint64_t written = 0;
  };
  void writeAt(std::uint64_t offset, std::span<const std::byte> bytes);
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path target_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  bool finished_ = false;
  std::uint64_t dataStart_ = 0;
  std::uint64_t dataBytes_ = 0;
  std::vector<Slot> slots_;                                 // in data order
  std::map<std::string, std::size_t, std::less<>> bySlot_;  // name -> position in slots_
};

// Writes a whole file in one call, for small files and tests.
void writeSafetensors(const std::filesystem::path& target,
                      const std::vector<std::pair<TensorDescriptor, std::span<const std::byte>>>& tensors,
                      std::map<std::string, std::string> metadata = {});

}  // namespace tiertune::formats
