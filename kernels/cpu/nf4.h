// NF4 weights (kernels/nf4_format.h) on the CPU: quantizing a weight, reading it back as fp32, and
// matrix products whose second operand is an NF4 weight (the frozen base of a QLoRA run), dequantized
// panel by panel into the fp32 kernels as matmulHalfWeights widens 16-bit ones.
//
// Quantizing follows bitsandbytes' kernels: a block's weights are scaled by the reciprocal of its
// absolute maximum and take the code of the nearest NF4 value (a value on a midpoint takes the lower
// code, as its decision tree's strict comparisons do); the maxima are centred on their mean and
// scaled by the reciprocal of their group's largest magnitude, and take the nearest of the 256
// dynamic values (ties to the lower code, as its CPU path). An all-zero block keeps code 7 (0.0).
// Reading back: maximum = dynamic[code] x scale + offset, weight = NF4[code] x maximum, each a
// single fp32 rounding (no fused multiply-add), so every build gives the same bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace tiertune::kernels::cpu {

// out (nf4Layout(values.size()).bytes bytes) = values in NF4. Non-finite values are refused
// (std::invalid_argument): a checkpoint with NaN has nothing to quantize.
void quantizeNf4(std::span<const float> values, std::span<std::uint8_t> out);

// out = weights [first, first + out.size()) of the NF4 tensor of `elements` weights, in fp32.
void dequantizeNf4(std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                   std::span<float> out);

// The same weights rounded to bf16 (nearest even): floatToBf16 of dequantizeNf4's values, bit for
// bit, with each block's 16 values rounded once (the bf16 products' panels, bf16_products.h).
void dequantizeNf4ToBf16(std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                         std::span<std::uint16_t> out);

// C [m, n] = alpha op(A) op(W) + beta C, row-major, with W the NF4 tensor of k x n weights ([k, n],
// or transposed [n, k]); as matmulHalfWeights, panel by panel, fp32 accumulation.
void matmulNf4Weights(std::span<const float> a, bool transposeA, std::span<const std::uint8_t> w, bool transposeW,
                      std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha = 1.0f,
                      float beta = 0.0f);

}  // namespace tiertune::kernels::cpu
