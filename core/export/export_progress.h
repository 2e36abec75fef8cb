// What every export shares with its caller: progress reports (fraction done and a few words for
// people) and a way to cancel. A cancelled export throws ExportCancelled after removing what it had
// written, so the caller only has to tell the user. Used by the CLI's export command and the GUI.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/util/error.h"

// ("export" is a keyword, hence the plural.)
namespace tiertune::exports {

struct ExportProgress {
  // fraction in [0, 1], what is being done ("Merging model.layers.3.mlp.down_proj"); may be empty.
  std::function<void(double fraction, const std::string& words)> report;
  // Asked between tensors and files; true cancels the export. May be empty.
  std::function<bool()> cancelRequested;

  void tell(double fraction, const std::string& words) const {
    if (report) report(fraction, words);
  }
  // Throws ExportCancelled when the caller asked to cancel.
  void checkCancel() const;
  // For one stage of an export made of several: the stage's fractions 0..1 reported as from..to,
  // the same cancel.
  ExportProgress stage(double from, double to) const {
    ExportProgress part{nullptr, cancelRequested};
    if (report) part.report = [outer = report, from, to](double fraction, const std::string& words) { outer(from + (to - from) * fraction, words); };
    return part;
  }
};

class ExportCancelled : public Error {
 public:
  ExportCancelled() : Error("The export was cancelled; nothing was left behind.") {}
};

inline void ExportProgress::checkCancel() const {
  if (cancelRequested && cancelRequested()) throw ExportCancelled();
}

// What a finished export is: its folder, the content hash the catalog records (export_folder.h)
// and the bytes of its files.
struct ExportResult {
  std::string folder;
  std::string contentSha256;
  std::uint64_t bytes = 0;
};

}  // namespace tiertune::exports
