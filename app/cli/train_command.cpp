// `tiertune-cli train --config RUN.json` starts a run; `tiertune-cli train --run ID` executes a run
// the GUI created; `tiertune-cli resume ID` continues a stopped or crashed run from its last
// checkpoint. Progress goes to stdout as JSON lines (what the GUI's run monitor reads; also kept in
// the run's worker.log) and, for a person, as a progress line on stderr. Metrics and checkpoints are
// recorded in the catalog as they happen, so a killed run keeps its history; so is the worker's
// process, so that a GUI started later can attach to it. Ctrl+C (SIGINT) or SIGTERM stops the run
// after the current step with a checkpoint; SIGUSR1 pauses after the current step, SIGUSR2
// continues (app/cli/worker_signals.h).
#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/run_dataset.h"
#include "app/cli/worker_log.h"
#include "app/cli/worker_signals.h"
#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/catalog/output_owner.h"
#include "core/catalog/run_history.h"
#include "core/data/dataset_import.h"
#include "core/formats/model_folder.h"
#include "core/hardware/backend_choice.h"
#include "core/hardware/system_probe.h"
#include "core/settings/settings.h"
#include "core/tiers/plan_words.h"
#include "core/train/machine_plan.h"
#include "core/train/run_launch.h"
#include "core/train/trainer.h"
#include "core/train/worker_events.h"
#include "core/util/error.h"
#include "core/util/process_identity.h"
#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;
namespace ev = train::worker_event;

// Memory in use per tier now, for the monitor to set against the plan's predicted peaks: the
// backend's buffers (the device, or the CPU backend's arena), the process's RAM, and the bytes the
// tiered state keeps in the offload folder.
nlohmann::json memoryInUse(const kernels::Backend& backend, const train::Trainer& trainer) {
  const kernels::MemoryUse device = backend.memoryUse();
  return {{ev::kDeviceTier, device.inUse},
          {ev::kDevicePeak, device.peak},
          {ev::kHostTier, residentBytes()},
          {ev::kDiskTier, trainer.tieredState().diskBytes()}};
}

// The device the run trains on, as the catalog and the monitor show it: the GPU's name and memory,
// or the processor's and the machine's RAM.
catalog::TrainingDevice trainingDevice(const hardware::BackendChoice& choice) {
  if (choice.gpu) {
    return {catalog::TrainingDevice::Kind::Cuda, choice.gpu->name, static_cast<std::int64_t>(choice.gpu->totalBytes)};
  }
  return {catalog::TrainingDevice::Kind::Cpu, hardware::probeCpu().model,
          static_cast<std::int64_t>(hardware::probeMemory().totalBytes)};
}

// Records a checkpoint in the catalog; a row of an earlier attempt at the same folder (a step
// written again after a kill) is replaced, never added twice.
void recordCheckpoint(catalog::Catalog& store, catalog::Id runId, const train::WrittenCheckpoint& written) {
  for (const catalog::CheckpointRecord& record : store.checkpoints(runId)) {
    if (fs::path(record.path) == written.folder) store.removeCheckpoint(record.id);
  }
  store.addCheckpoint({runId, written.step, written.folder.string(), written.manifestSha256, written.bytes});
}

// Reports to the catalog, stdout and the log (JSON lines) and stderr (one line per step for a
// person); pauses between steps when asked.
class RunReporter final : public train::TrainingObserver {
 public:
  RunReporter(catalog::Catalog& store, catalog::Id runId, WorkerLog& log, const kernels::Backend& backend,
              const train::Trainer& trainer)
      : store_(store), runId_(runId), log_(log), backend_(backend), trainer_(trainer) {}

  void stepDone(const train::StepReport& r) override {
    const double tokensPerSecond = r.seconds > 0 ? static_cast<double>(r.tokens) / r.seconds : 0.0;
    elapsed_ += r.seconds;
    const double eta = elapsed_ / static_cast<double>(++stepsHere_) * static_cast<double>(r.totalSteps - r.step);
    const catalog::MetricPoint points[] = {{r.step, catalog::kTrainLossMetric, r.loss},
                                           {r.step, catalog::kLearningRateMetric, r.learningRate},
                                           {r.step, catalog::kGradientNormMetric, r.gradientNorm},
                                           {r.step, catalog::kTokensPerSecondMetric, tokensPerSecond}};
    store_.appendMetrics(runId_, points);
    log_.print({{ev::kEvent, ev::kStepDone},
                {ev::kRun, runId_},
                {ev::kStep, r.step},
                {ev::kTotalSteps, r.totalSteps},
                {ev::kLoss, r.loss},
                {ev::kLearningRate, r.learningRate},
                {ev::kGradientNorm, r.gradientNorm},
                {ev::kTokens, r.tokens},
                {ev::kTokensPerSecond, tokensPerSecond},
                {ev::kSeconds, r.seconds},
                {ev::kEtaSeconds, eta},
                {ev::kStreamedBytes, r.streamedBytes},
                {ev::kStreamWait, r.streamWaitSeconds},
                {ev::kMemory, memoryInUse(backend_, trainer_)}});
    const std::string waiting =
        r.streamedBytes > 0 && r.seconds > 0
            ? "  waited " + std::to_string(static_cast<int>(std::lround(100 * r.streamWaitSeconds / r.seconds))) +
                  "% of the step for streamed state"
            : std::string();
    log_.say("step %lld/%lld  loss %.4f  lr %.3g  %.0f tokens/s  about %.0f s left%s",
             static_cast<long long>(r.step), static_cast<long long>(r.totalSteps), r.loss, r.learningRate,
             tokensPerSecond, eta, waiting.c_str());
  }

  void evaluated(const train::EvaluationReport& r) override {
    const catalog::MetricPoint point{r.step, catalog::kValidationLossMetric, r.loss};
    store_.appendMetrics(runId_, std::span(&point, 1));
    log_.print({{ev::kEvent, ev::kEvaluation}, {ev::kRun, runId_}, {ev::kStep, r.step}, {ev::kValidationLoss, r.loss}});
    log_.say("step %lld  validation loss %.4f", static_cast<long long>(r.step), r.loss);
  }

  void samplesGenerated(const train::SamplesReport& r) override {
    nlohmann::json samples = nlohmann::json::array();
    for (const train::GeneratedSample& sample : r.samples) {
      samples.push_back({{ev::kPrompt, sample.prompt}, {ev::kCompletion, sample.completion}});
    }
    log_.print({{ev::kEvent, ev::kSamples}, {ev::kRun, runId_}, {ev::kStep, r.step}, {ev::kSamples, samples}});
    log_.say("step %lld  wrote %zu sample answers", static_cast<long long>(r.step), r.samples.size());
  }

  void samplesSkipped(const std::string& reason) override {
    log_.print({{ev::kEvent, ev::kSamplesSkipped}, {ev::kRun, runId_}, {ev::kReason, reason}});
    log_.say("%s", reason.c_str());
  }

  void checkpointWritten(std::int64_t step, const train::WrittenCheckpoint& written) override {
    recordCheckpoint(store_, runId_, written);
    log_.print({{ev::kEvent, ev::kCheckpoint}, {ev::kRun, runId_}, {ev::kStep, step}, {ev::kPath, written.folder.string()}});
    log_.say("saved a checkpoint of step %lld in %s", static_cast<long long>(step), written.folder.c_str());
  }

  // The trainer keeps only the newest checkpoints; their rows go with their folders.
  void checkpointsRemoved(const std::vector<fs::path>& /*folders*/) override {
    for (const catalog::CheckpointRecord& record : store_.checkpoints(runId_)) {
      if (!fs::exists(record.path)) store_.removeCheckpoint(record.id);
    }
  }

  // Called between steps: the place to pause, with the step done and nothing in flight.
  bool stopRequested() override {
    if (pauseRequested() && !cli::stopRequested()) {
      store_.setRunStatus(runId_, catalog::RunStatus::Paused);
      log_.print({{ev::kEvent, ev::kPaused}, {ev::kRun, runId_}, {ev::kStep, trainer_.step()}});
      log_.say("paused after step %lld", static_cast<long long>(trainer_.step()));
      waitWhilePaused();
      store_.setRunStatus(runId_, catalog::RunStatus::Running);
      if (!cli::stopRequested()) {
        log_.print({{ev::kEvent, ev::kResumed}, {ev::kRun, runId_}, {ev::kStep, trainer_.step()}});
        log_.say("continuing after step %lld", static_cast<long long>(trainer_.step()));
      }
    }
    return cli::stopRequested();
  }

 private:
  catalog::Catalog& store_;
  catalog::Id runId_;
  WorkerLog& log_;
  const kernels::Backend& backend_;
  const train::Trainer& trainer_;
  double elapsed_ = 0;
  std::int64_t stepsHere_ = 0;
};

catalog::Catalog openCatalog() { return catalog::Catalog::open(settings::loadSettings().catalogFile()); }

catalog::Id modelIdFor(catalog::Catalog& store, const fs::path& folder) {
  // A registered model was inspected when it was added (its weights read once for non-finite
  // values): looked up by the folder as inspectModelFolder writes it, it is not read again at every
  // start. Loading the weights for training checks each tensor's values anyway.
  std::error_code error;
  fs::path normal = fs::absolute(folder, error).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  for (const catalog::ModelRecord& model : store.models()) {
    if (fs::path(model.path) == normal) return model.id;
  }
  const formats::ModelFolderFacts facts = formats::inspectModelFolder(folder);
  return catalog::registerModelFolder(store, facts, {}, catalog::WhenPresent::TakeIt);
}

// Runs the trainer for a catalog run, resuming from checkpoint when given; records the outcome.
int execute(catalog::Catalog& store, catalog::Id runId, const train::RunConfig& config,
            const std::optional<fs::path>& checkpoint) {
  installWorkerSignalHandlers();
  if (config.threads > 0) omp_set_num_threads(config.threads);
  WorkerLog log(config.outputFolder);
  // The worker before the status: a GUI that sees the run Running always finds its process.
  store.setRunWorker(runId, currentProcessIdentity());
  store.setRunStatus(runId, catalog::RunStatus::Running);
  try {
    train::MachinePlan machinePlan = train::planRunOnThisMachine(config, settings::loadSettings());
    train::RunMemory& memory = machinePlan.memory;
    const catalog::TrainingDevice device = trainingDevice(machinePlan.backend);
    store.setRunDevice(runId, device);
    log.say("training on %s", hardware::describeChoice(machinePlan.backend).c_str());
    train::requireFits(memory);
    log.print({{ev::kEvent, ev::kPlan},
               {ev::kRun, runId},
               {ev::kSummary, tiers::planSummaryText(memory.plan)},
               {ev::kStreams, memory.streams},
               {ev::kPeakBytes,
                    {{ev::kDeviceTier, memory.plan.peakBytes[0]}, {ev::kHostTier, memory.plan.peakBytes[1]},
                     {ev::kDiskTier, memory.plan.peakBytes[2]}}},
               {ev::kPredictedStep, memory.plan.stepSeconds},
               {ev::kBottleneck, tiers::toString(memory.plan.bottleneck)}});
    const auto backend = hardware::makeChosenBackend(machinePlan.backend, memory.deviceArenaBytes);
    train::Trainer trainer(config, *backend, std::move(memory.tiering));
    if (checkpoint) trainer.resumeFrom(*checkpoint);
    store.setRunTotalSteps(runId, trainer.totalSteps());
    log.print({{ev::kEvent, ev::kStart},
               {ev::kRun, runId},
               {ev::kStep, trainer.step()},
               {ev::kTotalSteps, trainer.totalSteps()},
               {ev::kTrainSamples, trainer.trainSamples()},
               {ev::kValidationSamples, trainer.validationSamples()},
               {ev::kBackend, backend->name()},
               {ev::kDevice,
                {{ev::kDeviceKind, device.kind == catalog::TrainingDevice::Kind::Cuda ? "cuda" : "cpu"},
                 {ev::kDeviceName, device.name},
                 {ev::kDeviceMemory, device.memoryBytes}}}});
    RunReporter reporter(store, runId, log, *backend, trainer);
    trainer.run(reporter);
    const bool finished = trainer.step() == trainer.totalSteps();
    store.setRunWorker(runId, std::nullopt);
    store.setRunStatus(runId, finished ? catalog::RunStatus::Completed : catalog::RunStatus::Stopped);
    log.print({{ev::kEvent, finished ? ev::kCompleted : ev::kStopped}, {ev::kRun, runId}, {ev::kStep, trainer.step()}});
    log.say(finished ? "finished after step %lld" : "stopped after step %lld", static_cast<long long>(trainer.step()));
    return 0;
  } catch (const std::exception& error) {
    store.setRunWorker(runId, std::nullopt);
    store.setRunFailed(runId, wordsOf(error));
    log.print({{ev::kEvent, ev::kFailed}, {ev::kRun, runId}, {ev::kError, error.what()}});
    throw;
  }
}

// One run, one worker: a run whose recorded worker still lives is not started again.
void refuseIfRunning(const catalog::RunRecord& run) {
  if (run.worker && run.worker->pid != getpid() && isProcessAlive(*run.worker, processName(getpid()))) {
    throw Error("Run " + std::to_string(run.id) + " is already running (process " + std::to_string(run.worker->pid) +
                "); one run has one worker. Wait for it to end, or stop it first.");
  }
}

// The refusal of an output folder another run of the catalog writes to (train::recordRun), in the
// words of a run.json: its "output" field, and the command that continues the other run.
std::string folderInUseText(const train::OutputFolderUser& user) {
  const std::string other = std::to_string(user.run) + " (\u201c" + user.runName;
  const std::string overwrite =
      "; two runs in one folder would overwrite each other's checkpoints. Give this run another \"output\"";
  if (user.workerPid) {
    return "the output folder " + user.folder.string() + " is in use by run " + other + "\u201d, process " +
           std::to_string(*user.workerPid) + ")" + overwrite + ".";
  }
  return "the output folder " + user.folder.string() + " belongs to run " + other + "\u201d)" + overwrite +
         ", or continue that run with `tiertune-cli resume " + std::to_string(user.run) + "`.";
}

train::RunConfig storedConfig(const catalog::RunRecord& run) {
  return train::parseRunConfig(run.configJson, "/", "the configuration of run " + std::to_string(run.id));
}

int runTrain(const std::vector<std::string>& args) {
  const Arguments arguments("train", args, OptionSpec{{}, {"config", "run", "name"}, 0});
  catalog::Catalog store = openCatalog();
  if (const auto runText = arguments.value("run")) {
    const catalog::Id runId = parseRunId(*runText);
    const std::optional<catalog::RunRecord> run = store.run(runId);
    if (!run) throw Error("There is no run " + *runText + " in the catalog.");
    refuseIfRunning(*run);
    const train::RunConfig config = storedConfig(*run);
    catalog::OutputLock lock = train::takeOutputFolder(store, config.outputFolder, runId);
    lock.claim(runId, run->name);
    return execute(store, runId, config, std::nullopt);
  }
  const auto configFile = arguments.value("config");
  if (!configFile) throw UsageError("train needs --config RUN.json or --run ID");
  train::RunConfig config = train::loadRunConfig(*configFile);
  // A GPU or a GPU number this machine does not have is refused before the run is recorded (the
  // worker would otherwise record it, then fail it at its plan).
  if (config.backend == hardware::BackendRequest::Cuda || (config.backend == hardware::BackendRequest::Auto && config.device)) {
    hardware::chooseBackend(kernels::probeGpus(), config.backend, config.device);
  }
  train::RunLaunch launch;
  launch.config = std::move(config);
  launch.name = arguments.value("name").value_or(std::string());
  launch.preset = "custom";
  // Done once the folder is known to be free: registering the model and picking the dataset's tokens.
  const auto prepare = [&](train::RunLaunch& run) {
    if (!run.config.dataset.empty()) {
      const auto [datasetId, tokens] = datasetTokens(store, run.config.dataset, run.config.modelFolder);
      run.config.trainData = tokens;
      run.datasetId = datasetId;
    }
    run.modelId = modelIdFor(store, run.config.modelFolder);
  };
  std::optional<train::RecordedRun> recorded;
  try {
    recorded.emplace(train::recordRun(store, std::move(launch), prepare));
  } catch (const train::OutputFolderInUse& refusal) {
    throw Error(*configFile + ": " + folderInUseText(refusal.user()));
  }
  // The worker is this process: it keeps the folder's lock while it trains.
  return execute(store, recorded->id, recorded->config, std::nullopt);
}

int runResume(const std::vector<std::string>& args) {
  const Arguments arguments("resume", args, OptionSpec{{}, {}, 1});
  if (arguments.positionals().empty()) throw UsageError("resume needs the run's number");
  const catalog::Id runId = parseRunId(arguments.positionals()[0]);
  catalog::Catalog store = openCatalog();
  const std::optional<catalog::RunRecord> run = store.run(runId);
  if (!run) throw Error("There is no run " + arguments.positionals()[0] + " in the catalog.");
  if (run->status == catalog::RunStatus::Completed) throw Error("Run " + std::to_string(runId) + " has already finished.");
  refuseIfRunning(*run);
  const train::RunConfig config = storedConfig(*run);
  catalog::OutputLock lock = train::takeOutputFolder(store, config.outputFolder, runId);
  lock.claim(runId, run->name);
  std::optional<fs::path> checkpoint;
  std::int64_t recordedStep = -1;
  const std::vector<catalog::CheckpointRecord> checkpoints = store.checkpoints(runId);
  for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
    if (fs::exists(it->path)) {
      checkpoint = it->path;
      recordedStep = it->step;
      break;
    }
  }
  // A worker killed between writing a checkpoint and recording it leaves a whole checkpoint the
  // catalog does not know: the newest whole one past the recorded ones is recorded and used.
  const std::vector<fs::path> onDisk = train::listCheckpoints(config.outputFolder / "checkpoints");
  for (auto it = onDisk.rbegin(); it != onDisk.rend(); ++it) {
    if (std::stoll(it->filename().string().substr(5)) <= recordedStep) break;  // "step-00000120"
    const std::optional<train::WrittenCheckpoint> found = train::verifiedCheckpoint(*it);
    if (!found) continue;
    recordCheckpoint(store, runId, *found);
    checkpoint = found->folder;
    std::fprintf(stderr, "Found the checkpoint of step %lld in %s, written just before the run ended; it continues from there.\n",
                 static_cast<long long>(found->step), found->folder.c_str());
    break;
  }
  if (!checkpoint) std::fprintf(stderr, "Run %lld has no checkpoint yet; it starts from the beginning.\n", static_cast<long long>(runId));
  return execute(store, runId, config, checkpoint);
}

}  // namespace

int runTrainCommand(const std::vector<std::string>& args) { return runTrain(args); }
int runResumeCommand(const std::vector<std::string>& args) { return runResume(args); }

const Command kTrainCommand = {
    "train", "fine-tune a model (LoRA, QLoRA or full) with the settings of a run.json",
    "Usage: tiertune-cli train --config RUN.json [--name NAME]\n"
    "       tiertune-cli train --run ID\n"
    "\n"
    "Trains the model of RUN.json on its token file and records the run in the catalog: metrics\n"
    "after every step, checkpoints in the output folder. Progress goes to stdout as JSON lines\n"
    "({\"event\": \"step\", \"loss\": ...}), also kept in worker.log in the output folder, and to\n"
    "stderr as a line per step. Ctrl+C (or SIGTERM) stops after the current step and saves a\n"
    "checkpoint; `tiertune-cli resume ID` continues. SIGUSR1 pauses after the current step and\n"
    "SIGUSR2 continues.\n"
    "--run ID executes a run created beforehand (by the application) with its stored settings.\n"
    "The fields of RUN.json are listed in the README under \"The run configuration\".\n",
    runTrainCommand};

const Command kResumeCommand = {
    "resume", "continue a stopped or crashed run from its last checkpoint",
    "Usage: tiertune-cli resume ID\n"
    "\n"
    "Continues run ID (see `tiertune-cli catalog`) from its newest checkpoint with the settings it\n"
    "started with. On the same machine and thread count the loss curve continues exactly as if the\n"
    "run had never stopped.\n",
    runResumeCommand};

}  // namespace tiertune::cli
