// Free space and measured sequential speed of the offload folder, where the tiered engine keeps
// what fits neither GPU nor RAM. The speed test writes then reads a scratch file with liburing
// and O_DIRECT (no page cache), so the figures are what the SSD itself delivers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>

namespace tiertune::hardware {

struct DiskSpace {
  std::uint64_t totalBytes = 0;
  std::uint64_t freeBytes = 0;  // available to an unprivileged user (f_bavail)
  std::string fileSystem;       // "ext4", "xfs", "tmpfs", ... from /proc/self/mounts; may be empty
};

// Throws tiertune::Error naming the folder when it does not exist or cannot be inspected.
DiskSpace probeDiskSpace(const std::filesystem::path& folder);

struct DiskSpeedOptions {
  std::uint64_t maxBytes = 1ull << 30;      // at most this much is written, then read
  double maxSecondsPerPhase = 2.0;          // each phase stops early after this long
  std::uint32_t blockBytes = 1u << 20;      // one request; multiple of 4096
  unsigned queueDepth = 8;                  // requests in flight
};

struct DiskSpeed {
  double writeBytesPerSecond = 0;
  double readBytesPerSecond = 0;
  std::uint64_t bytesWritten = 0;
  std::uint64_t bytesRead = 0;
  bool directIo = true;   // false when the file system refused O_DIRECT (tmpfs): figures are cached
  bool cancelled = false; // stop was requested; figures cover what was measured until then
};

// Progress: fraction done in [0, 1] and a short phase name ("write", "read").
using DiskProgress = std::function<void(double fraction, const char* phase)>;

// Measures sequential write then read speed in folder with a scratch file that is always removed.
// Cancellable through stop. Throws tiertune::Error naming the folder, the file and the failing
// step (for example ENOSPC while writing, io_uring unavailable).
DiskSpeed measureDiskSpeed(const std::filesystem::path& folder, const DiskSpeedOptions& options,
                           const DiskProgress& progress = {}, std::stop_token stop = {});

}  // namespace tiertune::hardware
