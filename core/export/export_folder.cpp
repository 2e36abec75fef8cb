#include "core/export/export_folder.h"

#include <algorithm>
#include <vector>

#include "core/formats/safetensors_writer.h"
#include "core/util/error.h"
#include "core/util/path_inside.h"
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

StagingFolder::StagingFolder(fs::path target) : target_(fs::absolute(std::move(target)).lexically_normal()) {
  if (target_.filename().empty()) target_ = target_.parent_path();  // "out/" names the folder "out"
  requireNewExportFolder(target_);
  staging_ = target_.parent_path() / ("." + target_.filename().string() + ".partial");
  try {
    fs::create_directories(target_.parent_path());
    removeInside(staging_, target_.parent_path());  // left by an export that crashed
    fs::create_directory(staging_);
  } catch (const fs::filesystem_error& failure) {
    throw Error("Cannot create the export folder " + staging_.string() + ": " + failure.code().message() + ".");
  }
}

StagingFolder::~StagingFolder() {
  if (committed_) return;
  try {
    removeInside(staging_, target_.parent_path());
  } catch (const Error&) {
    // A destructor does not throw; what stays is a hidden ".NAME.partial" beside the target.
  }
}

void StagingFolder::commit() {
  formats::syncFolder(staging_);
  std::error_code error;
  fs::rename(staging_, target_, error);
  if (error) throw Error("Cannot move the finished export to " + target_.string() + ": " + error.message() + ".");
  committed_ = true;
  formats::syncFolder(target_.parent_path());
}

void requireNewExportFolder(const fs::path& target) {
  std::error_code error;
  if (fs::exists(target, error)) {
    throw Error(target.string() + " already exists; choose a new folder for the export (nothing is overwritten).");
  }
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
  staging.commit();
  progress.tell(1, doneWords);
  return result;
}

}  // namespace tiertune::exports
