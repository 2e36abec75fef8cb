// The language-model head fused with the cross-entropy loss, computed over chunks of tokens so
// that the logits [tokens, vocab] never exist at once (a 128k vocabulary at 2,048 tokens would be
// 1 GB in fp32; a 1,024-token chunk halves that, smaller chunks cost more calls, not memory).
// Shapes: hidden [tokens, hiddenSize]; head [vocab, hiddenSize]; targets [tokens] with
// kIgnoreTarget where the loss is masked (prompt tokens, padding).
//   loss = mean over unmasked tokens of -log softmax(hidden · head^T)[target]
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernels/cpu/half_weights.h"

namespace tiertune::kernels::cpu {

struct CrossEntropyResult {
  double loss = 0;            // mean over counted tokens; 0 when none
  double lossSum = 0;         // sum over counted tokens
  std::size_t counted = 0;    // unmasked tokens
};

// Forward and, when dhidden is not empty, backward in the same pass (the chunk's softmax is the
// gradient's main part). dhidden is overwritten; dhead is accumulated into (+=) unless it is empty
// (a frozen head). The gradient is that of lossSum / normalizer; normalizer 0 means counted (the
// mean), gradient accumulation passes the counted tokens of the whole optimizer step.
// Throws std::invalid_argument for a target outside the vocabulary.
template <typename T>
CrossEntropyResult crossEntropyWithHead(std::span<const T> hidden, std::span<const T> head,
                                        std::span<const std::int32_t> targets, std::size_t hiddenSize,
                                        std::size_t vocab, std::size_t chunkTokens, std::span<T> dhidden,
                                        std::span<T> dhead, std::size_t normalizer = 0);

// The same with the head kept in 16 bits (a frozen head: no dhead), its products through
// matmulHalfWeights. Every other step is the fp32 one's.
CrossEntropyResult crossEntropyWithHalfHead(std::span<const float> hidden, std::span<const std::uint16_t> head,
                                            HalfFormat format, std::span<const std::int32_t> targets,
                                            std::size_t hiddenSize, std::size_t vocab, std::size_t chunkTokens,
                                            std::span<float> dhidden, std::size_t normalizer = 0);

}  // namespace tiertune::kernels::cpu
