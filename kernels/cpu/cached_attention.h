// Attention of new query tokens against a key/value cache, for generation: the queries are the
// positions [past, past + queries) of one sequence, and query i attends causally to the cached rows
// 0..past + i (its own key and value already appended at row past + i). Grouped-query heads as in
// attention.h: query head h reads key/value head h / (heads / kvHeads).
// Shapes: q, out [queries, heads, headDim]; keys, values [rows >= past + queries, kvHeads, headDim].
#pragma once

#include <cstddef>
#include <span>

#include "kernels/op_shapes.h"

namespace tiertune::kernels::cpu {

template <typename T>
void cachedAttention(std::span<const T> q, std::span<const T> keys, std::span<const T> values,
                     const CachedAttentionShape& shape, std::span<T> out);

}  // namespace tiertune::kernels::cpu
