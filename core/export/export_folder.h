// The folder an export writes into, made atomic by StagingFolder (core/util/staging_folder.h):
// everything goes into ".NAME.partial" beside the target and is published whole, so a crash, an
// error or a cancel leaves either the whole export or nothing. Also the content hash the catalog
// records for an export.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/export/export_progress.h"
#include "core/util/staging_folder.h"

namespace tiertune::exports {

// Throws tiertune::Error when target exists: an export never replaces the user's files. Called
// before the staging folder is made (publishing refuses an existing target too, atomically).
void requireNewExportFolder(const std::filesystem::path& target);

// The staging folder of an export to target, after requireNewExportFolder.
StagingFolder exportStaging(const std::filesystem::path& target);

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
