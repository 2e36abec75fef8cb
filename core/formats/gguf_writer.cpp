#include "core/formats/gguf_writer.h"

#include <unistd.h>

#include <array>
#include <bit>
#include <set>
#include <type_traits>

#include "core/formats/safetensors_writer.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"

namespace tiertune::formats {
namespace {

static_assert(std::endian::native == std::endian::little, "GGUF is written in the host's byte order");

constexpr std::uint32_t kGgufVersion = 3;
constexpr std::size_t kMaxDimensions = 4;            // GGML_MAX_DIMS: readers reject more
constexpr std::size_t kFlushBytes = std::size_t{4} << 20;

// gguf_type: the tag written before every metadata value and array element type.
enum class ValueTag : std::uint32_t {
  Uint8 = 0, Int8 = 1, Uint16 = 2, Int16 = 3, Uint32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
  String = 8, Array = 9, Uint64 = 10, Int64 = 11, Float64 = 12,
};

template <typename Scalar>
constexpr ValueTag tagOf() {
  if constexpr (std::is_same_v<Scalar, std::uint8_t>) return ValueTag::Uint8;
  if constexpr (std::is_same_v<Scalar, std::int8_t>) return ValueTag::Int8;
  if constexpr (std::is_same_v<Scalar, std::uint16_t>) return ValueTag::Uint16;
  if constexpr (std::is_same_v<Scalar, std::int16_t>) return ValueTag::Int16;
  if constexpr (std::is_same_v<Scalar, std::uint32_t>) return ValueTag::Uint32;
  if constexpr (std::is_same_v<Scalar, std::int32_t>) return ValueTag::Int32;
  if constexpr (std::is_same_v<Scalar, float>) return ValueTag::Float32;
  if constexpr (std::is_same_v<Scalar, bool>) return ValueTag::Bool;
  if constexpr (std::is_same_v<Scalar, std::string>) return ValueTag::String;
  if constexpr (std::is_same_v<Scalar, std::uint64_t>) return ValueTag::Uint64;
  if constexpr (std::is_same_v<Scalar, std::int64_t>) return ValueTag::Int64;
  if constexpr (std::is_same_v<Scalar, double>) return ValueTag::Float64;
}

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

// The header under construction: little-endian scalars, strings as a uint64 length then bytes.
class HeaderBytes {
 public:
  template <typename Scalar>
  void scalar(Scalar value) {
    if constexpr (std::is_same_v<Scalar, std::string>) {
      scalar<std::uint64_t>(value.size());
      const auto* begin = reinterpret_cast<const std::byte*>(value.data());
      bytes_.insert(bytes_.end(), begin, begin + value.size());
    } else if constexpr (std::is_same_v<Scalar, bool>) {
      bytes_.push_back(std::byte{value ? std::uint8_t{1} : std::uint8_t{0}});
    } else {
      const auto raw = std::bit_cast<std::array<std::byte, sizeof(Scalar)>>(value);
      bytes_.insert(bytes_.end(), raw.begin(), raw.end());
    }
  }
  void tag(ValueTag tag) { scalar(static_cast<std::uint32_t>(tag)); }

  void value(const GgufValue& value) {
    std::visit(
        [this](const auto& held) {
          using Held = std::decay_t<decltype(held)>;
          if constexpr (IsVector<Held>::value) {
            tag(ValueTag::Array);
            tag(tagOf<typename Held::value_type>());
            scalar<std::uint64_t>(held.size());
            for (const auto& element : held) scalar(element);
          } else {
            tag(tagOf<Held>());
            scalar(held);
          }
        },
        value);
  }

  void padTo(std::uint64_t alignment) {
    while (bytes_.size() % alignment != 0) bytes_.push_back(std::byte{0});
  }
  const std::vector<std::byte>& bytes() const { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

std::uint64_t alignUp(std::uint64_t value, std::uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

}  // namespace

std::string_view ggufTensorTypeName(GgufTensorType type) {
  switch (type) {
    case GgufTensorType::F32: return "F32";
    case GgufTensorType::F16: return "F16";
    case GgufTensorType::Q8_0: return "Q8_0";
    case GgufTensorType::BF16: return "BF16";
  }
  return "unknown";
}

std::uint64_t ggufByteCount(GgufTensorType type, std::uint64_t values) {
  switch (type) {
    case GgufTensorType::F32: return 4 * values;
    case GgufTensorType::F16:
    case GgufTensorType::BF16: return 2 * values;
    case GgufTensorType::Q8_0: return values / kQ8_0BlockValues * kQ8_0BlockBytes;
  }
  return 0;
}

void GgufMetadata::add(std::string key, GgufValue value) {
  if (key.empty()) throw Error("GGUF metadata: a key is empty.");
  if (find(key) != nullptr) throw Error("GGUF metadata: the key " + key + " is set twice.");
  entries_.push_back({std::move(key), std::move(value)});
}

const GgufValue* GgufMetadata::find(std::string_view key) const {
  for (const GgufKeyValue& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::uint64_t GgufTensorInfo::valueCount() const {
  std::uint64_t count = 1;
  for (std::uint64_t dim : dims) count *= dim;
  return count;
}

std::uint64_t GgufTensorInfo::byteCount() const { return ggufByteCount(type, valueCount()); }

GgufWriter::GgufWriter(std::filesystem::path target, const GgufMetadata& metadata, std::vector<GgufTensorInfo> tensors,
                       std::uint32_t alignment)
    : target_(std::move(target)), alignment_(alignment), tensors_(std::move(tensors)) {
  if (alignment_ == 0 || alignment_ % 8 != 0) fail("the alignment " + std::to_string(alignment_) + " is not a multiple of 8");
  std::set<std::string_view> names;
  std::uint64_t dataBytes = 0;
  for (const GgufTensorInfo& tensor : tensors_) {
    const std::string label = "tensor " + (tensor.name.empty() ? std::string("(no name)") : tensor.name) + ": ";
    if (tensor.name.empty() || !names.insert(tensor.name).second) fail(label + "the name is empty or repeated");
    if (tensor.dims.empty() || tensor.dims.size() > kMaxDimensions) fail(label + "must have 1 to 4 dimensions");
    for (std::uint64_t dim : tensor.dims) {
      if (dim == 0) fail(label + "has a dimension of 0");
    }
    if (tensor.type == GgufTensorType::Q8_0 && tensor.dims[0] % kQ8_0BlockValues != 0) {
      fail(label + "rows of " + std::to_string(tensor.dims[0]) + " values cannot be stored as Q8_0 (blocks of 32)");
    }
    offsets_.push_back(dataBytes);
    dataBytes += alignUp(tensor.byteCount(), alignment_);
  }

  GgufMetadata withAlignment = metadata;
  if (const GgufValue* declared = metadata.find("general.alignment")) {
    const auto* value = std::get_if<std::uint32_t>(declared);
    if (value == nullptr || *value != alignment_) fail("general.alignment must be the uint32 " + std::to_string(alignment_));
  } else {
    withAlignment.add("general.alignment", alignment_);
  }

  HeaderBytes header;
  header.scalar<std::uint32_t>(0x46554747);  // "GGUF" read as a little-endian uint32
  header.scalar(kGgufVersion);
  header.scalar<std::uint64_t>(tensors_.size());
  header.scalar<std::uint64_t>(withAlignment.entries().size());
  for (const GgufKeyValue& entry : withAlignment.entries()) {
    header.scalar(entry.key);
    header.value(entry.value);
  }
  for (std::size_t i = 0; i < tensors_.size(); ++i) {
    header.scalar(tensors_[i].name);
    header.scalar<std::uint32_t>(static_cast<std::uint32_t>(tensors_[i].dims.size()));
    for (std::uint64_t dim : tensors_[i].dims) header.scalar(dim);
    header.scalar(static_cast<std::uint32_t>(tensors_[i].type));
    header.scalar(offsets_[i]);
  }
  header.padTo(alignment_);
  dataStart_ = header.bytes().size();
  fileBytes_ = dataStart_ + dataBytes;

  temporary_ = createTemporaryBeside(target_, fd_);
  try {
    reserveFileBytes(fd_, fileBytes_, target_);
    writeAllAt(fd_, 0, header.bytes(), target_);
  } catch (...) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
    throw;
  }
  bufferStart_ = dataStart_;
}

GgufWriter::~GgufWriter() {
  if (finished_) return;
  ::close(fd_);
  ::unlink(temporary_.c_str());
}

void GgufWriter::write(std::string_view name, std::span<const std::byte> bytes) {
  if (current_ >= tensors_.size() || tensors_[current_].name != name) {
    fail("tensor " + std::string(name) + ": written out of order (the next tensor to write is " +
         (current_ < tensors_.size() ? tensors_[current_].name : std::string("none")) + ")");
  }
  const GgufTensorInfo& tensor = tensors_[current_];
  if (bytes.size() > tensor.byteCount() - currentWritten_) {
    fail("tensor " + tensor.name + ": more bytes than its " + std::to_string(tensor.byteCount()));
  }
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
  currentWritten_ += bytes.size();
  if (currentWritten_ == tensor.byteCount()) {
    // Each tensor's data starts at a multiple of the alignment; the gap is zeros.
    buffer_.resize(buffer_.size() + (alignUp(tensor.byteCount(), alignment_) - tensor.byteCount()), std::byte{0});
    ++current_;
    currentWritten_ = 0;
  }
  if (buffer_.size() >= kFlushBytes) flush();
}

void GgufWriter::flush() {
  writeAllAt(fd_, bufferStart_, buffer_, target_);
  bufferStart_ += buffer_.size();
  buffer_.clear();
}

void GgufWriter::finish() {
  if (finished_) fail("finish() was called twice");
  // Zero-byte tensors cannot exist (no dimension is 0), so completeness is the position alone.
  if (current_ < tensors_.size()) {
    fail("tensor " + tensors_[current_].name + " got " + std::to_string(currentWritten_) + " of its " +
         std::to_string(tensors_[current_].byteCount()) + " bytes");
  }
  flush();
  finished_ = true;  // commitTemporary closes the descriptor whatever happens
  try {
    commitTemporary(fd_, temporary_, target_);
  } catch (...) {
    ::unlink(temporary_.c_str());
    throw;
  }
}

void GgufWriter::fail(const std::string& what) const {
  throw Error(target_.string() + ": cannot write the GGUF file: " + what + ".");
}

}  // namespace tiertune::formats
