#include "core/train/machine_plan.h"

#include <exception>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"

namespace tiertune::train {

namespace {

// The chosen backend's rates, as gpuSpeed says; the notes say where a figure came from.
std::optional<hardware::ComputeSpeed> backendSpeed(const hardware::BackendChoice& backend,
                                                   const settings::Settings& userSettings, GpuSpeed gpuSpeed,
                                                   std::vector<tiers::PlanNote>& notes) {
  if (backend.gpu && gpuSpeed == GpuSpeed::FromRecord) {
    auto recorded = hardware::loadGpuSpeed(userSettings.computeSpeedFile(), *backend.gpu);
    if (!recorded) {
      notes.push_back({tiers::PlanNoteKind::GpuSpeedAtFirstRun, {}});
    }
    return recorded;
  }
  std::string failure;
  std::optional<hardware::ComputeSpeed> measured = hardware::measureChosenBackend(backend, &failure);
  if (!failure.empty()) notes.push_back({tiers::PlanNoteKind::GpuSpeedNotMeasured, failure});
  if (measured && backend.gpu) {
    try {
      hardware::saveGpuSpeed(userSettings.computeSpeedFile(), *backend.gpu, *measured);
    } catch (const std::exception&) {
      // Only a cache for the window's plans: a data folder that cannot take it changes no plan here.
    }
  }
  return measured;
}

// The run's time on the chosen backend: its step measured where a backend can be made here (the CPU
// always; the GPU only where gpuSpeed allows a CUDA context), else derived from the plan's rates.
std::optional<RunTimeEstimate> estimateTime(const RunConfig& config, const formats::ModelConfig& model,
                                            const MachinePlan& plan, GpuSpeed gpuSpeed,
                                            std::vector<tiers::PlanNote>& notes) {
  if (config.trainData.empty()) {
    notes.push_back({tiers::PlanNoteKind::TimeNeedsSamples, {}});
    return std::nullopt;
  }
  DataShape data;
  try {
    data = dataShapeOf(config, model.vocabSize);
  } catch (const std::exception& error) {
    notes.push_back({tiers::PlanNoteKind::TimeSamplesUnreadable, error.what()});
    return std::nullopt;
  }
  std::optional<StepMeasurement> measured;
  if (!plan.backend.gpu || gpuSpeed == GpuSpeed::MeasureHere) {
    try {
      const auto backend = plan.backend.gpu ? kernels::makeCudaBackend(plan.backend.gpu->index) : kernels::makeCpuBackend();
      measured = measureStep(config, model, data, *backend);
    } catch (const std::exception& error) {
      notes.push_back({tiers::PlanNoteKind::StepNotMeasured, error.what()});
    }
  }
  if (!measured) notes.push_back({tiers::PlanNoteKind::TimeFromRates, {}});
  return estimateRunTime(config, data, plan.memory.plan, plan.machine.budget, measured, loadPerCore());
}

}  // namespace

MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings, GpuSpeed gpuSpeed,
                                 RunTime runTime) {
  const formats::ModelConfig model = formats::loadModelConfig(config.modelFolder / "config.json");
  const std::filesystem::path offloadFolder = config.offloadFolder.value_or(userSettings.offloadFolder);
  hardware::HardwareReport report = hardware::probeHardware(offloadFolder);
  MachinePlan result;
  result.backend = hardware::chooseBackend(report.gpu, config.backend, config.device);
  report.gpu = hardware::reportForChoice(report.gpu, result.backend);
  std::vector<tiers::PlanNote> speedNotes;
  const std::optional<hardware::ComputeSpeed> compute = backendSpeed(result.backend, userSettings, gpuSpeed, speedNotes);
  result.machine = tiers::assessMachine(report, hardware::loadDiskSpeed(userSettings.diskSpeedFile(), offloadFolder),
                                        config.budgets, compute);
  result.machine.notes.insert(result.machine.notes.end(), speedNotes.begin(), speedNotes.end());
  result.memory = planRunMemory(config, model, result.machine.budget, userSettings.offloadFolder);
  if (runTime == RunTime::Estimate && result.memory.plan.fits) {
    result.time = estimateTime(config, model, result, gpuSpeed, result.machine.notes);
  }
  return result;
}

}  // namespace tiertune::train
