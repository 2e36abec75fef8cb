// A process that uses the catalog as a training worker, an export or another window does: it opens
// its own connection, commits, and exits. The sharing tests start many of them beside a long-lived
// connection (tst_catalog_sharing) and beside the application's window (tst_catalog_follow).
//
//   catalog_writer CATALOG metrics RUN FIRST COUNT   COUNT train/loss points from step FIRST, in
//                                                    batches of 8 (a worker commits per step)
//   catalog_writer CATALOG status RUN WORD           queued, running, paused, completed, failed, stopped
//   catalog_writer CATALOG checkpoint RUN STEP PATH  records a checkpoint
//   catalog_writer CATALOG export RUN PATH           records a merged-model export
//   catalog_writer CATALOG notes RUN                 prints the run's notes as this process reads them
//
// Exits 0, or prints the failure and exits 1 (2 for a usage error).
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/catalog.h"

namespace {

using namespace tiertune::catalog;

long long number(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw std::invalid_argument("not a number: " + std::string(text));
  }
  return value;
}

int usage() {
  std::fprintf(stderr, "usage: catalog_writer CATALOG metrics|status|checkpoint|export|notes RUN ...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  try {
    Catalog catalog = Catalog::open(std::string(args[0]));
    const std::string_view verb = args[1];
    const Id runId = number(args[2]);
    if (verb == "metrics" && args.size() == 5) {
      const long long first = number(args[3]);
      const long long count = number(args[4]);
      for (long long step = first; step < first + count; step += 8) {
        std::vector<MetricPoint> batch;
        for (long long s = step; s < std::min(first + count, step + 8); ++s) {
          batch.push_back({s, kTrainLossMetric, 1.0 / static_cast<double>(s + 1)});
        }
        catalog.appendMetrics(runId, batch);
      }
      catalog.logEvent(EventLevel::Info, "run", runId, "writer " + std::string(args[3]) + " done");
    } else if (verb == "status" && args.size() == 4) {
      const auto status = runStatusFromString(std::string(args[3]));
      if (!status) throw std::invalid_argument("no such status: " + std::string(args[3]));
      catalog.setRunStatus(runId, *status);
    } else if (verb == "checkpoint" && args.size() == 5) {
      catalog.addCheckpoint({runId, number(args[3]), std::string(args[4]), std::string(64, '0'), 4096});
    } else if (verb == "export" && args.size() == 4) {
      catalog.addExport({runId, std::nullopt, ExportKind::MergedHf, std::string(args[3]), std::string(64, '0')});
    } else if (verb == "notes" && args.size() == 3) {
      const auto run = catalog.run(runId);
      if (!run) throw std::runtime_error("no run " + std::string(args[2]));
      std::fputs(run->notes.c_str(), stdout);
    } else {
      return usage();
    }
  } catch (const std::exception& failure) {
    std::fprintf(stderr, "catalog_writer: %s\n", failure.what());
    return 1;
  }
  return 0;
}
