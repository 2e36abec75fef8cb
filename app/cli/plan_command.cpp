// `tiertune-cli plan --config run.json`: where the training state of a run would live on this
// machine (GPU, RAM, SSD), the predicted step time and what limits it — or why it does not fit
// and what would make it fit. The fine-tune wizard shows the same plan.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/run_dataset.h"
#include "core/catalog/catalog.h"
#include "core/formats/model_config.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/settings/settings.h"
#include "core/tiers/machine_budget.h"
#include "core/tiers/plan_words.h"
#include "core/tiers/planner.h"
#include "core/train/run_config.h"
#include "core/train/machine_plan.h"
#include "core/train/run_memory.h"

namespace tiertune::cli {

namespace {

using tiers::Plan;
using tiers::StateGroup;
using tiers::Tier;

// "45 s", "3 min 20 s", "2 h 05 min".
std::string durationWords(double seconds) {
  char text[48];
  const auto whole = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (whole < 60) {
    std::snprintf(text, sizeof text, "%lld s", whole);
  } else if (whole < 3600) {
    std::snprintf(text, sizeof text, "%lld min %02lld s", whole / 60, whole % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld h %02lld min", whole / 3600, (whole % 3600) / 60);
  }
  return text;
}

nlohmann::json runTimeJson(const std::optional<train::RunTimeEstimate>& time) {
  if (!time) return nullptr;
  nlohmann::json json = {{"steps", time->steps},
                         {"step_seconds", time->stepSeconds},
                         {"start_seconds", time->startSeconds},
                         {"evaluation_seconds", time->evaluationSeconds},
                         {"checkpoint_seconds", time->checkpointSeconds},
                         {"total_seconds", time->totalSeconds},
                         {"measured", time->measured}};
  json["busy_total_seconds"] = time->busyTotalSeconds ? nlohmann::json(*time->busyTotalSeconds) : nlohmann::json();
  return json;
}

nlohmann::json planJson(const train::RunConfig& config, const train::MachinePlan& machinePlan) {
  const tiers::MachineAssessment& machine = machinePlan.machine;
  const Plan& plan = machinePlan.memory.plan;
  nlohmann::json groups = nlohmann::json::object();
  for (const auto& placement : plan.placements) {
    auto& entry = groups[tiers::toString(placement.group)];
    if (entry.is_null()) entry = {{"device", 0}, {"host", 0}, {"disk", 0}};
    entry[tiers::toString(placement.tier)] = entry[tiers::toString(placement.tier)].get<std::uint64_t>() + placement.bytes;
  }
  nlohmann::json suggestions = nlohmann::json::array();
  nlohmann::json fixes = nlohmann::json::array();
  for (const tiers::PlanFix& fix : plan.fixes) {
    suggestions.push_back(tiers::planFixText(fix));
    fixes.push_back({{"kind", tiers::fixKey(fix.kind)}, {"bytes", fix.bytes}, {"sequence_length", fix.sequenceLength}});
  }
  nlohmann::json notes = nlohmann::json::array();
  for (const tiers::PlanNote& note : machine.notes) notes.push_back(tiers::planNoteText(note));
  return {{"model", config.modelFolder.string()},
          {"method", train::methodKey(config)},
          {"device", hardware::toJson(machinePlan.backend)},
          {"trainable_parameters", plan.trainableParameters},
          {"fits", plan.fits},
          {"summary", tiers::planSummaryText(plan)},
          {"suggestions", suggestions},
          {"shortfall", tiers::shortfallKey(plan.shortfall)},
          {"fixes", fixes},
          {"total_state_bytes", plan.totalStateBytes},
          {"peak_bytes", {{"device", plan.peakBytes[0]}, {"host", plan.peakBytes[1]}, {"disk", plan.peakBytes[2]}}},
          {"budget_bytes",
           {{"device", machine.budget.deviceBytes}, {"host", machine.budget.hostBytes}, {"disk", machine.budget.diskBytes}}},
          {"groups", groups},
          {"seconds",
           {{"step", plan.stepSeconds},
            {"compute", plan.computeSeconds},
            {"host_device", plan.transferSeconds},
            {"disk", plan.diskSeconds}}},
          {"bottleneck", tiers::toString(plan.bottleneck)},
          {"run_time", runTimeJson(machinePlan.time)},
          {"notes", notes}};
}

// One line: "about 1 min 40 s: 40 steps of 2.10 s, start 1.2 s, evaluations 3.0 s, checkpoints 0.2 s".
std::string runTimeText(const train::RunTimeEstimate& time) {
  char text[256];
  std::snprintf(text, sizeof text, "about %s: %lld steps of %.2f s, start %.1f s, evaluations %.1f s, checkpoints %.1f s",
                durationWords(time.totalSeconds).c_str(), static_cast<long long>(time.steps), time.stepSeconds,
                time.startSeconds, time.evaluationSeconds, time.checkpointSeconds);
  std::string result = text;
  if (time.busyTotalSeconds) result += "; up to " + durationWords(*time.busyTotalSeconds) + " while the machine is this busy";
  result += time.measured ? " (a step measured on this model)" : " (derived from the machine's rates)";
  return result;
}

void printPlan(const train::RunConfig& config, const train::MachinePlan& machinePlan) {
  const tiers::MachineAssessment& machine = machinePlan.machine;
  const Plan& plan = machinePlan.memory.plan;
  const auto& setup = machinePlan.memory.setup;
  std::printf("Model       %s (%s, %lld layers)\n", config.modelFolder.c_str(),
              std::string(formats::architectureName(setup.model.architecture)).c_str(),
              static_cast<long long>(setup.model.layerCount));
  std::printf("Training    %s, %llu trainable parameters, micro-batch %d x %d tokens, accumulation %d\n",
              setup.method == tiers::Method::Lora
                  ? ((setup.fourBitBase ? "QLoRA (4-bit base) rank " : "LoRA rank ") + std::to_string(setup.loraRank))
                        .c_str()
                  : "full",
              static_cast<unsigned long long>(plan.trainableParameters), setup.microBatch, setup.sequenceLength,
              setup.gradientAccumulation);
  std::printf("Trains on   %s\n", hardware::describeChoice(machinePlan.backend).c_str());
  std::printf("Budgets     %s %s, RAM %s, disk %s\n", machine.budget.hasGpu ? "GPU" : "arena",
              tiers::gigabytesText(machine.budget.deviceBytes).c_str(), tiers::gigabytesText(machine.budget.hostBytes).c_str(),
              tiers::gigabytesText(machine.budget.diskBytes).c_str());
  std::printf("\n%s\n", tiers::planSummaryText(plan).c_str());
  for (const tiers::PlanFix& fix : plan.fixes) std::printf("  - %s\n", tiers::planFixText(fix).c_str());
  if (!plan.placements.empty()) {
    std::map<std::string, std::array<std::uint64_t, 3>> groups;
    for (const auto& placement : plan.placements) {
      groups[tiers::toString(placement.group)][static_cast<int>(placement.tier)] += placement.bytes;
    }
    std::printf("\n%-24s %12s %12s %12s\n", "", machine.budget.hasGpu ? "GPU" : "arena", "RAM", "disk");
    for (const auto& [name, bytes] : groups) {
      std::printf("%-24s %12s %12s %12s\n", name.c_str(), tiers::gigabytesText(bytes[0]).c_str(), tiers::gigabytesText(bytes[1]).c_str(),
                  tiers::gigabytesText(bytes[2]).c_str());
    }
    std::printf("\nStep        %.2f s: compute %.2f s, host-device %.2f s, disk %.2f s (limited by %s)\n",
                plan.stepSeconds, plan.computeSeconds, plan.transferSeconds, plan.diskSeconds,
                tiers::toString(plan.bottleneck));
  }
  if (machinePlan.time) std::printf("Run time    %s\n", runTimeText(*machinePlan.time).c_str());
  for (const tiers::PlanNote& note : machine.notes) std::printf("Note        %s\n", tiers::planNoteText(note).c_str());
}

}  // namespace

int runPlan(const std::vector<std::string>& args) {
  const Arguments arguments("plan", args, {.flags = {"json"}, .valued = {"config"}});
  const auto config = arguments.value("config");
  if (!config) throw UsageError("plan needs --config RUN.json");
  train::RunConfig runConfig = train::loadRunConfig(*config, train::RunConfigUse::Plan);
  if (!runConfig.dataset.empty()) {
    // The samples the run would read (prepared for this model now if they were not: train would).
    const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
    runConfig.trainData = datasetTokens(store, runConfig.dataset, runConfig.modelFolder).second;
  }
  // The same function the worker and the wizard plan with: the backend that would train (the GPU's
  // when there is a usable one) is measured here, well under a second.
  const train::MachinePlan machinePlan = train::planRunOnThisMachine(
      runConfig, settings::loadSettings(), train::GpuSpeed::MeasureHere, train::RunTime::Estimate);
  const Plan& plan = machinePlan.memory.plan;
  if (arguments.flag("json")) {
    std::cout << planJson(runConfig, machinePlan).dump(2) << "\n";
  } else {
    printPlan(runConfig, machinePlan);
  }
  return plan.fits ? 0 : 1;
}

const Command kPlanCommand = {
    "plan", "show where a run's training state would live (GPU, RAM, SSD) and its step time",
    "Usage: tiertune-cli plan --config RUN.json [--json]\n"
    "\n"
    "Plans the run described in RUN.json on this machine:\n"
    "  {\"model\": \"/models/Qwen2.5-0.5B\", \"method\": \"lora\", \"lora_rank\": 16,\n"
    "   \"micro_batch\": 1, \"sequence_length\": 2048, \"gradient_accumulation\": 1,\n"
    "   \"device_budget_gb\": 16, \"host_budget_gb\": 48, \"disk_budget_gb\": 500}\n"
    "Only \"model\" is required; the other fields are those of `train` (README: \"The run\n"
    "configuration\"), an unknown one is an error. The budgets cap what the hardware check finds;\n"
    "\"offload_folder\" is the disk the plan counts (else the Settings' folder). Prints where each\n"
    "kind of state goes, the predicted step time and what limits it; exit code 1 when the run\n"
    "does not fit, with what would make it fit.\n",
    runPlan};

}  // namespace tiertune::cli
