// What the CPU benchmarks need to measure each side in a process of its own: this program's path
// (to start itself as a worker), the lines a worker printed, and the process's peak RSS.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tiertune::bench {

inline std::string selfPath(const char* fallback) {
  char path[4096];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return fallback;
  path[length] = '\0';
  return path;
}

// Every line command wrote to its output (without the line ends), when it exited with status 0.
inline std::optional<std::vector<std::string>> linesOf(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::vector<std::string> lines;
  std::string line;
  char chunk[512];
  while (std::fgets(chunk, sizeof chunk, pipe)) {
    line += chunk;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      lines.push_back(std::move(line));
      line.clear();
    }
  }
  if (!line.empty()) lines.push_back(line);
  if (pclose(pipe) != 0) return std::nullopt;
  return lines;
}

// The last line command wrote to its output, when it exited with status 0.
inline std::optional<std::string> lastLineOf(const std::string& command) {
  const std::optional<std::vector<std::string>> lines = linesOf(command);
  if (!lines || lines->empty()) return std::nullopt;
  return lines->back();
}

// This process's peak resident set (VmHWM) in MiB.
inline double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

}  // namespace tiertune::bench
