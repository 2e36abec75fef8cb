#include "core/hardware/offload_folder_check.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

#include "core/util/error.h"

namespace tiertune::hardware {

OffloadFolderCheck checkOffloadFolder(const std::filesystem::path& folder) {
  OffloadFolderCheck check;
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) {
    std::filesystem::create_directories(folder, error);
    if (error) {
      check.problem = OffloadFolderProblem::CannotCreate;
      check.detail = error.message();
      return check;
    }
  }
  if (!std::filesystem::is_directory(folder, error)) {
    check.problem = OffloadFolderProblem::NotAFolder;
    return check;
  }
  struct statvfs space {};
  if (::statvfs(folder.c_str(), &space) != 0 || space.f_blocks == 0) {
    // proc, sysfs, devpts and their kind report 0 blocks: nothing can be kept there.
    check.problem = OffloadFolderProblem::NotOnADisk;
    return check;
  }
  check.freeBytes = static_cast<std::uint64_t>(space.f_bavail) * space.f_frsize;

  std::string pattern = (folder / ".tiertune-offload-check-XXXXXX").string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    check.problem = OffloadFolderProblem::NotWritable;
    check.detail = errnoText(errno);
    return check;
  }
  alignas(4096) static const char zeros[4096] = {};
  const bool written = ::write(fd, zeros, sizeof zeros) == static_cast<ssize_t>(sizeof zeros) && ::fsync(fd) == 0;
  const int writeError = errno;
  const int direct = ::open(pattern.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC);
  check.directIo = direct >= 0;
  if (direct >= 0) ::close(direct);
  ::close(fd);
  ::unlink(pattern.c_str());
  if (!written) {
    check.problem = writeError == ENOSPC ? OffloadFolderProblem::Full : OffloadFolderProblem::NotWritable;
    check.detail = errnoText(writeError);
    return check;
  }
  if (check.freeBytes == 0) check.problem = OffloadFolderProblem::Full;
  return check;
}

}  // namespace tiertune::hardware
