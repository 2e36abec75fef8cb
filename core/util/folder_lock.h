// A lock on a folder shared between processes: readers of a checkpoint (an export, the playground,
// `generate`) hold a shared lock while they read it, and the trainer deletes an old checkpoint only
// when it gets the exclusive lock at once, so a checkpoint is never deleted under a reader (it is
// deleted at a later prune instead). flock() locks belong to an open file description, not to the
// process: unlike SQLite's POSIX locks they are not dropped when some other descriptor of the
// folder is closed, and they end when the holder exits, even when it is killed.
#pragma once

#include <filesystem>
#include <optional>

namespace tiertune {

class FolderLock {
 public:
  // Waits for a shared lock on folder. Throws tiertune::Error naming the folder when it cannot be
  // opened (it does not exist, or is not a folder).
  static FolderLock shared(const std::filesystem::path& folder);
  // The exclusive lock if no one holds any lock on folder now; none otherwise (or when the folder
  // cannot be opened).
  static std::optional<FolderLock> tryExclusive(const std::filesystem::path& folder);

  FolderLock(FolderLock&& other) noexcept;
  FolderLock& operator=(FolderLock&& other) noexcept;
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  ~FolderLock();

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace tiertune
