// Rotary position embedding as Hugging Face's Llama/Mistral/Qwen apply it: each head's vector is
// split in halves (i, i + headDim/2) and the pair rotated by position * invFreq[i]. Shapes:
// x [tokens, heads, headDim] in place; positions [tokens] (packed sequences restart at 0).
// Angles are computed in T, as transformers does in float32, so float results follow it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tiertune::kernels::cpu {

struct RopeScalingSpec {
  enum class Kind { None, Linear, Llama3 };
  Kind kind = Kind::None;
  double factor = 1.0;
  double lowFreqFactor = 1.0;                 // llama3
  double highFreqFactor = 4.0;                // llama3
  double originalMaxPositionEmbeddings = 8192;  // llama3
};

// invFreq[i] = theta^(-2i / headDim), i < headDim / 2, then scaled: linear divides every
// frequency by factor; llama3 divides the low frequencies (wavelength above original / low) by
// factor, keeps the high ones (below original / high) and blends linearly in between.
template <typename T>
std::vector<T> ropeInverseFrequencies(std::size_t headDim, double theta, const RopeScalingSpec& scaling);

// Rotates forward; inverse = true rotates back, which is also the backward (rotations are
// orthogonal: dx = R^T dy).
template <typename T>
void ropeApply(std::span<T> x, std::size_t tokens, std::size_t heads, std::size_t headDim,
               std::span<const std::int32_t> positions, std::span<const T> invFreq, bool inverse);

}  // namespace tiertune::kernels::cpu
