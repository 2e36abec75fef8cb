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

struct MachineAssessment {
  MachineBudget budget;
  std::vector<std::string> notes;  // where a figure is an estimate or a default, in words
};

// compute: the measured speed of the backend the run will use; without it the compute rate and
// the host-device link are estimated from the hardware's kind.
MachineAssessment assessMachine(const hardware::HardwareReport& report,
                                const std::optional<hardware::DiskSpeedRecord>& diskSpeed,
                                const BudgetCaps& caps = {},
                                const std::optional<hardware::ComputeSpeed>& compute = std::nullopt);

}  // namespace tiertune::tiers
