// What the New fine-tune wizard's pages fill in together: the chosen model and dataset, the goal,
// and the run configuration the goal prefilled and the Advanced page and the plan's fixes edited.
// Owned by NewRunWizard; the pages read and write it.
#pragma once

#include <optional>

#include "core/catalog/records.h"
#include "core/train/goal_presets.h"
#include "core/train/run_config.h"

namespace tiertune::gui {

struct RunDraft {
  std::optional<catalog::ModelRecord> model;
  std::optional<catalog::DatasetRecord> dataset;
  train::GoalPreset preset = train::GoalPreset::BalancedLora;
  train::RunConfig config;

  // The model, dataset and goal the configuration was last prefilled for: the Advanced page's
  // values are kept while these stay the same.
  struct Basis {
    catalog::Id model = 0;
    catalog::Id dataset = 0;
    train::GoalPreset preset = train::GoalPreset::BalancedLora;
    bool operator==(const Basis&) const = default;
  };
  std::optional<Basis> prefilledFor;

  Basis basis() const { return {model ? model->id : 0, dataset ? dataset->id : 0, preset}; }

  // What the goal presets depend on, from the model and the dataset records.
  train::PresetInputs presetInputs() const {
    train::PresetInputs inputs;
    if (model) {
      inputs.parameterCount = model->parameterCount;
      inputs.contextLength = model->contextLength;
    }
    if (dataset) {
      inputs.trainExamples = dataset->trainRows;
      inputs.trainTokens = dataset->tokenCount;
      train::readDatasetStatistics(dataset->statsJson, inputs);
      inputs.hasValidation = inputs.hasValidation || dataset->validationRows > 0;
    }
    return inputs;
  }

  // Applies the goal preset when the model, dataset or goal changed since the last time; returns
  // whether it did.
  bool prefillIfChanged() {
    if (prefilledFor == basis()) return false;
    train::applyPreset(preset, presetInputs(), config);
    prefilledFor = basis();
    return true;
  }

  std::int64_t plannedSteps() const { return train::plannedSteps(config, dataset ? dataset->trainRows : 0); }
};

}  // namespace tiertune::gui
