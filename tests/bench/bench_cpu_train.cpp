// Training throughput and peak memory on the CPU backend beside PyTorch eager on the same machine
// in the same run: full fine-tuning and LoRA (r=16 on all seven linear layers) of a Llama config
// of about 56M parameters (vocab 32000, hidden 512, 8 layers, 8 heads, 4 kv heads, intermediate
// 1376), 4 sequences of 256 tokens per step, AdamW, the same thread count. Each side runs in a
// process of its own, so peak RSS (VmHWM) is that side's alone. Issue target: at least 1.3x
// PyTorch's tokens/s at no more than half its peak memory. The row "lora bf16" keeps the frozen base
// in bf16 as a LoRA run of a bf16 checkpoint does (its products on the processor's bf16
// instructions where it has them, kernels/cpu/bf16_products.h); its peer is PyTorch's LoRA over a
// bf16 base under CPU autocast to bf16.
//   build/cat/bin/bench_cpu_train [--threads 2] [--steps 6] [--checkpointing]

#include <omp.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/random.h"
#include "kernels/backend.h"
#include "kernels/cpu/blas_kernels.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/vector_kernels.h"
#include "kernels/timed_backend.h"
#include "tests/bench/bench_process.h"
#include "tests/bench/cpu_bench_model.h"

using namespace tiertune;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kConfig = bench::kCpuBenchConfig;
constexpr int kBatch = 4;
constexpr int kSequence = 256;

struct Options {
  int threads = 2;
  int steps = 6;
  bool checkpointing = false;
};

struct Measurement {
  double tokensPerSecond = 0;
  double peakMiB = 0;
  double lastLoss = 0;
  // Ours only: the timed steps' seconds, and how many of them each family of ops took.
  double stepSeconds = 0;
  kernels::OpTimes ops;
};

// Ours, in this process: the decoder over the CPU backend, one AdamW step per batch.
// The base in bf16: fp32 random weights rounded to nearest even, then the fp32 table freed (the
// CPU backend's memory is the host's, so the bits are written in place).
std::unique_ptr<model::ParameterTable> bf16Base(kernels::Backend& backend, const formats::ModelConfig& config) {
  auto base = std::make_unique<model::ParameterTable>(backend, model::baseParameterSpecs(config),
                                                      model::ElementType::Bf16);
  {
    const model::ParameterTable wide(backend, model::baseParameterSpecs(config));
    model::initializeBaseWeights(wide, 1);
    const kernels::DeviceSpan<float> values = wide.all();
    const kernels::DeviceSpan<std::uint16_t> bits = base->allBits();
    kernels::cpu::floatToBf16(std::span<const float>(values.data(), values.size()),
                              std::span<std::uint16_t>(bits.data(), bits.size()));
  }
  return base;
}

Measurement measureOurs(bool lora, bool bf16, const Options& options) {
  omp_set_num_threads(options.threads);
  const formats::ModelConfig config = formats::parseModelConfig(kConfig);
  const auto cpu = kernels::makeCpuBackend();
  // Every op through a timer: two clock reads per op, a few microseconds per step.
  const auto backend = std::make_unique<kernels::TimedBackend>(*cpu);
  std::unique_ptr<model::ParameterTable> basePointer;
  if (bf16) {
    basePointer = bf16Base(*backend, config);
  } else {
    basePointer = std::make_unique<model::ParameterTable>(*backend, model::baseParameterSpecs(config));
    model::initializeBaseWeights(*basePointer, 1);
  }
  const model::ParameterTable& base = *basePointer;
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
                         model::DecoderOptions{options.checkpointing, 256});

  SplitMix64 random(3);
  Measurement result;
  Clock::time_point started;
  for (int step = 0; step <= options.steps; ++step) {
    if (step == 1) {  // step 0 warms up (allocations, page faults)
      started = Clock::now();
      backend->resetTimes();
    }
    model::TokenBatch batch;
    for (int s = 0; s < kBatch; ++s) {
      std::vector<std::int32_t> ids(kSequence);
      for (auto& id : ids) id = static_cast<std::int32_t>(random.below(32000));
      batch.append(ids);
    }
    gradients.zero();
    result.lastLoss = decoder.forwardBackward(batch, batch.countedTargets(), static_cast<std::uint64_t>(step)).mean();
    const double norm = std::sqrt(backend->sumOfSquares(gradients.all()));
    if (norm > 1.0) backend->scale(gradients.all(), static_cast<float>(1.0 / (norm + 1e-6)));
    backend->adamw(trained.all(), gradients.all(), m.all(), v.all(), kernels::AdamWHyper{1e-4, 0.9, 0.999, 1e-8, 0.0},
                   step + 1);
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  result.tokensPerSecond = static_cast<double>(options.steps) * kBatch * kSequence / elapsed;
  result.stepSeconds = elapsed / options.steps;
  result.ops = backend->times();
  result.peakMiB = bench::peakRssMiB();
  return result;
}

// Runs command and parses "tokens_per_s peak_mib last_loss" from its last output line, and ours'
// "ops step_seconds family_seconds..." line before it.
bool runMeasurement(const std::string& command, Measurement& result) {
  const std::optional<std::vector<std::string>> lines = bench::linesOf(command);
  if (!lines || lines->empty()) return false;
  for (const std::string& line : *lines) {
    if (line.rfind("ops ", 0) != 0) continue;
    std::istringstream fields(line.substr(4));
    fields >> result.stepSeconds;
    for (double& seconds : result.ops.seconds) fields >> seconds;
  }
  return std::sscanf(lines->back().c_str(), "%lf %lf %lf", &result.tokensPerSecond, &result.peakMiB,
                     &result.lastLoss) == 3;
}

// Where ours' step goes: each family's share of the step, and what ran outside the backend's ops
// (the decoder's own host code between them).
void printBreakdown(const std::vector<std::pair<std::string, Measurement>>& runs) {
  std::printf("\nWhere a step of ours goes (share of the step's time; ms per step in brackets)\n");
  std::printf("%-17s", "");
  for (const auto& [method, m] : runs) std::printf(" | %18s", method.c_str());
  std::printf("\n");
  const auto row = [&](const char* label, const auto& seconds) {
    std::printf("%-17s", label);
    for (const auto& [method, m] : runs) {
      const double s = seconds(m);
      std::printf(" | %7.1f%% (%7.1f)", 100.0 * s / m.stepSeconds, 1000.0 * s);
    }
    std::printf("\n");
  };
  for (std::size_t f = 0; f < kernels::kOpFamilyCount; ++f) {
    row(kernels::toString(static_cast<kernels::OpFamily>(f)), [f](const Measurement& m) { return m.ops.seconds[f]; });
  }
  row("outside the ops", [](const Measurement& m) { return m.stepSeconds - m.ops.total(); });
  // Issue 24 wants attention, norms, SwiGLU, the loss, AdamW and the rest (all but the products and
  // the copies) under a fifth of the step.
  row("all but products", [](const Measurement& m) {
    return m.ops.total() - m.ops.of(kernels::OpFamily::Matmul) - m.ops.of(kernels::OpFamily::HeadProducts) -
           m.ops.of(kernels::OpFamily::Transfers);
  });
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::string worker;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (arg == "--steps" && i + 1 < argc) {
      options.steps = std::atoi(argv[++i]);
    } else if (arg == "--checkpointing") {
      options.checkpointing = true;
    } else if (arg == "--worker" && i + 1 < argc) {
      worker = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bench_cpu_train [--threads N] [--steps N] [--checkpointing]\n");
      return 2;
    }
  }
  if (!worker.empty()) {
    const Measurement result = measureOurs(worker != "full", worker == "lora-bf16", options);
    std::printf("ops %.6f", result.stepSeconds);
    for (const double seconds : result.ops.seconds) std::printf(" %.6f", seconds / options.steps);
    std::printf("\n%.3f %.1f %.6f\n", result.tokensPerSecond, result.peakMiB, result.lastLoss);
    return 0;
  }

  std::printf("CPU training, Llama ~56M (vocab 32000, hidden 512, 8 layers, 8/4 heads, intermediate 1376),\n"
              "batch %d x %d tokens, %d threads, %d timed steps after one warm-up%s\n",
              kBatch, kSequence, options.threads, options.steps,
              options.checkpointing ? ", activation checkpointing on" : "");
  const std::string threads = std::to_string(options.threads);
  const std::string steps = std::to_string(options.steps);
  // The peer gets its best kernels by hand (issue 24): OpenBLAS's core type for this processor's
  // features, unless one is set already (then both sides run with it). Ours is given nothing.
  const char* userCoreType = std::getenv("OPENBLAS_CORETYPE");
  const std::string peerCoreType =
      userCoreType != nullptr ? userCoreType : kernels::cpu::coreTypeFor(kernels::cpu::readCpuFeatures());
  const std::string peerEnvironment = peerCoreType.empty() ? "" : "OPENBLAS_CORETYPE=" + peerCoreType + " ";
  std::printf("PyTorch with OPENBLAS_CORETYPE=%s; ours with %s, %s vector kernels\n\n",
              peerCoreType.empty() ? "(not set)" : peerCoreType.c_str(),
              userCoreType != nullptr ? "the same" : "nothing set", kernels::cpu::vectorKernels().name);
  std::printf("%-9s | %14s %14s %8s | %14s %14s %8s\n", "method", "ours tokens/s", "torch tokens/s", "ratio",
              "ours peak MiB", "torch peak MiB", "ratio");
  std::vector<std::pair<std::string, Measurement>> oursByMethod;
  for (const std::string method : {"full", "lora", "lora-bf16"}) {
    Measurement ours, torch;
    const std::string oursCommand = bench::selfPath("bench_cpu_train") + " --worker " + method + " --threads " +
                                    threads + " --steps " + steps +
                                    (options.checkpointing ? " --checkpointing" : "");
    const std::string peer = method;  // full, lora, lora-bf16 (bench_cpu_train.py's names)
    const std::string torchCommand = peerEnvironment + "OMP_NUM_THREADS=" + threads + " /usr/bin/python3 " TIERTUNE_BENCH_TORCH " " +
                                     peer + " " + threads + " " + steps;
    if (!runMeasurement(oursCommand, ours) || !runMeasurement(torchCommand, torch)) {
      std::fprintf(stderr, "a measurement failed (%s)\n", method.c_str());
      return 1;
    }
    std::printf("%-9s | %14.0f %14.0f %7.2fx | %14.0f %14.0f %7.2fx\n", method.c_str(), ours.tokensPerSecond,
                torch.tokensPerSecond, ours.tokensPerSecond / torch.tokensPerSecond, ours.peakMiB, torch.peakMiB,
                ours.peakMiB / torch.peakMiB);
    oursByMethod.emplace_back(method, ours);
  }
  printBreakdown(oursByMethod);
  return 0;
}
