#include "core/export/run_checkpoint.h"

#include <filesystem>

#include "core/train/checkpoint.h"
#include "core/util/error.h"

namespace tiertune::exports {

std::vector<catalog::CheckpointRecord> exportableCheckpoints(const std::vector<catalog::CheckpointRecord>& checkpoints) {
  std::vector<catalog::CheckpointRecord> present;
  for (const catalog::CheckpointRecord& checkpoint : checkpoints) {
    if (std::filesystem::exists(checkpoint.path)) present.push_back(checkpoint);
  }
  return present;
}

catalog::CheckpointRecord findCheckpoint(const catalog::Catalog& store, catalog::Id runId, const std::string& which) {
  if (!store.run(runId)) throw Error("There is no run " + std::to_string(runId) + " in the catalog.");
  const std::vector<catalog::CheckpointRecord> checkpoints = exportableCheckpoints(store.checkpoints(runId));
  const std::string runName = "Run " + std::to_string(runId);
  if (checkpoints.empty()) throw Error(runName + " has no checkpoint yet.");
  for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
    const std::string step = std::to_string(it->step);
    if (which == "latest" || which == train::checkpointFolderName(it->step) || which == step || which == "step-" + step) {
      return *it;
    }
  }
  std::string available;
  for (const catalog::CheckpointRecord& checkpoint : checkpoints) {
    available += (available.empty() ? "" : ", ") + train::checkpointFolderName(checkpoint.step);
  }
  throw Error(runName + " has no checkpoint \"" + which + "\"; it has " + available + ".");
}

}  // namespace tiertune::exports
