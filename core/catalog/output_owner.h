// One run, one worker; one output folder, one owner. A run's output folder carries the file
// tiertune-run.lock: JSON naming the catalog file and the run the folder belongs to, and the
// process that works there now. The worker holds an exclusive flock on it for as long as it works,
// so a second worker for the same run (or a run of another catalog, another user, with the same
// "output") is refused before any work, in words, instead of deleting the other's checkpoints.
// The file stays when the worker ends: it is the folder's owner record. Used by `tiertune-cli
// train` and `resume` (the worker) and by run removal (a folder another run owns is not deleted).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/catalog/records.h"

namespace tiertune::catalog {

inline constexpr const char* kOutputLockFileName = "tiertune-run.lock";

struct OutputOwner {
  std::filesystem::path catalog;  // the owner's catalog file (resolved); empty: none yet
  Id run = 0;                     // 0: none yet
  std::string runName;
  std::optional<ProcessIdentity> worker;  // the process that took the folder last
};

// The owner record of an output folder; none when it has none (or it is unreadable).
std::optional<OutputOwner> readOutputOwner(const std::filesystem::path& outputFolder);

// The same catalog file, however its path is written.
bool sameCatalogFile(const std::filesystem::path& a, const std::filesystem::path& b);

class OutputLock {
 public:
  // Takes the output folder (created when missing) for a worker of catalogFile; forRun is the run
  // it is about to work on (none: a run not created yet). Throws tiertune::Error, nothing taken,
  // when the folder cannot be made or written, when another live process holds it ("run 1 is
  // already running (process 4242)"), or when it belongs to a run of another catalog, or to
  // another run of this one that still exists in it (exists(runId) says so).
  template <typename RunExists>
  static OutputLock take(const std::filesystem::path& outputFolder, const std::filesystem::path& catalogFile,
                         std::optional<Id> forRun, RunExists exists) {
    OutputLock lock(outputFolder, catalogFile, forRun);
    lock.refuseOtherOwner(forRun, exists(lock.owner_.run));
    return lock;
  }

  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();  // releases the lock; the owner record stays

  // Records run as the folder's owner, with this process working there (fsynced).
  void claim(Id run, const std::string& runName);

  // For a launch that recorded no run after all (its preparation or its record failed): when this
  // lock made the folder and nothing but the owner record is in it, removes the record while still
  // holding the lock, then the folder, so that a failed launch leaves no empty output folder
  // behind. A folder that was there before, or that has anything else in it, stays as it is. The
  // lock is released either way. Never throws.
  void abandon() noexcept;

 private:
  OutputLock(const std::filesystem::path& outputFolder, const std::filesystem::path& catalogFile,
             std::optional<Id> forRun);
  void refuseOtherOwner(std::optional<Id> forRun, bool ownerRunExists) const;
  void write() const;

  std::filesystem::path folder_;
  std::filesystem::path catalog_;  // resolved
  OutputOwner owner_;              // as found, then as claimed
  bool madeFolder_ = false;        // the folder did not exist before this lock
  int fd_ = -1;
};

}  // namespace tiertune::catalog
