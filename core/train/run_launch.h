// A new run recorded in the catalog, the same way from the window's New fine-tune wizard and from
// `tiertune-cli train --config`: its default name, its default output folder under the data
// folder's runs/, and the checks and the output folder's lock (core/catalog/output_owner.h) around
// Catalog::createRun, so that two runs never write to one folder. The worker that then trains the
// run (`tiertune-cli train --run ID`, or the same command that recorded it) holds the lock while it
// works.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/catalog/catalog.h"
#include "core/catalog/output_owner.h"
#include "core/train/run_config.h"
#include "core/util/error.h"

namespace tiertune::train {

// "tiny-llama LoRA 2025-01-31 14:05": the model folder's name, the method (full, LoRA, QLoRA) and
// the local date and time, for a run the user did not name.
std::string defaultRunName(const std::filesystem::path& modelFolder, const RunConfig& config,
                           std::time_t now = std::time(nullptr));

// "20250131-140502": the local date and time as an output folder's name carries it.
std::string runFolderStamp(std::time_t now = std::time(nullptr));

// "Support bot: v1" -> "Support-bot-v1": letters and digits of any script, '_' and single '-'
// for everything else, at most 60 characters; "run" when nothing is left. (UTF-8 in and out.)
std::string folderSafeName(std::string_view runName);

// The output folders of the catalog's runs, as Catalog::runOutputFolders gives them; read once
// for defaultOutputFolder (a catalog holds thousands of runs, the name changes at every keystroke).
std::set<std::filesystem::path> catalogOutputFolders(const catalog::Catalog& store);

// runsRoot/<folderSafeName(runName)>-<stamp>, or with "-2", "-3", ... after it while that folder
// exists on the disk or is one of catalogFolders (a run recorded but not started has no folder yet).
std::filesystem::path defaultOutputFolder(const std::filesystem::path& runsRoot, std::string_view runName,
                                          std::string_view stamp, const std::set<std::filesystem::path>& catalogFolders);

// The output folder locked for a worker of this catalog (OutputLock::take); forRun is the run it
// is about to work on, none for a run not recorded yet. Throws tiertune::Error in words, nothing
// taken, when another process holds the folder or another run owns it.
catalog::OutputLock takeOutputFolder(const catalog::Catalog& store, const std::filesystem::path& folder,
                                     std::optional<catalog::Id> forRun);

// Another run of the catalog writes to the folder a new run asked for.
struct OutputFolderUser {
  std::filesystem::path folder;  // as the new run asked for it
  catalog::Id run = 0;
  std::string runName;
  std::optional<std::int64_t> workerPid;  // the process training it now, when it lives
};

// recordRun's refusal of an output folder another run of the catalog writes to. The front ends word
// it from user() (the command line names the run and how to continue it; the window through tr());
// what() is a plain English fallback.
class OutputFolderInUse : public Error {
 public:
  explicit OutputFolderInUse(OutputFolderUser user);
  const OutputFolderUser& user() const { return user_; }

 private:
  OutputFolderUser user_;
};

// What recordRun records.
struct RunLaunch {
  RunConfig config;  // config.outputFolder: the folder the run writes to
  std::string name;  // empty: defaultRunName(config.modelFolder, config)
  catalog::Id modelId = 0;
  std::optional<catalog::Id> datasetId;
  std::string preset;  // presetKey(), or "custom" for a run.json
};

// Called by recordRun with the output folder held and before the run is recorded: work worth doing
// only for a run that will be recorded (the command line registers the model and picks the
// dataset's tokens here), which may complete the launch.
using PrepareLaunch = std::function<void(RunLaunch&)>;

struct RecordedRun {
  catalog::Id id = 0;
  std::string name;
  RunConfig config;  // as recorded, after prepare
  // Held, with the run recorded as the folder's owner. A worker started by another process takes
  // the folder itself: release the lock (let it go) before starting one.
  catalog::OutputLock outputLock;
};

// Records a new run (status Queued) that writes to launch.config.outputFolder. In order:
//   1. refuses a folder another run of the catalog writes to: OutputFolderInUse, nothing recorded;
//   2. takes the folder's lock (takeOutputFolder), so that a second launch into the same folder at
//      the same time, or a run of another catalog there, is refused (tiertune::Error), nothing
//      recorded;
//   3. prepare(launch), when given;
//   4. Catalog::createRun with the configuration as toJson(), then claims the folder for the run.
// Throws what createRun or prepare throw, with nothing recorded.
RecordedRun recordRun(catalog::Catalog& store, RunLaunch launch, const PrepareLaunch& prepare = {});

}  // namespace tiertune::train
