#include "core/infer/model_runner.h"

#include <stdexcept>
#include <utility>

#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/util/error.h"

namespace tiertune::infer {

namespace fs = std::filesystem;

std::unique_ptr<ModelRunner> ModelRunner::load(kernels::Backend& backend, const fs::path& modelFolder) {
  const formats::ModelConfig config = formats::loadModelConfig(modelFolder / "config.json");
  auto base = std::make_unique<model::ParameterTable>(backend, model::baseParameterSpecs(config));
  model::loadBaseWeights(*base, formats::ModelWeights::openFolder(modelFolder));
  return std::make_unique<ModelRunner>(backend, config, std::move(base));
}

ModelRunner::ModelRunner(kernels::Backend& backend, const formats::ModelConfig& config,
                         std::unique_ptr<model::ParameterTable> base, std::unique_ptr<model::ParameterTable> adapter,
                         std::optional<model::LoraConfig> lora)
    : backend_(backend), config_(config), base_(std::move(base)), adapter_(std::move(adapter)), lora_(std::move(lora)),
      cache_(backend, config) {
  if ((adapter_ == nullptr) != !lora_.has_value()) {
    throw std::invalid_argument("a LoRA adapter needs both its tensors and its configuration");
  }
  // No gradients; the default options keep one layer's activations (reused by every layer).
  decoder_ = std::make_unique<model::Decoder>(backend_, config_, *base_, adapter_.get(), lora_ ? &*lora_ : nullptr,
                                              nullptr, model::DecoderOptions{});
}

ModelRunner::~ModelRunner() = default;

std::vector<float> ModelRunner::prefill(std::span<const std::int32_t> prompt) {
  cache_.clear();
  return append(prompt);
}

std::vector<float> ModelRunner::append(std::span<const std::int32_t> tokens) {
  if (tokens.empty()) throw std::invalid_argument("no tokens to run the model on");
  const std::size_t past = cache_.length();
  cache_.reserve(past + tokens.size());
  std::vector<float> logits = decoder_->extendSequence(tokens, past, cache_.layers());
  cache_.advance(tokens.size());
  return logits;
}

}  // namespace tiertune::infer
