// What the run history asks of the catalog: a filter and sort order over the runs, and one line
// per run with what a person compares runs by (steps, best validation loss, duration). The GUI's
// history page and `tiertune-cli runs` read these; the work is done in SQL so that thousands of
// runs and millions of metric points are never loaded to be sorted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/catalog/records.h"

namespace tiertune::catalog {

// The metric names the trainer records (app/cli/train_command.cpp); the history summarises the
// losses.
inline constexpr const char* kTrainLossMetric = "train/loss";
inline constexpr const char* kValidationLossMetric = "val/loss";
inline constexpr const char* kLearningRateMetric = "train/lr";
inline constexpr const char* kGradientNormMetric = "train/grad_norm";
inline constexpr const char* kTokensPerSecondMetric = "train/tokens_per_s";

enum class RunSortKey {
  Name, Status, Model, Dataset, Method, Steps, BestValidationLoss, Duration, Started, Problem
};

struct RunQuery {
  std::string search;                // part of the name or the notes, any case; empty: all
  std::optional<RunStatus> status;
  std::optional<Id> modelId;
  std::optional<Id> datasetId;
  RunSortKey sortKey = RunSortKey::Started;
  bool descending = true;

  bool operator==(const RunQuery&) const = default;
};

struct RunSummary {
  Id id = 0;
  std::string name;
  RunStatus status = RunStatus::Queued;
  std::string modelName;
  std::string datasetName;                       // empty when the run has none (or it was removed)
  std::string method;                            // "lora", "full"
  std::string preset;
  std::int64_t stepsDone = 0;                    // last step with a training loss
  std::optional<std::int64_t> totalSteps;        // what the worker computed, else the configuration's max_steps
  std::optional<double> bestValidationLoss;      // lowest val/loss; none before the first evaluation
  std::optional<double> durationSeconds;         // started to finished (or to now while it runs)
  std::string createdAt;
  std::string startedAt;
  std::string errorText;
  std::optional<Words> errorWords;  // the same, translatable (RunRecord::errorWords)
};

}  // namespace tiertune::catalog
