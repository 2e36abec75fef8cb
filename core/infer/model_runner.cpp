#include "core/infer/model_runner.h"

#include <stdexcept>
#include <string>
#include <utility>

#include "core/export/checkpoint_source.h"
#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/util/error.h"

namespace tiertune::infer {

namespace fs = std::filesystem;

std::unique_ptr<ModelRunner> ModelRunner::load(kernels::Backend& backend, const fs::path& modelFolder,
                                               const std::optional<fs::path>& checkpoint) {
  const formats::ModelConfig config = formats::loadModelConfig(modelFolder / "config.json");
  auto base = std::make_unique<model::ParameterTable>(backend, model::baseParameterSpecs(config));
  if (!checkpoint) {
    model::loadBaseWeights(*base, formats::ModelWeights::openFolder(modelFolder));
    return std::make_unique<ModelRunner>(backend, config, std::move(base));
  }
  const exports::CheckpointSource source = exports::openCheckpoint(*checkpoint);
  const formats::ModelConfig trained = formats::loadModelConfig(source.run.modelFolder / "config.json");
  if (trained.hiddenSize != config.hiddenSize || trained.layerCount != config.layerCount ||
      trained.vocabSize != config.vocabSize || trained.intermediateSize != config.intermediateSize) {
    throw Error("the checkpoint " + checkpoint->string() + " was trained from " + source.run.modelFolder.string() +
                ", a model of another shape than " + modelFolder.string());
  }
  const formats::ModelWeights trainedWeights = formats::ModelWeights::openSingleFile(source.weights);
  if (!source.run.lora) {
    model::loadBaseWeights(*base, trainedWeights);
    return std::make_unique<ModelRunner>(backend, config, std::move(base));
  }
  const formats::ModelWeights baseWeights = formats::ModelWeights::openFolder(modelFolder);
  if (source.run.fourBitBase) {
    // QLoRA: the adapter was trained over the base quantized to NF4, so it answers over that base
    // (quantized the same way, to the same bits), not over the 16-bit one.
    const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(config);
    base = std::make_unique<model::ParameterTable>(
        backend, specs, model::TableFormat(model::frozenElementType(specs, baseWeights), true));
  }
  model::loadBaseWeights(*base, baseWeights);
  const model::LoraConfig& lora = source.run.loraConfig;
  auto adapter = std::make_unique<model::ParameterTable>(backend, model::loraParameterSpecs(config, lora));
  model::loadBaseWeights(*adapter, trainedWeights);
  return std::make_unique<ModelRunner>(backend, config, std::move(base), std::move(adapter), lora);
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
