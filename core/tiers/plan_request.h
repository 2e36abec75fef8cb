// A run's configuration as `tiertune-cli plan --config run.json` (and later the fine-tune wizard)
// gives it to the planner:
//   {"model": "/models/Qwen2.5-0.5B", "method": "lora", "lora_rank": 16, "micro_batch": 1,
//    "sequence_length": 2048, "gradient_accumulation": 1,
//    "device_budget_gb": 16, "host_budget_gb": 48, "disk_budget_gb": 500}
// Only "model" is required; a relative model path is taken from the file's folder. Budgets cap
// what the hardware check finds (a large GPU can act as a small one).
#pragma once

#include <filesystem>
#include <string>

#include "core/tiers/machine_budget.h"
#include "core/tiers/planner.h"

namespace tiertune::tiers {

struct PlanRequest {
  std::filesystem::path modelFolder;
  TrainingSetup setup;  // with the model's config.json read
  BudgetCaps caps;
};

// Throws tiertune::Error naming the file and the field.
PlanRequest loadPlanRequest(const std::filesystem::path& file);

}  // namespace tiertune::tiers
