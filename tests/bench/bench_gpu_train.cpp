// Training throughput and peak device memory of the CUDA backend beside PyTorch eager on the same
// GPU in the same run: full fine-tuning and LoRA (r=16, alpha 32, on all seven linear layers) of a
// Llama config of about 160M parameters (vocab 32000, hidden 1024, 8 layers, 16 heads, 8 kv heads,
// intermediate 2816), 4 sequences of 1024 tokens per step, activation checkpointing on, gradient
// clipping and AdamW, random weights made in the process. Ours is fp32 storage with bf16 products
// (operands rounded, fp32 sums: kernels/cuda/bf16_gemm.h), and again with fp32 products
// (TIERTUNE_CUDA_PRODUCTS=fp32, no TF32); the ratios are the bf16 row's. The peers
// (bench_gpu_train.py) are plain torch modules in fp32 (no TF32) and in bf16 autocast, both with
// SDPA, and LlamaForCausalLM + PEFT where transformers and peft import.
//
// tokens/s is the median over the timed steps (each ends with a device synchronize) after the
// warm-up steps. Peak MiB is the device memory in use after the last step (cudaMemGetInfo) less
// what was in use before the model existed, in a process that had already created its CUDA
// context: weights, gradients, moments, activations, scratch and library workspaces. Neither side
// frees device memory during a step (PyTorch's caching allocator keeps it reserved), so the value
// after the last step is the peak. Plain C++, no Qt: built only with CUDA; it runs on GPU machines
// without Qt (tests/device/gpu_bench.sh).
//   bench_gpu_train [--steps 5] [--warmup 2] [--only full|lora] [--peer "python3 tests/bench/bench_gpu_train.py"]
#include <cuda_runtime_api.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/random.h"
#include "kernels/backend.h"

using namespace tiertune;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kConfig =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":1024,"num_hidden_layers":8,
        "num_attention_heads":16,"num_key_value_heads":8,"intermediate_size":2816,"vocab_size":32000,
        "max_position_embeddings":2048,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";
constexpr int kBatch = 4;
constexpr int kSequence = 1024;
constexpr int kVocab = 32000;

struct Options {
  int steps = 5;
  int warmup = 2;
  std::string only;  // "full", "lora" or empty: both
  std::string peer;  // the peer's command line, or empty: ours alone
};

struct Measurement {
  bool ok = false;
  std::string note;  // why there is no measurement
  double tokensPerSecond = 0;
  double peakMiB = 0;
  double lastLoss = 0;
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double deviceMiBInUse() {
  std::size_t freeBytes = 0, totalBytes = 0;
  if (cudaMemGetInfo(&freeBytes, &totalBytes) != cudaSuccess) return 0;
  return static_cast<double>(totalBytes - freeBytes) / (1024.0 * 1024.0);
}

// Ours, in this process: the decoder over the CUDA backend, one clipped AdamW step per batch.
Measurement measureOurs(bool lora, const Options& options) {
  if (cudaFree(nullptr) != cudaSuccess) return {false, "no CUDA context", 0, 0, 0};  // the context first
  const double before = deviceMiBInUse();
  Measurement result;
  {
    const formats::ModelConfig config = formats::parseModelConfig(kConfig);
    const auto backend = kernels::makeCudaBackend(0);
    const model::ParameterTable base(*backend, model::baseParameterSpecs(config));
    model::initializeBaseWeights(base, 1);
    model::LoraConfig loraConfig;
    loraConfig.rank = 16;
    loraConfig.alpha = 32;
    std::unique_ptr<model::ParameterTable> adapter;
    if (lora) {
      adapter = std::make_unique<model::ParameterTable>(*backend, model::loraParameterSpecs(config, loraConfig));
      model::initializeLora(*adapter, config, loraConfig, 2);
    }
    const model::ParameterTable& trained = lora ? *adapter : base;
    const model::ParameterTable gradients = trained.sameLayout();
    const model::ParameterTable m = trained.sameLayout();
    const model::ParameterTable v = trained.sameLayout();
    model::Decoder decoder(*backend, config, base, adapter.get(), lora ? &loraConfig : nullptr, &gradients,
                           model::DecoderOptions{true, 1024});

    SplitMix64 random(3);
    std::vector<double> seconds;
    for (int step = 0; step < options.warmup + options.steps; ++step) {
      model::TokenBatch batch;
      for (int s = 0; s < kBatch; ++s) {
        std::vector<std::int32_t> ids(kSequence);
        for (auto& id : ids) id = static_cast<std::int32_t>(random.below(kVocab));
        batch.append(ids);
      }
      const auto started = Clock::now();
      gradients.zero();
      result.lastLoss = decoder.forwardBackward(batch, batch.countedTargets(), static_cast<std::uint64_t>(step)).mean();
      const double norm = std::sqrt(backend->sumOfSquares(gradients.all()));
      if (norm > 1.0) backend->scale(gradients.all(), static_cast<float>(1.0 / (norm + 1e-6)));
      backend->adamw(trained.all(), gradients.all(), m.all(), v.all(), kernels::AdamWHyper{1e-4, 0.9, 0.999, 1e-8, 0.0},
                     step + 1);
      backend->synchronize();
      if (step >= options.warmup) seconds.push_back(std::chrono::duration<double>(Clock::now() - started).count());
    }
    result.tokensPerSecond = kBatch * kSequence / median(seconds);
    result.peakMiB = deviceMiBInUse() - before;
    result.ok = std::isfinite(result.lastLoss);
    if (!result.ok) result.note = "loss is not finite";
  }
  return result;
}

// Runs the peer's command and takes "tokens_per_s peak_mib last_loss" from the last output line
// that has that form (library warnings may follow it on stderr); exit status 3 with
// "unavailable: <why>" means the peer cannot run here (no transformers or peft).
Measurement measurePeer(const std::string& command) {
  Measurement result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {false, "cannot start: " + command, 0, 0, 0};
  char buffer[4096];
  std::string last, unavailable;
  bool parsed = false;
  while (std::fgets(buffer, sizeof buffer, pipe)) {
    std::string line = buffer;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    last = line;
    if (line.rfind("unavailable", 0) == 0) unavailable = line;
    Measurement candidate;
    char rest = 0;
    if (std::sscanf(line.c_str(), "%lf %lf %lf %c", &candidate.tokensPerSecond, &candidate.peakMiB,
                    &candidate.lastLoss, &rest) == 3) {
      result = candidate;
      parsed = true;
    }
  }
  const int status = pclose(pipe);
  result.ok = status == 0 && parsed;
  if (!result.ok) {
    result.note = !unavailable.empty() ? unavailable
                  : last.empty()       ? "failed, status " + std::to_string(status)
                                       : "failed: " + last;
  }
  return result;
}

void printRow(const char* method, const std::string& implementation, const Measurement& row, const Measurement& ours) {
  if (!row.ok) {
    std::printf("%-6s | %-38s | %s\n", method, implementation.c_str(), row.note.substr(0, 120).c_str());
  } else {
    const double speed = ours.ok ? ours.tokensPerSecond / row.tokensPerSecond : 0;
    const double memory = ours.ok ? ours.peakMiB / row.peakMiB : 0;
    std::printf("%-6s | %-38s | %10.0f %10.0f %9.3f | %8.2fx %8.2fx\n", method, implementation.c_str(),
                row.tokensPerSecond, row.peakMiB, row.lastLoss, speed, memory);
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--steps" && i + 1 < argc) {
      options.steps = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--warmup" && i + 1 < argc) {
      options.warmup = std::max(0, std::atoi(argv[++i]));
    } else if (arg == "--only" && i + 1 < argc) {
      options.only = argv[++i];
    } else if (arg == "--peer" && i + 1 < argc) {
      options.peer = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: bench_gpu_train [--steps 5] [--warmup 2] [--only full|lora] "
                   "[--peer \"python3 tests/bench/bench_gpu_train.py\"]\n");
      return 2;
    }
  }
  int devices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
    std::printf("no CUDA device: nothing to measure\n");
    return 77;
  }
  cudaDeviceProp properties{};
  if (cudaGetDeviceProperties(&properties, 0) != cudaSuccess) return 1;

  std::printf("GPU training on %s, Llama ~160M (vocab 32000, hidden 1024, 8 layers, 16/8 heads,\n"
              "intermediate 2816), batch %d x %d tokens, activation checkpointing, AdamW, clipping 1.0;\n"
              "median of %d timed steps after %d warm-up. Peak MiB: device memory in use after the last step\n"
              "beyond the CUDA context. Ratios: ours / that row (tokens/s: higher is better for us; memory:\n"
              "lower is). LoRA: r=16, alpha 32, all seven linear layers.\n\n",
              properties.name, kBatch, kSequence, options.steps, options.warmup);
  std::printf("%-6s | %-38s | %10s %10s %9s | %9s %9s\n", "method", "implementation", "tokens/s", "peak MiB",
              "last loss", "speed", "memory");

  // The peer's rows: implementation and precision as bench_gpu_train.py takes them.
  struct Peer {
    const char* implementation;
    const char* precision;
    const char* label;
  };
  const Peer peers[] = {{"plain", "fp32", "torch eager fp32 (no TF32), SDPA"},
                        {"plain", "bf16", "torch eager bf16 autocast, SDPA"},
                        {"hf", "fp32", "HF LlamaForCausalLM(+PEFT) fp32"},
                        {"hf", "bf16", "HF LlamaForCausalLM(+PEFT) bf16 autocast"}};
  bool failed = false;
  for (const char* method : {"full", "lora"}) {
    if (!options.only.empty() && options.only != method) continue;
    // The backend reads TIERTUNE_CUDA_PRODUCTS when it is made.
    const auto measure = [&](const char* products) {
      setenv("TIERTUNE_CUDA_PRODUCTS", products, 1);
      Measurement measured;
      try {
        measured = measureOurs(std::string(method) == "lora", options);
      } catch (const std::exception& error) {
        measured.note = std::string("failed: ") + error.what();
      }
      failed = failed || !measured.ok;
      return measured;
    };
    const Measurement ours = measure("bf16");
    printRow(method, "tiertune CUDA, bf16 products", ours, ours);
    printRow(method, "tiertune CUDA, fp32 products", measure("fp32"), ours);
    if (options.peer.empty()) continue;
    for (const Peer& peer : peers) {
      const std::string command = options.peer + " " + peer.implementation + " " + peer.precision + " " + method + " " +
                                  std::to_string(options.steps) + " " + std::to_string(options.warmup);
      printRow(method, peer.label, measurePeer(command), ours);
    }
  }
  return failed ? 1 : 0;
}
