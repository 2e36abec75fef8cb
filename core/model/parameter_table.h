// Named fp32 tensors held in one backend buffer: the model's weights, a LoRA adapter, their
// gradients and Adam moments. One buffer per table keeps the optimizer a single pass, the gradient
// norm a single reduction and a checkpoint a single write. Tensors that take weight decay come
// first, the others (norms, biases) after them, so each group is one contiguous range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kernels/backend.h"

namespace tiertune::model {

struct ParameterSpec {
  std::string name;                  // Hugging Face / PEFT name
  std::vector<std::int64_t> shape;   // row-major
  bool weightDecay = true;           // false for norm weights and biases, as transformers' Trainer
};

struct ParameterEntry {
  ParameterSpec spec;
  std::size_t offset = 0;  // elements from the start of the table
  std::size_t count = 0;
};

class ParameterTable {
 public:
  // Allocates one zeroed buffer on the backend for every tensor of specs.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs);
  // A view: the tensors of specs laid out in storage, which holds at least elementCount() floats
  // of the backend's memory and outlives the table. Its contents are left as they are.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<float> storage);
  // specs in the order a table lays them out: those that take weight decay first.
  static std::vector<ParameterSpec> inLayoutOrder(std::vector<ParameterSpec> specs);
  // Elements a table of specs holds.
  static std::size_t elementCount(const std::vector<ParameterSpec>& specs);
  // Another table with the same names and layout (gradients, moments), zeroed.
  ParameterTable sameLayout() const;
  std::vector<ParameterSpec> specs() const;

  std::size_t tensorCount() const { return entries_.size(); }
  const ParameterEntry& entry(std::size_t index) const { return entries_[index]; }
  const std::vector<ParameterEntry>& entries() const { return entries_; }
  std::optional<std::size_t> find(std::string_view name) const;
  // Throws std::out_of_range naming the tensor when there is none.
  kernels::DeviceSpan<float> tensor(std::string_view name) const;
  kernels::DeviceSpan<float> tensor(std::size_t index) const;

  std::size_t elementCount() const { return total_; }
  kernels::DeviceSpan<float> all() const { return storage_; }
  // The tensors that take weight decay, then the ones that do not.
  kernels::DeviceSpan<float> decayed() const { return all().subspan(0, decayedCount_); }
  kernels::DeviceSpan<float> undecayed() const { return all().subspan(decayedCount_, total_ - decayedCount_); }

  kernels::Backend& backend() const { return *backend_; }
  void zero() const;

 private:
  void layOut(std::vector<ParameterSpec> specs);

  kernels::Backend* backend_;
  std::vector<ParameterEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t total_ = 0;
  std::size_t decayedCount_ = 0;
  kernels::DeviceBuffer buffer_;        // empty for a view
  kernels::DeviceSpan<float> storage_;  // [total_]
};

// Element count of a shape (1 for a scalar).
std::size_t elementCount(const std::vector<std::int64_t>& shape);

}  // namespace tiertune::model
