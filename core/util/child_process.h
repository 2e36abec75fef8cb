// Runs another program with bounded time and output: the PDF reader runs poppler's pdftotext and
// pdfinfo this way, as separate programs (a damaged or hostile PDF can at worst crash or stall
// that process, never ours, and a GPL tool stays a separate program beside our proprietary one).
// No shell: the arguments are passed as they are.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tiertune {

struct ChildLimits {
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  std::size_t maxErrorBytes = 64 * 1024;  // of standard error kept (the rest is read and dropped)
};

struct ChildResult {
  enum class End { Exited, Signalled, TimedOut, Stopped };  // Stopped: onOutput returned false
  End end = End::Exited;
  int exitCode = 0;     // Exited
  int signal = 0;       // Signalled
  std::string errors;   // standard error, up to ChildLimits::maxErrorBytes
  bool succeeded() const { return end == End::Exited && exitCode == 0; }
};

// Finds program on PATH; empty when it is not there.
std::string findProgram(std::string_view program);

// Runs arguments[0] (looked up on PATH) with the rest as its arguments, standard input empty,
// handing its standard output to onOutput piece by piece as it comes; onOutput returns false to
// stop (the program is then killed). A program that outlives limits.timeout is killed. Throws
// tiertune::Error when the program cannot be started at all (not installed: the message names it).
ChildResult runChild(const std::vector<std::string>& arguments, const std::function<bool(std::string_view)>& onOutput,
                     const ChildLimits& limits = {});

}  // namespace tiertune
