#include "core/util/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <random>
#include <string>

#include "core/util/error.h"

namespace tiertune {

void writeAllAt(int fd, std::uint64_t offset, std::span<const std::byte> bytes,
                const std::filesystem::path& file) {
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(file.string() + ": cannot write: " + errnoText(errno) + ".");
    bytes = bytes.subspan(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
}

void reserveFileBytes(int fd, std::uint64_t bytes, const std::filesystem::path& file) {
  if (bytes == 0) return;
  int result = ::posix_fallocate(fd, 0, static_cast<off_t>(bytes));
  if (result == EOPNOTSUPP || result == EINVAL) {
    // File systems without preallocation: at least give the file its size.
    result = ::ftruncate(fd, static_cast<off_t>(bytes)) == 0 ? 0 : errno;
  }
  if (result == ENOSPC) {
    throw Error(file.string() + ": not enough free disk space: the file needs " + std::to_string(bytes) +
                " bytes. Free some space or choose another folder.");
  }
  if (result != 0)
    throw Error(file.string() + ": cannot reserve " + std::to_string(bytes) + " bytes: " + errnoText(result) +
                ".");
}

std::filesystem::path createTemporaryBeside(const std::filesystem::path& target, int& fd) {
  std::random_device entropy;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, ".tmp-%08x", entropy());
    std::filesystem::path temporary = target;
    temporary += suffix;
    fd = ::open(temporary.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) return temporary;
    if (errno != EEXIST) {
      throw Error(target.string() + ": cannot create a file in " + target.parent_path().string() + ": " +
                  errnoText(errno) + ".");
    }
  }
  throw Error(target.string() + ": cannot find a free temporary name beside it.");
}

void commitTemporary(int fd, const std::filesystem::path& temporary, const std::filesystem::path& target) {
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    throw Error(target.string() + ": cannot flush the file to disk: " + errnoText(error) + ".");
  }
  if (::close(fd) != 0) throw Error(target.string() + ": cannot close the file: " + errnoText(errno) + ".");
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    throw Error(target.string() + ": cannot move the finished file into place: " + errnoText(errno) + ".");
  }
  // The rename is durable only once the folder itself is flushed.
  std::filesystem::path folder = target.parent_path();
  syncFolder(folder.empty() ? std::filesystem::path(".") : folder);
}

void syncFolder(const std::filesystem::path& folder) {
  const int folderFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folderFd < 0) throw Error(folder.string() + ": cannot open the folder: " + errnoText(errno) + ".");
  const int result = ::fsync(folderFd);
  const int error = errno;
  ::close(folderFd);
  if (result != 0) throw Error(folder.string() + ": cannot flush the folder to disk: " + errnoText(error) + ".");
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view contents) {
  int fd = -1;
  const std::filesystem::path temporary = createTemporaryBeside(target, fd);
  try {
    writeAllAt(fd, 0, std::as_bytes(std::span(contents.data(), contents.size())), target);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  try {
    commitTemporary(fd, temporary, target);  // closes fd whatever happens
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

void syncFile(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int code = errno;
    if (fd >= 0) ::close(fd);
    throw Error(file.string() + ": cannot be saved (" + errnoText(code) + ")");
  }
  ::close(fd);
}

}  // namespace tiertune
