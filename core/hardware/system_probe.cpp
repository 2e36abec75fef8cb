#include "core/hardware/system_probe.h"

#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace tiertune::hardware {

namespace {

std::string readWholeFile(const char* path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

// "key<TAB>: value" lines of /proc/cpuinfo and /proc/meminfo.
bool splitField(const std::string& line, std::string& key, std::string& value) {
  const auto colon = line.find(':');
  if (colon == std::string::npos) return false;
  key = trim(line.substr(0, colon));
  value = trim(line.substr(colon + 1));
  return true;
}

bool hasFlag(const std::string& flags, const std::string& flag) {
  std::istringstream words(flags);
  std::string word;
  while (words >> word) {
    if (word == flag) return true;
  }
  return false;
}

// The memory limit of this process's cgroup (v2), when one is set: in a container the host's
// MemTotal overstates what training may use.
std::uint64_t cgroupMemoryLimit() {
  std::ifstream in("/sys/fs/cgroup/memory.max");
  std::string text;
  if (!(in >> text) || text == "max") return 0;
  try {
    return std::stoull(text);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

CpuInfo parseCpuInfo(const std::string& procCpuinfo, int onlineProcessors) {
  CpuInfo info;
  std::set<std::pair<std::string, std::string>> cores;  // (physical id, core id)
  std::string physicalId;
  std::string line;
  std::string key;
  std::string value;
  std::istringstream lines(procCpuinfo);
  while (std::getline(lines, line)) {
    if (!splitField(line, key, value)) continue;
    if (key == "model name" && info.model.empty()) {
      info.model = value;
    } else if (key == "physical id") {
      physicalId = value;
    } else if (key == "core id") {
      cores.emplace(physicalId, value);
    } else if (key == "flags") {
      info.hasAvx2 = info.hasAvx2 || hasFlag(value, "avx2");
      info.hasAvx512 = info.hasAvx512 || hasFlag(value, "avx512f");
    }
  }
  if (info.model.empty()) info.model = "unknown";
  info.logicalCores = onlineProcessors > 0 ? onlineProcessors : 1;
  info.physicalCores = cores.empty() ? info.logicalCores : static_cast<int>(cores.size());
  // A cpuset can leave fewer processors online than the package has cores.
  if (info.physicalCores > info.logicalCores) info.physicalCores = info.logicalCores;
  return info;
}

MemoryInfo parseMemInfo(const std::string& procMeminfo) {
  MemoryInfo info;
  std::string line;
  std::string key;
  std::string value;
  std::istringstream lines(procMeminfo);
  bool haveAvailable = false;
  std::uint64_t freeKiB = 0;
  while (std::getline(lines, line)) {
    if (!splitField(line, key, value)) continue;
    std::uint64_t kib = 0;
    try {
      kib = std::stoull(value);  // "16314412 kB"
    } catch (const std::exception&) {
      continue;
    }
    if (key == "MemTotal") info.totalBytes = kib * 1024;
    if (key == "MemAvailable") {
      info.availableBytes = kib * 1024;
      haveAvailable = true;
    }
    if (key == "MemFree") freeKiB = kib;
  }
  if (!haveAvailable) info.availableBytes = freeKiB * 1024;  // kernels before 3.14
  return info;
}

CpuInfo probeCpu() {
  return parseCpuInfo(readWholeFile("/proc/cpuinfo"),
                      static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
}

MemoryInfo probeMemory() {
  MemoryInfo info = parseMemInfo(readWholeFile("/proc/meminfo"));
  const std::uint64_t limit = cgroupMemoryLimit();
  if (limit > 0 && limit < info.totalBytes) {
    info.totalBytes = limit;
    if (info.availableBytes > limit) info.availableBytes = limit;
  }
  return info;
}

}  // namespace tiertune::hardware
