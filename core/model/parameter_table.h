// Named tensors held in one backend buffer: the model's weights, a LoRA adapter, their gradients
// and Adam moments. One buffer per table keeps the optimizer a single pass, the gradient norm a
// single reduction and a checkpoint a single write. Tensors that take weight decay come first, the
// others (norms, biases) after them, so each group is one contiguous range.
//
// A table holds fp32, or the 16 bits a checkpoint ships in (bf16, fp16): a frozen base is kept as
// shipped and read through weight(), never widened in storage (the README's precision policy). The
// frozen base of a QLoRA run keeps its layers' projection matrices in NF4 (4.127 bits a weight,
// kernels/nf4_format.h) and the rest (norms, biases, embeddings, head) in its 16 bits: such a
// table lays its tensors out by bytes, each on a 16-byte boundary.
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

// How a table stores its tensors: every one in type, or, with fourBitProjections, the projection
// matrices (ParameterSpec::projection) in NF4 and the others in type.
struct TableFormat {
  ElementType type = ElementType::F32;
  bool fourBitProjections = false;

  TableFormat() = default;
  TableFormat(ElementType elementType, bool fourBit = false)  // NOLINT: implicit from a type by design
      : type(elementType), fourBitProjections(fourBit) {}
  bool operator==(const TableFormat&) const = default;
};
std::string toString(const TableFormat& format);  // "bf16", "NF4 + bf16"

struct ParameterSpec {
  std::string name;                  // Hugging Face / PEFT name
  std::vector<std::int64_t> shape;   // row-major
  bool weightDecay = true;           // false for norm weights and biases, as transformers' Trainer
  bool projection = false;           // a layer's projection matrix: what a 4-bit base keeps in NF4
};

struct ParameterEntry {
  ParameterSpec spec;
  std::size_t offset = 0;  // elements from the start of the table
  std::size_t count = 0;
  std::size_t byteOffset = 0;  // from the start of the table's storage
  std::size_t bytes = 0;
  bool nf4 = false;            // kept in NF4 (a 4-bit table's projection)
};

class ParameterTable {
 public:
  // Allocates one zeroed buffer on the backend for every tensor of specs, stored as format says.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, TableFormat format = {});
  // A view: the tensors of specs laid out in storage, which holds at least elementCount() elements
  // of the backend's memory and outlives the table. Its contents are left as they are.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<float> storage);
  // A view of 16-bit elements (type Bf16 or F16).
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<std::uint16_t> storage,
                 ElementType type);
  // A view of a 4-bit table (format.fourBitProjections): storage holds storageBytes() bytes.
  ParameterTable(kernels::Backend& backend, std::vector<ParameterSpec> specs, kernels::DeviceSpan<std::uint8_t> storage,
                 TableFormat format);
  // specs in the order a table lays them out: those that take weight decay first.
  static std::vector<ParameterSpec> inLayoutOrder(std::vector<ParameterSpec> specs);
  // Elements a table of specs holds.
  static std::size_t elementCount(const std::vector<ParameterSpec>& specs);
  // Bytes a table of specs takes in storage (a whole number of 4-byte words for a 4-bit table).
  static std::size_t storageBytes(const std::vector<ParameterSpec>& specs, TableFormat format);
  // The entries a table of specs has, in layout order, with their places in storage.
  static std::vector<ParameterEntry> layout(const std::vector<ParameterSpec>& specs, TableFormat format);
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
  // A 16-bit tensor as its bits (std::logic_error for an fp32 or NF4 one).
  kernels::DeviceSpan<std::uint16_t> bits(std::size_t index) const;
  // A 4-bit table's tensor as its stored bytes, whatever its format (std::logic_error otherwise).
  kernels::DeviceSpan<std::uint8_t> bytes(std::size_t index) const;

  // The type of its elements; for a 4-bit table, of the tensors not kept in NF4.
  ElementType elementType() const { return type_; }
  TableFormat format() const { return TableFormat(type_, fourBit_); }
  std::size_t elementCount() const { return total_; }
  // Every element of an fp32 table, or of a 16-bit one (std::logic_error for the others), or every
  // byte of a 4-bit one.
  kernels::DeviceSpan<float> all() const;
  kernels::DeviceSpan<std::uint16_t> allBits() const;
  kernels::DeviceSpan<std::uint8_t> allBytes() const;
  // The tensors that take weight decay, then the ones that do not.
  kernels::DeviceSpan<float> decayed() const { return all().subspan(0, decayedCount_); }
  kernels::DeviceSpan<float> undecayed() const { return all().subspan(decayedCount_, total_ - decayedCount_); }

  kernels::Backend& backend() const { return *backend_; }
  void zero() const;

 private:
  void layOut(std::vector<ParameterSpec> specs);

  kernels::Backend* backend_;
  ElementType type_ = ElementType::F32;
  bool fourBit_ = false;
  std::vector<ParameterEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t total_ = 0;
  std::size_t decayedCount_ = 0;
  kernels::DeviceBuffer buffer_;                  // empty for a view
  kernels::DeviceSpan<float> storage_;            // [total_] of an fp32 table
  kernels::DeviceSpan<std::uint16_t> bitsStorage_;  // [total_] of a 16-bit table
  kernels::DeviceSpan<std::uint8_t> byteStorage_;   // a 4-bit table's
};

// Element count of a shape (1 for a scalar).
std::size_t elementCount(const std::vector<std::int64_t>& shape);

}  // namespace tiertune::model
