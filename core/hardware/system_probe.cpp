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

// A limit file's number; 0 for "max", an absent file or anything unreadable.
std::uint64_t readLimit(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string text;
  if (!(in >> text) || text == "max") return 0;
  try {
    return std::stoull(text);
  } catch (const std::exception&) {
    return 0;
  }
}

// The lowest limit in `fileName` of the cgroup at `cgroupPath` (as /proc/self/cgroup names it) and
// its ancestors under `controllerRoot`. Inside a cgroup namespace the path is "/" and the mount's
// root is the container's own cgroup; without one, the path leads from the host's root to ours.
std::uint64_t lowestLimit(const std::filesystem::path& controllerRoot, const std::string& cgroupPath,
                          const char* fileName) {
  std::uint64_t lowest = 0;
  const auto consider = [&](const std::filesystem::path& folder) {
    const std::uint64_t limit = readLimit(folder / fileName);
    if (limit > 0 && (lowest == 0 || limit < lowest)) lowest = limit;
  };
  consider(controllerRoot);
  const std::filesystem::path relative = std::filesystem::path(cgroupPath).relative_path().lexically_normal();
  if (relative.empty() || *relative.begin() == "..") return lowest;  // outside our namespace's view
  std::filesystem::path folder = controllerRoot;
  for (const auto& part : relative) {
    if (part.empty()) continue;  // a trailing separator
    folder /= part;
    consider(folder);
  }
  return lowest;
}

}  // namespace

std::uint64_t cgroupMemoryLimit(const std::string& procSelfCgroup,
                                const std::filesystem::path& cgroupRoot) {
  std::uint64_t lowest = 0;
  std::istringstream lines(procSelfCgroup);
  std::string line;
  while (std::getline(lines, line)) {
    // "hierarchy-id:controllers:path"; v2 is "0::/path", v1 memory is "4:memory:/path".
    const auto first = line.find(':');
    const auto second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    const std::string controllers = "," + line.substr(first + 1, second - first - 1) + ",";
    const std::string path = line.substr(second + 1);
    std::uint64_t limit = 0;
    if (line.compare(0, second + 1, "0::") == 0) {
      limit = lowestLimit(cgroupRoot, path, "memory.max");
    } else if (controllers.find(",memory,") != std::string::npos) {
      limit = lowestLimit(cgroupRoot / "memory", path, "memory.limit_in_bytes");
    }
    if (limit > 0 && (lowest == 0 || limit < lowest)) lowest = limit;
  }
  return lowest;
}

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
    if (key == "processor") {
      physicalId.clear();  // each processor's block names its own package, if at all
    } else if (key == "model name" && info.model.empty()) {
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
  // v1 reports "no limit" as a huge number, which the comparison with MemTotal ignores.
  const std::uint64_t limit = cgroupMemoryLimit(readWholeFile("/proc/self/cgroup"), "/sys/fs/cgroup");
  if (limit > 0 && limit < info.totalBytes) {
    info.totalBytes = limit;
    if (info.availableBytes > limit) info.availableBytes = limit;
  }
  return info;
}

}  // namespace tiertune::hardware
