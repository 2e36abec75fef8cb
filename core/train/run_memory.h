// Where a run's training state will live on this machine, decided before the run starts: the
// planner's placement for the run's model, method and batch on the machine's budgets (capped by
// the run's own "device_budget_gb" etc.), as the trainer's tiering. A run that fits on the device
// stays resident with no arena cap, as before; one that does not streams from RAM and the offload
// folder, with the backend capped at the device budget. A run that cannot fit at all keeps the
// planner's verdict (plan.fits false) for the wizard to show; the worker refuses it (requireFits).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/formats/model_config.h"
#include "core/tiers/planner.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"

namespace tiertune::train {

struct RunMemory {
  tiers::TrainingSetup setup;
  tiers::Plan plan;
  bool streams = false;           // false: everything on the device (or the plan does not fit)
  std::size_t deviceArenaBytes;   // the backend's cap (unlimited when resident)
  TrainerTiering tiering;
};

// The planner's view of the run: its model, method, batch and sequence length (for `plan` too).
// Reads the model folder's weight headers for the type its frozen base is kept in.
tiers::TrainingSetup trainingSetup(const RunConfig& config, const formats::ModelConfig& model);

// How the run keeps its frozen base (model::frozenElementType on its model folder's weights; fp32
// for full fine-tuning, which has none; config.json's dtype when the weights cannot be opened). The
// trainer and the planner both ask this.
model::ElementType frozenTypeOf(const RunConfig& config, const formats::ModelConfig& model);
// The same with a QLoRA run's projections in NF4: the frozen base's table format.
model::TableFormat frozenFormatOf(const RunConfig& config, const formats::ModelConfig& model);

// machine: the assessed budgets of the backend the run uses, with the run's caps applied;
// offloadFolder: the settings' folder, unless the run names its own.
RunMemory planRunMemory(const RunConfig& config, const formats::ModelConfig& model, tiers::MachineBudget machine,
                        const std::filesystem::path& offloadFolder);

// The planner's words for a plan that does not fit: why, and what would make it fit.
std::string noFitMessage(const tiers::Plan& plan);
// Throws tiertune::Error with noFitMessage when the plan does not fit.
void requireFits(const RunMemory& memory);

}  // namespace tiertune::train
