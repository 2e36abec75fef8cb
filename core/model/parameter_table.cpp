#include "core/model/parameter_table.h"

#include <algorithm>
#include <stdexcept>

namespace tiertune::model {

std::size_t elementCount(const std::vector<std::int64_t>& shape) {
  std::size_t count = 1;
  for (const std::int64_t dim : shape) count *= static_cast<std::size_t>(dim);
  return count;
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

ParameterTable::ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs) : backend_(&backend) {
  layOut(std::move(specs));
  buffer_ = backend.allocate(std::max<std::size_t>(total_, 1) * sizeof(float));
  storage_ = buffer_.as<float>().subspan(0, total_);
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
  return all().subspan(entry.offset, entry.count);
}

void ParameterTable::zero() const { backend_->fill(all(), 0.0f); }

}  // namespace tiertune::model
