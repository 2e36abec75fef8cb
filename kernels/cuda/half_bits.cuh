// 16-bit weights widened to fp32 on the device, exactly, and fp32 rounded to bf16: bit operations
// only, so the values equal the CPU's conversions (kernels/cpu/half_precision.cpp). Shared by the
// widening, the lookup of 16-bit tables and the bf16 products' operands.
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

// fp32 to bf16, nearest even, as the CPU's floatToBf16 (kernels/cpu/half_precision.cpp) bit for
// bit: a NaN keeps its sign and top payload bits with the quiet bit set (truncation alone could
// leave an infinity); a carry out of the largest finite value gives infinity.
__device__ inline std::uint16_t bf16FromFloat(float value) {
  unsigned bits = __float_as_uint(value);
  if ((bits & 0x7FFFFFFFu) > 0x7F800000u) return static_cast<std::uint16_t>((bits | 0x00400000u) >> 16);
  bits += 0x7FFFu + ((bits >> 16) & 1u);
  return static_cast<std::uint16_t>(bits >> 16);
}

}  // namespace tiertune::kernels::cuda
