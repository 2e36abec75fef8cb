// Deleting a run with its files: first a plan that names everything that will go (so the GUI can
// ask "delete these?" with the real list), then the removal itself. Used by the run history page.
// The run's folder is its configuration's "output" folder, removed only when no other run writes
// there and it does not hold the catalog; otherwise only the run's own checkpoint folders go, and
// only those inside the output folder (a checkpoint row that names another place is left alone).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog/records.h"

namespace tiertune::catalog {

class Catalog;

struct RunRemovalPlan {
  Id runId = 0;
  std::string runName;
  std::int64_t metricPoints = 0;
  std::int64_t checkpoints = 0;
  std::int64_t exports = 0;
  std::filesystem::path outputFolder;               // the run's "output" (resolved); empty when it has none
  std::vector<std::filesystem::path> folders;      // deleted with everything in them (existing ones):
                                                   // outputFolder itself, or checkpoint folders inside it
  std::vector<std::filesystem::path> keptExports;  // export files outside those folders: left alone
};

// Throws tiertune::Error when there is no such run, or while it is running or paused (its worker
// process may still write checkpoints there).
RunRemovalPlan planRunRemoval(const Catalog& catalog, Id runId);

// Deletes the run's catalog rows (one transaction, logged), then its folders. Returns a sentence
// per folder that could not be removed (path and reason); empty when everything went.
std::vector<std::string> removeRunWithFiles(Catalog& catalog, const RunRemovalPlan& plan);

}  // namespace tiertune::catalog
