// The one rule both backends follow for which products take bf16 operands (the mixed-precision
// policy, README "Numerics"): products of fewer rows stay in fp32. Decoding multiplies one row per
// sequence, and a bf16 kernel's sums may run in an order that depends on the row count; in fp32 a
// sequence's tokens then come out the same generated alone or beside others (the playground's
// side-by-side answers), while training's products, hundreds of rows, all take bf16.
#pragma once

#include <cstddef>

namespace tiertune::kernels {

inline constexpr std::size_t kBf16ProductsFewestRows = 16;

}  // namespace tiertune::kernels
