// A folder that appears whole or not at all: its files are written into a hidden staging folder
// beside the target, and publish() flushes it, renames it to the target and flushes the parent, so
// a crash, an error or a cancel leaves either the finished folder or no trace at the target. What a
// crashed writer left at the same staging path is removed when the next one starts; an unpublished
// staging folder is removed by the destructor. Exports, checkpoints and dataset imports use it.
#pragma once

#include <filesystem>

namespace tiertune {

class StagingFolder {
 public:
  // What publish() does about a folder already at the target.
  enum class AtTarget {
    Refuse,   // an error naming it: the user's files are never replaced (exports, imports)
    Replace,  // it goes first: what an earlier, crashed attempt at the same target left (checkpoints)
  };

  // staging: the hidden folder to write into; it must be in target's parent folder, so the rename
  // stays within one file system. Creates that parent when missing and staging fresh. Throws
  // tiertune::Error naming the folder when it cannot be created.
  StagingFolder(std::filesystem::path staging, std::filesystem::path target);
  // The usual staging name: ".NAME.partial" beside the target.
  explicit StagingFolder(const std::filesystem::path& target);
  ~StagingFolder();
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  // Where the files go until publish().
  const std::filesystem::path& path() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  bool published() const { return published_; }

  // The files are flushed by their writers (durable_file.h); this flushes the staging folder,
  // renames it to the target and flushes the parent, so the rename survives a power cut. Throws
  // tiertune::Error naming the target; the staging folder then stays for the destructor.
  void publish(AtTarget atTarget);

 private:
  std::filesystem::path staging_;
  std::filesystem::path target_;
  bool published_ = false;
};

}  // namespace tiertune
