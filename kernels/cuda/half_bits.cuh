// 16-bit weights widened to fp32 on the device, exactly: bit operations only, so the values equal
// the CPU's conversions (kernels/cpu/half_precision.cpp). Shared by the widening and the lookup of
// 16-bit tables.
#pragma once

#include <cstdint>

namespace tiertune::kernels::cuda {

__device__ inline float bf16Bits(std::uint16_t bits) { return __uint_as_float(static_cast<unsigned>(bits) << 16); }

// IEEE half to float: normal numbers rebias the exponent; subnormals are scaled exactly; infinity
// and NaN keep their payload's top bits.
__device__ inline float f16Bits(std::uint16_t bits) {
  const unsigned sign = static_cast<unsigned>(bits & 0x8000u) << 16;
  const unsigned exponent = (bits >> 10) & 0x1Fu;
  const unsigned mantissa = bits & 0x3FFu;
  if (exponent == 0x1Fu) return __uint_as_float(sign | 0x7F800000u | (mantissa << 13));
  if (exponent != 0) return __uint_as_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
  const float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f;  // 2^-24, exact
  return sign != 0 ? -magnitude : magnitude;
}

__device__ inline float halfBits(std::uint16_t bits, bool bf16) { return bf16 ? bf16Bits(bits) : f16Bits(bits); }

}  // namespace tiertune::kernels::cuda
