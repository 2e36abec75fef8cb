#include "core/export/export_folder.h"

#include <algorithm>
#include <vector>

#include "core/util/error.h"
#include "core/util/sha256.h"

namespace tiertune::exports {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> filesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  // Bytewise by name, as LC_ALL=C sorts.
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  return files;
}

}  // namespace

void requireNewExportFolder(const fs::path& target) {
  std::error_code error;
  if (fs::exists(target, error)) {
    throw Error(target.string() + " already exists; choose a new folder for the export (nothing is overwritten).");
  }
}

StagingFolder exportStaging(const fs::path& target) {
  requireNewExportFolder(target);
  return StagingFolder(target);
}

std::string folderContentSha256(const fs::path& folder) {
  std::string listing;
  for (const fs::path& file : filesIn(folder)) {
    listing += sha256HexOfFile(file) + "  " + file.filename().string() + "\n";
  }
  return sha256Hex(listing);
}

std::uint64_t folderBytes(const fs::path& folder) {
  std::uint64_t bytes = 0;
  for (const fs::path& file : filesIn(folder)) bytes += fs::file_size(file);
  return bytes;
}

ExportResult commitExport(StagingFolder& staging, const ExportProgress& progress, const std::string& doneWords) {
  progress.checkCancel();
  ExportResult result{staging.target().string(), folderContentSha256(staging.path()), folderBytes(staging.path())};
  staging.publish(StagingFolder::AtTarget::Refuse);
  progress.tell(1, doneWords);
  return result;
}

}  // namespace tiertune::exports
