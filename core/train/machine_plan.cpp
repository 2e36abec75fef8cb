#include "core/train/machine_plan.h"

#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/formats/model_config.h"

namespace tiertune::train {

MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings) {
  const formats::ModelConfig model = formats::loadModelConfig(config.modelFolder / "config.json");
  const std::filesystem::path offloadFolder = config.offloadFolder.value_or(userSettings.offloadFolder);
  hardware::HardwareReport report = hardware::probeHardware(offloadFolder);
  MachinePlan result;
  result.backend = hardware::chooseBackend(report.gpu, config.backend, config.device);
  report.gpu = hardware::reportForChoice(report.gpu, result.backend);
  std::string speedFailure;
  const std::optional<hardware::ComputeSpeed> compute = hardware::measureChosenBackend(result.backend, &speedFailure);
  result.machine = tiers::assessMachine(report, hardware::loadDiskSpeed(userSettings.diskSpeedFile(), offloadFolder),
                                        config.budgets, compute);
  if (!speedFailure.empty()) result.machine.notes.push_back("The GPU's speed could not be measured: " + speedFailure);
  result.memory = planRunMemory(config, model, result.machine.budget, userSettings.offloadFolder);
  return result;
}

}  // namespace tiertune::train
