// The planner's view of this machine, from the hardware check: how much each tier may hold and
// how fast data and compute move. Measured where Tiertune can measure (memory, free space, disk
// speed), estimated from the hardware's kind where it cannot yet (compute rate, PCIe).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/tiers/planner.h"

namespace tiertune::tiers {

struct BudgetCaps {  // user-set limits, e.g. to make a large GPU act as a small one
  std::optional<std::uint64_t> deviceBytes;
  std::optional<std::uint64_t> hostBytes;
  std::optional<std::uint64_t> diskBytes;
};

// Where a figure of a plan is an estimate or a default, as a kind: each front end words it (the
// command line through plan_words.h, the window through tr()).
enum class PlanNoteKind {
  DiskSpeedNotMeasured,       // the offload folder's speed is not measured yet: 1 GB/s assumed
  DiskSpeedThroughPageCache,  // it was measured through the page cache: SSD times may be too hopeful
  CpuRateEstimated,           // no GPU: the CPU trains, its rate estimated from its cores
  GpuRateEstimated,           // the GPU's rate estimated from its architecture, its link as PCIe 4.0
  RatesMeasuredOnCpu,         // compute rate and copies measured on the CPU backend
  RatesMeasuredOnGpu,         // ... on the CUDA backend
  GpuSpeedAtFirstRun,         // the GPU's speed is measured when its first run starts
  GpuSpeedNotMeasured,        // detail: why the measurement failed
  TimeNeedsSamples,           // the run's time waits for the run to name its samples
  TimeSamplesUnreadable,      // detail: why the samples could not be read
  StepNotMeasured,            // detail: why a step could not be measured; the time comes from the rates
  TimeFromRates,              // the run's time comes from the machine's rates, not from this model
};
struct PlanNote {
  PlanNoteKind kind;
  std::string detail;  // an error's own words, for the kinds that say "detail"
  bool operator==(const PlanNote&) const = default;
};

struct MachineAssessment {
  MachineBudget budget;
  std::vector<PlanNote> notes;  // where a figure is an estimate or a default
};

// compute: the measured speed of the backend the run will use; without it the compute rate and
// the host-device link are estimated from the hardware's kind.
MachineAssessment assessMachine(const hardware::HardwareReport& report,
                                const std::optional<hardware::DiskSpeedRecord>& diskSpeed,
                                const BudgetCaps& caps = {},
                                const std::optional<hardware::ComputeSpeed>& compute = std::nullopt);

}  // namespace tiertune::tiers
