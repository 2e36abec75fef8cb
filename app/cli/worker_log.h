// The log of a run's worker: <output>/worker.log, appended across resumes. The GUI starts the
// worker with stdout and stderr already sent there; a worker started from a shell copies its JSON
// and progress lines there too, so that a GUI can attach to any running run and read its story.
#pragma once

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace tiertune::cli {

class WorkerLog {
 public:
  explicit WorkerLog(const std::filesystem::path& outputFolder);
  ~WorkerLog();
  WorkerLog(const WorkerLog&) = delete;
  WorkerLog& operator=(const WorkerLog&) = delete;

  // One JSON line on stdout and, when stdout is not the log already, in the log.
  void print(const nlohmann::json& line);
  // One line for a person on stderr and, when stdout is not the log already, in the log.
  void say(const char* format, ...) __attribute__((format(printf, 2, 3)));

 private:
  std::FILE* copy_ = nullptr;  // the log, when stdout is something else
};

}  // namespace tiertune::cli
