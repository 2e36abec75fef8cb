// The element types a safetensors file can declare, with their names as written in the header and
// their sizes. Every type the format defines is known here, so any valid file can be listed;
// Tiertune computes only with BF16, F16 and F32 (isLoadableFloat).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tiertune::formats {

// Ordered by alignment (bytes per element, sub-byte types counting as 1), ties in the reference
// implementation's order. The writer lays tensors out in decreasing order of this rank so that
// every tensor stays aligned to its element size.
enum class Dtype : std::uint8_t {
  BOOL,
  F4,
  F6_E2M3,
  F6_E3M2,
  U8,
  I8,
  F8_E5M2,
  F8_E4M3,
  F8_E8M0,
  I16,
  U16,
  F16,
  BF16,
  I32,
  U32,
  F32,
  C64,
  F64,
  I64,
  U64,
};

// "BF16", "F32", ... exactly as the header spells them.
std::string_view dtypeName(Dtype dtype);

// The inverse of dtypeName; nullopt for a name the format does not define.
std::optional<Dtype> parseDtype(std::string_view name);

// Bits per element (4 for F4, 6 for the F6 types, 16 for BF16, ...).
unsigned dtypeBits(Dtype dtype);

// A few words for people: "bfloat16", "64-bit integers", "8-bit floats (E4M3)".
std::string dtypeDescription(Dtype dtype);

// BF16, F16 and F32: the types Tiertune reads weights from.
bool isLoadableFloat(Dtype dtype);

// "BF16, BOOL, C64, ..." for messages about unknown dtypes.
std::string knownDtypeNames();

}  // namespace tiertune::formats
