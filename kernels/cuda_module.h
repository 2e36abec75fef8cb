// The CUDA backend and GPU probe as a module: libtiertune-cuda.so, which the programs load at run
// time (kernels/cuda_loader.cpp) so that one build runs on machines with and without the CUDA
// libraries. The module hands over this table; the loader checks its ABI number before using it.
// A program that links tiertune_kernels_cuda itself (the GPU tests, the static device builds)
// carries the table inside and loads nothing.
#pragma once

#include <memory>

#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::kernels {

// Raised whenever the table or the types it passes (GpuReport, Backend) change shape: the module
// and the program come from the same build, and a stale module must be refused, not called.
inline constexpr int kCudaModuleAbi = 4;  // 2: Backend gained the transfer lane; 3: 16-bit weights;
                                          // 4: embeddingForward and crossEntropy read 16-bit weights

struct CudaModule {
  int abi = kCudaModuleAbi;
  GpuReport (*probeGpus)(ProbeContext context) = nullptr;          // as kernels::probeGpus
  std::unique_ptr<Backend> (*makeBackend)(int device) = nullptr;   // as kernels::makeCudaBackend
};

}  // namespace tiertune::kernels

// The one symbol the module exports (the name the loader looks up).
extern "C" const tiertune::kernels::CudaModule* tiertune_cuda_module();
#define TIERTUNE_CUDA_MODULE_SYMBOL "tiertune_cuda_module"
