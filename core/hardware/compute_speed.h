// How fast a backend computes and moves data, measured in well under a second: square matrix
// products of fp32 operands through backend.matmul (the kind of op that dominates a training step,
// in the precision the backend really multiplies in: bf16 on a GPU's tensor cores), 1024 wide, or
// on a backend that does one in under a millisecond twice as wide until it does not (up to 4096:
// a GPU's rate at 1024 is mostly launches and the operands' rounding, not what a training step's
// products reach), repeated until the timing is long enough to trust; and a 64 MiB upload and
// download on the backend's transfer lane from its host staging memory (page-locked on CUDA), as
// the tiered executor streams state. The planner predicts step times from these instead of from
// the hardware's kind.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/hardware/backend_choice.h"
#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::hardware {

struct ComputeSpeed {
  std::string backend;             // the backend's name
  double matmulFlopsPerSecond = 0;  // best of a few runs, of products as the backend computes them
  double copyBytesPerSecond = 0;    // host -> backend and back, averaged over both directions
};

ComputeSpeed measureComputeSpeed(kernels::Backend& backend);

// The rates of the backend a run on this machine would use (core/hardware/backend_choice.h): the
// CUDA backend of the chosen GPU (through its module), else the CPU backend. A GPU whose backend
// does not start gives nullopt (the planner keeps its estimate) and why in *failure.
std::optional<ComputeSpeed> measureChosenBackend(const BackendChoice& choice, std::string* failure = nullptr);

// The measured rates of each GPU, kept in the data folder (Settings::computeSpeedFile) by the
// processes that measure them (the worker, `plan`, `doctor`), so that the window's memory plan can
// use them without making a CUDA context of its own, which would hold GPU memory the training
// process needs. A GPU is known by its name and PCI address. Saving throws tiertune::Error naming
// the file; loading gives nullopt when there is no usable record (it is only a cache), and for a
// record measured another way (gpuSpeedMethod(), which names the products' precision): a rate of
// fp32 products says nothing about bf16 ones.
std::string gpuSpeedMethod();
void saveGpuSpeed(const std::filesystem::path& file, const kernels::GpuDevice& gpu, const ComputeSpeed& speed);
std::optional<ComputeSpeed> loadGpuSpeed(const std::filesystem::path& file, const kernels::GpuDevice& gpu);

}  // namespace tiertune::hardware
