#include "core/train/eval_samples.h"

#include <algorithm>
#include <utility>

#include "core/infer/generator.h"

namespace tiertune::train {

std::span<const std::int32_t> promptPart(const Sample& sample) {
  const auto firstTrained = std::find(sample.lossMask.begin(), sample.lossMask.end(), std::uint8_t{1});
  if (firstTrained == sample.lossMask.end()) return {};  // no mask (every token trained) or nothing trained
  return std::span<const std::int32_t>(sample.ids).first(
      static_cast<std::size_t>(firstTrained - sample.lossMask.begin()));
}

std::vector<std::vector<std::int32_t>> samplePrompts(std::span<const Sample> samples, std::size_t count,
                                                     std::size_t maxTokens) {
  std::vector<std::vector<std::int32_t>> prompts;
  for (const Sample& sample : samples) {
    if (prompts.size() >= count) break;
    const std::span<const std::int32_t> prompt = promptPart(sample);
    if (!prompt.empty() && prompt.size() < maxTokens) prompts.emplace_back(prompt.begin(), prompt.end());
  }
  return prompts;
}

std::optional<std::string> samplesUnavailableReason(const tiers::StatePlacement& placement) {
  for (const auto& kinds : placement.home) {
    for (const tiers::StateKind weights : {tiers::StateKind::Frozen, tiers::StateKind::Trained}) {
      if (kinds[static_cast<std::size_t>(weights)] == tiers::Tier::Disk) {
        return "This run reads the model's weights from the SSD, and writing sample answers would read the whole "
               "model from the disk again for every new word, which would slow training down a lot. The samples "
               "are left out; the validation loss still shows how the model learns.";
      }
    }
  }
  return std::nullopt;
}

std::size_t sampleGenerationBytes(const formats::ModelConfig& config, std::size_t longestPrompt,
                                  std::size_t maxNewTokens) {
  const std::size_t tokens =
      std::min(longestPrompt + maxNewTokens, static_cast<std::size_t>(config.maxPositionEmbeddings));
  const auto rowWidth = static_cast<std::size_t>(config.keyValueHeads * config.headDim);
  const std::size_t cache = static_cast<std::size_t>(config.layerCount) * 2 * tokens * rowWidth * sizeof(float);
  // Each buffer is rounded up to whole 4 KiB pages.
  return cache + static_cast<std::size_t>(config.vocabSize) * sizeof(float) + 2 * 4096;
}

std::vector<float> TieredSequenceModel::prefill(std::span<const std::int32_t> prompt) {
  cache_.clear();
  return append(prompt);
}

std::vector<float> TieredSequenceModel::append(std::span<const std::int32_t> tokens) {
  const std::size_t past = cache_.length();
  cache_.reserve(past + tokens.size());
  std::vector<float> logits =
      tiers::runPass(state_, order_, [&] { return decoder_.extendSequence(tokens, past, cache_.layers()); });
  cache_.advance(tokens.size());
  return logits;
}

EvaluationSamples::EvaluationSamples(infer::ModelText text, std::vector<std::vector<std::int32_t>> prompts,
                                     std::size_t maxNewTokens)
    : text_(std::move(text)), prompts_(std::move(prompts)), maxNewTokens_(maxNewTokens) {}

SamplesReport EvaluationSamples::generate(std::int64_t step, kernels::Backend& backend, model::Decoder& decoder,
                                          tiers::TieredState& state,
                                          const std::vector<model::UnitAccess>& order) const {
  infer::GenerationSettings settings;
  settings.sampling.temperature = 0;  // greedy: no random draws, so training's random numbers are untouched
  settings.maxNewTokens = maxNewTokens_;
  settings.eosIds = text_.eosIds;
  std::size_t longest = 0;
  for (const auto& prompt : prompts_) longest = std::max(longest, prompt.size());
  // Sized for the longest sample at once and freed after the round: no memory held between evaluations.
  infer::KvCache cache(backend, decoder.config(), longest + maxNewTokens_);
  TieredSequenceModel model(decoder, state, order, cache);
  formats::tokenizer::DecodeOptions readable;
  readable.skipSpecialTokens = true;
  SamplesReport report;
  report.step = step;
  for (const auto& prompt : prompts_) {
    infer::GenerationResult result = infer::generate(model, text_.tokenizer, prompt, settings);
    GeneratedSample sample;
    sample.prompt = text_.tokenizer.decode(prompt, readable);
    sample.completion = std::move(result.text);
    sample.promptTokens = prompt;
    sample.tokens = std::move(result.tokens);
    report.samples.push_back(std::move(sample));
  }
  return report;
}

}  // namespace tiertune::train
