// The folder an export writes into, made atomic: everything goes into ".NAME.partial" beside the
// target, and commit() flushes the folder and renames it into place, so a crash, an error or a
// cancel leaves either the whole export or nothing (the destructor removes an uncommitted staging
// folder). Also the content hash the catalog records for an export.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/export/export_progress.h"

namespace tiertune::exports {

class StagingFolder {
 public:
  // Refuses (tiertune::Error naming it) a target that already exists, so an export never replaces
  // the user's files; creates the target's parent when missing and a fresh staging folder in it.
  explicit StagingFolder(std::filesystem::path target);
  ~StagingFolder();
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  // Where the files go until commit().
  const std::filesystem::path& path() const { return staging_; }
  // The export's folder once committed (absolute).
  const std::filesystem::path& target() const { return target_; }
  // The files are flushed by their writers; this flushes the folder, renames it to the target and
  // flushes the parent, so the rename survives a power cut.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

// Throws tiertune::Error when target exists: an export never replaces the user's files. StagingFolder
// checks it too; this is for callers that must know before a long first stage.
void requireNewExportFolder(const std::filesystem::path& target);

// SHA-256 (hex) of the text sha256sum prints for the regular files directly in folder, taken in
// bytewise name order: one line "SHA256-OF-FILE  NAME\n" each. The same files give the same hash
// wherever the folder lives and whatever order the file system lists them in, and anyone can
// recompute it: `cd FOLDER && LC_ALL=C ls -A | xargs sha256sum | sha256sum`. The catalog keeps it
// for every export.
std::string folderContentSha256(const std::filesystem::path& folder);

// Bytes of the regular files directly in folder.
std::uint64_t folderBytes(const std::filesystem::path& folder);

// The last step of every export once its files are written: a last chance to cancel, the content
// hash and size, commit(), and a final report of 1 with doneWords.
ExportResult commitExport(StagingFolder& staging, const ExportProgress& progress, const std::string& doneWords);

}  // namespace tiertune::exports
