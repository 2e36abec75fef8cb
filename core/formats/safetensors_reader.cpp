#include "core/formats/safetensors_reader.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <utility>

#include "kernels/cpu/half_precision.h"
#include "core/util/error.h"

namespace tiertune::formats {
namespace {

template <typename Word>
Word loadLittleEndian(const std::byte* at) {
  Word word;
  std::memcpy(&word, at,
              sizeof word);  // unaligned-safe; the host is little-endian (static_assert in the parser)
  return word;
}

}  // namespace

void requireLoadableFloat(const TensorView& tensor) {
  if (isLoadableFloat(tensor.dtype())) return;
  throw Error(std::string(tensor.fileLabel) + ": tensor " + tensor.name() + " holds " +
              std::string(dtypeName(tensor.dtype())) + " values (" + dtypeDescription(tensor.dtype()) +
              "); Tiertune reads weights only as BF16, F16 or F32. Use a model folder with unquantized "
              "bfloat16 or float16 weights.");
}

void readAsFloat(const TensorView& tensor, std::span<float> out) {
  requireLoadableFloat(tensor);
  if (out.size() != tensor.elementCount()) {
    throw Error(std::string(tensor.fileLabel) + ": tensor " + tensor.name() + " has " +
                std::to_string(tensor.elementCount()) + " elements, but the destination holds " +
                std::to_string(out.size()) + " (a bug in the caller).");
  }
  const std::byte* in = tensor.bytes.data();
  switch (tensor.dtype()) {
    case Dtype::BF16:
      for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = kernels::cpu::bf16ToFloat(loadLittleEndian<std::uint16_t>(in + 2 * i));
      break;
    case Dtype::F16:
      for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = kernels::cpu::f16ToFloat(loadLittleEndian<std::uint16_t>(in + 2 * i));
      break;
    case Dtype::F32:
      if (!out.empty()) std::memcpy(out.data(), in, out.size() * sizeof(float));
      break;
    default:
      break;  // refused by requireLoadableFloat
  }
  if (tensor.mapping) tensor.mapping->requireIntact();
}

void readAsHalf(const TensorView& tensor, kernels::HalfFormat format, std::span<std::uint16_t> out) {
  requireLoadableFloat(tensor);
  if (out.size() != tensor.elementCount()) {
    throw Error(std::string(tensor.fileLabel) + ": tensor " + tensor.name() + " has " +
                std::to_string(tensor.elementCount()) + " elements, but the destination holds " +
                std::to_string(out.size()) + " (a bug in the caller).");
  }
  const Dtype same = format == kernels::HalfFormat::Bf16 ? Dtype::BF16 : Dtype::F16;
  const std::byte* in = tensor.bytes.data();
  if (tensor.dtype() == same) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = loadLittleEndian<std::uint16_t>(in + 2 * i);
  } else {
    // Another type: through its exact fp32 value, in blocks (the tensor may be large).
    constexpr std::size_t kBlock = 1 << 16;
    std::vector<float> block;
    for (std::size_t first = 0; first < out.size(); first += kBlock) {
      const std::size_t count = std::min(kBlock, out.size() - first);
      block.resize(count);
      for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = first + i;
        switch (tensor.dtype()) {
          case Dtype::BF16: block[i] = kernels::cpu::bf16ToFloat(loadLittleEndian<std::uint16_t>(in + 2 * at)); break;
          case Dtype::F16: block[i] = kernels::cpu::f16ToFloat(loadLittleEndian<std::uint16_t>(in + 2 * at)); break;
          default: block[i] = loadLittleEndian<float>(in + 4 * at); break;  // F32 (others refused above)
        }
      }
      const std::span<std::uint16_t> to = out.subspan(first, count);
      if (format == kernels::HalfFormat::Bf16) {
        kernels::cpu::floatToBf16(block, to);
      } else {
        kernels::cpu::floatToF16(block, to);
      }
    }
  }
  if (tensor.mapping) tensor.mapping->requireIntact();
}

std::vector<float> readAsFloat(const TensorView& tensor) {
  requireLoadableFloat(tensor);
  std::vector<float> values(tensor.elementCount());
  readAsFloat(tensor, values);
  return values;
}

SafetensorsFile::SafetensorsFile(const std::filesystem::path& file)
    : path_(file),
      label_(std::make_unique<const std::string>(file.string())),
      file_(std::make_unique<const MappedFile>(file)) {
  // MAP_PRIVATE + PROT_READ: nothing we do can change the file, and the pages are shared with the
  // page cache (no copy of the weights in our memory).
  layout_ = parseSafetensorsLayout(file_->bytes(), *label_);
  file_->requireIntact();  // the header was read from the mapping too
  for (std::size_t i = 0; i < layout_.tensors.size(); ++i) index_.emplace(layout_.tensors[i].name, i);
}

SafetensorsFile::~SafetensorsFile() = default;
SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept = default;

const TensorInfo* SafetensorsFile::find(std::string_view name) const {
  auto found = index_.find(name);
  return found == index_.end() ? nullptr : &layout_.tensors[found->second];
}

TensorView SafetensorsFile::tensor(std::string_view name) const {
  const TensorInfo* info = find(name);
  if (!info) throw Error(*label_ + ": the file has no tensor named " + std::string(name) + ".");
  return view(*info);
}

TensorView SafetensorsFile::view(const TensorInfo& info) const {
  TensorView tensor;
  tensor.info = &info;
  tensor.bytes = file_->bytes().subspan(layout_.dataStart + info.begin, info.byteCount());
  tensor.fileLabel = *label_;
  tensor.mapping = file_.get();
  return tensor;
}

void SafetensorsFile::advise(const TensorView& tensor, int advice) const {
  if (tensor.bytes.empty()) return;
  // madvise wants page-aligned ranges: widen the tensor's range to whole pages.
  const auto pageBytes = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto first = reinterpret_cast<std::uintptr_t>(tensor.bytes.data()) & ~(pageBytes - 1);
  const auto last = reinterpret_cast<std::uintptr_t>(tensor.bytes.data() + tensor.bytes.size());
  // Hints only: a refusal changes nothing that matters, so errors are ignored on purpose.
  (void)::madvise(reinterpret_cast<void*>(first), last - first, advice);
}

void SafetensorsFile::prefetch(const TensorView& tensor) const { advise(tensor, MADV_WILLNEED); }

void SafetensorsFile::release(const TensorView& tensor) const { advise(tensor, MADV_DONTNEED); }

}  // namespace tiertune::formats
