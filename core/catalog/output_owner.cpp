#include "core/catalog/output_owner.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/util/error.h"
#include "core/util/json_text.h"

namespace tiertune::catalog {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path resolved(const fs::path& path) {
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error).lexically_normal();
  const fs::path canonical = fs::weakly_canonical(absolute, error);
  return error ? absolute : canonical;
}

Words runWords(const OutputOwner& owner) {
  if (owner.runName.empty()) return Words(TIERTUNE_WORDS("Output folders", "run %1"), {std::to_string(owner.run)});
  return Words(TIERTUNE_WORDS("Output folders", "run %1 (\u201c%2\u201d)"), {std::to_string(owner.run), owner.runName});
}

bool workerAlive(const OutputOwner& owner) {
  return owner.worker && processIdentity(owner.worker->pid) == owner.worker;
}

// Another process holds the lock: who, in words. Right after taking the lock a worker writes its
// pid into the file; until it has, the file may still name the worker before it.
Error busyError(const fs::path& folder, const fs::path& catalog, std::optional<Id> forRun) {
  std::optional<OutputOwner> owner;
  for (int attempt = 0; attempt < 200; ++attempt) {
    owner = readOutputOwner(folder);
    if (owner && workerAlive(*owner)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!owner || !workerAlive(*owner)) {
    return Error(TIERTUNE_WORDS("Output folders",
                                "The output folder %1 is in use by another Tiertune process; wait for it "
                                "to end, or give this run another \"output\"."),
                 {folder.string()});
  }
  const std::string process = std::to_string(owner->worker->pid);
  const bool sameCatalog = !owner->catalog.empty() && sameCatalogFile(owner->catalog, catalog);
  if (sameCatalog && forRun && owner->run == *forRun) {
    return Error(TIERTUNE_WORDS("Output folders",
                                "Run %1 is already running (process %2); one run has one worker. Wait for it "
                                "to end, or stop it first."),
                 {std::to_string(*forRun), process});
  }
  const Words whose = owner->run == 0 ? Words(TIERTUNE_WORDS("Output folders", "another run"), {})
                      : sameCatalog   ? runWords(*owner)
                                      : Words(TIERTUNE_WORDS("Output folders", "%1 of another catalog (%2)"),
                                              {runWords(*owner), owner->catalog.string()});
  return Error(TIERTUNE_WORDS("Output folders",
                              "The output folder %1 is in use by %2 (process %3); two runs in one folder "
                              "would delete each other's checkpoints. Give this run another "
                              "\"output\", or wait for that run to end."),
               {folder.string(), whose, process});
}

}  // namespace

std::optional<OutputOwner> readOutputOwner(const fs::path& outputFolder) {
  std::ifstream in(outputFolder / kOutputLockFileName);
  if (!in) return std::nullopt;
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  const json record = parseJsonTextOrDiscarded(text);  // a damaged or foreign lock file reads as discarded
  if (!record.is_object()) return std::nullopt;
  OutputOwner owner;
  if (record.contains("catalog") && record["catalog"].is_string()) owner.catalog = record["catalog"].get<std::string>();
  if (record.contains("run") && record["run"].is_number_integer()) owner.run = record["run"].get<Id>();
  if (record.contains("run_name") && record["run_name"].is_string()) owner.runName = record["run_name"].get<std::string>();
  if (record.contains("pid") && record["pid"].is_number_integer() && record.contains("start_ticks") &&
      record["start_ticks"].is_number_integer()) {
    owner.worker = ProcessIdentity{record["pid"].get<std::int64_t>(), record["start_ticks"].get<std::int64_t>()};
  }
  return owner;
}

bool sameCatalogFile(const fs::path& a, const fs::path& b) {
  std::error_code error;
  if (fs::equivalent(a, b, error)) return true;
  return resolved(a) == resolved(b);
}

OutputLock::OutputLock(const fs::path& outputFolder, const fs::path& catalogFile, std::optional<Id> forRun)
    : catalog_(resolved(catalogFile)) {
  // Named as the user wrote it ("/proc/self/out", not what it resolves to).
  std::error_code error;
  madeFolder_ = fs::create_directories(outputFolder, error);
  if (error || !fs::is_directory(outputFolder)) {
    const Words reason =
        error ? Words(error.message()) : Words(TIERTUNE_WORDS("Output folders", "it is not a folder"), {});
    throw Error(TIERTUNE_WORDS("Output folders",
                               "Cannot create the output folder %1: %2. Choose a folder you can write to as "
                               "\"output\"."),
                {outputFolder.string(), reason});
  }
  folder_ = resolved(outputFolder);
  const fs::path file = folder_ / kOutputLockFileName;
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(TIERTUNE_WORDS("Output folders",
                               "Cannot write in the output folder %1 (%2). Choose a folder you can write to "
                               "as \"output\"."),
                {outputFolder.string(), errnoText(errno)});
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int code = errno;
    ::close(fd_);
    fd_ = -1;
    if (code == EWOULDBLOCK) throw busyError(folder_, catalog_, forRun);
    throw Error("Cannot lock " + file.string() + ": " + errnoText(code) + ".");
  }
  owner_ = readOutputOwner(folder_).value_or(OutputOwner{});
  owner_.worker = currentProcessIdentity();
  try {
    write();  // the owner as it was, and this process working there: what a second worker reads
  } catch (...) {
    ::close(fd_);
    fd_ = -1;
    throw;
  }
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : folder_(std::move(other.folder_)), catalog_(std::move(other.catalog_)), owner_(std::move(other.owner_)),
      madeFolder_(other.madeFolder_), fd_(other.fd_) {
  other.fd_ = -1;
}

void OutputLock::abandon() noexcept {
  if (fd_ < 0) return;
  std::error_code error;
  bool onlyTheRecord = madeFolder_;
  for (auto entry = fs::directory_iterator(folder_, error); onlyTheRecord && !error && entry != fs::directory_iterator();
       entry.increment(error)) {
    onlyTheRecord = entry->path().filename() == kOutputLockFileName;
  }
  // The record goes while the lock is held (no other process can be reading it as its own), the
  // folder after the lock is released; removing a folder that is no longer empty fails, harmlessly.
  if (onlyTheRecord && !error) fs::remove(folder_ / kOutputLockFileName, error);
  ::close(fd_);
  fd_ = -1;
  if (onlyTheRecord && !error) fs::remove(folder_, error);
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);
}

void OutputLock::refuseOtherOwner(std::optional<Id> forRun, bool ownerRunExists) const {
  if (owner_.catalog.empty() || owner_.run == 0) return;  // nobody's yet
  if (!sameCatalogFile(owner_.catalog, catalog_)) {
    throw Error(
        TIERTUNE_WORDS("Output folders",
                       "The output folder %1 belongs to %2 of another catalog (%3); two runs in one "
                       "folder would delete each other's checkpoints. Give this run "
                       "another \"output\" (if that catalog is gone for good, delete "
                       "%4)."),
        {folder_.string(), runWords(owner_), owner_.catalog.string(), (folder_ / kOutputLockFileName).string()});
  }
  if (forRun && owner_.run == *forRun) return;
  if (ownerRunExists) {
    throw Error(TIERTUNE_WORDS("Output folders",
                               "The output folder %1 belongs to %2; two runs in one folder would overwrite "
                               "each other's checkpoints. Give this run another \"output\", or "
                               "continue that run instead."),
                {folder_.string(), runWords(owner_)});
  }
}

void OutputLock::claim(Id run, const std::string& runName) {
  owner_.catalog = catalog_;
  owner_.run = run;
  owner_.runName = runName;
  write();
}

void OutputLock::write() const {
  json record = {{"format", 1}, {"catalog", owner_.catalog.string()}, {"run", owner_.run}, {"run_name", owner_.runName}};
  if (owner_.worker) {
    record["pid"] = owner_.worker->pid;
    record["start_ticks"] = owner_.worker->startTicks;
  }
  const std::string text = record.dump(2) + "\n";
  // In place, not by rename: the lock belongs to this file, and a new file would be unlocked.
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()) ||
      ::fsync(fd_) != 0) {
    throw Error("Cannot write " + (folder_ / kOutputLockFileName).string() + " (" + errnoText(errno) +
                "). Choose a folder you can write to as \"output\".");
  }
}

}  // namespace tiertune::catalog
