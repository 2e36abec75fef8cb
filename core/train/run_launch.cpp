#include "core/train/run_launch.h"

#include <string>
#include <utility>

#include "core/formats/tokenizer/unicode.h"
#include "core/util/process_identity.h"

namespace tiertune::train {

namespace fs = std::filesystem;
namespace unicode = formats::tokenizer::unicode;

namespace {

std::tm localTime(std::time_t now) {
  std::tm local{};
  localtime_r(&now, &local);
  return local;
}

// A name as valid UTF-8: bytes that are not UTF-8 become U+FFFD (a name typed on the command line
// may hold any bytes).
std::string validUtf8(std::string_view text) {
  if (unicode::findInvalidUtf8(text) == std::string_view::npos) return std::string(text);
  std::string valid;
  unicode::appendUtf8Lossy(valid, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, true);
  return valid;
}

}  // namespace

std::string defaultRunName(const fs::path& modelFolder, const RunConfig& config, std::time_t now) {
  const char* method = !config.lora ? " full " : config.fourBitBase ? " QLoRA " : " LoRA ";
  const std::tm local = localTime(now);
  char stamp[32];
  const std::size_t length = std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", &local);
  return modelFolder.filename().string() + method + std::string(stamp, length);
}

std::string runFolderStamp(std::time_t now) {
  const std::tm local = localTime(now);
  char stamp[32];
  return std::string(stamp, std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local));
}

std::string folderSafeName(std::string_view runName) {
  const std::string valid = validUtf8(runName);
  const std::string_view text = unicode::trimEnd(unicode::trimStart(valid));
  std::string safe;
  std::size_t length = 0;
  bool afterDash = false;
  for (std::size_t at = 0; at < text.size() && length < 60;) {
    const unicode::CodePoint point = unicode::decodeAt(text, at);
    at += point.length;
    const bool kept = unicode::isLetter(point.value) || unicode::isNumber(point.value) || point.value == U'_';
    if (!kept && afterDash) continue;  // one '-' for a run of anything else
    appendUtf8(safe, kept ? point.value : U'-');
    afterDash = !kept;
    ++length;
  }
  return safe.empty() ? std::string("run") : safe;
}

std::set<fs::path> catalogOutputFolders(const catalog::Catalog& store) {
  std::set<fs::path> folders;
  for (const auto& [runId, folder] : store.runOutputFolders()) folders.insert(folder);
  return folders;
}

fs::path defaultOutputFolder(const fs::path& runsRoot, std::string_view runName, std::string_view stamp,
                             const std::set<fs::path>& catalogFolders) {
  const std::string base = folderSafeName(runName) + "-" + std::string(stamp);
  const auto taken = [&](const fs::path& candidate) {
    std::error_code error;
    return fs::exists(candidate, error) || catalogFolders.contains(candidate.lexically_normal());
  };
  fs::path folder = runsRoot / base;
  for (int n = 2; taken(folder); ++n) folder = runsRoot / (base + "-" + std::to_string(n));
  return folder;
}

catalog::OutputLock takeOutputFolder(const catalog::Catalog& store, const fs::path& folder,
                                     std::optional<catalog::Id> forRun) {
  return catalog::OutputLock::take(folder, store.file(), forRun,
                                   [&](catalog::Id id) { return id != 0 && store.run(id).has_value(); });
}

OutputFolderInUse::OutputFolderInUse(OutputFolderUser user)
    : Error("The output folder " + user.folder.string() + " belongs to run " + std::to_string(user.run) + " (\u201c" +
            user.runName + "\u201d); two runs in one folder would overwrite each other's checkpoints."),
      user_(std::move(user)) {}

RecordedRun recordRun(catalog::Catalog& store, RunLaunch launch, const PrepareLaunch& prepare) {
  const fs::path& folder = launch.config.outputFolder;
  if (const std::optional<catalog::RunRecord> other = store.runWritingTo(folder)) {
    OutputFolderUser user{folder, other->id, other->name, std::nullopt};
    // Its recorded worker, when that process still lives (the same pid and start time).
    if (other->worker && processIdentity(other->worker->pid) == other->worker) user.workerPid = other->worker->pid;
    throw OutputFolderInUse(std::move(user));
  }
  // Locked before the run is recorded: a second launch into this folder (at the same time, or from
  // another catalog) records nothing and is told who works there.
  catalog::OutputLock lock = takeOutputFolder(store, folder, std::nullopt);
  catalog::NewRun run;
  catalog::Id id = 0;
  try {
    if (prepare) prepare(launch);
    run.name = launch.name.empty() ? defaultRunName(launch.config.modelFolder, launch.config) : launch.name;
    run.modelId = launch.modelId;
    run.datasetId = launch.datasetId;
    run.method = methodKey(launch.config);
    run.preset = launch.preset;
    run.configJson = toJson(launch.config);
    id = store.createRun(run);
  } catch (...) {
    lock.abandon();  // nothing recorded: no empty output folder left behind either
    throw;
  }
  lock.claim(id, run.name);
  return RecordedRun{id, std::move(run.name), std::move(launch.config), std::move(lock)};
}

}  // namespace tiertune::train
