// Generation throughput on the CPU backend beside PyTorch eager in the same run: the Llama config of
// bench_cpu_train (about 56M parameters: vocab 32000, hidden 512, 8 layers, 8/4 heads, intermediate
// 1376) with seeded random weights, a prompt in one pass (prefill) and then greedy decoding one
// token per pass with the KV cache (core/infer's ModelRunner), against a plain PyTorch loop with
// past keys and values (bench_generate.py) on the same weights (written to a temporary
// safetensors file) and the same thread count. Prints prefill and decode tokens/s for both, and
// how many greedy tokens agree (the same model, so all of them unless two logits nearly tie).
//   build/ci/bin/bench_generate [--threads 2] [--prompt 128] [--new 128]
#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/infer/model_runner.h"
#include "core/infer/sampler.h"
#include "core/model/base_weights.h"
#include "core/util/random.h"
#include "kernels/backend.h"
#include "tests/bench/cpu_bench_model.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kConfig = bench::kCpuBenchConfig;

struct Options {
  int threads = 2;
  int prompt = 128;
  int newTokens = 128;
};

struct Measurement {
  double prefillTokensPerSecond = 0;
  double decodeTokensPerSecond = 0;
  std::vector<std::int32_t> tokens;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Greedy generation as the peer does it: prefill, then newTokens - 1 decode passes.
Measurement generate(infer::ModelRunner& runner, const std::vector<std::int32_t>& prompt, int newTokens) {
  Measurement result;
  Clock::time_point started = Clock::now();
  std::vector<float> logits = runner.prefill(prompt);
  result.prefillTokensPerSecond = static_cast<double>(prompt.size()) / secondsSince(started);
  result.tokens.push_back(infer::greedyToken(logits));
  started = Clock::now();
  for (int i = 1; i < newTokens; ++i) {
    logits = runner.decode(result.tokens.back());
    result.tokens.push_back(infer::greedyToken(logits));
  }
  result.decodeTokensPerSecond = (newTokens - 1) / secondsSince(started);
  return result;
}

// Batched decoding (ModelRunner's slots, as the question job generates): every slot given the
// prompt, then newTokens - 1 passes that each append one greedy token to every slot. Returns the
// tokens per second over all slots, and slot 0's tokens.
Measurement generateBatched(infer::ModelRunner& runner, const std::vector<std::int32_t>& prompt, int newTokens) {
  Measurement result;
  const std::size_t slots = runner.capacity();
  std::vector<std::size_t> which(slots);
  std::vector<std::int32_t> tokens(slots);
  for (std::size_t slot = 0; slot < slots; ++slot) {
    which[slot] = slot;
    tokens[slot] = infer::greedyToken(runner.prefill(slot, prompt));
  }
  result.tokens.push_back(tokens[0]);
  const Clock::time_point started = Clock::now();
  for (int i = 1; i < newTokens; ++i) {
    const std::vector<std::vector<float>> logits = runner.decode(which, tokens);
    for (std::size_t slot = 0; slot < slots; ++slot) tokens[slot] = infer::greedyToken(logits[slot]);
    result.tokens.push_back(tokens[0]);
  }
  result.decodeTokensPerSecond = static_cast<double>(slots) * (newTokens - 1) / secondsSince(started);
  return result;
}

// Runs the peer; parses "prefill decode token,token,..." from its last output line.
bool runPeer(const std::string& command, Measurement& result) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  std::string last, line;
  char buffer[65536];
  while (std::fgets(buffer, sizeof buffer, pipe)) {
    line += buffer;
    if (!line.empty() && line.back() == '\n') {
      last = line;
      line.clear();
    }
  }
  if (pclose(pipe) != 0) return false;
  std::istringstream in(last);
  std::string tokens;
  if (!(in >> result.prefillTokensPerSecond >> result.decodeTokensPerSecond >> tokens)) return false;
  std::istringstream list(tokens);
  for (std::string token; std::getline(list, token, ',');) result.tokens.push_back(std::stoi(token));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (arg == "--prompt" && i + 1 < argc) {
      options.prompt = std::atoi(argv[++i]);
    } else if (arg == "--new" && i + 1 < argc) {
      options.newTokens = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: bench_generate [--threads N] [--prompt TOKENS] [--new TOKENS]\n");
      return 2;
    }
  }
  if (options.prompt < 16 || options.newTokens < 2 || options.prompt + options.newTokens > 2048) {
    std::fprintf(stderr, "bench_generate: --prompt from 16, --new from 2, together at most 2048 tokens\n");
    return 2;
  }
  omp_set_num_threads(options.threads);
  const formats::ModelConfig config = formats::parseModelConfig(kConfig);
  const auto backend = kernels::makeCpuBackend();
  auto base = std::make_unique<model::ParameterTable>(*backend, model::baseParameterSpecs(config));
  model::initializeBaseWeights(*base, 1);

  char folderTemplate[] = "/tmp/bench_generate.XXXXXX";
  if (mkdtemp(folderTemplate) == nullptr) {
    std::perror("bench_generate: temporary folder");
    return 1;
  }
  const std::filesystem::path folder = folderTemplate;
  test::writeTableFile(folder / "model.safetensors", *base);

  SplitMix64 random(5);
  std::vector<std::int32_t> prompt(static_cast<std::size_t>(options.prompt));
  for (auto& id : prompt) id = static_cast<std::int32_t>(random.below(32000));

  infer::ModelRunner runner(*backend, config, std::move(base), nullptr, std::nullopt, 8);
  generate(runner, std::vector<std::int32_t>(prompt.begin(), prompt.begin() + 16), 4);  // warm-up, as the peer
  const Measurement ours = generate(runner, prompt, options.newTokens);
  const Measurement batched = generateBatched(runner, prompt, options.newTokens);

  std::string promptText;
  for (const std::int32_t id : prompt) promptText += (promptText.empty() ? "" : ",") + std::to_string(id);
  const std::string command = "OMP_NUM_THREADS=" + std::to_string(options.threads) +
                              " /usr/bin/python3 " TIERTUNE_BENCH_TORCH " " + (folder / "model.safetensors").string() +
                              " " + std::to_string(options.threads) + " " + promptText + " " +
                              std::to_string(options.newTokens);
  Measurement torch;
  const bool peerRan = runPeer(command, torch);
  std::filesystem::remove_all(folder);
  if (!peerRan) {
    std::fprintf(stderr, "bench_generate: the PyTorch peer failed (%s)\n", TIERTUNE_BENCH_TORCH);
    return 1;
  }

  std::printf("CPU generation, Llama ~56M (vocab 32000, hidden 512, 8 layers, 8/4 heads, intermediate 1376),\n"
              "prompt %d tokens, %d new tokens greedy with a KV cache, %d threads, after one warm-up\n\n",
              options.prompt, options.newTokens, options.threads);
  std::printf("%-8s | %14s %14s %8s\n", "phase", "ours tokens/s", "torch tokens/s", "ratio");
  std::printf("%-8s | %14.1f %14.1f %7.2fx\n", "prefill", ours.prefillTokensPerSecond, torch.prefillTokensPerSecond,
              ours.prefillTokensPerSecond / torch.prefillTokensPerSecond);
  std::printf("%-8s | %14.1f %14.1f %7.2fx\n", "decode", ours.decodeTokensPerSecond, torch.decodeTokensPerSecond,
              ours.decodeTokensPerSecond / torch.decodeTokensPerSecond);
  std::size_t agree = 0;
  while (agree < ours.tokens.size() && agree < torch.tokens.size() && ours.tokens[agree] == torch.tokens[agree]) ++agree;
  std::printf("\ngreedy tokens identical to PyTorch's: the first %zu of %zu\n", agree, ours.tokens.size());
  std::size_t batchAgree = 0;
  while (batchAgree < ours.tokens.size() && batchAgree < batched.tokens.size() &&
         ours.tokens[batchAgree] == batched.tokens[batchAgree]) {
    ++batchAgree;
  }
  std::printf("\nbatched decoding, 8 sequences a pass (the question job's generation):\n");
  std::printf("%-8s | %14s %14s %8s\n", "decode", "8 at once", "one at a time", "ratio");
  std::printf("%-8s | %14.1f %14.1f %7.2fx\n", "tokens/s", batched.decodeTokensPerSecond, ours.decodeTokensPerSecond,
              batched.decodeTokensPerSecond / ours.decodeTokensPerSecond);
  std::printf("slot 0's greedy tokens identical to the single sequence's: the first %zu of %zu\n", batchAgree,
              batched.tokens.size());
  return 0;
}
