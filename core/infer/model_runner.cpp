#include "core/infer/model_runner.h"

#include <stdexcept>
#include <utility>

#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/util/error.h"

namespace tiertune::infer {

namespace fs = std::filesystem;

std::unique_ptr<ModelRunner> ModelRunner::load(kernels::Backend& backend, const fs::path& modelFolder, std::size_t sequences) {
  const formats::ModelConfig config = formats::loadModelConfig(modelFolder / "config.json");
  auto base = std::make_unique<model::ParameterTable>(backend, model::baseParameterSpecs(config));
  model::loadBaseWeights(*base, formats::ModelWeights::openFolder(modelFolder));
  return std::make_unique<ModelRunner>(backend, config, std::move(base), nullptr, std::nullopt, sequences);
}

ModelRunner::ModelRunner(kernels::Backend& backend, const formats::ModelConfig& config,
                         std::unique_ptr<model::ParameterTable> base, std::unique_ptr<model::ParameterTable> adapter,
                         std::optional<model::LoraConfig> lora, std::size_t sequences)
    : backend_(backend), config_(config), base_(std::move(base)), adapter_(std::move(adapter)), lora_(std::move(lora)) {
  if ((adapter_ == nullptr) != !lora_.has_value()) {
    throw std::invalid_argument("a LoRA adapter needs both its tensors and its configuration");
  }
  if (sequences == 0) throw std::invalid_argument("a model runner holds at least one sequence");
  caches_.reserve(sequences);
  for (std::size_t slot = 0; slot < sequences; ++slot) caches_.emplace_back(backend_, config_);
  // No gradients; the default options keep one layer's activations (reused by every layer).
  decoder_ = std::make_unique<model::Decoder>(backend_, config_, *base_, adapter_.get(), lora_ ? &*lora_ : nullptr,
                                              nullptr, model::DecoderOptions{});
}

ModelRunner::~ModelRunner() = default;

std::vector<float> ModelRunner::prefill(std::size_t slot, std::span<const std::int32_t> prompt) {
  if (prompt.empty()) throw std::invalid_argument("no tokens to run the model on");
  KvCache& cache = caches_.at(slot);
  cache.clear();
  cache.reserve(prompt.size());
  std::vector<float> logits = decoder_->extendSequence(prompt, 0, cache.layers());
  cache.advance(prompt.size());
  return logits;
}

std::vector<float> ModelRunner::append(std::span<const std::int32_t> tokens) {
  if (tokens.empty()) throw std::invalid_argument("no tokens to run the model on");
  KvCache& cache = caches_[0];
  const std::size_t past = cache.length();
  cache.reserve(past + tokens.size());
  std::vector<float> logits = decoder_->extendSequence(tokens, past, cache.layers());
  cache.advance(tokens.size());
  return logits;
}

std::vector<std::vector<float>> ModelRunner::decode(std::span<const std::size_t> which,
                                                    std::span<const std::int32_t> tokens) {
  if (which.empty() || which.size() != tokens.size()) throw std::invalid_argument("one token for each slot to decode");
  std::vector<model::Decoder::SequenceStep> steps;
  steps.reserve(which.size());
  for (std::size_t i = 0; i < which.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (which[j] == which[i]) throw std::invalid_argument("a slot decodes once per pass");
    }
    KvCache& cache = caches_.at(which[i]);
    cache.reserve(cache.length() + 1);  // may move this cache: its layers() are taken below
  }
  for (std::size_t i = 0; i < which.size(); ++i) {
    const KvCache& cache = caches_[which[i]];
    steps.push_back({tokens.subspan(i, 1), cache.length(), cache.layers()});
  }
  std::vector<std::vector<float>> logits = decoder_->extendSequences(steps);
  for (const std::size_t slot : which) caches_[slot].advance(1);
  return logits;
}

}  // namespace tiertune::infer
