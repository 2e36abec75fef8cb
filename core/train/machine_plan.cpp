#include "core/train/machine_plan.h"

#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/formats/model_config.h"
#include "kernels/backend.h"

namespace tiertune::train {

MachinePlan planRunOnThisMachine(const RunConfig& config, const settings::Settings& userSettings) {
  const formats::ModelConfig model = formats::loadModelConfig(config.modelFolder / "config.json");
  const std::filesystem::path offloadFolder = config.offloadFolder.value_or(userSettings.offloadFolder);
  hardware::HardwareReport report = hardware::probeHardware(offloadFolder);
  report.gpu.status = kernels::GpuReport::Status::NoDevice;
  report.gpu.devices.clear();
  const auto probe = kernels::makeCpuBackend();
  MachinePlan result;
  result.machine = tiers::assessMachine(report, hardware::loadDiskSpeed(userSettings.diskSpeedFile(), offloadFolder),
                                        config.budgets, hardware::measureComputeSpeed(*probe));
  result.memory = planRunMemory(config, model, result.machine.budget, userSettings.offloadFolder);
  return result;
}

}  // namespace tiertune::train
