// A one-line progress bar on stderr for long CLI steps ("Disk speed  [#####.....]  52%  write").
// Redrawn in place on a terminal; on a pipe or file only the start and the end are written, so
// logs stay readable.
#pragma once

#include <string>

namespace tiertune::cli {

class TerminalProgress {
 public:
  explicit TerminalProgress(std::string label);
  ~TerminalProgress();
  void update(double fraction, const std::string& phase);
  void finish();  // ends the line; called by the destructor if not called before

 private:
  std::string label_;
  bool interactive_;
  bool finished_ = false;
  int lastPercent_ = -1;
};

}  // namespace tiertune::cli
