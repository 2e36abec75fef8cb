#include "core/util/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "core/util/error.h"

namespace tiertune {

namespace {

int openFolder(const std::filesystem::path& folder) {
  return ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

}  // namespace

FolderLock FolderLock::shared(const std::filesystem::path& folder) {
  const int fd = openFolder(folder);
  if (fd < 0) throw Error("Cannot open the folder " + folder.string() + ": " + errnoText(errno) + ".");
  while (::flock(fd, LOCK_SH) != 0) {
    if (errno == EINTR) continue;
    const int error = errno;
    ::close(fd);
    throw Error("Cannot lock the folder " + folder.string() + " for reading: " + errnoText(error) + ".");
  }
  return FolderLock(fd);
}

std::optional<FolderLock> FolderLock::tryExclusive(const std::filesystem::path& folder) {
  const int fd = openFolder(folder);
  if (fd < 0) return std::nullopt;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return FolderLock(fd);
}

FolderLock::FolderLock(FolderLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the only descriptor of this open file releases its lock
}

}  // namespace tiertune
