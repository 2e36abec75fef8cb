// What the worker's log says about a run, gathered line by line: the memory plan, progress, loss
// curves, memory per tier, the sample answers of each evaluation and the phase it is in. RunSupervisor feeds it the lines of worker.log
// (JSON events from app/cli/train_command.cpp and lines for a person); RunMonitor shows it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "core/catalog/records.h"
#include "core/catalog/run_history.h"

namespace tiertune::gui {

enum class RunPhase { Starting, Running, Paused, Completed, Stopped, Failed };

// One evaluation's sample answers: each prompt and what the model wrote after it.
struct SampleAnswer {
  QString prompt, completion;
};
struct SampleRound {
  qint64 step = 0;
  std::vector<SampleAnswer> answers;
};

inline bool hasEnded(RunPhase phase) {
  return phase == RunPhase::Completed || phase == RunPhase::Stopped || phase == RunPhase::Failed;
}

// The tiers in the order of the plan's peaks: the device (GPU, or the CPU backend's arena), RAM
// and the offload folder on the SSD.
enum Tier { kDeviceTier = 0, kHostTier = 1, kDiskTier = 2 };

struct LiveRunState {
  // Kept at most this many lines for a person (the log view and a failure's reason).
  static constexpr int kLogLines = 400;
  // Kept at most this many evaluations' samples (the newest), however long the run.
  static constexpr int kSampleRounds = 1000;

  explicit LiveRunState(catalog::Id run = 0) : runId(run) {}
  // Events of other runs are left out: two runs may share an output folder, hence a log.
  catalog::Id runId = 0;

  RunPhase phase = RunPhase::Starting;
  bool sawEvent = false;  // any JSON event at all (a log from before this feature has none)

  // The "plan" event.
  bool planSeen = false;  // the worker's plan event arrived (its figures are predictedPeak)
  std::array<qint64, 3> predictedPeak{-1, -1, -1};  // bytes per Tier; -1: unknown

  // The latest "step" event.
  qint64 step = 0;
  qint64 totalSteps = 0;
  double loss = NAN;
  double learningRate = NAN;
  double tokensPerSecond = 0;
  double etaSeconds = -1;
  double trainingSeconds = 0;  // the steps' own time, pauses left out
  std::array<qint64, 3> memoryInUse{-1, -1, -1};
  double validationLoss = NAN;
  qint64 validationSamples = -1;  // the "start" event's; 0: samples continue training prompts; -1: unknown
  qint64 checkpointStep = -1;
  QString backend;
  std::optional<catalog::TrainingDevice> device;  // the "start" event's: where the run trains
  QString error;  // the "failed" event's words

  std::vector<catalog::MetricPoint> train;       // train/loss by step
  std::vector<catalog::MetricPoint> validation;  // val/loss by step
  std::vector<SampleRound> samples;              // by step, oldest first
  qint64 samplesRevision = 0;                    // counts changes of samples, for a view to redraw
  QString samplesSkipped;                        // why the run writes no samples ("samples_skipped")
  QStringList personLines;                       // the last kLogLines lines that are not JSON
  qint64 personLinesSeen = 0;                    // all of them, for a view that appends the new ones

  // Applies one line of the log; returns true when it was a JSON event.
  bool apply(const QByteArray& line);
};

}  // namespace tiertune::gui
