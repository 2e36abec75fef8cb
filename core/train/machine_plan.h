// "Plan this run on this machine": the hardware check, the backend the run trains on
// (core/hardware/backend_choice.h), the offload disk's measured speed and the compute rate of that
// backend, assessed into tier budgets (capped by the run's own limits), then the run's memory plan.
// One function for `tiertune-cli plan`, `train`, the worker and the fine-tune wizard's memory plan
// page, so that what the wizard shows is what the worker does. Takes about a second (it probes and
// measures); call it off the GUI thread.
#pragma once

#include <optional>

#include "core/hardware/backend_choice.h"
#include "core/settings/settings.h"
#include "core/tiers/machine_budget.h"
#include "core/train/run_config.h"
#include "core/train/run_memory.h"
#include "core/train/run_time.h"

namespace tiertune::train {

struct MachinePlan {
  hardware::BackendChoice backend;   // the GPU or the CPU, and why
  tiers::MachineAssessment machine;  // the budgets the plan was made against, and notes on them
  RunMemory memory;                  // memory.plan.fits false: the plan says why and what would help
  std::optional<RunTimeEstimate> time;  // when asked for and the plan fits (run_time.h)
};

// Whether the plan also says how long the run takes: the plan page and `plan` ask; the worker,
// which measures its steps as they run, does not.
enum class RunTime { Skip, Estimate };

// Where the GPU's rates come from: measured here (the worker, `plan`: short-lived processes, which
// keep what they measured in the settings' compute_speed.json), or from that record only (the
// window, which must not make a CUDA context: it would hold GPU memory the worker needs). Without a
// record the planner estimates the rates from the GPU's kind and says so. The CPU backend is
// always measured here.
enum class GpuSpeed { MeasureHere, FromRecord };

// On the GPU the device tier is the chosen GPU's free memory less a reserve; on the CPU it is the
// CPU backend's RAM arena. Reads the model's config.json; throws tiertune::Error when it cannot be
// read, or when the run asks for a backend or device this machine does not have.
MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings,
                                 GpuSpeed gpuSpeed = GpuSpeed::MeasureHere, RunTime runTime = RunTime::Skip);

}  // namespace tiertune::train
