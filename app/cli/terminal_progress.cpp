#include "app/cli/terminal_progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace tiertune::cli {

TerminalProgress::TerminalProgress(std::string label)
    : label_(std::move(label)), interactive_(::isatty(STDERR_FILENO) == 1) {
  if (!interactive_) std::fprintf(stderr, "%s ...\n", label_.c_str());
}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::update(double fraction, const std::string& phase) {
  if (!interactive_ || finished_) return;
  const int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100.0 + 0.5);
  if (percent == lastPercent_) return;
  lastPercent_ = percent;
  constexpr int kWidth = 30;
  std::string bar(kWidth, '.');
  std::fill_n(bar.begin(), percent * kWidth / 100, '#');
  std::fprintf(stderr, "\r%-11s [%s] %3d%%  %-8s", label_.c_str(), bar.c_str(), percent,
               phase.c_str());
  std::fflush(stderr);
}

void TerminalProgress::finish() {
  if (finished_) return;
  finished_ = true;
  if (interactive_ && lastPercent_ >= 0) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace tiertune::cli
