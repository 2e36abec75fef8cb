#include "core/util/staging_folder.h"

#include <fcntl.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>
#include <utility>

#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/path_inside.h"

namespace tiertune {

namespace fs = std::filesystem;

namespace {

fs::path absoluteFolder(fs::path path) {
  path = fs::absolute(std::move(path)).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();  // "out/" names the folder "out"
  return path;
}

std::string alreadyThere(const fs::path& staging, const fs::path& target) {
  return "Cannot move the finished folder " + staging.string() + " into place: " + target.string() +
         " already exists, and nothing was replaced.";
}

}  // namespace

StagingFolder::StagingFolder(fs::path staging, fs::path target)
    : staging_(absoluteFolder(std::move(staging))), target_(absoluteFolder(std::move(target))) {
  if (staging_.parent_path() != target_.parent_path()) {
    throw Error("The staging folder " + staging_.string() + " is not beside " + target_.string() + ".");
  }
  try {
    fs::create_directories(target_.parent_path());
    removeInside(staging_, target_.parent_path());  // left by a writer that crashed
    fs::create_directory(staging_);
  } catch (const fs::filesystem_error& failure) {
    throw Error("Cannot create the folder " + staging_.string() + ": " + failure.code().message() + ".");
  }
}

StagingFolder::StagingFolder(const fs::path& target)
    : StagingFolder(absoluteFolder(target).parent_path() / ("." + absoluteFolder(target).filename().string() + ".partial"),
                    target) {}

StagingFolder::~StagingFolder() {
  if (published_) return;
  try {
    removeInside(staging_, target_.parent_path());
  } catch (const Error&) {
    // A destructor does not throw; what stays is the hidden staging folder, removed by the next
    // writer of the same target.
  }
}

void StagingFolder::publish(AtTarget atTarget) {
  syncFolder(staging_);
  if (atTarget == AtTarget::Replace) removeInside(target_, target_.parent_path());
  // RENAME_NOREPLACE: refused atomically even when the target is an empty folder, which a plain
  // rename would silently replace.
  const unsigned flags = atTarget == AtTarget::Refuse ? RENAME_NOREPLACE : 0;
  int result = ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), flags);
  if (result != 0 && errno == EINVAL && flags != 0) {
    // A file system without RENAME_NOREPLACE: look first (a race only with another writer of
    // the same target, which the callers' locks rule out), then rename.
    std::error_code ignored;
    if (fs::exists(target_, ignored)) throw Error(alreadyThere(staging_, target_));
    result = ::rename(staging_.c_str(), target_.c_str());
  }
  if (result != 0) {
    const int error = errno;
    if (error == EEXIST || error == ENOTEMPTY) throw Error(alreadyThere(staging_, target_));
    throw Error("Cannot move the finished folder " + staging_.string() + " to " + target_.string() + ": " +
                errnoText(error) + ".");
  }
  published_ = true;
  syncFolder(target_.parent_path());
}

}  // namespace tiertune
