#include "core/train/candidate_fit.h"

#include <cmath>
#include <optional>

#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/train/run_memory.h"
#include "core/train/run_time.h"

namespace tiertune::train {

ThisMachine assessThisMachine(const settings::Settings& userSettings) {
  ThisMachine result;
  result.offloadFolder = userSettings.offloadFolder;
  hardware::HardwareReport report = hardware::probeHardware(result.offloadFolder);
  result.backend = hardware::chooseBackend(report.gpu, {}, {});
  report.gpu = hardware::reportForChoice(report.gpu, result.backend);
  std::optional<hardware::ComputeSpeed> compute;
  if (result.backend.gpu) {
    compute = hardware::loadGpuSpeed(userSettings.computeSpeedFile(), *result.backend.gpu);
  } else {
    compute = hardware::measureChosenBackend(result.backend, nullptr);
  }
  result.machine = tiers::assessMachine(report, hardware::loadDiskSpeed(userSettings.diskSpeedFile(), result.offloadFolder),
                                        {}, compute);
  return result;
}

CandidateFit fitOfCandidate(const formats::ModelConfig& model, GoalPreset goal, const ThisMachine& machine) {
  constexpr std::int64_t kExamples = 1000;
  PresetInputs inputs;
  inputs.parameterCount = static_cast<std::int64_t>(formats::parameterCount(model));
  inputs.contextLength = model.maxPositionEmbeddings;
  inputs.trainExamples = kExamples;
  inputs.trainTokens = static_cast<std::int64_t>(kExamples * kTypicalExampleTokens);
  inputs.longestExample = static_cast<std::int64_t>(2 * kTypicalExampleTokens);
  RunConfig config;
  applyPreset(goal, inputs, config);
  config.epochs = 1;  // one pass over the thousand
  config.maxSteps.reset();

  CandidateFit fit;
  const RunMemory memory = planRunMemory(config, model, machine.machine.budget, machine.offloadFolder);
  if (!memory.plan.fits) {
    if (!memory.plan.fixes.empty()) fit.fix = memory.plan.fixes.front();
    return fit;
  }
  if (memory.plan.peakBytes[2] > 0) {
    fit.verdict = FitVerdict::NeedsSsd;
  } else if (!machine.machine.budget.hasGpu) {
    fit.verdict = FitVerdict::InRam;
  } else {
    fit.verdict = memory.plan.peakBytes[1] > 0 ? FitVerdict::StreamsFromRam : FitVerdict::OnGpu;
  }
  DataShape data;
  data.trainSamples = kExamples;
  data.meanTrainTokens = std::min<double>(kTypicalExampleTokens, static_cast<double>(config.sequenceLength));
  data.meanSquareTrainTokens = data.meanTrainTokens * data.meanTrainTokens;
  data.tokenBytes = static_cast<std::uint64_t>(kExamples * data.meanTrainTokens * 4);
  const RunTimeEstimate time = estimateRunTime(config, data, memory.plan, machine.machine.budget, std::nullopt, std::nullopt);
  fit.secondsPer1000Examples = time.totalSeconds;
  return fit;
}

}  // namespace tiertune::train
