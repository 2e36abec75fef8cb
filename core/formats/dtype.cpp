#include "core/formats/dtype.h"

#include <array>

namespace tiertune::formats {
namespace {

struct DtypeFacts {
  Dtype dtype;
  std::string_view name;
  unsigned bits;
  std::string_view description;
};

constexpr std::array<DtypeFacts, 20> kDtypes{{
    {Dtype::BOOL, "BOOL", 8, "booleans"},
    {Dtype::F4, "F4", 4, "4-bit floats (E2M1)"},
    {Dtype::F6_E2M3, "F6_E2M3", 6, "6-bit floats (E2M3)"},
    {Dtype::F6_E3M2, "F6_E3M2", 6, "6-bit floats (E3M2)"},
    {Dtype::U8, "U8", 8, "8-bit unsigned integers"},
    {Dtype::I8, "I8", 8, "8-bit integers"},
    {Dtype::F8_E5M2, "F8_E5M2", 8, "8-bit floats (E5M2)"},
    {Dtype::F8_E4M3, "F8_E4M3", 8, "8-bit floats (E4M3)"},
    {Dtype::F8_E8M0, "F8_E8M0", 8, "8-bit scale exponents (E8M0)"},
    {Dtype::I16, "I16", 16, "16-bit integers"},
    {Dtype::U16, "U16", 16, "16-bit unsigned integers"},
    {Dtype::F16, "F16", 16, "float16"},
    {Dtype::BF16, "BF16", 16, "bfloat16"},
    {Dtype::I32, "I32", 32, "32-bit integers"},
    {Dtype::U32, "U32", 32, "32-bit unsigned integers"},
    {Dtype::F32, "F32", 32, "float32"},
    {Dtype::C64, "C64", 64, "64-bit complex numbers"},
    {Dtype::F64, "F64", 64, "float64"},
    {Dtype::I64, "I64", 64, "64-bit integers"},
    {Dtype::U64, "U64", 64, "64-bit unsigned integers"},
}};

// The table is indexed by the enum's value.
constexpr bool tableFollowsEnumOrder() {
  for (std::size_t i = 0; i < kDtypes.size(); ++i) {
    if (static_cast<std::size_t>(kDtypes[i].dtype) != i) return false;
  }
  return true;
}
static_assert(tableFollowsEnumOrder());

const DtypeFacts& factsOf(Dtype dtype) { return kDtypes[static_cast<std::size_t>(dtype)]; }

}  // namespace

std::string_view dtypeName(Dtype dtype) { return factsOf(dtype).name; }

std::optional<Dtype> parseDtype(std::string_view name) {
  for (const DtypeFacts& facts : kDtypes) {
    if (facts.name == name) return facts.dtype;
  }
  return std::nullopt;
}

unsigned dtypeBits(Dtype dtype) { return factsOf(dtype).bits; }

std::string dtypeDescription(Dtype dtype) { return std::string(factsOf(dtype).description); }

bool isLoadableFloat(Dtype dtype) {
  return dtype == Dtype::BF16 || dtype == Dtype::F16 || dtype == Dtype::F32;
}

std::string knownDtypeNames() {
  std::string names;
  for (const DtypeFacts& facts : kDtypes) {
    if (!names.empty()) names += ", ";
    names += facts.name;
  }
  return names;
}

}  // namespace tiertune::formats
