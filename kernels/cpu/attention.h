// Causal grouped-query attention on the CPU, with sample boundaries for packed sequences.
// Shapes: q, out, dq [tokens, heads, headDim]; k, v, dk, dv [tokens, kvHeads, headDim];
// sampleStart [tokens]: the index of the first token of the token's own sample, so token t attends
// to tokens sampleStart[t]..t only; logSumExp [heads, tokens], saved by the forward so the
// backward recomputes the probabilities instead of keeping tokens x tokens of them.
// Query head h reads key/value head h / (heads / kvHeads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernels/op_shapes.h"

namespace tiertune::kernels::cpu {

template <typename T>
void attentionForward(std::span<const T> q, std::span<const T> k, std::span<const T> v,
                      std::span<const std::int32_t> sampleStart, const AttentionShape& shape, std::span<T> out,
                      std::span<T> logSumExp);

// dq is overwritten; dk and dv are overwritten too (each key/value belongs to one call).
template <typename T>
void attentionBackward(std::span<const T> dout, std::span<const T> q, std::span<const T> k, std::span<const T> v,
                       std::span<const T> out, std::span<const T> logSumExp,
                       std::span<const std::int32_t> sampleStart, const AttentionShape& shape, std::span<T> dq,
                       std::span<T> dk, std::span<T> dv);

}  // namespace tiertune::kernels::cpu
