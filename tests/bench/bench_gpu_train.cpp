// Training throughput and peak device memory of the CUDA backend beside PyTorch on the same GPU in
// the same run: full fine-tuning and LoRA (r=16, alpha 32, on all seven linear layers) of a Llama
// shape (tests/bench/llama_shapes.h: "160m" by default, "1b" = Llama 3.2 1B, "8b" = Llama 3.1 8B),
// batch x sequence tokens a step (4 x 1024 by default), activation checkpointing on, gradient
// clipping and AdamW, random weights made in the process. Full fine-tuning trains fp32 weights;
// LoRA trains fp32 adapters over a bf16 base, as a bf16 checkpoint loads. Ours computes with bf16
// products (operands rounded, fp32 sums: kernels/cuda/bf16_gemm.h, attention_bf16.cu) and, with
// --products bf16,fp32 (the default), again with fp32 products (TIERTUNE_CUDA_PRODUCTS=fp32, no
// TF32); the ratios are the bf16 row's. MFU (full fine-tuning): the model FLOPs of a token
// (llama_shapes.h) times tokens/s over the card's dense bf16 peak (gpu_peak.h, or --peak-tflops).
// The peers (bench_gpu_train.py, --peers picks them): "plain" torch modules in fp32 (no TF32) and
// in bf16 autocast, both with SDPA, and "hf" LlamaForCausalLM + PEFT (for LoRA in bf16, its base
// in bf16) where transformers and peft import.
//
// The issue-21 targets on an H100/H200 (tests/device/gpu_targets.sh):
//   --shape 1b --sequence 2048 --only full --peers plain:bf16   MFU >= 45%, >= 1.3x the peer
//   --shape 8b --sequence 2048 --batch 1 --only lora --peers hf:bf16   >= 1.5x, <= 0.7x its memory
//
// tokens/s is the median over the timed steps (each ends with a device synchronize) after the
// warm-up steps. Peak MiB is the device memory in use after the last step (cudaMemGetInfo) less
// what was in use before the model existed, in a process that had already created its CUDA
// context: weights, gradients, moments, activations, scratch and library workspaces. Neither side
// frees device memory during a step (PyTorch's caching allocator keeps it reserved), so the value
// after the last step is the peak. Plain C++, no Qt: built only with CUDA; it runs on GPU machines
// without Qt (tests/device/gpu_bench.sh, gpu_targets.sh).
//   bench_gpu_train [--shape 160m|1b|8b] [--batch 4] [--sequence 1024] [--steps 5] [--warmup 2]
//                   [--only full|lora] [--products bf16,fp32] [--peers plain:fp32,plain:bf16,hf:fp32,hf:bf16]
//                   [--peak-tflops N] [--peer "python3 tests/bench/bench_gpu_train.py"]
#include <cuda_runtime_api.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/random.h"
#include "kernels/backend.h"
#include "tests/bench/gpu_peak.h"
#include "tests/bench/llama_shapes.h"
#include "tests/bench/random_base.h"

using namespace tiertune;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string shape = "160m";
  int batch = 4;
  int sequence = 1024;
  int steps = 5;
  int warmup = 2;
  std::string only;  // "full", "lora" or empty: both
  std::vector<std::string> products = {"bf16", "fp32"};
  std::vector<std::string> peers = {"plain:fp32", "plain:bf16", "hf:fp32", "hf:bf16"};
  double peakFlops = 0;  // --peak-tflops, else the card's from gpu_peak.h
  std::string peer;      // the peer's command line, or empty: ours alone
};

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

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
    const formats::ModelConfig config = formats::parseModelConfig(bench::llamaConfigOf(options.shape));
    const auto backend = kernels::makeCudaBackend(0);
    // Full fine-tuning trains fp32 weights; LoRA's frozen base is bf16, as a bf16 checkpoint loads.
    // Drawn in parallel on the host (an 8B base in seconds).
    const model::ParameterTable base(*backend, model::baseParameterSpecs(config),
                                     lora ? model::TableFormat(model::ElementType::Bf16, false) : model::TableFormat());
    bench::fillRandomBase(*backend, base, 1);
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
    const auto vocab = static_cast<std::uint64_t>(config.vocabSize);

    SplitMix64 random(3);
    std::vector<double> seconds;
    for (int step = 0; step < options.warmup + options.steps; ++step) {
      model::TokenBatch batch;
      for (int s = 0; s < options.batch; ++s) {
        std::vector<std::int32_t> ids(static_cast<std::size_t>(options.sequence));
        for (auto& id : ids) id = static_cast<std::int32_t>(random.below(vocab));
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
    result.tokensPerSecond = static_cast<double>(options.batch) * options.sequence / median(seconds);
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

// One row: tokens/s, peak MiB, last loss, MFU (full fine-tuning, when the peak is known), and the
// ratios of ours (the bf16-products row) to this row.
void printRow(const char* method, const std::string& implementation, const Measurement& row, const Measurement& ours,
              double flopsPerToken, double peakFlops) {
  if (!row.ok) {
    std::printf("%-6s | %-40s | %s\n", method, implementation.c_str(), row.note.substr(0, 120).c_str());
  } else {
    const double speed = ours.ok ? ours.tokensPerSecond / row.tokensPerSecond : 0;
    const double memory = ours.ok ? ours.peakMiB / row.peakMiB : 0;
    char mfu[16] = "-";
    if (flopsPerToken > 0 && peakFlops > 0) {
      std::snprintf(mfu, sizeof mfu, "%.1f%%", 100.0 * row.tokensPerSecond * flopsPerToken / peakFlops);
    }
    std::printf("%-6s | %-40s | %10.0f %10.0f %9.3f %7s | %8.2fx %8.2fx\n", method, implementation.c_str(),
                row.tokensPerSecond, row.peakMiB, row.lastLoss, mfu, speed, memory);
  }
  std::fflush(stdout);
}

std::string peerLabel(const std::string& peer, bool lora) {
  if (peer == "plain:fp32") return "torch eager fp32 (no TF32), SDPA";
  if (peer == "plain:bf16") return "torch eager bf16 autocast, SDPA";
  if (peer == "hf:fp32") return lora ? "HF LlamaForCausalLM + PEFT fp32" : "HF LlamaForCausalLM fp32";
  if (peer == "hf:bf16") return lora ? "HF + PEFT bf16 (bf16 base), ckpt" : "HF LlamaForCausalLM bf16 autocast";
  return peer;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool value = i + 1 < argc;
    if (arg == "--shape" && value) {
      options.shape = argv[++i];
    } else if (arg == "--batch" && value) {
      options.batch = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--sequence" && value) {
      options.sequence = std::max(2, std::atoi(argv[++i]));
    } else if (arg == "--steps" && value) {
      options.steps = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--warmup" && value) {
      options.warmup = std::max(0, std::atoi(argv[++i]));
    } else if (arg == "--only" && value) {
      options.only = argv[++i];
    } else if (arg == "--products" && value) {
      options.products = commaList(argv[++i]);
    } else if (arg == "--peers" && value) {
      options.peers = commaList(argv[++i]);
    } else if (arg == "--peak-tflops" && value) {
      options.peakFlops = std::atof(argv[++i]) * 1e12;
    } else if (arg == "--peer" && value) {
      options.peer = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: bench_gpu_train [--shape 160m|1b|8b] [--batch 4] [--sequence 1024] [--steps 5] "
                   "[--warmup 2] [--only full|lora] [--products bf16,fp32] "
                   "[--peers plain:fp32,plain:bf16,hf:fp32,hf:bf16] [--peak-tflops N] "
                   "[--peer \"python3 tests/bench/bench_gpu_train.py\"]\n");
      return 2;
    }
  }
  try {
    bench::llamaConfigOf(options.shape);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "bench_gpu_train: %s\n", error.what());
    return 2;
  }
  int devices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
    std::printf("no CUDA device: nothing to measure\n");
    return 77;
  }
  cudaDeviceProp properties{};
  if (cudaGetDeviceProperties(&properties, 0) != cudaSuccess) return 1;
  if (options.peakFlops <= 0) options.peakFlops = bench::denseBf16PeakFlops(properties.name).value_or(0);
  const formats::ModelConfig config = formats::parseModelConfig(bench::llamaConfigOf(options.shape));

  std::printf("GPU training on %s (dense bf16 peak %s), Llama shape '%s' (hidden %lld, %lld layers, %lld/%lld heads,\n"
              "intermediate %lld, vocab %lld), batch %d x %d tokens, activation checkpointing, AdamW, clipping 1.0;\n"
              "median of %d timed steps after %d warm-up. Peak MiB: device memory in use after the last step\n"
              "beyond the CUDA context. MFU: model FLOPs (6 per weight of each product, attention's causal half)\n"
              "over the dense bf16 peak. Ratios: ours (bf16 products) / that row (tokens/s: higher is better\n"
              "for us; memory: lower is). LoRA: r=16, alpha 32, all seven linear layers, bf16 base.\n\n",
              properties.name,
              options.peakFlops > 0 ? (std::to_string(static_cast<int>(options.peakFlops / 1e12)) + " TFLOP/s").c_str()
                                    : "unknown: --peak-tflops",
              options.shape.c_str(), static_cast<long long>(config.hiddenSize),
              static_cast<long long>(config.layerCount), static_cast<long long>(config.attentionHeads),
              static_cast<long long>(config.keyValueHeads), static_cast<long long>(config.intermediateSize),
              static_cast<long long>(config.vocabSize), options.batch, options.sequence, options.steps,
              options.warmup);
  std::printf("%-6s | %-40s | %10s %10s %9s %7s | %9s %9s\n", "method", "implementation", "tokens/s", "peak MiB",
              "last loss", "MFU", "speed", "memory");

  bool failed = false;
  for (const char* method : {"full", "lora"}) {
    if (!options.only.empty() && options.only != method) continue;
    const bool lora = std::string(method) == "lora";
    const double flopsPerToken = lora ? 0 : bench::trainingFlopsPerToken(config, options.sequence);
    // The backend reads TIERTUNE_CUDA_PRODUCTS when it is made.
    const auto measure = [&](const std::string& products) {
      setenv("TIERTUNE_CUDA_PRODUCTS", products.c_str(), 1);
      Measurement measured;
      try {
        measured = measureOurs(lora, options);
      } catch (const std::exception& error) {
        measured.note = std::string("failed: ") + error.what();
      }
      failed = failed || !measured.ok;
      return measured;
    };
    Measurement ours;
    for (const std::string& products : options.products) {
      const Measurement row = measure(products);
      if (products == options.products.front()) ours = row;
      printRow(method, "tiertune CUDA, " + products + " products", row, ours, flopsPerToken, options.peakFlops);
    }
    if (options.peer.empty()) continue;
    for (const std::string& peer : options.peers) {
      const std::size_t colon = peer.find(':');
      if (colon == std::string::npos) continue;
      const std::string command = options.peer + " " + peer.substr(0, colon) + " " + peer.substr(colon + 1) + " " +
                                  method + " " + std::to_string(options.steps) + " " +
                                  std::to_string(options.warmup) + " " + options.shape + " " +
                                  std::to_string(options.batch) + " " + std::to_string(options.sequence);
      printRow(method, peerLabel(peer, lora), measurePeer(command), ours, flopsPerToken, options.peakFlops);
    }
  }
  return failed ? 1 : 0;
}
