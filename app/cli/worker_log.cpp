#include "app/cli/worker_log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdarg>
#include <iostream>
#include <system_error>

#include "core/train/run_config.h"

namespace tiertune::cli {

namespace {

bool stdoutIs(const std::filesystem::path& file) {
  struct stat out {}, onDisk {};
  return fstat(STDOUT_FILENO, &out) == 0 && stat(file.c_str(), &onDisk) == 0 && out.st_dev == onDisk.st_dev &&
         out.st_ino == onDisk.st_ino;
}

}  // namespace

WorkerLog::WorkerLog(const std::filesystem::path& outputFolder) {
  std::error_code ignored;
  std::filesystem::create_directories(outputFolder, ignored);
  const std::filesystem::path file = outputFolder / train::kWorkerLogFileName;
  // A log that cannot be opened costs the GUI its view of a shell-started run, not the run.
  if (!stdoutIs(file)) copy_ = std::fopen(file.c_str(), "ae");
}

WorkerLog::~WorkerLog() {
  if (copy_) std::fclose(copy_);
}

void WorkerLog::print(const nlohmann::json& line) {
  // Text from a tokenizer (sample answers) may hold bytes that are not UTF-8: replaced, not thrown on.
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::cout << text << std::flush;
  if (copy_) {
    std::fputs(text.c_str(), copy_);
    std::fflush(copy_);
  }
}

void WorkerLog::say(const char* format, ...) {
  char text[1024];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(text, sizeof text, format, arguments);
  va_end(arguments);
  std::fprintf(stderr, "%s\n", text);
  if (copy_) {
    std::fprintf(copy_, "%s\n", text);
    std::fflush(copy_);
  }
}

}  // namespace tiertune::cli
