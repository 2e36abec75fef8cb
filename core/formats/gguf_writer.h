// GGUF version 3 files, the model format of llama.cpp, Ollama and LM Studio, written without holding
// the model in memory: the metadata and every tensor's name, type and shape are declared up front
// (so the header with each tensor's offset is final before any data), then the tensors' bytes are
// streamed in declaration order. Written under a temporary name beside the target, fsynced and
// renamed by finish(). Byte layout: ggml's docs/gguf.md. Used by core/export/gguf_export.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tiertune::formats {

// ggml_type numbers of the tensor types Tiertune writes.
enum class GgufTensorType : std::uint32_t { F32 = 0, F16 = 1, Q8_0 = 8, BF16 = 30 };

std::string_view ggufTensorTypeName(GgufTensorType type);  // "F32", "Q8_0", ...

// Q8_0 stores rows in blocks of 32 values: an fp16 scale and 32 int8 quants (34 bytes).
inline constexpr std::uint64_t kQ8_0BlockValues = 32;
inline constexpr std::uint64_t kQ8_0BlockBytes = 2 + kQ8_0BlockValues;

// Bytes of `values` consecutive values of a type; for Q8_0 values must be a multiple of 32.
std::uint64_t ggufByteCount(GgufTensorType type, std::uint64_t values);

// A metadata value: the scalar types of GGUF, strings, and the arrays Tiertune writes. Strings are
// UTF-8.
using GgufValue = std::variant<std::uint8_t, std::int8_t, std::uint16_t, std::int16_t, std::uint32_t, std::int32_t,
                               float, bool, std::string, std::uint64_t, std::int64_t, double,
                               std::vector<std::string>, std::vector<std::int32_t>, std::vector<float>>;

struct GgufKeyValue {
  std::string key;
  GgufValue value;
};

// Metadata in the order it is written; keys are unique.
class GgufMetadata {
 public:
  // Throws tiertune::Error naming the key when it is empty or already set.
  void add(std::string key, GgufValue value);
  // A string literal would otherwise become a bool.
  void add(std::string key, const char* text) { add(std::move(key), GgufValue(std::string(text))); }

  const std::vector<GgufKeyValue>& entries() const { return entries_; }
  const GgufValue* find(std::string_view key) const;

 private:
  std::vector<GgufKeyValue> entries_;
};

struct GgufTensorInfo {
  std::string name;
  GgufTensorType type = GgufTensorType::F32;
  // ggml order, the reverse of PyTorch's: dims[0] counts the values of one contiguous row, so a
  // Hugging Face weight of shape [out, in] has dims {in, out}.
  std::vector<std::uint64_t> dims;

  std::uint64_t valueCount() const;
  std::uint64_t byteCount() const;
};

inline constexpr std::uint32_t kGgufDefaultAlignment = 32;

class GgufWriter {
 public:
  // Writes the header into a temporary file beside target and reserves the file's full size.
  // general.alignment is added to the metadata unless it is there (then it must equal alignment).
  // Throws tiertune::Error naming the target or the tensor: repeated or empty names, no dimensions,
  // more than four, a zero dimension, a Q8_0 row that is not a multiple of 32 values.
  GgufWriter(std::filesystem::path target, const GgufMetadata& metadata, std::vector<GgufTensorInfo> tensors,
             std::uint32_t alignment = kGgufDefaultAlignment);
  // Without finish(), the temporary file is removed and the target is left as it was.
  ~GgufWriter();
  GgufWriter(const GgufWriter&) = delete;
  GgufWriter& operator=(const GgufWriter&) = delete;

  // Appends bytes to the data of `name`, which must be the first tensor not yet complete (the
  // data is one stream in declaration order, in one piece or in parts).
  void write(std::string_view name, std::span<const std::byte> bytes);

  // Checks that every tensor is complete, then fsyncs, renames to the target, fsyncs the folder.
  void finish();

  const std::filesystem::path& target() const { return target_; }
  const std::vector<GgufTensorInfo>& tensors() const { return tensors_; }
  std::uint64_t dataStart() const { return dataStart_; }  // where tensor data begins in the file
  // Offsets from dataStart(), multiples of the alignment; in tensors() order.
  const std::vector<std::uint64_t>& dataOffsets() const { return offsets_; }
  std::uint64_t fileBytes() const { return fileBytes_; }

 private:
  void flush();
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path target_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  bool finished_ = false;
  std::uint32_t alignment_;
  std::vector<GgufTensorInfo> tensors_;
  std::vector<std::uint64_t> offsets_;
  std::uint64_t dataStart_ = 0;
  std::uint64_t fileBytes_ = 0;
  std::size_t current_ = 0;           // the tensor being written
  std::uint64_t currentWritten_ = 0;  // its bytes so far
  std::uint64_t bufferStart_ = 0;     // file offset of buffer_[0]
  std::vector<std::byte> buffer_;     // coalesces small writes
};

}  // namespace tiertune::formats
