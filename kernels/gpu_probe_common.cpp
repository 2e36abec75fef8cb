#include "kernels/gpu_probe.h"

namespace tiertune::kernels {

std::string cudaVersionText(int version) {
  if (version <= 0) return "none";
  // CUDA encodes versions as 1000 * major + 10 * minor.
  return std::to_string(version / 1000) + "." + std::to_string((version % 1000) / 10);
}

}  // namespace tiertune::kernels
