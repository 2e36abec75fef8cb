// Matrix products whose second operand is a weight kept in 16 bits (bfloat16 or float16, as the
// checkpoint ships it): the frozen base of a LoRA run never widened to fp32 in storage. A bf16
// weight multiplies on the processor's bf16 instructions where it has them (bf16_products.h: the
// activations rounded to bf16, fp32 accumulation); otherwise, and for fp16, the weight is widened
// exactly to fp32 panel by panel (panel_matmul.h). Either way a product repeats bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernels/op_shapes.h"

namespace tiertune::kernels::cpu {

// C [m, n] = alpha op(A) op(W) + beta C, row-major: A is [m, k] or, transposed, [k, m]; W is
// [k, n] or, transposed, [n, k] (a linear layer's [out, in] weight in y = x W^T).
void matmulHalfWeights(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w, HalfFormat format,
                       bool transposeW, std::span<float> c, std::size_t m, std::size_t n, std::size_t k,
                       float alpha = 1.0f, float beta = 0.0f);

// The same, always on the exact path (the weight widened to fp32 panel by panel): the reference the
// bf16 products are held to, and the benchmarks' other row.
void matmulWidenedHalfWeights(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w,
                              HalfFormat format, bool transposeW, std::span<float> c, std::size_t m, std::size_t n,
                              std::size_t k, float alpha = 1.0f, float beta = 0.0f);

// out = w widened to fp32, exactly; in parallel over large tensors.
void widenHalf(std::span<const std::uint16_t> w, HalfFormat format, std::span<float> out);

}  // namespace tiertune::kernels::cpu
