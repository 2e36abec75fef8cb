// The tiered executor's cost on the CPU backend: step time of full fine-tuning with the device
// arena capped at a quarter of the training state (the planner's placement puts the rest in RAM,
// or on the SSD), beside the same run fully resident, in the same process. Issue target: at most
// 1.15x the resident step time where a layer's compute outlasts its transfers. Prints the table,
// the losses of every variant (they must be bit for bit the same) and the timeline of one step:
// what the mover thread moved while the decoder computed.
//   build/ci/bin/bench_offload [--threads 2] [--steps 3] [--folder DIR]
#include <omp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/hardware/compute_speed.h"
#include "core/model/model_units.h"
#include "core/tiers/plan_words.h"
#include "core/tiers/planner.h"
#include "core/tiers/state_placement.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// About 111M parameters, most of them in the eight layers (a small vocabulary), so that a quarter
// of the full fine-tuning state holds the streaming slots and the working buffers.
const char* const kConfig =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":1024,"num_hidden_layers":8,
        "num_attention_heads":16,"num_key_value_heads":8,"intermediate_size":2816,"vocab_size":8000,
        "max_position_embeddings":2048,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";
constexpr int kMicroBatch = 2;
constexpr int kSequence = 256;

struct Options {
  int threads = 2;
  int steps = 3;
  fs::path folder = fs::current_path() / "bench-offload";
};

struct Variant {
  std::string name;
  std::optional<tiers::StatePlacement> placement;
  std::size_t arenaBytes = kernels::MemoryUse{}.limit;
  double stepSeconds = 0;
  std::size_t arenaPeak = 0;
  std::uint64_t hostBytes = 0, diskBytes = 0;
  tiers::TransferStats stats;
  std::vector<double> losses;
  std::vector<tiers::TimelineEvent> timeline;
  double predictedSeconds = 0;  // the planner's step time for this placement
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool hasValue = i + 1 < argc;
    if (argument == "--threads" && hasValue) {
      options.threads = std::atoi(argv[++i]);
    } else if (argument == "--steps" && hasValue) {
      options.steps = std::atoi(argv[++i]);
    } else if (argument == "--folder" && hasValue) {
      options.folder = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bench_offload [--threads N] [--steps N] [--folder DIR]\n");
      std::exit(2);
    }
  }
  return options;
}

std::uint64_t fullStateBytes(const formats::ModelConfig& model) {
  std::uint64_t parameters = 0;
  for (const model::ParameterSpec& spec : model::baseParameterSpecs(model)) parameters += model::elementCount(spec.shape);
  return parameters * 16;  // fp32 weights, gradients and two moments
}

void run(Variant& variant, const train::RunConfig& config, const Options& options) {
  const auto backend = kernels::makeCpuBackend(variant.arenaBytes);
  train::TrainerTiering tiering;
  tiering.placement = variant.placement;
  tiering.options.offloadFolder = options.folder;
  tiering.options.recordTimeline = true;
  train::Trainer trainer(config, *backend, std::move(tiering));
  variant.losses.push_back(trainer.trainStep().loss);  // warm-up: first touches, OpenBLAS buffers
  const auto start = Clock::now();
  for (int step = 0; step < options.steps; ++step) variant.losses.push_back(trainer.trainStep().loss);
  variant.stepSeconds = std::chrono::duration<double>(Clock::now() - start).count() / options.steps;
  variant.arenaPeak = backend->memoryUse().peak;
  variant.hostBytes = trainer.tieredState().hostBytes();
  variant.diskBytes = trainer.tieredState().diskBytes();
  variant.stats = trainer.tieredState().stats();
  variant.timeline = trainer.tieredState().timeline();
}

// The last step's events, as rows of milliseconds from its start, on two lanes.
void printTimeline(const Variant& variant, int steps) {
  const auto& events = variant.timeline;
  if (events.empty()) return;
  const double end = events.back().end;
  const double stepStart = end - variant.stepSeconds;
  std::printf("\nTimeline of the last step, %s (ms from its start; the mover works while the decoder computes):\n",
              variant.name.c_str());
  std::printf("  %-8s %8s %8s  %s\n", "lane", "start", "end", "what");
  double moverInside = 0, moverTotal = 0;
  for (const tiers::TimelineEvent& event : events) {
    if (event.end < stepStart) continue;
    const bool mover = event.lane == tiers::TimelineEvent::Lane::Mover;
    std::printf("  %-8s %8.1f %8.1f  %s\n", mover ? "mover" : "compute", (event.start - stepStart) * 1e3,
                (event.end - stepStart) * 1e3, event.what.c_str());
    if (!mover) continue;
    moverTotal += event.end - event.start;
    // Overlap: the part of this transfer during which some unit was computing.
    for (const tiers::TimelineEvent& compute : events) {
      if (compute.lane != tiers::TimelineEvent::Lane::Compute || compute.what.rfind("compute", 0) != 0) continue;
      moverInside += std::max(0.0, std::min(event.end, compute.end) - std::max(event.start, compute.start));
    }
  }
  std::printf("  mover busy %.0f ms in this step, %.0f%% of it while a unit computed (%d steps measured)\n",
              moverTotal * 1e3, moverTotal > 0 ? 100.0 * moverInside / moverTotal : 0.0, steps);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  omp_set_num_threads(options.threads);
  fs::create_directories(options.folder);
  const fs::path root = options.folder / "bench-run";
  fs::remove_all(root);
  test::writeRandomModelFolder(root / "model", kConfig, 7);
  test::writeTokenFile(root / "train.jsonl", 64, 8000, 9, 300);
  const std::string json = R"({"model":"model","train_data":"train.jsonl","output":"out","method":"full",
      "micro_batch":)" + std::to_string(kMicroBatch) + R"(,"sequence_length":)" + std::to_string(kSequence) +
                           R"(,"gradient_accumulation":1,"max_steps":100,"learning_rate":1e-4,"weight_decay":0.01})";
  const train::RunConfig config = train::parseRunConfig(json, root);
  const formats::ModelConfig model = formats::parseModelConfig(kConfig);
  const std::uint64_t state = fullStateBytes(model);

  tiers::TrainingSetup setup;
  setup.model = model;
  setup.method = tiers::Method::Full;
  setup.microBatch = kMicroBatch;
  setup.sequenceLength = kSequence;
  setup.fp32Weights = true;
  tiers::MachineBudget machine;
  machine.deviceBytes = state / 4;
  machine.hostBytes = 4 * state;
  machine.diskBytes = 0;
  {
    // The rates the planner predicts from, measured as `tiertune-cli train` measures them.
    const auto probe = kernels::makeCpuBackend();
    const hardware::ComputeSpeed speed = hardware::measureComputeSpeed(*probe);
    machine.hostToDeviceBytesPerSecond = speed.copyBytesPerSecond;
    machine.computeFlopsPerSecond = speed.matmulFlopsPerSecond;
    std::printf("measured: %.1f GFLOP/s fp32 matmul, %.1f GB/s copies\n", speed.matmulFlopsPerSecond / 1e9,
                speed.copyBytesPerSecond / 1e9);
  }
  tiers::MachineBudget diskMachine = machine;
  diskMachine.hostBytes = state / 16;
  diskMachine.diskBytes = 4 * state;
  diskMachine.diskReadBytesPerSecond = 1e9;
  diskMachine.diskWriteBytesPerSecond = 1e9;

  std::vector<Variant> variants(3);
  variants[0].name = "resident";
  {
    tiers::MachineBudget everything = machine;
    everything.deviceBytes = 4 * state;
    variants[0].predictedSeconds = tiers::planTraining(setup, everything).stepSeconds;
  }
  for (int v = 1; v <= 2; ++v) {
    const tiers::MachineBudget& budget = v == 1 ? machine : diskMachine;
    const tiers::Plan plan = tiers::planTraining(setup, budget);
    if (!plan.fits) {
      std::fprintf(stderr, "the plan does not fit: %s\n", tiers::noFitText(plan).c_str());
      return 1;
    }
    variants[v].name = v == 1 ? "1/4 arena, rest in RAM" : "1/4 arena, rest on SSD";
    variants[v].placement = tiers::placementFromPlan(setup, plan);
    variants[v].arenaBytes = budget.deviceBytes;
    variants[v].predictedSeconds = plan.stepSeconds;
  }
  std::printf("Full fine-tuning, %.0fM parameters, %d x %d tokens per step, %d threads; training state %.0f MB\n",
              static_cast<double>(state) / 16e6, kMicroBatch, kSequence, options.threads, state / 1e6);
  for (Variant& variant : variants) {
    std::fprintf(stderr, "running %s...\n", variant.name.c_str());
    run(variant, config, options);
  }

  std::printf("\n| variant | step (s) | planner predicted (s) | vs resident | arena peak (MB) | RAM tier (MB) | SSD tier (MB) | "
              "host->device (MB/step) | disk read (MB/step) | decoder waited (s/step) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  const double steps = options.steps + 1.0;
  for (const Variant& variant : variants) {
    std::printf("| %s | %.2f | %.2f | %.3fx | %.0f | %.0f | %.0f | %.0f | %.0f | %.3f |\n", variant.name.c_str(),
                variant.stepSeconds, variant.predictedSeconds, variant.stepSeconds / variants[0].stepSeconds, variant.arenaPeak / 1e6,
                variant.hostBytes / 1e6, variant.diskBytes / 1e6, variant.stats.hostToDevice / 1e6 / steps,
                variant.stats.diskRead / 1e6 / steps, variant.stats.computeWaitSeconds / steps);
  }
  bool identical = true;
  for (const Variant& variant : variants) identical = identical && variant.losses == variants[0].losses;
  std::printf("\nlosses, step by step: ");
  for (const double loss : variants[0].losses) std::printf("%.6f ", loss);
  std::printf("\nbit for bit the same in every variant: %s\n", identical ? "yes" : "NO");
  printTimeline(variants[1], options.steps);
  fs::remove_all(root);
  return identical ? 0 : 1;
}
