#include "core/hardware/disk_probe.h"

#include <fcntl.h>
#include <liburing.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <vector>

#include "core/util/error.h"

namespace tiertune::hardware {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kDirectIoAlignment = 4096;
constexpr std::uint64_t kMaxBufferBytes = 1ull << 30;  // blockBytes * queueDepth

// /proc/self/mounts writes spaces and other odd characters in paths as octal escapes ("\040").
std::string unescapeMountPath(const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 3 < text.size()) {
      const std::string digits = text.substr(i + 1, 3);
      if (digits.find_first_not_of("01234567") == std::string::npos) {
        result += static_cast<char>(std::stoi(digits, nullptr, 8));
        i += 3;
        continue;
      }
    }
    result += text[i];
  }
  return result;
}

bool isInside(const fs::path& path, const fs::path& mountPoint) {
  auto p = path.begin();
  for (auto m = mountPoint.begin(); m != mountPoint.end(); ++m, ++p) {
    if (m->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *m) return false;
  }
  return true;
}

std::string fileSystemOf(const fs::path& folder) {
  std::error_code error;
  const fs::path real = fs::canonical(folder, error);
  if (error) return {};
  std::ifstream mounts("/proc/self/mounts");
  std::string line;
  std::string best;
  std::size_t bestLength = 0;
  while (std::getline(mounts, line)) {
    std::istringstream fields(line);
    std::string device;
    std::string mountPoint;
    std::string type;
    if (!(fields >> device >> mountPoint >> type)) continue;
    const fs::path point = unescapeMountPath(mountPoint);
    const std::size_t length = point.native().size();
    // The last of equally long matches wins: a later mount hides an earlier one on the same point.
    if (isInside(real, point) && length >= bestLength) {
      best = type;
      bestLength = length;
    }
  }
  return best;
}

// The scratch file of one measurement: removed when this goes, whatever happened.
class ScratchFile {
 public:
  explicit ScratchFile(const fs::path& folder) {
    std::string pattern = (folder / ".tiertune-speed-XXXXXX").string();
    fd_ = mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) {
      const int error = errno;
      throw Error("Cannot create a scratch file in " + folder.string() + " to measure its speed: " +
                  errnoText(error) + ".");
    }
    path_ = pattern;
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    if (directFd_ >= 0) close(directFd_);
    if (fd_ >= 0) close(fd_);
    unlink(path_.c_str());
  }

  // Opens the file again with O_DIRECT, bypassing the page cache. False when the file system
  // refuses direct I/O (tmpfs on older kernels, some FUSE file systems).
  bool openDirect() {
    directFd_ = open(path_.c_str(), O_RDWR | O_DIRECT | O_CLOEXEC);
    if (directFd_ >= 0) return true;
    if (errno == EINVAL || errno == EOPNOTSUPP) return false;
    const int error = errno;
    throw Error("Cannot open " + path_.string() + " for direct I/O: " + errnoText(error) + ".");
  }

  int ioFd() const { return directFd_ >= 0 ? directFd_ : fd_; }
  int bufferedFd() const { return fd_; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  int fd_ = -1;
  int directFd_ = -1;
};

// Page-aligned buffers, as O_DIRECT requires, filled with random bytes so that a compressing or
// deduplicating SSD cannot make the figures look better than real data would.
class AlignedBuffers {
 public:
  AlignedBuffers(unsigned count, std::uint32_t bytes) {
    std::mt19937_64 random(0x7469657274756e65ull);
    for (unsigned i = 0; i < count; ++i) {
      void* memory = nullptr;
      const int failed = posix_memalign(&memory, kDirectIoAlignment, bytes);
      if (failed != 0) {
        throw Error("Cannot allocate " + std::to_string(count) + " buffers of " + std::to_string(bytes) +
                    " bytes for the disk speed test: " + errnoText(failed) + ".");
      }
      buffers_.emplace_back(static_cast<std::uint64_t*>(memory));
      std::uint64_t* words = buffers_.back().get();
      for (std::size_t word = 0; word < bytes / sizeof(std::uint64_t); ++word) words[word] = random();
    }
  }
  char* operator[](std::size_t index) const { return reinterpret_cast<char*>(buffers_[index].get()); }

 private:
  struct Free {
    void operator()(std::uint64_t* memory) const { std::free(memory); }
  };
  std::vector<std::unique_ptr<std::uint64_t, Free>> buffers_;
};

class Ring {
 public:
  Ring(unsigned entries, const fs::path& folder) {
    const int result = io_uring_queue_init(entries, &ring_, 0);
    if (result < 0) {
      throw Error("Cannot measure the speed of " + folder.string() +
                  ": io_uring is not available on this system (" + errnoText(-result) +
                  "). Linux 5.6 or newer is needed, and containers may block it.");
    }
  }
  Ring(const Ring&) = delete;
  Ring& operator=(const Ring&) = delete;
  ~Ring() { io_uring_queue_exit(&ring_); }
  io_uring* get() { return &ring_; }

 private:
  io_uring ring_{};
};

struct PhaseResult {
  std::uint64_t bytes = 0;
  double seconds = 0;
  bool cancelled = false;
};

// One request slot: a buffer and the part of the file it is moving.
struct Slot {
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  std::uint32_t done = 0;  // bytes already moved (a short read or write continues from here)
};

class Phase {
 public:
  Phase(Ring& ring, const ScratchFile& file, const AlignedBuffers& buffers, const DiskSpeedOptions& options,
        bool writing, const DiskProgress& progress, std::stop_token stop)
      : ring_(ring), file_(file), buffers_(buffers), options_(options), writing_(writing),
        progress_(progress), stop_(std::move(stop)), slots_(options.queueDepth) {}

  PhaseResult run(std::uint64_t limit) {
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(options_.maxSecondsPerPhase);
    std::vector<unsigned> freeSlots;
    for (unsigned i = 0; i < options_.queueDepth; ++i) freeSlots.push_back(i);
    std::uint64_t next = 0;
    std::uint64_t completed = 0;
    unsigned inFlight = 0;
    bool stopping = false;
    bool cancelled = false;
    int failure = 0;
    auto lastReport = start;

    for (;;) {
      if (!stopping) {
        if (stop_.stop_requested()) {
          stopping = true;
          cancelled = true;
        } else if (Clock::now() >= deadline || failure != 0) {
          stopping = true;
        }
      }
      while (!stopping && !freeSlots.empty() && next < limit) {
        const unsigned index = freeSlots.back();
        freeSlots.pop_back();
        Slot& slot = slots_[index];
        slot.offset = next;
        slot.length = static_cast<std::uint32_t>(std::min<std::uint64_t>(options_.blockBytes, limit - next));
        slot.done = 0;
        next += slot.length;
        queue(index);
        ++inFlight;
      }
      if (inFlight == 0) break;
      // Submitting and waiting in one call: after a transient refusal (EAGAIN, EBUSY) the queued
      // requests go in with the next try instead of a wait for completions that were never submitted.
      const int submitted = io_uring_submit_and_wait(ring_.get(), 1);
      if (submitted < 0 && submitted != -EINTR && submitted != -EAGAIN && submitted != -EBUSY) {
        // Nothing more can be reaped; the ring's teardown waits for what the kernel still holds.
        throw stepError(-submitted);
      }
      io_uring_cqe* completion = nullptr;
      if (io_uring_peek_cqe(ring_.get(), &completion) != 0 || completion == nullptr) continue;
      const auto index = static_cast<unsigned>(io_uring_cqe_get_data64(completion));
      const int result = completion->res;
      io_uring_cqe_seen(ring_.get(), completion);
      Slot& slot = slots_[index];
      if (result == -EAGAIN || result == -EINTR) {
        queue(index);  // try the same request again
        continue;
      }
      if (result <= 0) {  // 0: end of file on a read, no progress on a write
        failure = failure ? failure : (result < 0 ? -result : EIO);
        --inFlight;
        freeSlots.push_back(index);
        stopping = true;
        continue;
      }
      slot.done += static_cast<std::uint32_t>(result);
      if (slot.done < slot.length) {
        queue(index);  // a short read or write: move the rest
        continue;
      }
      completed += slot.length;
      --inFlight;
      freeSlots.push_back(index);
      const auto now = Clock::now();
      if (progress_ && now - lastReport >= std::chrono::milliseconds(20)) {
        lastReport = now;
        const double byBytes = static_cast<double>(completed) / static_cast<double>(limit);
        const double byTime = std::chrono::duration<double>(now - start).count() / options_.maxSecondsPerPhase;
        report(std::min(1.0, std::max(byBytes, byTime)));
      }
    }
    if (failure != 0) throw stepError(failure);
    if (writing_ && !cancelled && fdatasync(file_.ioFd()) != 0) throw stepError(errno);
    PhaseResult result;
    result.bytes = completed;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.cancelled = cancelled;
    return result;
  }

  void report(double fractionOfPhase) {
    if (!progress_) return;
    const double base = writing_ ? 0.0 : 0.5;
    progress_(base + 0.5 * fractionOfPhase, writing_ ? "write" : "read");
  }

 private:
  void queue(unsigned index) {
    io_uring_sqe* entry = io_uring_get_sqe(ring_.get());
    if (!entry) {  // cannot happen with one entry per slot; submit and try once more
      io_uring_submit(ring_.get());
      entry = io_uring_get_sqe(ring_.get());
      if (!entry) throw stepError(EBUSY);
    }
    const Slot& slot = slots_[index];
    char* buffer = buffers_[index] + slot.done;
    const unsigned length = slot.length - slot.done;
    const auto offset = static_cast<off_t>(slot.offset + slot.done);
    if (writing_) {
      io_uring_prep_write(entry, file_.ioFd(), buffer, length, static_cast<__u64>(offset));
    } else {
      io_uring_prep_read(entry, file_.ioFd(), buffer, length, static_cast<__u64>(offset));
    }
    io_uring_sqe_set_data64(entry, index);
  }

  Error stepError(int error) const {
    std::string words = errnoText(error);
    if (error == ENOSPC) words = "the disk is full";
    return Error(std::string(writing_ ? "Writing" : "Reading") + " the scratch file " +
                 file_.path().string() + " failed: " + words + ".");
  }

  Ring& ring_;
  const ScratchFile& file_;
  const AlignedBuffers& buffers_;
  const DiskSpeedOptions& options_;
  bool writing_;
  const DiskProgress& progress_;
  std::stop_token stop_;
  std::vector<Slot> slots_;
};

void validate(const DiskSpeedOptions& options) {
  if (options.blockBytes == 0 || options.blockBytes % kDirectIoAlignment != 0) {
    throw Error("The disk speed test needs a block size that is a multiple of 4096 bytes, not " +
                std::to_string(options.blockBytes) + ".");
  }
  if (options.maxBytes < options.blockBytes) {
    throw Error("The disk speed test needs at least one block (" + std::to_string(options.blockBytes) +
                " bytes) to measure, not " + std::to_string(options.maxBytes) + ".");
  }
  if (options.queueDepth == 0 || options.queueDepth > 256) {
    throw Error("The disk speed test needs 1 to 256 requests in flight, not " +
                std::to_string(options.queueDepth) + ".");
  }
  if (std::uint64_t{options.blockBytes} * options.queueDepth > kMaxBufferBytes) {
    throw Error("The disk speed test would need " + std::to_string(options.queueDepth) + " buffers of " +
                std::to_string(options.blockBytes) + " bytes; at most 1 GiB in all is allowed.");
  }
  if (!(options.maxSecondsPerPhase > 0)) {
    throw Error("The disk speed test needs a positive time limit.");
  }
}

}  // namespace

DiskSpace probeDiskSpace(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    if (error && error != std::errc::no_such_file_or_directory) {
      throw Error("Cannot inspect the folder " + folder.string() + ": " + errnoText(error.value()) + ".");
    }
    throw Error("The offload folder " + folder.string() + " does not exist or is not a folder.");
  }
  struct statvfs stats {};
  if (statvfs(folder.c_str(), &stats) != 0) {
    const int code = errno;
    throw Error("Cannot inspect the folder " + folder.string() + ": " + errnoText(code) + ".");
  }
  DiskSpace space;
  space.totalBytes = static_cast<std::uint64_t>(stats.f_blocks) * stats.f_frsize;
  space.freeBytes = static_cast<std::uint64_t>(stats.f_bavail) * stats.f_frsize;
  space.fileSystem = fileSystemOf(folder);
  return space;
}

DiskSpeed measureDiskSpeed(const fs::path& folder, const DiskSpeedOptions& options,
                           const DiskProgress& progress, std::stop_token stop) {
  validate(options);
  const DiskSpace space = probeDiskSpace(folder);
  // Never fill the disk: use at most half of what is free, in whole blocks.
  std::uint64_t bytes = std::min(options.maxBytes, space.freeBytes / 2);
  bytes -= bytes % options.blockBytes;
  if (bytes == 0) {
    throw Error("The folder " + folder.string() + " has too little free space (" +
                std::to_string(space.freeBytes) + " bytes) to measure its speed.");
  }

  ScratchFile file(folder);
  DiskSpeed speed;
  speed.directIo = file.openDirect();
  // Reserving the space up front makes the write phase measure writing, not block allocation,
  // and turns a full disk into one clear error before anything is timed.
  const int reserved = posix_fallocate(file.bufferedFd(), 0, static_cast<off_t>(bytes));
  if (reserved == ENOSPC) {
    throw Error("The folder " + folder.string() + " has no room for the " +
                std::to_string(bytes >> 20) + " MiB speed test file: the disk is full.");
  }
  if (reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL) {
    throw Error("Cannot reserve space for " + file.path().string() + ": " + errnoText(reserved) + ".");
  }

  AlignedBuffers buffers(options.queueDepth, options.blockBytes);
  Ring ring(options.queueDepth, folder);

  Phase writePhase(ring, file, buffers, options, /*writing=*/true, progress, stop);
  const PhaseResult written = writePhase.run(bytes);
  speed.bytesWritten = written.bytes;
  speed.writeBytesPerSecond = written.seconds > 0 ? static_cast<double>(written.bytes) / written.seconds : 0;
  if (written.cancelled) {
    speed.cancelled = true;
    return speed;
  }
  if (!speed.directIo) {
    // Without O_DIRECT, ask the kernel to drop the cached pages so the read comes from the disk
    // where the file system allows it (tmpfs does not: its figures stay memory speed).
    posix_fadvise(file.bufferedFd(), 0, 0, POSIX_FADV_DONTNEED);
  }
  writePhase.report(1.0);

  Phase readPhase(ring, file, buffers, options, /*writing=*/false, progress, stop);
  const PhaseResult read = readPhase.run(written.bytes);
  speed.bytesRead = read.bytes;
  speed.readBytesPerSecond = read.seconds > 0 ? static_cast<double>(read.bytes) / read.seconds : 0;
  speed.cancelled = read.cancelled;
  if (!read.cancelled) readPhase.report(1.0);
  return speed;
}

}  // namespace tiertune::hardware
