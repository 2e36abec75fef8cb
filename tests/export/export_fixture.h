// Checkpoints for the export tests, written by the real checkpoint writer: a tiny random model
// folder (Llama unless another config.json is given) (tests/support/tiny_model.h) and either a LoRA adapter with random A and B (B nonzero,
// unlike PEFT's zero start, so that merging changes the model) or fully fine-tuned weights (the
// base plus noise). Also the logits our fp32 decoder gives for the same batch, and the check that a
// refused export left nothing; and the checkpoint in a catalog.
#pragma once

#include <QRandomGenerator>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/train/checkpoint_source.h"
#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/train/checkpoint.h"
#include "core/train/run_config.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

namespace tiertune::test {

inline std::vector<float> randomValues(std::size_t count, double scale) {
  std::vector<float> values(count);
  for (float& value : values) value = static_cast<float>(scale * (QRandomGenerator::global()->generateDouble() * 2 - 1));
  return values;
}

// Nothing of an export that did not finish: neither its folder nor its staging folder.
inline bool leftNothing(const std::filesystem::path& output) {
  return !std::filesystem::exists(output) &&
         !std::filesystem::exists(output.parent_path() / ("." + output.filename().string() + ".partial"));
}

inline void addNoise(const model::ParameterTable& table, double scale) {
  std::vector<float> values(table.elementCount());
  table.backend().download(table.all(), values);
  const std::vector<float> noise = randomValues(values.size(), scale);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] += noise[i];
  table.backend().upload(values, table.all());
}

struct ExportFixture {
  std::filesystem::path root;
  std::filesystem::path modelFolder = root / "tiny-llama";
  std::string configJson;
  formats::ModelConfig config = formats::parseModelConfig(configJson);
  std::unique_ptr<kernels::Backend> backend = kernels::makeCpuBackend();
  model::ParameterTable base{*backend, model::baseParameterSpecs(config)};
  model::LoraConfig lora;

  explicit ExportFixture(std::filesystem::path scratch, std::string modelConfigJson = kTinyLlamaConfig)
      : root(std::move(scratch)), configJson(std::move(modelConfigJson)) {
    writeRandomModelFolder(modelFolder, configJson, 11);
    model::loadBaseWeights(base, formats::ModelWeights::openFolder(modelFolder));
    lora.rank = 4;
    lora.alpha = 8;
    lora.targets = {model::LinearModule::Query, model::LinearModule::Value, model::LinearModule::Output,
                    model::LinearModule::Gate, model::LinearModule::Down};
  }

  bool fourBitBase = false;  // the checkpoints say QLoRA

  train::RunConfig runConfig(bool useLora) const {
    train::RunConfig run;
    run.modelFolder = modelFolder;
    run.trainData = root / "train.jsonl";
    run.outputFolder = root / "run";
    run.lora = useLora;
    run.fourBitBase = useLora && fourBitBase;
    run.loraConfig = lora;
    return run;
  }

  // trained: the adapter (LoRA) or the whole model (full); returns the checkpoint folder.
  // layout: the adapter's tensors when they differ from what the run's settings (lora) describe.
  std::filesystem::path writeCheckpoint(const model::ParameterTable& trained, bool useLora, std::int64_t step = 5,
                                        const model::LoraConfig* layout = nullptr) const {
    // The checkpoint writer reads the trained values unit by unit from a tiered state (moments zero).
    tiers::TieredState tensors(*backend, config, useLora ? (layout ? layout : &lora) : nullptr,
                               tiers::residentPlacement(model::unitCount(config)));
    std::vector<float> values;
    for (std::size_t unit = 0; unit < tensors.unitCount(); ++unit) {
      values.clear();
      for (const model::ParameterSpec& spec : tensors.specs(tiers::StateKind::Trained, unit)) {
        const kernels::DeviceSpan<float> tensor = trained.tensor(spec.name);
        values.insert(values.end(), tensor.data(), tensor.data() + tensor.size());
      }
      tensors.write(tiers::StateKind::Trained, unit, values);
    }
    const train::TrainerState state{step, 40, train::toJson(runConfig(useLora))};
    return train::writeCheckpoint(root / "run" / "checkpoints", state, tensors, useLora).folder;
  }

  // An adapter whose every tensor is random (B of a size that moves the logits well past rounding).
  model::ParameterTable randomAdapter() const {
    model::ParameterTable adapter(*backend, model::loraParameterSpecs(config, lora));
    for (const model::ParameterEntry& entry : adapter.entries()) {
      const double scale = entry.spec.name.find("lora_A") != std::string::npos ? 0.3 : 0.2;
      backend->upload(randomValues(entry.count, scale), adapter.tensor(entry.spec.name));
    }
    return adapter;
  }

  model::TokenBatch batch() const {
    model::TokenBatch tokens;
    std::vector<std::int32_t> ids;
    for (int i = 0; i < 12; ++i) ids.push_back(static_cast<std::int32_t>((i * 7 + 3) % config.vocabSize));
    tokens.append(ids);
    tokens.append(std::vector<std::int32_t>{5, 9, 1, 60, 33});
    return tokens;
  }

  std::vector<float> logits(const model::ParameterTable& weights, const model::ParameterTable* adapter) const {
    model::Decoder decoder(*backend, config, weights, adapter, adapter ? &lora : nullptr, nullptr);
    return decoder.logits(batch());
  }

  // The logits of an exported model folder, loaded through our own loader.
  std::vector<float> logitsOfFolder(const std::filesystem::path& folder) const {
    const formats::ModelConfig exported = formats::loadModelConfig(folder / "config.json");
    const model::ParameterTable weights(*backend, model::baseParameterSpecs(exported));
    model::loadBaseWeights(weights, formats::ModelWeights::openFolder(folder));
    return logits(weights, nullptr);
  }
};

// A fixture with a LoRA checkpoint of a random adapter, opened as an export source.
struct AdapterCheckpoint {
  std::unique_ptr<QTemporaryDir> scratch = makeScratchDir();
  ExportFixture fixture{scratch->path().toStdString()};
  model::ParameterTable adapter = fixture.randomAdapter();
  train::CheckpointSource source = train::openCheckpoint(fixture.writeCheckpoint(adapter, true));
};

// The same checkpoint in a catalog of its own (root/catalog.sqlite): the tiny model, one LoRA run
// and its checkpoint, as exports::exportRun and the GUI's export dialog find them.
struct CataloguedAdapterCheckpoint {
  AdapterCheckpoint checkpoint;
  std::filesystem::path root = checkpoint.fixture.root;
  std::filesystem::path catalogFile = root / "catalog.sqlite";
  catalog::Id runId = 0;

  CataloguedAdapterCheckpoint() {
    catalog::Catalog store = catalog::Catalog::open(catalogFile);
    catalog::NewModel model;
    model.name = "tiny-llama";
    model.path = checkpoint.fixture.modelFolder.string();
    const catalog::Id modelId = store.addModel(model);
    runId = store.createRun({"tiny lora", modelId, std::nullopt, "lora", "custom", "{}"});
    store.addCheckpoint({runId, checkpoint.source.step, checkpoint.source.folder.string(), {}, 0});
  }
  std::vector<catalog::ExportRecord> exports() const { return catalog::Catalog::open(catalogFile).exports(runId); }
};

}  // namespace tiertune::test
