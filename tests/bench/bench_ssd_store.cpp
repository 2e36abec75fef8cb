// The offload store's sequential throughput beside dd with O_DIRECT on the same folder, in the
// same run: what the SSD tier gets out of the disk compared with the plain baseline everybody
// knows. Issue target: at least 90 % of dd.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/tiers/aligned_buffer.h"
#include "core/tiers/ssd_store.h"
#include "core/util/error.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  fs::path folder = fs::current_path();
  unsigned gib = 1;
  int rounds = 5;
  unsigned queueDepth = 16;
};

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Runs dd and returns its elapsed seconds, read from its last line ("..., 0.45 s, 594 MB/s").
double ddSeconds(const std::string& arguments) {
  const std::string command = "dd " + arguments + " 2>&1 | tail -n 1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw tiertune::Error("cannot run dd");
  char line[512] = {};
  const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
  pclose(pipe);
  const std::string text = got ? line : "";
  const auto comma = text.find(" s, ");
  const auto before = text.rfind(", ", comma == std::string::npos ? 0 : comma - 1);
  if (comma == std::string::npos || before == std::string::npos) throw tiertune::Error("dd said: " + text);
  return std::stod(text.substr(before + 2, comma - before - 2));
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool hasValue = i + 1 < argc;
    if (argument == "--folder" && hasValue) {
      options.folder = argv[++i];
    } else if (argument == "--gib" && hasValue) {
      options.gib = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (argument == "--rounds" && hasValue) {
      options.rounds = std::stoi(argv[++i]);
    } else if (argument == "--queue-depth" && hasValue) {
      options.queueDepth = static_cast<unsigned>(std::stoul(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: bench_ssd_store [--folder DIR] [--gib N] [--rounds N] [--queue-depth N]\n");
      std::exit(2);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  using namespace tiertune::tiers;
  constexpr std::uint64_t kExtentBytes = 64ull << 20;  // a layer's worth of state in a mid-size model
  const std::uint64_t total = static_cast<std::uint64_t>(options.gib) << 30;
  const std::vector<std::uint64_t> extents(total / kExtentBytes, kExtentBytes);
  const fs::path ddFile = options.folder / ".tiertune-bench-dd";
  const std::string count = std::to_string(total >> 20);

  std::vector<double> storeWrite, storeRead, ddWrite, ddRead;
  try {
    // One buffer per extent in flight would be the whole GiB; the executor streams through a few
    // buffers, and so does this: 4 buffers of one extent each, reused round robin.
    std::vector<AlignedBuffer> buffers;
    std::mt19937_64 random(42);
    for (int i = 0; i < 4; ++i) {
      buffers.emplace_back(kExtentBytes);
      auto* words = reinterpret_cast<std::uint64_t*>(buffers.back().data());
      for (std::size_t w = 0; w < kExtentBytes / 8; ++w) words[w] = random();
    }
    for (int round = 0; round < options.rounds; ++round) {
      {
        SsdStoreOptions storeOptions;
        storeOptions.queueDepth = options.queueDepth;
        SsdStore store(options.folder, extents, storeOptions);
        std::vector<std::span<std::byte>> registered;
        for (auto& buffer : buffers) registered.push_back(buffer.span());
        store.registerBuffers(registered);
        std::vector<Ticket> inFlight(buffers.size(), 0);
        auto start = Clock::now();
        for (ExtentId extent = 0; extent < extents.size(); ++extent) {
          Ticket& slot = inFlight[extent % buffers.size()];
          if (slot != 0) store.wait(slot);
          slot = store.write(extent, buffers[extent % buffers.size()].span());
        }
        store.waitAll();
        storeWrite.push_back(static_cast<double>(total) / seconds(start));
        std::fill(inFlight.begin(), inFlight.end(), 0);
        start = Clock::now();
        for (ExtentId extent = 0; extent < extents.size(); ++extent) {
          Ticket& slot = inFlight[extent % buffers.size()];
          if (slot != 0) store.wait(slot);
          slot = store.read(extent, buffers[extent % buffers.size()].span());
        }
        store.waitAll();
        storeRead.push_back(static_cast<double>(total) / seconds(start));
        if (round == 0 && !store.directIo()) std::printf("note: the file system refused O_DIRECT\n");
      }
      ddWrite.push_back(static_cast<double>(total) /
                        ddSeconds("if=/dev/zero of=" + ddFile.string() + " bs=1M count=" + count + " oflag=direct"));
      ddRead.push_back(static_cast<double>(total) /
                       ddSeconds("if=" + ddFile.string() + " of=/dev/null bs=1M iflag=direct"));
      fs::remove(ddFile);
    }
  } catch (const std::exception& error) {
    fs::remove(ddFile);
    std::fprintf(stderr, "bench_ssd_store: %s\n", error.what());
    return 1;
  }

  std::printf("Offload store vs dd, O_DIRECT, %s, %u GiB, median of %d rounds (store: 64 MiB extents, "
              "1 MiB requests, queue depth %u, CRC-32C on every extent)\n\n",
              options.folder.c_str(), options.gib, options.rounds, options.queueDepth);
  std::printf("%-8s %16s %16s %8s\n", "", "Tiertune MB/s", "dd 1M MB/s", "ratio");
  const auto row = [](const char* name, const std::vector<double>& ours, const std::vector<double>& peer) {
    const double a = median(ours) / 1e6;
    const double b = median(peer) / 1e6;
    std::printf("%-8s %16.0f %16.0f %7.0f%%\n", name, a, b, 100.0 * a / b);
  };
  row("write", storeWrite, ddWrite);
  row("read", storeRead, ddRead);
  return 0;
}
