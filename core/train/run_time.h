// How long a run will take on this machine, said before it starts (the plan page, `plan`).
//
// The matrix products alone predicted 6-35x too little for small models: their steps are mostly
// what a FLOP count does not see (small products far below the machine's peak, attention, norms,
// the optimizer, the per-op costs), their samples shorter than the sequence length, and a run is
// more than its steps (start and model load, evaluations and their sample answers, checkpoints).
// So the step is measured, not derived: one micro-batch of the run's real token count through a
// model of the run's shape with one layer and with two (the difference is a layer; the rest is the
// embedding, the head and the loss, whose cost grows with the vocabulary), on the backend that will
// train, with the run's method and frozen-weight type. What a step moves between the tiers comes
// from the memory plan, as before. Where measuring is not possible (a GPU seen from the window, or
// a model too large to measure in a moment) the plan's derived step stands, and the estimate says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/formats/model_config.h"
#include "core/tiers/planner.h"
#include "core/train/run_config.h"
#include "kernels/backend.h"

namespace tiertune::train {

// The run's data as its time depends on it.
struct DataShape {
  std::size_t trainSamples = 0;
  std::size_t validationSamples = 0;
  double meanTrainTokens = 0;       // per sample, cut at the sequence length
  double meanSquareTrainTokens = 0; // of the cut lengths squared (attention grows with it)
  double meanValidationTokens = 0;  // the same for the validation samples
  std::uint64_t tokenBytes = 0;     // what loading the samples reads
};

// Reads the sample lengths the way the trainer splits them (a dataset's token folder with its
// validation split, a token file, a held-out share). Throws tiertune::Error as the trainer would.
DataShape dataShapeOf(const RunConfig& config, std::int64_t vocabSize);

// Optimizer steps of a run over trainSamples samples: max_steps, or its epochs in whole steps.
std::int64_t stepsOfRun(const RunConfig& config, std::size_t trainSamples);

// What measuring one micro-batch found, per micro-batch of the run's mean token count.
struct StepMeasurement {
  double forwardBackwardSeconds = 0;  // one micro-batch, training
  double evaluateSeconds = 0;         // one micro-batch, loss only
  double optimizerSecondsPerParameter = 0;  // gradient norm, clipping and AdamW
  double nextTokenSeconds = 0;        // one generated token of a sample answer
  std::size_t tokens = 0;             // the micro-batch the figures are for
  // Memory the backend touches for the first time (the state's tables are zeroed when a run
  // starts: page faults, slow on some machines), and the checkpoint manifest's SHA-256.
  double firstTouchBytesPerSecond = 0;
  double hashBytesPerSecond = 0;
};

// Bytes a measurement takes at most beyond what the machine keeps free: larger models are not
// measured (their products are large enough for the derived step to hold).
inline constexpr std::uint64_t kLargestMeasurement = std::uint64_t(1) << 31;

// Measures on backend, or nullopt when the model of two layers would need more than
// kLargestMeasurement. Takes about ten micro-batches of the one- and two-layer models.
std::optional<StepMeasurement> measureStep(const RunConfig& config, const formats::ModelConfig& model,
                                           const DataShape& data, kernels::Backend& backend);

struct RunTimeEstimate {
  std::int64_t steps = 0;
  double stepSeconds = 0;        // one optimizer step, streaming included
  double startSeconds = 0;       // process start, model and data load
  double evaluationSeconds = 0;  // every evaluation of the run with its sample answers
  double checkpointSeconds = 0;  // every checkpoint
  double totalSeconds = 0;
  // The machine is busy (other work on its cores): the run may take up to this long.
  std::optional<double> busyTotalSeconds;
  bool measured = false;  // the step was measured here, not derived from the plan's rates
};

// machineLoad: the 1-minute load average per core, when known (a busy machine widens the estimate).
RunTimeEstimate estimateRunTime(const RunConfig& config, const DataShape& data,
                                const tiers::Plan& plan, const tiers::MachineBudget& machine,
                                const std::optional<StepMeasurement>& measured, std::optional<double> machineLoad);

// This machine's 1-minute load average per core (/proc/loadavg), when it can be read.
std::optional<double> loadPerCore();

}  // namespace tiertune::train
