#include "core/train/goal_presets.h"
#include "core/util/json_text.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace tiertune::train {

namespace {

constexpr std::int64_t kBillion = 1'000'000'000;

std::int64_t roundUp(std::int64_t value, std::int64_t step) { return (value + step - 1) / step * step; }

// Passes over the data: a small dataset needs several to teach anything, a large one teaches in
// one. Full fine-tuning changes every weight and memorizes sooner, so it gets at most two.
std::int64_t epochsFor(GoalPreset preset, std::int64_t examples) {
  if (preset == GoalPreset::QuickLora) return 1;
  const std::int64_t epochs = examples < 1'000 ? 3 : examples < 10'000 ? 2 : 1;
  return preset == GoalPreset::FullFineTune ? std::min<std::int64_t>(epochs, 2) : epochs;
}

// Learning rates as the LoRA and full fine-tuning literature uses them: LoRA trains a small
// low-rank update and takes about ten times the rate of full fine-tuning; larger models take lower
// rates (QLoRA: 2e-4 up to 13B parameters, 1e-4 above).
double learningRateFor(GoalPreset preset, std::int64_t parameters) {
  switch (preset) {
    case GoalPreset::QuickLora: return parameters >= 30 * kBillion ? 2e-4 : 3e-4;
    case GoalPreset::BalancedLora:
    case GoalPreset::SmallestMemory: return parameters >= 30 * kBillion ? 1e-4 : 2e-4;
    case GoalPreset::FullFineTune: return parameters >= 7 * kBillion ? 1e-5 : 2e-5;
  }
  return 2e-4;
}

}  // namespace

const char* presetKey(GoalPreset preset) {
  switch (preset) {
    case GoalPreset::QuickLora: return "quick-lora";
    case GoalPreset::BalancedLora: return "balanced-lora";
    case GoalPreset::SmallestMemory: return "smallest-memory";
    case GoalPreset::FullFineTune: return "full";
  }
  return "custom";
}

std::optional<GoalPreset> presetFromKey(const std::string& key) {
  for (const GoalPreset preset :
       {GoalPreset::QuickLora, GoalPreset::BalancedLora, GoalPreset::SmallestMemory, GoalPreset::FullFineTune}) {
    if (key == presetKey(preset)) return preset;
  }
  return std::nullopt;
}

void readDatasetStatistics(const std::string& statsJson, PresetInputs& inputs) {
  const nlohmann::json stats = parseJsonTextOrDiscarded(statsJson);
  if (!stats.is_object()) return;
  const auto count = [](const nlohmann::json& object, const char* key) -> std::int64_t {
    if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return 0;
    return object[key].get<std::int64_t>();
  };
  const nlohmann::json train = stats.value("train", nlohmann::json::object());
  inputs.longestExample = count(train, "longest");
  if (const std::int64_t tokens = count(train, "tokens"); tokens > 0) inputs.trainTokens = tokens;
  inputs.histogramBinTokens = count(stats, "histogram_bin_tokens");
  inputs.lengthHistogram.clear();
  if (train.is_object() && train.contains("histogram") && train["histogram"].is_array()) {
    for (const auto& rows : train["histogram"]) inputs.lengthHistogram.push_back(rows.is_number() ? rows.get<std::int64_t>() : 0);
  }
  inputs.hasValidation = count(stats.value("validation", nlohmann::json::object()), "rows") > 0;
}

std::int64_t coveringSequenceLength(const PresetInputs& inputs, std::int64_t cap) {
  std::int64_t covering = 0;
  std::int64_t total = 0;
  for (const std::int64_t rows : inputs.lengthHistogram) total += rows;
  if (total > 0 && inputs.histogramBinTokens > 0) {
    // The upper edge of the bin where 99 % of the examples are reached: the rare longest ones are
    // cut rather than making every batch that long.
    std::int64_t seen = 0;
    for (std::size_t bin = 0; bin < inputs.lengthHistogram.size(); ++bin) {
      seen += inputs.lengthHistogram[bin];
      if (seen * 100 >= total * 99) {
        covering = static_cast<std::int64_t>(bin + 1) * inputs.histogramBinTokens;
        break;
      }
    }
    if (inputs.longestExample > 0) covering = std::min(covering, inputs.longestExample);
  } else {
    covering = inputs.longestExample > 0 ? inputs.longestExample : cap;
  }
  std::int64_t limit = cap;
  if (inputs.contextLength > 0) limit = std::min(limit, inputs.contextLength);
  return std::min(limit, std::max<std::int64_t>(128, roundUp(covering, 128)));
}

void applyPreset(GoalPreset requested, const PresetInputs& inputs, RunConfig& config) {
  // Smallest memory trains as Balanced LoRA does; only the base is kept in 4 bits.
  config.fourBitBase = requested == GoalPreset::SmallestMemory;
  const GoalPreset preset = config.fourBitBase ? GoalPreset::BalancedLora : requested;
  const bool lora = preset != GoalPreset::FullFineTune;
  const std::int64_t examples = std::max<std::int64_t>(1, inputs.trainExamples);
  config.lora = lora;
  config.maxSteps.reset();

  // Quick LoRA adapts the attention projections only: fewer adapter weights, a faster step, enough
  // to change tone and format. Balanced adapts every projection, and a larger dataset (over 20
  // million tokens) gets twice the rank to hold more.
  config.loraConfig = model::LoraConfig{};
  if (preset == GoalPreset::QuickLora) {
    config.loraConfig.rank = 8;
    config.loraConfig.targets = {model::LinearModule::Query, model::LinearModule::Key, model::LinearModule::Value,
                                 model::LinearModule::Output};
  } else {
    // (Full fine-tuning keeps rank 16: unused, but what the Advanced page shows if LoRA is chosen.)
    config.loraConfig.rank = preset == GoalPreset::BalancedLora && inputs.trainTokens >= 20'000'000 ? 32 : 16;
    // Small datasets are memorized quickly: a little dropout on the adapters' input slows that.
    config.loraConfig.dropout = preset == GoalPreset::BalancedLora && examples < 1'000 ? 0.05 : 0.0;
  }
  config.loraConfig.alpha = 2.0 * static_cast<double>(config.loraConfig.rank);

  config.adamw.learningRate = learningRateFor(preset, inputs.parameterCount);
  config.adamw.beta1 = 0.9;
  config.adamw.beta2 = 0.999;
  config.adamw.epsilon = 1e-8;
  // Decay pulls every weight toward zero; for LoRA that would pull the update toward "no change",
  // for full fine-tuning it is the usual light regularization.
  config.adamw.weightDecay = lora ? 0.0 : 0.01;
  config.schedule = LrSchedule::Cosine;
  config.minLrRatio = 0.0;
  config.maxGradNorm = 1.0;
  config.epochs = epochsFor(preset, examples);

  const std::int64_t sequenceCap = preset == GoalPreset::QuickLora ? 1024 : preset == GoalPreset::BalancedLora ? 4096 : 2048;
  config.sequenceLength = coveringSequenceLength(inputs, sequenceCap);

  // Examples per optimizer step: larger for full fine-tuning, whose updates are noisier; never so
  // large that an epoch has fewer than about eight steps. Several short sequences go through one
  // forward pass on a small model; long sequences or a large model go one at a time, the rest by
  // accumulation (the memory plan page checks what fits).
  const std::int64_t wanted = preset == GoalPreset::QuickLora ? 8 : preset == GoalPreset::BalancedLora ? 16 : 32;
  const std::int64_t perStep = std::max<std::int64_t>(1, std::min(wanted, examples / 8));
  const bool smallWork = config.sequenceLength <= 512 && inputs.parameterCount < kBillion;
  config.microBatch = std::min<std::int64_t>(smallWork ? 4 : 1, perStep);
  config.gradientAccumulation = (perStep + config.microBatch - 1) / config.microBatch;

  // A short warmup keeps the first updates (with fresh Adam moments) from overshooting; full
  // fine-tuning moves pretrained weights and gets a little more.
  config.warmupSteps = 0;
  config.warmupRatio = lora ? 0.03 : 0.05;

  // About ten evaluations over the run when there is validation data; checkpoints five times for
  // LoRA (an adapter is small) and twice for full fine-tuning (each holds the whole model and its
  // optimizer state).
  const std::int64_t steps = plannedSteps(config, examples);
  config.evalEvery = inputs.hasValidation ? std::max<std::int64_t>(1, steps / 10) : 0;
  config.checkpointEvery = std::max<std::int64_t>(1, steps / (lora ? 5 : 2));
  config.keepCheckpoints = lora ? 3 : 2;
}

std::int64_t plannedSteps(const RunConfig& config, std::int64_t trainExamples) {
  if (config.maxSteps) return *config.maxSteps;
  const std::int64_t perStep = std::max<std::int64_t>(1, config.microBatch * config.gradientAccumulation);
  return std::max<std::int64_t>(1, (config.epochs * trainExamples + perStep - 1) / perStep);
}

}  // namespace tiertune::train
