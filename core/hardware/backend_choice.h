// Which backend a run trains on: the one decision that the worker, `tiertune-cli plan` and `train`,
// the fine-tune wizard's memory plan page and `doctor` all take from here, so that what the wizard
// shows is what the worker does. The GPU when the hardware check finds a usable one, the CPU
// otherwise; run.json's "backend" ("auto", "cuda", "cpu") and "device" (a GPU's index) steer it.
//
// "Usable" means compute capability 8.0 or newer (Ampere and later): the training path stores
// weights and activations in bfloat16, which older cards cannot multiply on their tensor cores.
//
// The choice is a record, not a sentence: front ends word it (the GUI through tr()).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::hardware {

// run.json's "backend".
enum class BackendRequest { Auto, Cuda, Cpu };

// "auto", "cuda", "cpu"; parseBackendRequest gives nullopt for anything else.
std::string_view toString(BackendRequest request);
std::optional<BackendRequest> parseBackendRequest(std::string_view text);

// The oldest compute capability the GPU path trains on.
inline constexpr int kMinimumComputeMajor = 8;

struct BackendChoice {
  // Why the CPU trains a run that asked for "auto" (None when the GPU does, or "cpu" was asked for).
  enum class CpuReason {
    None,
    Requested,        // "backend": "cpu"
    NoGpu,            // the probe found no NVIDIA GPU: gpuStatus says what it saw
    GpuTooOld,        // every GPU is older than kMinimumComputeMajor: olderGpu names the best one
  };
  CpuReason cpuReason = CpuReason::NoGpu;
  kernels::GpuReport::Status gpuStatus = kernels::GpuReport::Status::NotBuiltWithCuda;
  std::string gpuDetail;                 // the probe's own words when it found none
  std::optional<kernels::GpuDevice> gpu;  // the GPU that trains; none: the CPU does
  std::optional<kernels::GpuDevice> olderGpu;  // GpuTooOld: the card that is not used

  bool onGpu() const { return gpu.has_value(); }
};

// Decides from the probe's report. Throws tiertune::Error, in words, when the run asks for what
// this machine cannot give: "cuda" without a usable GPU, or a "device" index it does not have
// (device is ignored for "cpu"; for "auto" a missing index is an error too, as a misspelt field
// would be).
BackendChoice chooseBackend(const kernels::GpuReport& gpus, BackendRequest request, std::optional<int> device);

// The report as the chosen backend sees it: the chosen GPU alone, or no GPU at all when the CPU
// trains (so the planner's device tier is the CPU backend's arena).
kernels::GpuReport reportForChoice(const kernels::GpuReport& gpus, const BackendChoice& choice);

// The backend itself. arenaBytes caps the CPU backend's arena (the planner's device tier); the GPU
// is capped by its own memory, which the plan already keeps within its budget.
std::unique_ptr<kernels::Backend> makeChosenBackend(const BackendChoice& choice, std::size_t arenaBytes);

// English, for the command line and the worker's log: "GPU 0: NVIDIA H100 80GB HBM3 (79.1 GiB)"
// or "CPU (no NVIDIA GPU found)".
std::string describeChoice(const BackendChoice& choice);

}  // namespace tiertune::hardware
