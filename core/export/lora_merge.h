// Folding a LoRA adapter into the weight it adapts, as PEFT's merge does: W' = W + scaling · B·A,
// computed in fp32 (rounding to the export dtype happens once, afterwards).
#pragma once

#include <cstdint>
#include <span>

namespace tiertune::exports {

// weight [outputs, inputs] row-major, updated in place; a [rank, inputs]; b [outputs, rank].
void mergeLora(std::span<float> weight, std::span<const float> a, std::span<const float> b, std::int64_t outputs,
               std::int64_t inputs, std::int64_t rank, float scaling);

}  // namespace tiertune::exports
