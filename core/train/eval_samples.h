// Sample generations at each evaluation: the prompt parts of the first validation samples (training
// samples when there is no validation split), continued greedily by the model being trained, so a
// person sees how its answers change as it learns. The generation is infer::generate() over the
// trainer's own decoder and tiered state (no copy of the model), one announced pass per model call.
// Used by the Trainer; the worker writes the samples to its log for the run monitor.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/infer/kv_cache.h"
#include "core/infer/model_text.h"
#include "core/infer/sequence_model.h"
#include "core/model/decoder.h"
#include "core/tiers/state_placement.h"
#include "core/tiers/tiered_state.h"
#include "core/train/token_data.h"
#include "kernels/backend.h"

namespace tiertune::train {

struct GeneratedSample {
  std::string prompt;      // the prompt's text, special tokens left out
  std::string completion;  // what the model wrote after it
  std::vector<std::int32_t> promptTokens, tokens;  // tokens: generated, without the end-of-text token
};

struct SamplesReport {
  std::int64_t step = 0;
  std::vector<GeneratedSample> samples;
};

// The prompt part of a sample: its tokens before the first one the loss trains on (the chat
// template's generation prompt ends it; an instruction row's prompt). Empty when every token is
// trained (plain text) or none is.
std::span<const std::int32_t> promptPart(const Sample& sample);

// The prompt parts of the first count samples that have one shorter than maxTokens, in order.
std::vector<std::vector<std::int32_t>> samplePrompts(std::span<const Sample> samples, std::size_t count,
                                                     std::size_t maxTokens);

// Why a run with this placement gets no samples, in words for a person; nothing when it gets them.
// The one rule: a placement that keeps weights on the SSD reads them from disk on every model pass,
// and generating reads the whole model once per new token (48 tokens of 3 samples: about 150 reads
// of the whole model per evaluation, where an evaluation reads it once per batch), which would
// stall training. Weights resident on the device or streamed from RAM are cheap enough to reread.
std::optional<std::string> samplesUnavailableReason(const tiers::StatePlacement& placement);

// The backend memory a round of samples adds while it runs (the key/value cache of the longest
// sample and one row of logits), for the device arena of a streaming run.
std::size_t sampleGenerationBytes(const formats::ModelConfig& config, std::size_t longestPrompt,
                                  std::size_t maxNewTokens);

// A SequenceModel over a decoder that reads its units from a tiered state: each model call is one
// pass in the evaluation access order, the keys and values in cache.
class TieredSequenceModel final : public infer::SequenceModel {
 public:
  TieredSequenceModel(model::Decoder& decoder, tiers::TieredState& state, std::vector<model::UnitAccess> order,
                      infer::KvCache& cache)
      : decoder_(decoder), state_(state), order_(std::move(order)), cache_(cache) {}

  std::vector<float> prefill(std::span<const std::int32_t> prompt) override;
  std::vector<float> append(std::span<const std::int32_t> tokens) override;
  std::size_t length() const override { return cache_.length(); }
  std::size_t contextLength() const override { return cache_.limit(); }

 private:
  model::Decoder& decoder_;
  tiers::TieredState& state_;
  std::vector<model::UnitAccess> order_;
  infer::KvCache& cache_;
};

// The prompts of a run and the words to show them; generate() makes one round of samples.
class EvaluationSamples {
 public:
  EvaluationSamples(infer::ModelText text, std::vector<std::vector<std::int32_t>> prompts, std::size_t maxNewTokens);

  // Greedy (the same text for the same weights, comparable from one evaluation to the next), each
  // sample ending at an end-of-text token or after maxNewTokens. The state's values are only read.
  SamplesReport generate(std::int64_t step, kernels::Backend& backend, model::Decoder& decoder,
                         tiers::TieredState& state, const std::vector<model::UnitAccess>& order) const;

  const std::vector<std::vector<std::int32_t>>& prompts() const { return prompts_; }
  std::size_t maxNewTokens() const { return maxNewTokens_; }

 private:
  infer::ModelText text_;
  std::vector<std::vector<std::int32_t>> prompts_;
  std::size_t maxNewTokens_;
};

}  // namespace tiertune::train
