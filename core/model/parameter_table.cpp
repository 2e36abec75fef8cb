#include "core/model/parameter_table.h"

#include <algorithm>
#include <stdexcept>

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

kernels::HalfFormat halfFormat(ElementType type) {
  if (type == ElementType::F32) throw std::invalid_argument("fp32 is not a 16-bit format");
  return type == ElementType::Bf16 ? kernels::HalfFormat::Bf16 : kernels::HalfFormat::F16;
}

std::size_t ParameterTable::storageBytes(const std::vector<ParameterSpec>& specs, ElementType type) {
  return elementCount(specs) * bytesPerElement(type);
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

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, ElementType type)
    : backend_(&backend), type_(type) {
  layOut(std::move(specs));
  // Whole 4-byte words, so that zero() fills a 16-bit table as floats.
  const std::size_t words = (total_ * bytesPerElement(type) + 3) / 4;
  buffer_ = backend.allocate(std::max<std::size_t>(words, 1) * sizeof(float));
  if (type == ElementType::F32) {
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

void ParameterTable::layOut(std::vector<ParameterSpec> unordered) {
  std::vector<ParameterSpec> specs = inLayoutOrder(std::move(unordered));
  entries_.reserve(specs.size());
  for (ParameterSpec& spec : specs) {
    ParameterEntry entry;
    entry.count = model::elementCount(spec.shape);
    entry.offset = total_;
    total_ += entry.count;
    if (spec.weightDecay) decayedCount_ = total_;
    if (!index_.emplace(spec.name, entries_.size()).second) {
      throw std::invalid_argument("parameter " + spec.name + " is listed twice");
    }
    entry.spec = std::move(spec);
    entries_.push_back(std::move(entry));
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
  if (type_ != ElementType::F32) {
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
  if (type_ == ElementType::F32) return kernels::WeightView(tensor(index));
  return kernels::WeightView(bits(index), halfFormat(type_));
}

kernels::DeviceSpan<std::uint16_t> ParameterTable::bits(std::size_t index) const {
  const ParameterEntry& entry = entries_.at(index);
  if (type_ == ElementType::F32) throw std::logic_error("the tensor " + entry.spec.name + " is kept in fp32");
  return bitsStorage_.subspan(entry.offset, entry.count);
}

kernels::DeviceSpan<float> ParameterTable::all() const {
  if (type_ != ElementType::F32) throw std::logic_error(std::string("a table kept in ") + toString(type_) + " has no fp32 view");
  return storage_;
}

kernels::DeviceSpan<std::uint16_t> ParameterTable::allBits() const {
  if (type_ == ElementType::F32) throw std::logic_error("a table kept in fp32 has no 16-bit view");
  return bitsStorage_;
}

void ParameterTable::zero() const {
  if (type_ == ElementType::F32) {
    backend_->fill(storage_, 0.0f);
    return;
  }
  // All bits zero is +0 in both 16-bit formats; the words cover the elements (an owned table's
  // buffer is whole words; a view's storage must be too).
  backend_->fill(kernels::DeviceSpan<float>(reinterpret_cast<float*>(bitsStorage_.data()), (total_ + 1) / 2), 0.0f);
}

}  // namespace tiertune::model
