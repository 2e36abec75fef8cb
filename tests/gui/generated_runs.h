// A large generated run history for the history page's tests: thousands of runs over a few models
// and datasets with varied statuses, and about a million metric points, written in one
// transaction straight through SQL (the catalog API commits per call, far too slow for this).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/catalog/records.h"

namespace tiertune::test {

struct GeneratedRuns {
  std::vector<catalog::Id> modelIds;
  std::vector<catalog::Id> datasetIds;
  std::vector<catalog::Id> longRunIds;  // three runs with curves far longer than a chart shows
  std::int64_t metricPoints = 0;
};

// Fills the (existing, empty) catalog file. Runs named "long curve N" have longPoints training
// points each; the others "run NNNN ..." have shortPoints; every fifth step has a validation loss.
// Every seventh run's notes mention a "warmup sweep".
GeneratedRuns generateRuns(const std::filesystem::path& catalogFile, int runs, int shortPoints, int longPoints);

}  // namespace tiertune::test
