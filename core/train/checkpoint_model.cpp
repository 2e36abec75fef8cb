#include "core/train/checkpoint_model.h"

#include <utility>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/model/lora.h"
#include "core/model/parameter_table.h"
#include "core/train/checkpoint_source.h"
#include "core/util/error.h"

namespace tiertune::train {

namespace fs = std::filesystem;

std::unique_ptr<infer::ModelRunner> loadModelRunner(kernels::Backend& backend, const fs::path& modelFolder,
                                                    const std::optional<fs::path>& checkpoint) {
  if (!checkpoint) return infer::ModelRunner::load(backend, modelFolder);
  const formats::ModelConfig config = formats::loadModelConfig(modelFolder / "config.json");
  const CheckpointSource source = openCheckpoint(*checkpoint);
  const formats::ModelConfig trained = formats::loadModelConfig(source.run.modelFolder / "config.json");
  if (trained.hiddenSize != config.hiddenSize || trained.layerCount != config.layerCount ||
      trained.vocabSize != config.vocabSize || trained.intermediateSize != config.intermediateSize) {
    throw Error("the checkpoint " + checkpoint->string() + " was trained from " + source.run.modelFolder.string() +
                ", a model of another shape than " + modelFolder.string());
  }
  const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(config);
  const formats::ModelWeights trainedWeights = formats::ModelWeights::openSingleFile(source.weights);
  if (!source.run.lora) {
    auto base = std::make_unique<model::ParameterTable>(backend, specs);
    model::loadBaseWeights(*base, trainedWeights);
    return std::make_unique<infer::ModelRunner>(backend, config, std::move(base));
  }
  const formats::ModelWeights baseWeights = formats::ModelWeights::openFolder(modelFolder);
  // QLoRA: the adapter was trained over the base quantized to NF4, so it answers over that base
  // (quantized the same way, to the same bits), not over the 16-bit one.
  auto base = source.run.fourBitBase ? std::make_unique<model::ParameterTable>(
                                           backend, specs, model::TableFormat(model::frozenElementType(specs, baseWeights), true))
                                     : std::make_unique<model::ParameterTable>(backend, specs);
  model::loadBaseWeights(*base, baseWeights);
  const model::LoraConfig& lora = source.run.loraConfig;
  auto adapter = std::make_unique<model::ParameterTable>(backend, model::loraParameterSpecs(config, lora));
  model::loadBaseWeights(*adapter, trainedWeights);
  return std::make_unique<infer::ModelRunner>(backend, config, std::move(base), std::move(adapter), lora);
}

}  // namespace tiertune::train
