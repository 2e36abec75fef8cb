// Choosing the next token from a step's logits, as transformers' generate does it: the repetition
// penalty (RepetitionPenaltyLogitsProcessor) on every token of the context, then greedy
// (temperature 0) or temperature, top-k and top-p (nucleus) before a draw from a seeded generator,
// so that the same seed and settings give the same text. Pure host code, used by the Generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/util/random.h"

namespace tiertune::infer {

struct SamplingSettings {
  double temperature = 0.7;        // 0: greedy (always the most likely token)
  std::size_t topK = 0;            // keep the k most likely tokens (and those tied with the k-th); 0: all
  double topP = 1.0;               // keep the most likely tokens whose probabilities reach topP; 1: all
  double repetitionPenalty = 1.0;  // > 1 makes tokens already in the context less likely; 1: off
  std::uint64_t seed = 0;
};

// Throws tiertune::Error naming the setting for a negative or non-finite temperature, a top-p
// outside (0, 1], a repetition penalty that is not positive.
void validateSamplingSettings(const SamplingSettings& settings);

// Divides the positive logits of the tokens in context by penalty and multiplies the negative ones,
// once per distinct token, as transformers does.
void applyRepetitionPenalty(std::span<float> logits, std::span<const std::int32_t> context, double penalty);

// The most likely token; the lowest id among equals.
std::int32_t greedyToken(std::span<const float> logits);

struct Candidate {
  std::int32_t token = 0;
  double probability = 0;  // renormalized over the candidates
};
// The tokens a draw may pick after temperature, top-k and top-p, with their probabilities, most
// likely first (equal probabilities by id). settings.temperature must be above 0.
std::vector<Candidate> samplingCandidates(std::span<const float> logits, const SamplingSettings& settings);

class Sampler {
 public:
  explicit Sampler(const SamplingSettings& settings);
  // The next token given the logits [vocab] of the last position (modified: the penalty is applied
  // in place) and the tokens so far (prompt and generated), which the penalty looks at.
  std::int32_t next(std::span<float> logits, std::span<const std::int32_t> context);

 private:
  SamplingSettings settings_;
  SplitMix64 random_;
};

}  // namespace tiertune::infer
