// How fast a backend computes and moves data, measured in well under a second: a 1024^3 fp32 matrix
// product (the kind of op that dominates a training step) and a 64 MiB upload and download (what
// the tiered executor does to stream state between the host and the backend's memory). The
// planner predicts step times from these instead of from the hardware's kind.
#pragma once

#include <string>

#include "kernels/backend.h"

namespace tiertune::hardware {

struct ComputeSpeed {
  std::string backend;             // the backend's name
  double matmulFlopsPerSecond = 0;  // best of a few runs
  double copyBytesPerSecond = 0;    // host -> backend and back, averaged over both directions
};

ComputeSpeed measureComputeSpeed(kernels::Backend& backend);

}  // namespace tiertune::hardware
