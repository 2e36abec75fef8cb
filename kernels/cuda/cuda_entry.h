// What kernels/cuda implements behind the module table (cuda_module.cpp). Programs never call
// these directly: they go through kernels::probeGpus and kernels::makeCudaBackend, which find
// them in the module or linked in.
#pragma once

#include <memory>

#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::kernels::cuda {

// The GPU probe through the CUDA runtime (gpu_probe.cu); never throws.
GpuReport probeDevices(ProbeContext context);

// The CUDA backend on GPU `device` (cuda_backend.cpp); throws as makeCudaBackend says.
std::unique_ptr<Backend> makeBackend(int device);

}  // namespace tiertune::kernels::cuda
