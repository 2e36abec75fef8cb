#include "core/util/publish_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "core/util/error.h"

namespace tiertune {

namespace {

[[noreturn]] void fail(std::string_view what, const std::filesystem::path& file, const char* doing, int error) {
  throw Error("Cannot " + std::string(doing) + " " + std::string(what) + " " + file.string() + ": " +
              errnoText(error) + ".");
}

}  // namespace

void publishFile(const std::filesystem::path& file, std::string_view bytes, std::string_view what) {
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  // mkstemp: a name of its own, so two processes saving at once never share a temporary file.
  std::string pattern = (folder / ("." + file.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) fail(what, file, "write", errno);
  const auto abandon = [&](const char* doing, int error) {
    ::close(fd);
    ::unlink(pattern.c_str());
    fail(what, file, doing, error);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) abandon("write", errno);
    done += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file private (0600); these files are read by the user's other programs.
  // (Reading the umask would need umask(), which changes it for every thread for a moment.)
  if (::fchmod(fd, 0644) != 0) abandon("write", errno);
  if (::fsync(fd) != 0) abandon("flush", errno);
  ::close(fd);
  if (::rename(pattern.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(pattern.c_str());
    fail(what, file, "replace", error);
  }
  const int folderFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folderFd >= 0) {
    ::fsync(folderFd);  // some file systems cannot flush a folder; the rename itself is done
    ::close(folderFd);
  }
}

}  // namespace tiertune
