#include "core/model/parameter_table.h"

#include <algorithm>
#include <stdexcept>

#include "kernels/nf4_format.h"

namespace tiertune::model {

std::size_t elementCount(const std::vector<std::int64_t>& shape) {
  std::size_t count = 1;
  for (const std::int64_t dim : shape) count *= static_cast<std::size_t>(dim);
  return count;
}

std::size_t bytesPerElement(ElementType type) { return type == ElementType::F32 ? 4 : 2; }

const char* toString(ElementType type) {
  switch (type) {
    case ElementType::F32: return "fp32";
    case ElementType::Bf16: return "bf16";
    case ElementType::F16: return "fp16";
  }
  return "?";
}

std::string toString(const TableFormat& format) {
  return format.fourBitProjections ? std::string("NF4 + ") + toString(format.type) : toString(format.type);
}

kernels::HalfFormat halfFormat(ElementType type) {
  if (type == ElementType::F32) throw std::invalid_argument("fp32 is not a 16-bit format");
  return type == ElementType::Bf16 ? kernels::HalfFormat::Bf16 : kernels::HalfFormat::F16;
}

namespace {

constexpr std::size_t kFourBitEntryAlignment = 16;

std::size_t roundUp(std::size_t value, std::size_t multiple) { return (value + multiple - 1) / multiple * multiple; }

}  // namespace

std::vector<ParameterEntry> ParameterTable::layout(const std::vector<ParameterSpec>& specs, TableFormat format) {
  std::vector<ParameterEntry> entries;
  entries.reserve(specs.size());
  std::size_t elements = 0, bytes = 0;
  for (ParameterSpec& spec : inLayoutOrder(specs)) {
    ParameterEntry entry;
    entry.count = model::elementCount(spec.shape);
    entry.offset = elements;
    elements += entry.count;
    entry.nf4 = format.fourBitProjections && spec.projection;
    if (format.fourBitProjections) bytes = roundUp(bytes, kFourBitEntryAlignment);
    entry.byteOffset = bytes;
    entry.bytes = entry.nf4 ? kernels::nf4Layout(entry.count).bytes : entry.count * bytesPerElement(format.type);
    bytes += entry.bytes;
    entry.spec = std::move(spec);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::size_t ParameterTable::storageBytes(const std::vector<ParameterSpec>& specs, TableFormat format) {
  if (!format.fourBitProjections) return elementCount(specs) * bytesPerElement(format.type);
  const std::vector<ParameterEntry> entries = layout(specs, format);
  return entries.empty() ? 0 : roundUp(entries.back().byteOffset + entries.back().bytes, 4);
}

std::size_t ParameterTable::elementCount(const std::vector<ParameterSpec>& specs) {
  std::size_t total = 0;
  for (const ParameterSpec& spec : specs) total += model::elementCount(spec.shape);
  return total;
}

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs,
                               kernels::DeviceSpan<float> storage)
    : backend_(&backend) {
  layOut(std::move(specs));
  storage_ = storage.subspan(0, total_);
}

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs,
                               kernels::DeviceSpan<std::uint16_t> storage, ElementType type)
    : backend_(&backend), type_(type) {
  if (type == ElementType::F32) throw std::invalid_argument("a view of 16-bit storage needs a 16-bit type");
  layOut(std::move(specs));
  bitsStorage_ = storage.subspan(0, total_);
}

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs,
                               kernels::DeviceSpan<std::uint8_t> storage, TableFormat format)
    : backend_(&backend), type_(format.type), fourBit_(format.fourBitProjections) {
  if (!fourBit_) throw std::invalid_argument("a view of bytes is for a table with NF4 projections");
  const std::size_t bytes = storageBytes(specs, format);
  layOut(std::move(specs));
  byteStorage_ = storage.subspan(0, bytes);
}

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, TableFormat format)
    : backend_(&backend), type_(format.type), fourBit_(format.fourBitProjections) {
  const std::size_t bytes = storageBytes(specs, format);
  layOut(std::move(specs));
  // Whole 4-byte words, so that zero() fills a 16-bit or 4-bit table as floats.
  buffer_ = backend.allocate(std::max<std::size_t>((bytes + 3) / 4, 1) * sizeof(float));
  if (fourBit_) {
    byteStorage_ = buffer_.as<std::uint8_t>().subspan(0, bytes);
  } else if (type_ == ElementType::F32) {
    storage_ = buffer_.as<float>().subspan(0, total_);
  } else {
    bitsStorage_ = buffer_.as<std::uint16_t>().subspan(0, total_);
  }
  zero();
}

std::vector<ParameterSpec> ParameterTable::inLayoutOrder(std::vector<ParameterSpec> specs) {
  // Tensors that take weight decay first, each group in the given order: one contiguous range each.
  std::stable_partition(specs.begin(), specs.end(), [](const ParameterSpec& spec) { return spec.weightDecay; });
  return specs;
}

void ParameterTable::layOut(std::vector<ParameterSpec> specs) {
  entries_ = layout(specs, format());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const ParameterEntry& entry = entries_[i];
    total_ += entry.count;
    if (entry.spec.weightDecay) decayedCount_ = total_;
    if (!index_.emplace(entry.spec.name, i).second) {
      throw std::invalid_argument("parameter " + entry.spec.name + " is listed twice");
    }
  }
}

ParameterTable ParameterTable::sameLayout() const { return ParameterTable(*backend_, specs()); }

std::vector<ParameterSpec> ParameterTable::specs() const {
  std::vector<ParameterSpec> specs;
  specs.reserve(entries_.size());
  for (const ParameterEntry& entry : entries_) specs.push_back(entry.spec);
  return specs;
}

std::optional<std::size_t> ParameterTable::find(std::string_view name) const {
  const auto found = index_.find(std::string(name));
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

kernels::DeviceSpan<float> ParameterTable::tensor(std::string_view name) const {
  const std::optional<std::size_t> index = find(name);
  if (!index) throw std::out_of_range("the model has no tensor " + std::string(name));
  return tensor(*index);
}

kernels::DeviceSpan<float> ParameterTable::tensor(std::size_t index) const {
  const ParameterEntry& entry = entries_.at(index);
  if (fourBit_ && type_ == ElementType::F32 && !entry.nf4) {
    return {reinterpret_cast<float*>(byteStorage_.data() + entry.byteOffset), entry.count};
  }
  if (type_ != ElementType::F32 || entry.nf4) {
    throw std::logic_error("the tensor " + entry.spec.name + " is kept in " + toString(type_) +
                           "; it is read through weight()");
  }
  return storage_.subspan(entry.offset, entry.count);
}

kernels::WeightView ParameterTable::weight(std::string_view name) const {
  const std::optional<std::size_t> index = find(name);
  if (!index) throw std::out_of_range("the model has no tensor " + std::string(name));
  return weight(*index);
}

kernels::WeightView ParameterTable::weight(std::size_t index) const {
  if (entries_.at(index).nf4) return kernels::WeightView::fourBit(bytes(index), entries_[index].count);
  if (type_ == ElementType::F32) return kernels::WeightView(tensor(index));
  return kernels::WeightView(bits(index), halfFormat(type_));
}

kernels::DeviceSpan<std::uint16_t> ParameterTable::bits(std::size_t index) const {
  const ParameterEntry& entry = entries_.at(index);
  if (type_ == ElementType::F32) throw std::logic_error("the tensor " + entry.spec.name + " is kept in fp32");
  if (entry.nf4) throw std::logic_error("the tensor " + entry.spec.name + " is kept in NF4");
  if (fourBit_) return {reinterpret_cast<std::uint16_t*>(byteStorage_.data() + entry.byteOffset), entry.count};
  return bitsStorage_.subspan(entry.offset, entry.count);
}

kernels::DeviceSpan<std::uint8_t> ParameterTable::bytes(std::size_t index) const {
  const ParameterEntry& entry = entries_.at(index);
  if (!fourBit_) throw std::logic_error("the tensor " + entry.spec.name + " is in a table of one element type");
  return byteStorage_.subspan(entry.byteOffset, entry.bytes);
}

kernels::DeviceSpan<float> ParameterTable::all() const {
  if (type_ != ElementType::F32 || fourBit_) throw std::logic_error(std::string("a table kept in ") + toString(type_) + " has no fp32 view");
  return storage_;
}

kernels::DeviceSpan<std::uint16_t> ParameterTable::allBits() const {
  if (type_ == ElementType::F32 || fourBit_) {
    throw std::logic_error(std::string("a table kept in ") + toString(format()) + " has no 16-bit view");
  }
  return bitsStorage_;
}

kernels::DeviceSpan<std::uint8_t> ParameterTable::allBytes() const {
  if (!fourBit_) throw std::logic_error("a table of one element type is read by elements");
  return byteStorage_;
}

void ParameterTable::zero() const {
  if (fourBit_) {  // whole 4-byte words (storageBytes)
    backend_->fill(kernels::DeviceSpan<float>(reinterpret_cast<float*>(byteStorage_.data()), byteStorage_.size() / 4),
                   0.0f);
    return;
  }
  if (type_ == ElementType::F32) {
    backend_->fill(storage_, 0.0f);
    return;
  }
  // All bits zero is +0 in both 16-bit formats; the words cover the elements (an owned table's
  // buffer is whole words; a view's storage must be too).
  backend_->fill(kernels::DeviceSpan<float>(reinterpret_cast<float*>(bitsStorage_.data()), (total_ + 1) / 2), 0.0f);
}

}  // namespace tiertune::model
