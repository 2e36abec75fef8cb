// The fine-tune wizard's goals (Quick LoRA, Balanced LoRA, Smallest memory, Full fine-tune) as run settings
// that fit the chosen model and dataset: LoRA rank and targets, learning rate, epochs, sequence
// length, batch and accumulation, warmup, evaluation and checkpoint intervals. Pure functions, so
// that the wizard, the CLI and the tests get the same numbers for the same inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/train/run_config.h"

namespace tiertune::train {

// SmallestMemory is Balanced LoRA over a 4-bit base (QLoRA): a quarter of the base's memory.
enum class GoalPreset { QuickLora, BalancedLora, SmallestMemory, FullFineTune };

// "quick-lora", "balanced-lora", "smallest-memory", "full": what the catalog keeps as the run's preset.
const char* presetKey(GoalPreset preset);
std::optional<GoalPreset> presetFromKey(const std::string& key);

// What the defaults depend on: the model (catalog ModelRecord) and the dataset (DatasetRecord and
// its statistics' "train" split).
struct PresetInputs {
  std::int64_t parameterCount = 0;
  std::int64_t contextLength = 0;         // the model's trained context; 0 when unknown
  std::int64_t trainExamples = 0;
  std::int64_t trainTokens = 0;
  bool hasValidation = false;             // the dataset has a validation split
  std::int64_t longestExample = 0;        // tokens; 0 when unknown
  std::vector<std::int64_t> lengthHistogram;  // examples per length bin, histogramBinTokens wide
  std::int64_t histogramBinTokens = 0;
};

// Reads the inputs a dataset's statistics JSON (catalog DatasetRecord::statsJson) provides:
// training tokens, longest example, length histogram, validation split. Unknown or malformed stats leave them unset.
void readDatasetStatistics(const std::string& statsJson, PresetInputs& inputs);

// The sequence length that covers 99 % of the examples (from the histogram, else the longest),
// rounded up to a multiple of 128 tokens, at least 128 and at most cap and the model's context.
std::int64_t coveringSequenceLength(const PresetInputs& inputs, std::int64_t cap);

// Sets the hyperparameters of config for the goal; paths, dataset, budgets, seed and threads are
// kept as they are.
void applyPreset(GoalPreset preset, const PresetInputs& inputs, RunConfig& config);

// Optimizer steps the run makes with these settings (maxSteps, else epochs over the examples).
std::int64_t plannedSteps(const RunConfig& config, std::int64_t trainExamples);

}  // namespace tiertune::train
