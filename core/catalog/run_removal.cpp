#include "core/catalog/run_removal.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/catalog/output_owner.h"
#include "core/util/error.h"
#include "core/util/path_inside.h"
#include "core/util/json_text.h"

namespace tiertune::catalog {

namespace fs = std::filesystem;

namespace {

fs::path outputFolderOf(const std::string& configJson) {
  const auto config = parseJsonTextOrDiscarded(configJson);
  if (!config.is_object() || !config.contains("output") || !config["output"].is_string()) return {};
  const std::string text = config["output"].get<std::string>();
  if (text.empty()) return {};
  std::error_code error;
  const fs::path folder = fs::weakly_canonical(fs::path(text), error);
  return error ? fs::path() : folder;
}

bool isInside(const fs::path& path, const fs::path& folder) {
  std::error_code error;
  const fs::path relative = fs::weakly_canonical(path, error).lexically_relative(folder);
  return !error && !relative.empty() && *relative.begin() != "..";
}

// A folder we may delete whole: it exists, is not the root or the home folder, and does not hold
// the catalog (a user may point "output" at the data folder itself).
bool deletableFolder(const fs::path& folder, const fs::path& catalogFile) {
  std::error_code error;
  if (folder.empty() || !fs::is_directory(folder, error)) return false;
  if (folder == folder.root_path()) return false;
  if (const char* home = std::getenv("HOME"); home && fs::weakly_canonical(home, error) == folder) {
    return false;
  }
  return !isInside(catalogFile, folder);
}

// An output folder whose owner record (core/catalog/output_owner.h) names another run or another
// catalog holds that run's checkpoints: it is not ours to delete whole.
bool ownedByAnother(const fs::path& folder, const fs::path& catalogFile, Id runId) {
  const std::optional<OutputOwner> owner = readOutputOwner(folder);
  if (!owner || owner->catalog.empty() || owner->run == 0) return false;
  return !sameCatalogFile(owner->catalog, catalogFile) || owner->run != runId;
}

}  // namespace

RunRemovalPlan planRunRemoval(const Catalog& catalog, Id runId) {
  const auto run = catalog.run(runId);
  if (!run) throw Error("There is no run " + std::to_string(runId) + " in the catalog.");
  if (run->status == RunStatus::Running || run->status == RunStatus::Paused) {
    throw Error("The run \u201C" + run->name + "\u201D is still " + toString(run->status) +
                "; stop it before deleting it. Nothing was removed.");
  }
  RunRemovalPlan plan;
  plan.runId = runId;
  plan.runName = run->name;
  plan.metricPoints = catalog.metricPointCount(runId);
  const auto checkpoints = catalog.checkpoints(runId);
  const auto exports = catalog.exports(runId);
  plan.checkpoints = static_cast<std::int64_t>(checkpoints.size());
  plan.exports = static_cast<std::int64_t>(exports.size());

  plan.outputFolder = outputFolderOf(run->configJson);
  fs::path output = plan.outputFolder;
  if (!deletableFolder(output, catalog.file()) || ownedByAnother(output, catalog.file(), runId)) output.clear();
  if (!output.empty()) {
    for (const RunRecord& other : catalog.runs()) {
      if (other.id != runId && outputFolderOf(other.configJson) == output) {
        output.clear();  // shared: only this run's checkpoints go
        break;
      }
    }
  }
  if (!output.empty()) plan.folders.push_back(output);
  std::error_code error;
  for (const CheckpointRecord& checkpoint : checkpoints) {
    const fs::path folder = fs::weakly_canonical(checkpoint.path, error);
    if (error || !fs::exists(folder, error)) continue;
    // A checkpoint row names a folder inside the run's output folder; one that leads anywhere else
    // (a damaged or hand-edited row) is not deleted.
    if (plan.outputFolder.empty() || !isInsideFolder(checkpoint.path, plan.outputFolder)) continue;
    if (output.empty() || !isInside(folder, output)) plan.folders.push_back(folder);
  }
  for (const ExportRecord& exported : exports) {
    bool removed = false;
    for (const fs::path& folder : plan.folders) removed = removed || isInside(exported.path, folder);
    if (!removed && fs::exists(exported.path, error)) plan.keptExports.emplace_back(exported.path);
  }
  return plan;
}

std::vector<std::string> removeRunWithFiles(Catalog& catalog, const RunRemovalPlan& plan) {
  // The rows first: a folder that cannot be removed is then an orphan we name, never a catalog
  // entry that points at half a checkpoint.
  catalog.deleteRun(plan.runId);
  std::vector<std::string> problems;
  for (const fs::path& folder : plan.folders) {
    std::error_code error;
    if (folder == plan.outputFolder) {
      fs::remove_all(folder, error);
      if (error) problems.push_back(folder.string() + ": " + error.message());
      continue;
    }
    try {
      removeInside(folder, plan.outputFolder);  // checked again: the folders may have changed since the plan
    } catch (const Error& failure) {
      problems.push_back(failure.what());
    }
  }
  return problems;
}

}  // namespace tiertune::catalog
