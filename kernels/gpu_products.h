// Which products the CUDA backend computes in bf16: the TIERTUNE_CUDA_PRODUCTS setting, read where
// a CUDA backend is made (kernels/cuda/cuda_backend.cpp) and where the front ends say how a run
// trains (core/hardware/backend_choice.cpp). Header-only: the CUDA module links no other part of
// the kernels library.
#pragma once

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tiertune::kernels {

enum class GpuProducts {
  Bf16,  // products of 16 rows or more: bf16 operands, fp32 sums (the default)
  Fp32,  // every product in fp32 (TIERTUNE_CUDA_PRODUCTS=fp32: comparisons that need it)
};

// Unset, empty or "bf16": Bf16; "fp32": Fp32; anything else is refused with the variable named.
inline GpuProducts gpuProductsSetting() {
  const char* setting = std::getenv("TIERTUNE_CUDA_PRODUCTS");
  if (setting == nullptr || *setting == '\0' || std::string_view(setting) == "bf16") return GpuProducts::Bf16;
  if (std::string_view(setting) == "fp32") return GpuProducts::Fp32;
  throw std::invalid_argument(std::string("TIERTUNE_CUDA_PRODUCTS is \"") + setting +
                              "\"; it takes \"bf16\" (the default) or \"fp32\"");
}

}  // namespace tiertune::kernels
