#include "core/util/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "core/util/error.h"

namespace tiertune {

namespace {

std::string sizeText(std::uintmax_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

const char* fileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

[[noreturn]] void tooLarge(const std::filesystem::path& file, FileSizeLimit limit) {
  throw Error(file.string() + ": is larger than " + sizeText(limit.maxBytes) + ", more than " + limit.kind +
              " can be; check that this is the right file.");
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

}  // namespace

// Opened without blocking, checked with fstat before any byte is read; the descriptor is returned.
int openRegularFile(const std::filesystem::path& file, FileSizeLimit limit) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  Descriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) throw Error(file.string() + ": cannot be read (" + errnoText(errno) + ")");
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) throw Error(file.string() + ": cannot be read (" + errnoText(errno) + ")");
  if (!S_ISREG(status.st_mode)) {
    throw Error(file.string() + ": is " + fileTypeName(status.st_mode) + ", not a regular file; choose " + limit.kind +
                " saved on disk.");
  }
  if (static_cast<std::uintmax_t>(status.st_size) > limit.maxBytes) tooLarge(file, limit);
  // Regular files never block; clear the flag so that later reads behave as usual.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  return fd.release();
}

void checkRegularFile(const std::filesystem::path& file, FileSizeLimit limit) {
  Descriptor fd(openRegularFile(file, limit));
}

std::string readWholeFile(const std::filesystem::path& file, FileSizeLimit limit) {
  Descriptor fd(openRegularFile(file, limit));
  std::string text;
  char chunk[65536];
  while (true) {
    const ssize_t got = ::read(fd.get(), chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(file.string() + ": cannot be read (" + errnoText(errno) + ")");
    }
    if (got == 0) break;
    // The size was checked at open, but the file may grow while it is read.
    if (text.size() + static_cast<std::size_t>(got) > limit.maxBytes) tooLarge(file, limit);
    text.append(chunk, static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace tiertune
