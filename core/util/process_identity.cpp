#include "core/util/process_identity.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace tiertune {

namespace {

std::string procFile(std::int64_t pid, const char* name) {
  return "/proc/" + std::to_string(pid) + "/" + name;
}

}  // namespace

std::optional<ProcessIdentity> processIdentity(std::int64_t pid) {
  if (pid <= 0) return std::nullopt;
  std::ifstream in(procFile(pid, "stat"));
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses, so the fields after it
  // are counted from the last ')'.
  const std::size_t close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(close + 1));
  std::string state;
  fields >> state;  // field 3
  if (state == "Z" || state == "X") return std::nullopt;
  std::string skipped;
  for (int field = 4; field < 22; ++field) fields >> skipped;
  std::int64_t startTicks = 0;
  if (!(fields >> startTicks)) return std::nullopt;
  return ProcessIdentity{pid, startTicks};
}

ProcessIdentity currentProcessIdentity() {
  // Our own stat file always exists while we run.
  return processIdentity(getpid()).value_or(ProcessIdentity{getpid(), 0});
}

std::string processName(std::int64_t pid) {
  if (pid <= 0) return {};
  std::ifstream in(procFile(pid, "comm"));
  std::string name;
  std::getline(in, name);
  return name;
}

bool isProcessAlive(const ProcessIdentity& identity, const std::string& name) {
  const std::optional<ProcessIdentity> now = processIdentity(identity.pid);
  // The kernel keeps the first 15 bytes of the executable's name.
  return now && *now == identity && processName(identity.pid) == name.substr(0, 15);
}

std::uint64_t residentBytes() {
  std::ifstream in("/proc/self/statm");
  std::uint64_t sizePages = 0, residentPages = 0;
  in >> sizePages >> residentPages;
  return residentPages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace tiertune
