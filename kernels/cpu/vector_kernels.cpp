#include "kernels/cpu/vector_kernels.h"

#include <array>

namespace tiertune::kernels::cpu {

// The tables, one per translation unit (vector_kernels_<set>.cpp).
#if TIERTUNE_VECTOR_KERNELS_X86
extern const VectorKernels kVectorKernelsAvx512;
extern const VectorKernels kVectorKernelsAvx2;
#endif
extern const VectorKernels kVectorKernelsSse2;

const VectorKernels& vectorKernelsFor(const CpuFeatures& features) {
#if TIERTUNE_VECTOR_KERNELS_X86
  if (features.avx512) return kVectorKernelsAvx512;
  if (features.avx2 && features.fma) return kVectorKernelsAvx2;
#else
  (void)features;
#endif
  return kVectorKernelsSse2;
}

const VectorKernels& vectorKernels() {
  static const VectorKernels& chosen = vectorKernelsFor(readCpuFeatures());
  return chosen;
}

std::span<const VectorKernels* const> builtVectorKernels() {
#if TIERTUNE_VECTOR_KERNELS_X86
  static const std::array<const VectorKernels*, 3> built = {&kVectorKernelsAvx512, &kVectorKernelsAvx2,
                                                            &kVectorKernelsSse2};
#else
  static const std::array<const VectorKernels*, 1> built = {&kVectorKernelsSse2};
#endif
  return built;
}

}  // namespace tiertune::kernels::cpu
