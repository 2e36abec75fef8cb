// Conversions between float and the two 16-bit float formats that model weights ship in: bfloat16
// (8-bit exponent, 7-bit mantissa) and IEEE float16 (5-bit exponent, 10-bit mantissa). Used when
// weights are loaded (to float) and when checkpoints and exports are written (from float).
#pragma once

#include <cstdint>
#include <span>

namespace tiertune::kernels::cpu {

// Exact: every bfloat16 and float16 value, subnormals, infinities and NaN payloads included, is a
// float.
float bf16ToFloat(std::uint16_t bits);
float f16ToFloat(std::uint16_t bits);

// Round to nearest, ties to even (what PyTorch's .to(torch.bfloat16 / torch.float16) does).
// Overflow gives infinity; float16 results below its normal range become subnormals or zero.
// NaN stays NaN (made quiet, sign and top payload bits kept).
std::uint16_t floatToBf16(float value);
std::uint16_t floatToF16(float value);

// Element-wise over whole arrays; in.size() must equal out.size().
void bf16ToFloat(std::span<const std::uint16_t> in, std::span<float> out);
void f16ToFloat(std::span<const std::uint16_t> in, std::span<float> out);
void floatToBf16(std::span<const float> in, std::span<std::uint16_t> out);
void floatToF16(std::span<const float> in, std::span<std::uint16_t> out);

}  // namespace tiertune::kernels::cpu
