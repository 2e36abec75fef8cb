// A 1B LoRA step on the CPU beside the machine's own matrix product rate, measured in the same
// process: Llama 3.2 1B's shape (hidden 2048, 16 layers, 32/8 heads, intermediate 8192, vocabulary
// 128,256, tied head), random weights kept in bf16 as a bf16 checkpoint is, LoRA r16 on all seven
// projections, one sequence of 512 tokens per step, no activation checkpointing, AdamW. Issue 24's
// target: the step's model FLOPs at no less than 60% of the measured GEMM rate.
//
// Model FLOPs are what the step must compute, counted from the shapes, not what the code happens to
// run: per token, 4 x the frozen weights (the forward product and the input gradient; a frozen
// weight has no gradient of its own), 6 x r x (in + out) per adapter, and causal attention's
// 12 x layers x heads x head_dim x (tokens + 1) / 2 (scores and values, forward and backward). The
// GEMM rates are the CPU backend's products C = A B^T at 2048^3 (the best of three): fp32, and with
// the weight in bf16, widened panel by panel and as the backend multiplies it (on the processor's
// bf16 instructions where it can). The target is held to the rate of the products the base uses.
//   build/ci/bin/bench_cpu_lora_1b [--threads 2] [--steps 2] [--sequence 512]
#include <omp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/decoder.h"
#include "kernels/backend.h"
#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/blas_kernels.h"
#include "kernels/cpu/vector_kernels.h"
#include "kernels/timed_backend.h"
#include "tests/bench/gemm_rate.h"
#include "tests/bench/llama_shapes.h"
#include "tests/bench/lora_steps.h"
#include "tests/bench/random_base.h"

using namespace tiertune;

namespace {

struct Options {
  int threads = 2;
  int steps = 2;
  int sequence = 512;
};

// The model FLOPs of one step of `tokens` tokens (one sequence), as the header says.
double modelFlopsPerStep(const formats::ModelConfig& c, double rank, double tokens) {
  const double hidden = static_cast<double>(c.hiddenSize), inner = static_cast<double>(c.intermediateSize);
  const double headDim = static_cast<double>(c.headDim > 0 ? c.headDim : c.hiddenSize / c.attentionHeads);
  const double query = static_cast<double>(c.attentionHeads) * headDim;
  const double keyValue = static_cast<double>(c.keyValueHeads) * headDim;
  const double layers = static_cast<double>(c.layerCount);
  // [in, out] of the seven projections.
  const double shapes[7][2] = {{hidden, query}, {hidden, keyValue}, {hidden, keyValue}, {query, hidden},
                               {hidden, inner}, {hidden, inner},    {inner, hidden}};
  double frozen = 0, adapters = 0;
  for (const auto& shape : shapes) {
    frozen += shape[0] * shape[1];
    adapters += rank * (shape[0] + shape[1]);
  }
  const double head = static_cast<double>(c.vocabSize) * hidden;
  const double perToken = 4.0 * (layers * frozen + head) + 6.0 * layers * adapters +
                          12.0 * layers * query * (tokens + 1.0) / 2.0;
  return perToken * tokens;
}

struct Measurement {
  double stepSeconds = 0, lastLoss = 0;
  kernels::OpTimes ops;
};

Measurement measure(const formats::ModelConfig& config, const Options& options) {
  const auto cpu = kernels::makeCpuBackend();
  const auto backend = std::make_unique<kernels::TimedBackend>(*cpu);
  const model::ParameterTable base(*backend, model::baseParameterSpecs(config),
                                   model::TableFormat(model::ElementType::Bf16, false));
  bench::fillRandomBase(*backend, base, 1);
  Measurement result;
  const bench::LoraSteps steps = bench::runLoraSteps(*backend, config, base, false, options.sequence, options.steps,
                                                     [&] { backend->resetTimes(); });
  result.lastLoss = steps.lastLoss;
  result.stepSeconds = steps.seconds / options.steps;
  result.ops = backend->times();
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (arg == "--steps" && i + 1 < argc) {
      options.steps = std::atoi(argv[++i]);
    } else if (arg == "--sequence" && i + 1 < argc) {
      options.sequence = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: bench_cpu_lora_1b [--threads N] [--steps N] [--sequence N]\n");
      return 2;
    }
  }
  if (options.steps < 1 || options.threads < 1 || options.sequence < 2) {
    std::fprintf(stderr, "bench_cpu_lora_1b: --steps and --threads must be at least 1, --sequence at least 2\n");
    return 2;
  }
  omp_set_num_threads(options.threads);
  const formats::ModelConfig config = formats::parseModelConfig(bench::llamaConfigOf("1b"));
  const kernels::cpu::BlasKernels& blas = kernels::cpu::useBestBlasKernels();
  std::printf("LoRA r16 (all seven projections) of Llama 3.2 1B's shape, bf16 base, 1 x %d tokens, %d threads,\n"
              "%d timed steps after one warm-up; %s, %s vector kernels\n\n",
              options.sequence, options.threads, options.steps, kernels::cpu::describeBlasKernels(blas).c_str(),
              kernels::cpu::vectorKernels().name);

  const double gemm = bench::gemmGflops(2048);
  const double gemmWidened = bench::gemmGflops(2048, bench::Bf16Path::Widened);
  const double gemmHalf = bench::gemmGflops(2048, bench::Bf16Path::AsChosen);
  const Measurement ours = measure(config, options);
  // Again after the run: a busy neighbour during either measurement shows as a gap between the two.
  const double gemmAfter = bench::gemmGflops(2048);
  const double machineRate = std::max(gemm, gemmAfter);

  const double flops = modelFlopsPerStep(config, 16.0, options.sequence);
  const double achieved = flops / ours.stepSeconds / 1e9;
  std::printf("%-44s %12s\n", "", "GFLOP/s");
  std::printf("%-44s %12.1f\n", "GEMM 2048^3 fp32, before the run", gemm);
  std::printf("%-44s %12.1f\n", "GEMM 2048^3 fp32, after the run", gemmAfter);
  std::printf("%-44s %12.1f\n", "GEMM 2048^3, weight bf16 widened in panels", gemmWidened);
  std::printf("%-44s %12.1f   (%s)\n", "GEMM 2048^3, weight bf16 as the backend", gemmHalf,
              kernels::cpu::describeBf16Products(kernels::cpu::bf16Products()).c_str());
  std::printf("%-44s %12.1f   (%.1f model GFLOP a step, %.2f s a step, %.1f tokens/s)\n",
              "LoRA step, model FLOPs", achieved, flops / 1e9, ours.stepSeconds,
              options.sequence / ours.stepSeconds);
  // The target's denominator is the rate of the products the frozen base runs on: the bf16
  // products' where the backend uses them (the higher bar), else the better fp32 figure.
  const bool bf16 = kernels::cpu::bf16Products().inUse();
  std::printf("\nmodel FLOPs rate / fp32 GEMM rate (the better figure): %.0f%%\n", 100.0 * achieved / machineRate);
  if (bf16) std::printf("model FLOPs rate / bf16 GEMM rate, as the backend multiplies: %.0f%%\n", 100.0 * achieved / gemmHalf);
  std::printf("target: at least 60%% of the %s rate\n", bf16 ? "bf16" : "fp32");

  std::printf("\nWhere a step goes (share of the step's time; s per step in brackets)\n");
  for (std::size_t f = 0; f < kernels::kOpFamilyCount; ++f) {
    const double seconds = ours.ops.seconds[f] / options.steps;
    if (ours.ops.calls[f] == 0) continue;
    std::printf("%-17s %6.1f%% (%6.2f)\n", kernels::toString(static_cast<kernels::OpFamily>(f)),
                100.0 * seconds / ours.stepSeconds, seconds);
  }
  std::printf("%-17s %6.1f%% (%6.2f)\n", "outside the ops",
              100.0 * (ours.stepSeconds - ours.ops.total() / options.steps) / ours.stepSeconds,
              ours.stepSeconds - ours.ops.total() / options.steps);
  std::printf("last loss %.4f\n", ours.lastLoss);
  return 0;
}
