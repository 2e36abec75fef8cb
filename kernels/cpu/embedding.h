// Token embedding lookup and its backward. Shapes: table, dtable [vocab, dim]; ids [tokens];
// out, dout [tokens, dim].
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernels/cpu/half_weights.h"

namespace tiertune::kernels::cpu {

// Throws std::invalid_argument for an id outside the table.
template <typename T>
void embeddingForward(std::span<const T> table, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> out);

// The same lookup in a table kept in 16 bits: each row widened exactly to fp32.
void embeddingForwardHalf(std::span<const std::uint16_t> table, HalfFormat format, std::span<const std::int32_t> ids,
                          std::size_t dim, std::span<float> out);

// dtable[ids[t]] += dout[t]; a token repeated in the batch adds up. Columns in parallel, tokens in
// order: the same sums in the same order for every thread count.
template <typename T>
void embeddingBackward(std::span<const T> dout, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> dtable);

}  // namespace tiertune::kernels::cpu
