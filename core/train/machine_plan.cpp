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
                                                   std::vector<std::string>& notes) {
  if (backend.gpu && gpuSpeed == GpuSpeed::FromRecord) {
    auto recorded = hardware::loadGpuSpeed(userSettings.computeSpeedFile(), *backend.gpu);
    if (!recorded) {
      notes.push_back("The GPU's speed is measured when its first run starts; until then it is estimated from its kind.");
    }
    return recorded;
  }
  std::string failure;
  std::optional<hardware::ComputeSpeed> measured = hardware::measureChosenBackend(backend, &failure);
  if (!failure.empty()) notes.push_back("The GPU's speed could not be measured: " + failure);
  if (measured && backend.gpu) {
    try {
      hardware::saveGpuSpeed(userSettings.computeSpeedFile(), *backend.gpu, *measured);
    } catch (const std::exception&) {
      // Only a cache for the window's plans: a data folder that cannot take it changes no plan here.
    }
  }
  return measured;
}

}  // namespace

MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings, GpuSpeed gpuSpeed) {
  const formats::ModelConfig model = formats::loadModelConfig(config.modelFolder / "config.json");
  const std::filesystem::path offloadFolder = config.offloadFolder.value_or(userSettings.offloadFolder);
  hardware::HardwareReport report = hardware::probeHardware(offloadFolder);
  MachinePlan result;
  result.backend = hardware::chooseBackend(report.gpu, config.backend, config.device);
  report.gpu = hardware::reportForChoice(report.gpu, result.backend);
  std::vector<std::string> speedNotes;
  const std::optional<hardware::ComputeSpeed> compute = backendSpeed(result.backend, userSettings, gpuSpeed, speedNotes);
  result.machine = tiers::assessMachine(report, hardware::loadDiskSpeed(userSettings.diskSpeedFile(), offloadFolder),
                                        config.budgets, compute);
  result.machine.notes.insert(result.machine.notes.end(), speedNotes.begin(), speedNotes.end());
  result.memory = planRunMemory(config, model, result.machine.budget, userSettings.offloadFolder);
  return result;
}

}  // namespace tiertune::train
