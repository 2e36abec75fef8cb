// What a model not yet downloaded would do on this machine, from its config.json alone: for a goal
// (Quick LoRA, Full fine-tune), whether its training state fits on the GPU, streams from RAM, needs
// the SSD, or does not fit, and about how long one pass over 1,000 examples takes. The same planner
// as a run's memory plan, with the preset's settings and examples of a typical length; the step is
// derived from the machine's rates (nothing is measured on a model that is not here).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/formats/model_config.h"
#include "core/hardware/backend_choice.h"
#include "core/settings/settings.h"
#include "core/tiers/machine_budget.h"
#include "core/train/goal_presets.h"

namespace tiertune::train {

// This machine, assessed once for many candidates (probing takes about a second: call it off the
// GUI thread). The GPU's rates come from the record the worker keeps, never from a CUDA context.
struct ThisMachine {
  hardware::BackendChoice backend;
  tiers::MachineAssessment machine;
  std::filesystem::path offloadFolder;
};
ThisMachine assessThisMachine(const settings::Settings& userSettings);

enum class FitVerdict {
  OnGpu,           // everything on the GPU
  StreamsFromRam,  // the GPU trains; layers or optimizer state stream from RAM
  InRam,           // no usable GPU: the CPU trains, all in RAM
  NeedsSsd,        // part of the state lives on the SSD
  DoesNotFit,
};

struct CandidateFit {
  FitVerdict verdict = FitVerdict::DoesNotFit;
  double secondsPer1000Examples = 0;  // one pass; 0 when it does not fit
  std::optional<tiers::PlanFix> fix;  // when it does not fit: the planner's first fix, where it has one
};

// The examples the time assumes: 400 tokens each, a typical instruction-tuning sample.
inline constexpr double kTypicalExampleTokens = 400;

CandidateFit fitOfCandidate(const formats::ModelConfig& model, GoalPreset goal, const ThisMachine& machine);

}  // namespace tiertune::train
