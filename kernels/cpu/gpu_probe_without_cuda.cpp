// The GPU probe of a build without the CUDA backend: it says so rather than looking for devices
// it could not use anyway.
#include "kernels/gpu_probe.h"

namespace tiertune::kernels {

bool builtWithCuda() { return false; }

GpuReport probeGpus(ProbeContext) {
  GpuReport report;
  report.status = GpuReport::Status::NotBuiltWithCuda;
  report.detail = "built without the CUDA toolkit";
  return report;
}

}  // namespace tiertune::kernels
