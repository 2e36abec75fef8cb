// The training loop: from a RunConfig to trained weights, step by step. Each optimizer step takes
// microBatch x gradientAccumulation samples from the seeded sample order, accumulates their
// gradients (normalized over the whole step's loss tokens), clips them to maxGradNorm (global L2
// norm, as torch.nn.utils.clip_grad_norm_), and applies AdamW at the schedule's learning rate —
// weight decay on everything but norms and biases. Evaluation (with sample generations of a few
// prompts) and checkpoints at the configured intervals and at the end; an observer hears about
// every step (progress lines, the catalog) and can ask the run to stop, which writes a checkpoint
// first. Everything a step depends on — weights, moments, the step number and the position in
// the sample order — is in the checkpoint, and dropout seeds derive from (seed, step), so a
// resumed run repeats an uninterrupted one bit for bit on the same backend and thread count.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/decoder.h"
#include "core/model/parameter_table.h"
#include "core/train/checkpoint.h"
#include "core/train/eval_samples.h"
#include "core/train/lr_schedule.h"
#include "core/train/run_config.h"
#include "core/train/token_data.h"
#include "core/tiers/tiered_state.h"
#include "kernels/backend.h"

namespace tiertune::train {

struct StepReport {
  std::int64_t step = 0;  // steps done, counting this one
  std::int64_t totalSteps = 0;
  double loss = 0;           // mean over the step's loss tokens
  double learningRate = 0;   // the rate this step used
  double gradientNorm = 0;   // before clipping
  std::size_t tokens = 0;    // input tokens of the step
  std::size_t lossTokens = 0;
  double seconds = 0;
  // A streamed run (state off the device): what the step moved between the tiers, and how long its
  // passes waited for a unit that had not arrived yet (measured on the host: on the CPU backend the
  // time compute stood still; on CUDA, where arrival is a fence the GPU waits on, a lower bound).
  // 1 - streamWaitSeconds / seconds is the step's busy share. Both 0 for a resident run.
  std::uint64_t streamedBytes = 0;
  double streamWaitSeconds = 0;
};

struct EvaluationReport {
  std::int64_t step = 0;
  double loss = 0;
  std::size_t lossTokens = 0;
};

class TrainingObserver {
 public:
  virtual ~TrainingObserver() = default;
  virtual void stepDone(const StepReport&) {}
  virtual void evaluated(const EvaluationReport&) {}
  // Each evaluation's sample generations (core/train/eval_samples.h), after evaluated().
  virtual void samplesGenerated(const SamplesReport&) {}
  // Why the samples the configuration asks for are not made: once at the start of run(), or when
  // generating them failed (training goes on without them). Words for a person.
  virtual void samplesSkipped(const std::string& /*reason*/) {}
  // A checkpoint is on disk; record it here. Only then are older ones removed (keep_checkpoints),
  // and checkpointsRemoved names them.
  virtual void checkpointWritten(std::int64_t /*step*/, const WrittenCheckpoint&) {}
  virtual void checkpointsRemoved(const std::vector<std::filesystem::path>& /*folders*/) {}
  // Asked after every step; true ends the run after a checkpoint.
  virtual bool stopRequested() { return false; }
};

// Where the training state lives (core/tiers): by default everything on the backend's device.
struct TrainerTiering {
  std::optional<tiers::StatePlacement> placement;
  tiers::TieredStateOptions options;
};

class Trainer {
 public:
  // Reads the model folder and the token files; throws tiertune::Error naming what is wrong.
  Trainer(const RunConfig& config, kernels::Backend& backend, TrainerTiering tiering = {});
  ~Trainer();

  // Continues from a checkpoint written by a run with the same configuration.
  void resumeFrom(const std::filesystem::path& checkpointFolder);

  // Steps until the end or until the observer asks to stop.
  void run(TrainingObserver& observer);
  // The loss over the validation samples (none: counted 0).
  EvaluationReport evaluate();
  // Writes a checkpoint of the state now; older ones stay (run() removes them once the observer
  // has recorded the new one).
  WrittenCheckpoint writeCheckpointNow();

  std::int64_t step() const { return step_; }
  std::int64_t totalSteps() const { return totalSteps_; }
  std::size_t trainSamples() const { return train_.size(); }
  std::size_t validationSamples() const { return validation_.size(); }
  // The trained tensors (LoRA adapter or the whole model) and their values, unit by unit, on the host.
  std::vector<model::ParameterSpec> trainedSpecs() const { return state_->trainedSpecs(); }
  std::vector<float> trainedValues() const;
  const tiers::TieredState& tieredState() const { return *state_; }
  const formats::ModelConfig& modelConfig() const { return modelConfig_; }
  std::filesystem::path checkpointsFolder() const { return config_.outputFolder / "checkpoints"; }

  // One optimizer step (exposed for tests and benchmarks).
  StepReport trainStep();

 private:
  void loadInitialState();
  void prepareSamples(std::optional<std::string> unavailable);
  void generateSamples(TrainingObserver& observer);
  // One decoder pass over the tiered state: the units move as the pass announces.
  template <typename Run>
  model::LossSum pass(const std::vector<model::UnitAccess>& order, Run run) {
    return tiers::runPass(*state_, order, run);
  }

  RunConfig config_;
  kernels::Backend& backend_;
  formats::ModelConfig modelConfig_;
  std::vector<Sample> train_, validation_;
  std::unique_ptr<SampleOrder> order_;
  std::unique_ptr<tiers::TieredState> state_;
  std::unique_ptr<model::Decoder> decoder_;
  std::vector<model::UnitAccess> trainingPass_, evaluationPass_;
  std::unique_ptr<EvaluationSamples> samples_;  // null when the run makes none
  std::string samplesOff_;                      // why it makes none although asked to
  ScheduleSpec schedule_;
  std::int64_t totalSteps_ = 0;
  std::int64_t step_ = 0;
  std::uint64_t samplesConsumed_ = 0;
};

}  // namespace tiertune::train
