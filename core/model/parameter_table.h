// Named tensors held in one backend buffer: the model's weights, a LoRA adapter, their gradients
// and Adam moments. One buffer per table keeps the optimizer a single pass, the gradient norm a
// single reduction and a checkpoint a single write. Tensors that take weight decay come first, the
// others (norms, biases) after them, so each group is one contiguous range.
//
// A table holds fp32, or the 16 bits a checkpoint ships in (bf16, fp16): a frozen base is kept as
// shipped and read through weight(), never widened in storage (the README's precision policy).
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

// How a table stores its elements.
enum class ElementType { F32, Bf16, F16 };

std::size_t bytesPerElement(ElementType type);
const char* toString(ElementType type);
// The format of a 16-bit type (throws std::invalid_argument for F32).
kernels::HalfFormat halfFormat(ElementType type);

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
  // Allocates one zeroed buffer on the backend for every tensor of specs, elements of type.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, ElementType type = ElementType::F32);
  // A view: the tensors of specs laid out in storage, which holds at least elementCount() elements
  // of the backend's memory and outlives the table. Its contents are left as they are.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<float> storage);
  // A view of 16-bit elements (type Bf16 or F16).
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<std::uint16_t> storage,
                 ElementType type);
  // specs in the order a table lays them out: those that take weight decay first.
  static std::vector<ParameterSpec> inLayoutOrder(std::vector<ParameterSpec> specs);
  // Elements a table of specs holds.
  static std::size_t elementCount(const std::vector<ParameterSpec>& specs);
  // Bytes a table of specs takes in storage.
  static std::size_t storageBytes(const std::vector<ParameterSpec>& specs, ElementType type);
  // Another fp32 table with the same names and layout (gradients, moments), zeroed.
  ParameterTable sameLayout() const;
  std::vector<ParameterSpec> specs() const;

  std::size_t tensorCount() const { return entries_.size(); }
  const ParameterEntry& entry(std::size_t index) const { return entries_[index]; }
  const std::vector<ParameterEntry>& entries() const { return entries_; }
  std::optional<std::size_t> find(std::string_view name) const;
  // An fp32 table's tensor. Throws std::out_of_range naming the tensor when there is none, and
  // std::logic_error for a 16-bit table (read those through weight()).
  kernels::DeviceSpan<float> tensor(std::string_view name) const;
  kernels::DeviceSpan<float> tensor(std::size_t index) const;
  // A tensor as stored, whatever the type.
  kernels::WeightView weight(std::string_view name) const;
  kernels::WeightView weight(std::size_t index) const;
  // A 16-bit table's tensor as its bits (std::logic_error for an fp32 table).
  kernels::DeviceSpan<std::uint16_t> bits(std::size_t index) const;

  ElementType elementType() const { return type_; }
  std::size_t elementCount() const { return total_; }
  // Every element of an fp32 table (std::logic_error for a 16-bit one), or of a 16-bit one.
  kernels::DeviceSpan<float> all() const;
  kernels::DeviceSpan<std::uint16_t> allBits() const;
  // The tensors that take weight decay, then the ones that do not.
  kernels::DeviceSpan<float> decayed() const { return all().subspan(0, decayedCount_); }
  kernels::DeviceSpan<float> undecayed() const { return all().subspan(decayedCount_, total_ - decayedCount_); }

  kernels::Backend& backend() const { return *backend_; }
  void zero() const;

 private:
  void layOut(std::vector<ParameterSpec> specs);

  kernels::Backend* backend_;
  ElementType type_ = ElementType::F32;
  std::vector<ParameterEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t total_ = 0;
  std::size_t decayedCount_ = 0;
  kernels::DeviceBuffer buffer_;                  // empty for a view
  kernels::DeviceSpan<float> storage_;            // [total_] of an fp32 table
  kernels::DeviceSpan<std::uint16_t> bitsStorage_;  // [total_] of a 16-bit table
};

// Element count of a shape (1 for a scalar).
std::size_t elementCount(const std::vector<std::int64_t>& shape);

}  // namespace tiertune::model
