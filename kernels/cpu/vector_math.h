// The exponential the CPU's vector kernels (vector_kernels.h) compute, written in plain arithmetic:
// the C library's expf is a call, which no loop vectorizes without -ffast-math.
//
// expFast(x), float: x = n ln2 + r with n = round(x / ln2) and |r| <= ln2 / 2 (ln2 in two parts, so
// r is exact to about 2^-32), e^r by its Taylor series to degree 7 in Horner form (the truncation
// is below 5e-9 relatively), and 2^n put into the exponent bits. Within 2 ulp of the correctly
// rounded value for x in [-87, 88] (tests/kernels/tst_vector_math.cpp sweeps that range, every 61st
// float, and random ones against the double-precision exp; the worst seen is 1 ulp); below -87 it is 0 (the true value is under 1.7e-38,
// and a softmax's terms that small vanish in its sum anyway); above 88 it is capped at e^88
// (a sigmoid's 1 / (1 + e^x) then gives about 6e-39 instead of 0); NaN stays NaN.
// Every step is a plain multiply, add or bit operation, so a loop over it vectorizes to whatever
// width the translation unit is compiled for and, without contraction into fused multiply-adds
// (-ffp-contract=off, as kernels/CMakeLists.txt compiles vector_kernels_*.cpp), gives the same bits
// at every width.
//
// Internal linkage (an unnamed namespace): each instruction set's translation unit
// (vector_kernels_*.cpp) keeps its own copy. Inline functions with external linkage would be merged
// by the linker into one copy, which could be the AVX-512 one, called on a processor without it.
#pragma once

#include <bit>
#include <cstdint>

namespace tiertune::kernels::cpu {
namespace {

inline float expFast(float x) {
  constexpr float kLog2e = 1.44269504088896341f;
  constexpr float kLn2High = 0.693145751953125f;  // ln 2's first 16 bits: n * kLn2High is exact
  constexpr float kLn2Low = 1.42860682030941723212e-6f;
  constexpr float kRound = 12582912.0f;  // 1.5 * 2^23: adding and subtracting it rounds to an integer
  constexpr float kLowest = -87.0f, kHighest = 88.0f;
  const bool vanishes = x < kLowest;
  // NaN compares false both ways and takes kLowest here (no NaN reaches the integer conversion).
  const float clamped = x > kHighest ? kHighest : (x >= kLowest ? x : kLowest);
  const float n = (clamped * kLog2e + kRound) - kRound;
  const float r = (clamped - n * kLn2High) - n * kLn2Low;
  float p = 1.0f / 5040.0f;
  p = p * r + 1.0f / 720.0f;
  p = p * r + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  // 2^n as a float: n is in [-126, 127], so the biased exponent n + 127 is in [1, 254].
  const float twoToN = std::bit_cast<float>(static_cast<std::int32_t>(n + 127.0f) << 23);
  const float value = p * twoToN;
  return vanishes ? 0.0f : (x != x ? x : value);
}

}  // namespace
}  // namespace tiertune::kernels::cpu
