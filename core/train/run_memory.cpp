#include "core/train/run_memory.h"

#include "core/model/base_weights.h"
#include "core/model/model_units.h"
#include "core/tiers/plan_words.h"
#include "core/tiers/state_placement.h"
#include "core/train/eval_samples.h"
#include "core/util/error.h"

namespace tiertune::train {

tiers::TrainingSetup trainingSetup(const RunConfig& config, const formats::ModelConfig& model) {
  tiers::TrainingSetup setup;
  setup.model = model;
  setup.method = config.lora ? tiers::Method::Lora : tiers::Method::Full;
  setup.loraRank = static_cast<int>(config.loraConfig.rank);
  setup.microBatch = static_cast<int>(config.microBatch);
  setup.sequenceLength = static_cast<int>(config.sequenceLength);
  setup.gradientAccumulation = static_cast<int>(config.gradientAccumulation);
  setup.fp32Weights = true;  // trained weights: one fp32 copy on both backends today
  setup.frozenWeightBytes = static_cast<int>(model::bytesPerElement(frozenTypeOf(config, model)));
  setup.fourBitBase = config.lora && config.fourBitBase;
  return setup;
}

model::TableFormat frozenFormatOf(const RunConfig& config, const formats::ModelConfig& model) {
  return model::TableFormat(frozenTypeOf(config, model), config.lora && config.fourBitBase);
}

model::ElementType frozenTypeOf(const RunConfig& config, const formats::ModelConfig& model) {
  if (!config.lora) return model::ElementType::F32;
  try {
    const formats::ModelWeights weights = formats::ModelWeights::openFolder(config.modelFolder);
    return model::frozenElementType(model::baseParameterSpecs(model), weights);
  } catch (const Error&) {
    // Weights that cannot be opened are the loader's to report, in words, when the run starts; a
    // plan made before (a folder being downloaded, a config alone) goes by config.json's dtype.
    if (model.dtype == "float32") return model::ElementType::F32;
    return model.dtype == "float16" ? model::ElementType::F16 : model::ElementType::Bf16;
  }
}

RunMemory planRunMemory(const RunConfig& config, const formats::ModelConfig& model, tiers::MachineBudget machine,
                        const std::filesystem::path& offloadFolder) {
  RunMemory memory;
  memory.deviceArenaBytes = kernels::MemoryUse{}.limit;
  memory.setup = trainingSetup(config, model);
  const tiers::TrainingSetup& setup = memory.setup;
  memory.plan = tiers::planTraining(setup, machine);
  if (!memory.plan.fits) return memory;
  const tiers::StatePlacement placement = tiers::placementFromPlan(setup, memory.plan);
  memory.streams = placement.anyOn(tiers::Tier::Host) || placement.anyOn(tiers::Tier::Disk);
  if (!memory.streams) return memory;
  // The planner counts bytes; the backend hands out whole 4 KiB pages per buffer: one page of slack
  // for each buffer the executor and the decoder allocate (a home per unit and kind, the slots,
  // the working buffers).
  const std::size_t buffers = model::unitCount(model) * tiers::kStateKindCount + 32;
  memory.deviceArenaBytes = machine.deviceBytes + buffers * 4096;
  // Sample generations at each evaluation hold a key/value cache and a row of logits while they run
  // (core/train/eval_samples.h); the planner's training peaks do not count them.
  if (config.evalSamples > 0) {
    memory.deviceArenaBytes += sampleGenerationBytes(model, static_cast<std::size_t>(config.sequenceLength),
                                                     static_cast<std::size_t>(config.evalSampleTokens));
  }
  memory.tiering.placement = placement;
  memory.tiering.options.offloadFolder = config.offloadFolder.value_or(offloadFolder);
  return memory;
}

std::string noFitMessage(const tiers::Plan& plan) {
  return "The run does not fit this machine. " + tiers::noFitText(plan);
}

void requireFits(const RunMemory& memory) {
  if (!memory.plan.fits) throw Error(noFitMessage(memory.plan));
}

}  // namespace tiertune::train
