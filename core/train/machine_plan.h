// "Plan this run on this machine": the hardware check, the offload disk's measured speed and the
// compute rate of the backend the worker trains on, assessed into tier budgets (capped by the
// run's own limits), then the run's memory plan. One function for `tiertune-cli train`, the
// worker and the fine-tune wizard's memory plan page, so that what the wizard shows is what the
// worker does. Takes about a second (it probes and measures); call it off the GUI thread.
#pragma once

#include "core/settings/settings.h"
#include "core/tiers/machine_budget.h"
#include "core/train/run_config.h"
#include "core/train/run_memory.h"

namespace tiertune::train {

struct MachinePlan {
  tiers::MachineAssessment machine;  // the budgets the plan was made against, and notes on them
  RunMemory memory;                  // memory.plan.fits false: the plan says why and what would help
};

// The worker trains on the CPU backend today: its "device" is a RAM arena, whatever GPU the
// hardware check finds, and the compute rate is the CPU's, measured. Reads the model's
// config.json; throws tiertune::Error when it cannot be read.
MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings);

}  // namespace tiertune::train
