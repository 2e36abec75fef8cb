#include "kernels/cpu/adamw.h"

#include "kernels/cpu/parallel_chunks.h"
#include "kernels/cpu/vector_kernels.h"

namespace tiertune::kernels::cpu {

void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
               const AdamWFactors& factors) {
  const VectorKernels& kernels = vectorKernels();
  forEachChunk(params.size(), [&](std::size_t first, std::size_t count) {
    kernels.adamw(params.data() + first, grads.data() + first, m.data() + first, v.data() + first, count, factors);
  });
}

}  // namespace tiertune::kernels::cpu
