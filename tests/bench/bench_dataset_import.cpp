// Dataset import throughput, end to end: a generated JSON-lines file of chats (default 200 MB,
// 1-3 exchanges each, a system prompt in 30%) imported for the Qwen3 tokenizer and chat template
// of the conformance package, with 1 thread and with every core; MB/s, tokens/s and where the
// time went. Beside it, in the same run, the reference JavaScript stack (JSON.parse,
// @huggingface/jinja, @lenml/tokenizers on Node.js, one thread) doing less work on the first
// --peer-mb of the same file: one rendering and one encoding per conversation, no loss mask, no
// files written.
//   build/ci/bin/bench_dataset_import --node-modules build/ci/tests/conformance/npm/node_modules [--mb 200]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/util/random.h"
#include "core/util/read_file.h"

namespace fs = std::filesystem;
using namespace tiertune;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kWords[] = {
    "the",     "of",     "and",     "to",      "in",    "is",      "that",    "it",     "for",     "on",
    "with",    "as",     "was",     "by",      "at",    "be",      "this",    "have",   "from",    "or",
    "model",   "train",  "data",    "river",   "garden", "kitchen", "window", "answer", "question", "number",
    "system",  "process", "example", "people",  "water", "little",  "called",  "words",  "mountain", "evening",
    "über",    "naïve",  "café",    "数据",     "模型",   "😀",      "2026",    "3.14",   "don't",   "it's"};

std::string sentence(SplitMix64& random, int words) {
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i) text += ' ';
    text += kWords[random.next() % (sizeof kWords / sizeof *kWords)];
  }
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text + (random.next() % 4 == 0 ? "?" : ".");
}

void generate(const fs::path& file, std::uint64_t bytes) {
  SplitMix64 random(2026);
  std::ofstream out(file, std::ios::binary);
  std::uint64_t written = 0;
  const auto between = [&](int low, int high) { return low + static_cast<int>(random.next() % static_cast<std::uint64_t>(high - low + 1)); };
  while (written < bytes) {
    nlohmann::json messages = nlohmann::json::array();
    if (random.uniform() < 0.3) messages.push_back({{"role", "system"}, {"content", sentence(random, 8)}});
    for (int turn = between(1, 3); turn > 0; --turn) {
      std::string question, answer;
      for (int s = between(1, 3); s > 0; --s) question += sentence(random, between(5, 20)) + " ";
      for (int s = between(1, 6); s > 0; --s) answer += sentence(random, between(5, 25)) + " ";
      messages.push_back({{"role", "user"}, {"content", question}});
      messages.push_back({{"role", "assistant"}, {"content", answer}});
    }
    const std::string line = nlohmann::json({{"messages", messages}}).dump() + "\n";
    out << line;
    written += line.size();
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path modules;
  double megabytes = 200, peerMegabytes = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--node-modules") modules = argv[i + 1];
    else if (option == "--mb") megabytes = std::atof(argv[i + 1]);
    else if (option == "--peer-mb") peerMegabytes = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", option.c_str());
      return 2;
    }
  }
  if (modules.empty() || megabytes <= 0) {
    std::fprintf(stderr, "usage: bench_dataset_import --node-modules DIR [--mb 200] [--peer-mb 10]\n");
    return 2;
  }
  try {
    const fs::path work = fs::temp_directory_path() / ("tiertune-bench-import-" + std::to_string(::getpid()));
    fs::create_directories(work);
    const fs::path file = work / "chats.jsonl";
    generate(file, static_cast<std::uint64_t>(megabytes * 1024 * 1024));
    const double fileMb = static_cast<double>(fs::file_size(file)) / (1024 * 1024);
    const fs::path model = modules / "@lenml" / "tokenizer-qwen3" / "models";
    std::printf("%.0f MB of chats (JSON lines), Qwen3 tokenizer and chat template, %u cores\n\n", fileMb,
                std::thread::hardware_concurrency());
    std::printf("%-34s %8s %9s %12s %8s %8s %8s %10s %10s\n", "", "seconds", "MB/s", "tokens/s", "read s", "encode s",
                "write s", "template*", "tokenize*");
    for (const unsigned threads : {1u, std::max(2u, std::thread::hardware_concurrency())}) {
      catalog::Catalog store = catalog::Catalog::open(work / ("catalog-" + std::to_string(threads) + ".sqlite"));
      data::ImportRequest request;
      request.file = file;
      request.name = "bench";
      request.modelFolder = model;
      request.threads = threads;
      const auto start = Clock::now();
      const data::ImportResult result = data::importDataset(store, work / ("data-" + std::to_string(threads)), request);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      if (!result.dataset) throw std::runtime_error("the import failed: " + result.failure);
      const double tokens = static_cast<double>(result.train.tokens + result.validation.tokens);
      const auto& t = result.timings;
      std::printf("%-34s %8.1f %9.2f %12.0f %8.1f %8.1f %8.1f %10.1f %10.1f\n",
                  ("tiertune import, " + std::to_string(threads) + " thread" + (threads > 1 ? "s" : "")).c_str(),
                  seconds, fileMb / seconds, tokens / seconds, t.readSeconds, t.encodeSeconds, t.writeSeconds,
                  t.renderCpuSeconds, t.tokenizeCpuSeconds);
    }
    // The peer on the first peer-mb of the file.
    const fs::path peerFile = work / "peer.jsonl";
    {
      std::ifstream in(file);
      std::ofstream out(peerFile);
      std::uint64_t bytes = 0;
      for (std::string line; std::getline(in, line) && bytes < peerMegabytes * 1024 * 1024;) {
        out << line << '\n';
        bytes += line.size() + 1;
      }
    }
    const fs::path peerOut = work / "peer.json";
    const std::string command = "node '" + std::string(TIERTUNE_BENCH_DIR) + "/bench_dataset_import.mjs' '" +
                                modules.string() + "' '" + peerFile.string() + "' '" + peerOut.string() + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("the JavaScript peer failed: " + command);
    const auto peer = nlohmann::json::parse(readWholeFile(peerOut));
    const double peerMb = static_cast<double>(fs::file_size(peerFile)) / (1024 * 1024);
    const double peerSeconds = peer["seconds"].get<double>();
    std::printf("%-34s %8.1f %9.2f %12.0f %8s %8s %8s %10.1f %10.1f\n", "JavaScript reference, 1 thread", peerSeconds,
                peerMb / peerSeconds, peer["tokens"].get<double>() / peerSeconds, "", "", "",
                peer["render_seconds"].get<double>(), peer["tokenize_seconds"].get<double>());
    std::printf("\n* thread time in the chat template and in the tokenizer. Ours renders each conversation\n"
                "  2n+1 times and tokenizes it 2n+1 times for n answers (to place the loss mask); the\n"
                "  reference row renders and tokenizes once per conversation and writes nothing\n"
                "  (its file: the first %.0f MB).\n", peerMb);
    fs::remove_all(work);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_dataset_import: %s\n", error.what());
    return 1;
  }
  return 0;
}
