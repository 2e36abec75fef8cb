// Which process is which, across restarts of the GUI: a pid alone can be reused by another
// process after a worker dies, so a worker is named by its pid and its start time (field 22 of
// /proc/PID/stat, clock ticks since boot). The training worker records its own identity in the
// catalog; the GUI's RunSupervisor checks whether that worker still lives. Linux only (/proc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tiertune {

struct ProcessIdentity {
  std::int64_t pid = 0;
  std::int64_t startTicks = 0;  // clock ticks after boot at which the process started
  bool operator==(const ProcessIdentity&) const = default;
};

// The identity of a running process; none when it does not exist or has ended (a zombie).
std::optional<ProcessIdentity> processIdentity(std::int64_t pid);
ProcessIdentity currentProcessIdentity();

// The process's command name (/proc/PID/comm: the executable's file name, at most 15
// characters); empty when it does not exist.
std::string processName(std::int64_t pid);

// True when the process with this pid is the same one (same start time), still running, and
// runs an executable called name.
bool isProcessAlive(const ProcessIdentity& identity, const std::string& name);

// Bytes of RAM this process holds now (resident set size, /proc/self/statm).
std::uint64_t residentBytes();

}  // namespace tiertune
