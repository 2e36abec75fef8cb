// CPU and memory facts of this machine for the hardware check (Home page, `tiertune-cli doctor`)
// and for the memory planner's host budget. Reads /proc; no Qt.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tiertune::hardware {

struct CpuInfo {
  std::string model;        // "AMD EPYC 7R13 Processor"; "unknown" when /proc says nothing
  int logicalCores = 0;     // online processors
  int physicalCores = 0;    // distinct (package, core) pairs; equals logicalCores if unknown
  bool hasAvx2 = false;
  bool hasAvx512 = false;
};

struct MemoryInfo {
  // In a container with a cgroup memory limit, probeMemory reports the limit where it is lower.
  std::uint64_t totalBytes = 0;      // MemTotal
  std::uint64_t availableBytes = 0;  // MemAvailable: what a new process can use without swapping
};

CpuInfo probeCpu();
MemoryInfo probeMemory();

// Parsers behind the probes, exposed for tests with canned /proc text.
CpuInfo parseCpuInfo(const std::string& procCpuinfo, int onlineProcessors);
MemoryInfo parseMemInfo(const std::string& procMeminfo);
// The lowest memory limit of this process's cgroup and its ancestors, cgroup v2 (memory.max) or v1
// (memory/memory.limit_in_bytes), from the text of /proc/self/cgroup and the cgroup mount
// (/sys/fs/cgroup); 0 when none is set.
std::uint64_t cgroupMemoryLimit(const std::string& procSelfCgroup,
                                const std::filesystem::path& cgroupRoot);

}  // namespace tiertune::hardware
