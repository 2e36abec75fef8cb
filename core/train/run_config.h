// A training run's configuration: the run.json that `tiertune-cli train --config` reads, the
// fine-tune wizard writes and the catalog keeps with the run. One flat JSON object; every field but
// "model", "output" and one of "dataset" or "train_data" has a default (README: "The run configuration"). Unknown fields
// are errors, so a misspelt field never silently keeps its default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/hardware/backend_choice.h"
#include "core/model/lora.h"
#include "core/tiers/machine_budget.h"
#include "kernels/backend.h"

namespace tiertune::train {

enum class LrSchedule { Constant, Linear, Cosine };

// The file in a run's output folder that holds its worker's JSON lines and messages, appended
// across resumes, so that a GUI attaching later can read the run's story from the start.
inline constexpr const char* kWorkerLogFileName = "worker.log";

struct RunConfig {
  std::filesystem::path modelFolder;
  std::string dataset;                                  // a catalog dataset (name or id), resolved to trainData
  std::filesystem::path trainData;                      // token file, or a dataset's token folder
  std::optional<std::filesystem::path> validationData;  // else validationRatio of the training samples
  double validationRatio = 0.0;
  std::filesystem::path outputFolder;                   // checkpoints and the log go here

  bool lora = true;  // "method": "lora" or "qlora", else "full"
  // "method": "qlora" (or "base_bits": 4 with "lora"): LoRA over a base whose projection matrices
  // are kept in NF4 (QLoRA's 4-bit NormalFloat), the rest of the base in its 16 bits.
  bool fourBitBase = false;
  model::LoraConfig loraConfig;

  std::int64_t sequenceLength = 2048;  // samples are cut to this many tokens
  std::int64_t microBatch = 1;         // samples per forward/backward
  std::int64_t gradientAccumulation = 1;
  std::int64_t epochs = 1;
  std::optional<std::int64_t> maxSteps;  // optimizer steps; overrides epochs

  kernels::AdamWHyper adamw{2e-4, 0.9, 0.999, 1e-8, 0.0};
  LrSchedule schedule = LrSchedule::Cosine;
  std::int64_t warmupSteps = 0;
  double warmupRatio = 0.0;  // of the total steps, when warmupSteps is 0
  double minLrRatio = 0.0;   // the schedule decays to learningRate * minLrRatio
  double maxGradNorm = 1.0;  // 0 turns clipping off

  std::int64_t evalEvery = 0;        // optimizer steps between evaluations; 0: at the end only
  // Sample generations at each evaluation (core/train/eval_samples.h): how many prompts of the
  // validation samples are continued (0: none), and how many new tokens each gets at most.
  std::int64_t evalSamples = 3;
  std::int64_t evalSampleTokens = 48;
  std::int64_t checkpointEvery = 0;  // optimizer steps between checkpoints; 0: at the end only
  std::int64_t keepCheckpoints = 3;  // the newest are kept; 0 keeps all
  std::uint64_t seed = 42;
  int threads = 0;  // CPU threads; 0: all cores
  bool activationCheckpointing = true;

  // Where the run trains (core/hardware/backend_choice.h): "backend" ("auto": the GPU when a
  // usable one is found), and "device", the index of the GPU to use when the machine has several.
  hardware::BackendRequest backend = hardware::BackendRequest::Auto;
  std::optional<int> device;

  // The memory plan: caps on what the hardware check finds ("device_budget_gb", ...), and the
  // offload folder for state on disk ("offload_folder"; default: the settings' offload folder).
  tiers::BudgetCaps budgets;
  std::optional<std::filesystem::path> offloadFolder;
};

// What run.json is read for: training needs "output" and the data; `tiertune-cli plan` needs only
// "model" (every other field keeps its default when absent, and is checked as for training).
enum class RunConfigUse { Train, Plan };

// Parses run.json text; relative paths are taken from baseFolder. Throws tiertune::Error that
// names fileLabel and the field.
RunConfig parseRunConfig(const std::string& jsonText, const std::filesystem::path& baseFolder,
                         const std::string& fileLabel = "run.json", RunConfigUse use = RunConfigUse::Train);
RunConfig loadRunConfig(const std::filesystem::path& file, RunConfigUse use = RunConfigUse::Train);

// The configuration as run.json text with every field explicit and absolute paths (what the
// catalog keeps, so that a resume sees exactly what the run started with).
std::string toJson(const RunConfig& config);

// "qlora", "lora" or "full": run.json's method, and the catalog's.
const char* methodKey(const RunConfig& config);

}  // namespace tiertune::train
