#include "kernels/cpu/half_precision.h"

#include <bit>
#include <cassert>

namespace tiertune::kernels::cpu {
namespace {

constexpr std::uint32_t kFloatSignBit = 0x8000'0000u;
constexpr std::uint32_t kFloatInfinity = 0x7f80'0000u;
constexpr std::uint32_t kFloatQuietBit = 0x0040'0000u;

// Rounds value >> shift to nearest, ties to even. shift is in [1, 31].
std::uint32_t shiftRightRoundingToEven(std::uint32_t value, unsigned shift) {
  const std::uint32_t kept = value >> shift;
  const std::uint32_t dropped = value & ((1u << shift) - 1u);
  const std::uint32_t half = 1u << (shift - 1);
  const bool roundUp = dropped > half || (dropped == half && (kept & 1u));
  return kept + (roundUp ? 1u : 0u);
}

}  // namespace

float bf16ToFloat(std::uint16_t bits) {
  // bfloat16 is the top half of a float.
  return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

float f16ToFloat(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1fu;
  std::uint32_t mantissa = bits & 0x3ffu;
  if (exponent == 0x1f) {
    // Infinity or NaN: the payload moves to the top of the float mantissa, which keeps the quiet bit.
    return std::bit_cast<float>(sign | kFloatInfinity | (mantissa << 13));
  }
  if (exponent == 0) {
    if (mantissa == 0) return std::bit_cast<float>(sign);
    // Subnormal: mantissa * 2^-24. Shift the leading one up to the implicit bit (bit 10); every
    // shift halves the scale.
    int unbiased = -14;
    while ((mantissa & 0x400u) == 0) {
      mantissa <<= 1;
      --unbiased;
    }
    mantissa &= 0x3ffu;
    return std::bit_cast<float>(sign | (static_cast<std::uint32_t>(unbiased + 127) << 23) | (mantissa << 13));
  }
  return std::bit_cast<float>(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
}

std::uint16_t floatToBf16(float value) {
  std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  if ((bits & ~kFloatSignBit) > kFloatInfinity) {
    // NaN: truncating could clear every payload bit left and so make an infinity; the quiet bit
    // keeps it a NaN.
    return static_cast<std::uint16_t>((bits | kFloatQuietBit) >> 16);
  }
  // Adding 0x7fff plus the lowest kept bit rounds the dropped half to nearest even; a carry out of
  // the mantissa increments the exponent, and out of the largest finite value gives infinity.
  bits += 0x7fffu + ((bits >> 16) & 1u);
  return static_cast<std::uint16_t>(bits >> 16);
}

std::uint16_t floatToF16(float value) {
  const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
  const std::uint32_t magnitude = bits & ~kFloatSignBit;

  if (magnitude > kFloatInfinity) {
    return static_cast<std::uint16_t>(sign | 0x7e00u | ((magnitude >> 13) & 0x3ffu));
  }
  // 65520 = 0x477ff000 is halfway between 65504 (the largest float16) and 65536: from there up,
  // round-to-nearest-even goes to infinity.
  if (magnitude >= 0x477f'f000u) return static_cast<std::uint16_t>(sign | 0x7c00u);

  const std::uint32_t floatExponent = magnitude >> 23;
  if (magnitude < 0x3880'0000u) {
    // Below 2^-14, the smallest normal float16: the result is a subnormal k * 2^-24 (or zero).
    // value = significand * 2^(floatExponent - 150), so k = significand >> (126 - floatExponent).
    if (floatExponent < 101) return sign;  // below 2^-26: less than a quarter of the smallest step
    const std::uint32_t significand = (magnitude & 0x7f'ffffu) | 0x80'0000u;
    const unsigned shift = 126u - floatExponent;  // 14 .. 25
    // A result of 0x400 is the smallest normal, which is also the right bit pattern.
    return static_cast<std::uint16_t>(sign | shiftRightRoundingToEven(significand, shift));
  }
  const std::uint32_t rebased = ((floatExponent - 127 + 15) << 23) | (magnitude & 0x7f'ffffu);
  // A carry out of the mantissa increments the exponent, as it should.
  return static_cast<std::uint16_t>(sign | shiftRightRoundingToEven(rebased, 13));
}

void bf16ToFloat(std::span<const std::uint16_t> in, std::span<float> out) {
  assert(in.size() == out.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = bf16ToFloat(in[i]);
}

void f16ToFloat(std::span<const std::uint16_t> in, std::span<float> out) {
  assert(in.size() == out.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = f16ToFloat(in[i]);
}

void floatToBf16(std::span<const float> in, std::span<std::uint16_t> out) {
  assert(in.size() == out.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = floatToBf16(in[i]);
}

void floatToF16(std::span<const float> in, std::span<std::uint16_t> out) {
  assert(in.size() == out.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = floatToF16(in[i]);
}

}  // namespace tiertune::kernels::cpu
