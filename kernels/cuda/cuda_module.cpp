// The entry of libtiertune-cuda.so (and of programs that link the CUDA backend in): the table
// of kernels/cuda_module.h over the probe of gpu_probe.cu and the backend of cuda_backend.cpp.
#include "kernels/cuda_module.h"

#include "kernels/cuda/cuda_entry.h"

extern "C" const tiertune::kernels::CudaModule* tiertune_cuda_module() {
  static const tiertune::kernels::CudaModule module{
      .abi = tiertune::kernels::kCudaModuleAbi,
      .probeGpus = &tiertune::kernels::cuda::probeDevices,
      .makeBackend = &tiertune::kernels::cuda::makeBackend,
  };
  return &module;
}
