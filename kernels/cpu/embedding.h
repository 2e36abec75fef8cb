// Token embedding lookup and its backward. Shapes: table, dtable [vocab, dim]; ids [tokens];
// out, dout [tokens, dim].
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace tiertune::kernels::cpu {

// Throws std::invalid_argument for an id outside the table.
template <typename T>
void embeddingForward(std::span<const T> table, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> out);

// dtable[ids[t]] += dout[t]; a token repeated in the batch adds up. Columns in parallel, tokens in
// order: the same sums in the same order for every thread count.
template <typename T>
void embeddingBackward(std::span<const T> dout, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> dtable);

}  // namespace tiertune::kernels::cpu
