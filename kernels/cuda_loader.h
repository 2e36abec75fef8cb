// Finding and loading the CUDA module (libtiertune-cuda.so, kernels/cuda_module.h). probeGpus and
// makeCudaBackend (cuda_loader.cpp) load it once per process; tests load modules of their own
// through loadCudaModule to check the words a failure is reported in.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kernels/cuda_module.h"
#include "kernels/gpu_probe.h"

namespace tiertune::kernels {

inline constexpr const char* kCudaModuleFileName = "libtiertune-cuda.so";

struct CudaModuleLoad {
  const CudaModule* module = nullptr;  // null when the module could not be used
  std::string failure;                 // why, in words, naming the missing file
  bool libraryMissing = false;         // a library the module needs (cuBLAS, the CUDA runtime) is absent
};

// Loads the module file (it stays loaded for the life of the process) and checks its table.
CudaModuleLoad loadCudaModule(const std::filesystem::path& file);

// probeGpus' answer when the module could not be loaded. A machine without the NVIDIA driver
// (libcuda.so.1) has no GPU to use whatever else is missing, so a missing CUDA library there is
// reported as DriverMissing ("No NVIDIA GPU found"), not as advice to install NVIDIA's libraries;
// detail says so, then the loader's words.
GpuReport unloadedModuleReport(const CudaModuleLoad& load, bool driverPresent);

// Where a program in programFolder looks for the module, in order: beside itself (the build
// tree), then the install folder relative to it (bin/../lib/tiertune), so that an unpacked or
// relocated installation finds its own module.
std::vector<std::filesystem::path> cudaModuleFolders(const std::filesystem::path& programFolder);

}  // namespace tiertune::kernels
