// The training worker's events: one JSON object a line in the run's worker.log, between the lines
// written for people. The worker (app/cli/train_command.cpp) writes them and the window
// (app/gui/runs/LiveRunState.cpp) follows them; both take every name from here, so that the two
// cannot drift apart. Sizes are bytes, times seconds.
#pragma once

namespace tiertune::train::worker_event {

// Every event: what it is, and the run it belongs to.
inline constexpr const char* kEvent = "event";
inline constexpr const char* kRun = "run";

// The events, in the order a run writes them.
inline constexpr const char* kPlan = "plan";                  // kSummary, kStreams, kPeakBytes, kPredictedStep, kBottleneck
inline constexpr const char* kStart = "start";                // kStep, kTotalSteps, kTrainSamples, kValidationSamples, kBackend, kDevice
inline constexpr const char* kStepDone = "step";              // kStep, kTotalSteps, kLoss, kLearningRate, kGradientNorm, kTokens,
                                                              // kTokensPerSecond, kSeconds, kEtaSeconds, kStreamedBytes,
                                                              // kStreamWait, kMemory
inline constexpr const char* kEvaluation = "evaluation";      // kStep, kValidationLoss
inline constexpr const char* kSamples = "samples";            // kStep, kSamples: [{kPrompt, kCompletion}]
inline constexpr const char* kSamplesSkipped = "samples_skipped";  // kReason
inline constexpr const char* kCheckpoint = "checkpoint";      // kStep, kPath
inline constexpr const char* kPaused = "paused";              // kStep
inline constexpr const char* kResumed = "resumed";            // kStep
inline constexpr const char* kCompleted = "completed";        // kStep
inline constexpr const char* kStopped = "stopped";            // kStep
inline constexpr const char* kFailed = "failed";              // kError

// Their fields.
inline constexpr const char* kSummary = "summary";            // the plan in English (the window words it itself)
inline constexpr const char* kStreams = "streams";
inline constexpr const char* kPeakBytes = "peak_bytes";       // {kDeviceTier, kHostTier, kDiskTier}
inline constexpr const char* kPredictedStep = "predicted_step_seconds";
inline constexpr const char* kBottleneck = "bottleneck";
inline constexpr const char* kStep = "step";
inline constexpr const char* kTotalSteps = "total_steps";
inline constexpr const char* kTrainSamples = "train_samples";
inline constexpr const char* kValidationSamples = "validation_samples";
inline constexpr const char* kBackend = "backend";
inline constexpr const char* kDevice = "device";              // {kDeviceKind: "cuda" | "cpu", kDeviceName, kDeviceMemory}
inline constexpr const char* kDeviceKind = "kind";
inline constexpr const char* kDeviceName = "name";
inline constexpr const char* kDeviceMemory = "memory_bytes";
inline constexpr const char* kLoss = "loss";
inline constexpr const char* kLearningRate = "lr";
inline constexpr const char* kGradientNorm = "grad_norm";
inline constexpr const char* kTokens = "tokens";
inline constexpr const char* kTokensPerSecond = "tokens_per_s";
inline constexpr const char* kSeconds = "seconds";
inline constexpr const char* kEtaSeconds = "eta_s";
inline constexpr const char* kStreamedBytes = "streamed_bytes";
inline constexpr const char* kStreamWait = "stream_wait_s";
inline constexpr const char* kMemory = "memory";              // {kDeviceTier, kDevicePeak, kHostTier, kDiskTier}: in use now
inline constexpr const char* kDeviceTier = "device";
inline constexpr const char* kDevicePeak = "device_peak";
inline constexpr const char* kHostTier = "host";
inline constexpr const char* kDiskTier = "disk";
inline constexpr const char* kValidationLoss = "val_loss";
inline constexpr const char* kPrompt = "prompt";
inline constexpr const char* kCompletion = "completion";
inline constexpr const char* kReason = "reason";
inline constexpr const char* kPath = "path";
inline constexpr const char* kError = "error";

}  // namespace tiertune::train::worker_event
