#include "core/export/tensor_encoding.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "core/util/error.h"
#include "kernels/cpu/half_precision.h"

namespace tiertune::exports {

namespace {

std::string number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

template <float (*Decode)(std::uint16_t), std::uint16_t (*Encode)(float)>
std::vector<std::byte> encodeHalf(std::string_view tensorName, std::span<const float> values, const char* typeName) {
  std::vector<std::byte> bytes(values.size() * 2);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint16_t bits = Encode(values[i]);
    // Rounding a finite value to infinity is the only way an in-range source goes wrong here.
    if (!std::isfinite(Decode(bits))) {
      throw Error("Tensor " + std::string(tensorName) + " holds " + number(values[i]) + ", beyond what " + typeName +
                  " can represent; export as bf16 (or fp32) instead.");
    }
    std::memcpy(bytes.data() + 2 * i, &bits, 2);  // little-endian hosts only, as the whole code base
  }
  return bytes;
}

}  // namespace

std::vector<std::byte> encodeTensor(std::string_view tensorName, std::span<const float> values, formats::Dtype dtype) {
  for (const float value : values) {
    if (!std::isfinite(value)) {
      throw Error("Tensor " + std::string(tensorName) + " holds " + number(value) +
                  "; the weights are damaged (training diverged?) and are not exported.");
    }
  }
  switch (dtype) {
    case formats::Dtype::F32: {
      const auto bytes = std::as_bytes(values);
      return {bytes.begin(), bytes.end()};
    }
    case formats::Dtype::BF16:
      return encodeHalf<kernels::cpu::bf16ToFloat, kernels::cpu::floatToBf16>(tensorName, values, "bfloat16");
    case formats::Dtype::F16:
      return encodeHalf<kernels::cpu::f16ToFloat, kernels::cpu::floatToF16>(tensorName, values, "float16 (largest 65504)");
    default:
      throw Error("Exports are written as fp32, bf16 or fp16, not " + std::string(formats::dtypeName(dtype)) + ".");
  }
}

formats::Dtype parseExportDtype(std::string_view name) {
  if (name == "fp32" || name == "float32" || name == "f32") return formats::Dtype::F32;
  if (name == "bf16" || name == "bfloat16") return formats::Dtype::BF16;
  if (name == "fp16" || name == "float16" || name == "f16") return formats::Dtype::F16;
  throw Error("\"" + std::string(name) + "\" is not an export type; use bf16, fp16 or fp32.");
}

std::string torchDtypeName(formats::Dtype dtype) {
  switch (dtype) {
    case formats::Dtype::BF16: return "bfloat16";
    case formats::Dtype::F16: return "float16";
    default: return "float32";
  }
}

}  // namespace tiertune::exports
