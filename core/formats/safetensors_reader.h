// A safetensors file opened for reading through a read-only memory map: opening validates the whole
// header (safetensors_header.h) and costs no reads of tensor data; a tensor's bytes are paged in
// when they are touched. Used to load base weights, checkpoints and adapters.
//
// A file that shrinks while it is mapped does not end the process (core/util/mapped_file.h): the
// lost pages read as zeros, and readAsFloat, which checks the mapping after each tensor, throws
// tiertune::Error naming the file instead of returning them.
//
// Every dtype of the format can be listed and its raw bytes reached (to copy a file, to hash it);
// only BF16, F16 and F32 tensors can be read as numbers (readAsFloat), and asking for another
// dtype is an error that names the file, the tensor and the dtype.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/dtype.h"
#include "kernels/op_shapes.h"
#include "core/formats/safetensors_header.h"
#include "core/util/mapped_file.h"

namespace tiertune::formats {

// A tensor inside an open file. Valid as long as the SafetensorsFile it came from is open (moving
// the SafetensorsFile keeps it valid).
struct TensorView {
  const TensorInfo* info = nullptr;  // name, dtype, shape, offsets
  std::span<const std::byte> bytes;  // little-endian, row-major; may be unaligned in foreign files
  std::string_view fileLabel;        // the file, for messages
  const MappedFile* mapping = nullptr;  // where bytes lie; checked after reading them

  const std::string& name() const { return info->name; }
  Dtype dtype() const { return info->dtype; }
  const std::vector<std::int64_t>& shape() const { return info->shape; }
  std::uint64_t elementCount() const { return info->elementCount(); }
};

// Throws tiertune::Error unless the tensor is BF16, F16 or F32, naming the file, tensor and dtype.
void requireLoadableFloat(const TensorView& tensor);

// Converts a BF16, F16 or F32 tensor to float; out.size() must be tensor.elementCount().
// Other dtypes throw as requireLoadableFloat does, and a file that shrank while it was read throws
// tiertune::Error naming it.
void readAsFloat(const TensorView& tensor, std::span<float> out);
std::vector<float> readAsFloat(const TensorView& tensor);
// Reads a BF16, F16 or F32 tensor as the bits of format: copied as stored when the tensor is in
// format, else rounded to nearest even from its exact fp32 value (a value beyond fp16's range
// becomes infinity: callers check). out.size() must be tensor.elementCount().
void readAsHalf(const TensorView& tensor, kernels::HalfFormat format, std::span<std::uint16_t> out);

class SafetensorsFile {
 public:
  // Maps and validates the file; throws tiertune::Error naming it when it cannot be opened or breaks
  // a rule of the format.
  explicit SafetensorsFile(const std::filesystem::path& file);
  ~SafetensorsFile();
  SafetensorsFile(SafetensorsFile&& other) noexcept;
  SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const SafetensorsLayout& layout() const { return layout_; }
  const std::vector<TensorInfo>& tensors() const { return layout_.tensors; }  // in data order
  const std::map<std::string, std::string>& metadata() const { return layout_.metadata; }
  std::uint64_t fileBytes() const { return file_->bytes().size(); }

  bool contains(std::string_view name) const { return index_.find(name) != index_.end(); }
  const TensorInfo* find(std::string_view name) const;  // nullptr when absent

  // Throws tiertune::Error naming the file when it has no tensor of that name.
  TensorView tensor(std::string_view name) const;
  TensorView view(const TensorInfo& info) const;  // info must come from tensors()

  // Page-cache hints for a tensor's pages: start reading them in the background now, or drop them
  // from this mapping after use (they are read again from the file if touched later).
  void prefetch(const TensorView& tensor) const;
  void release(const TensorView& tensor) const;

 private:
  void advise(const TensorView& tensor, int advice) const;

  std::filesystem::path path_;
  std::unique_ptr<const std::string> label_;  // on the heap: views keep pointing at it across moves
  std::unique_ptr<const MappedFile> file_;    // likewise
  SafetensorsLayout layout_;
  std::map<std::string, std::size_t, std::less<>> index_;  // name -> position in layout_.tensors
};

}  // namespace tiertune::formats
