// A micro-batch as the decoder consumes it: samples packed one after another into a single row of
// tokens. Every token carries its position inside its sample (RoPE restarts at 0), the index of its
// sample's first token (attention stays inside the sample) and its target: the next token of the
// same sample, or kIgnoreTarget where the loss is masked (prompt tokens, the last token of a
// sample). A batch of B sequences of length S is the packing of B samples.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "kernels/op_shapes.h"

namespace tiertune::model {

inline constexpr std::int32_t kIgnoreTarget = kernels::kIgnoreTarget;  // what the backends mask

struct TokenBatch {
  std::vector<std::int32_t> inputIds;     // [tokens]
  std::vector<std::int32_t> positions;    // [tokens]
  std::vector<std::int32_t> sampleStart;  // [tokens]
  std::vector<std::int32_t> targets;      // [tokens]

  std::size_t tokens() const { return inputIds.size(); }
  // Tokens whose target counts in the loss.
  std::size_t countedTargets() const;
  // The longest sample, in tokens.
  std::size_t longestSample() const;

  // Appends one sample. lossMask, when not empty, has one entry per token: the loss counts the
  // prediction of token i + 1 only where lossMask[i + 1] is nonzero (a response token). Empty
  // samples are ignored.
  void append(std::span<const std::int32_t> ids, std::span<const std::uint8_t> lossMask = {});
};

}  // namespace tiertune::model
