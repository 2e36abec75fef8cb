// The GPU probe and makeCudaBackend of a build without the CUDA backend: they say so rather than
// looking for devices they could not use anyway.
#include <stdexcept>

#include "kernels/backend.h"
#include "kernels/gpu_probe.h"

namespace tiertune::kernels {

bool builtWithCuda() { return false; }

GpuReport probeGpus(ProbeContext) {
  GpuReport report;
  report.status = GpuReport::Status::NotBuiltWithCuda;
  report.detail = "built without the CUDA toolkit";
  return report;
}

std::unique_ptr<Backend> makeCudaBackend(int) {
  throw std::runtime_error("no CUDA backend: this build of Tiertune has none (built without the CUDA toolkit)");
}

}  // namespace tiertune::kernels
