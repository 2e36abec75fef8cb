#include "kernels/cpu/swiglu.h"

#include <cmath>
#include <type_traits>

#include "kernels/cpu/parallel_chunks.h"
#include "kernels/cpu/vector_kernels.h"

namespace tiertune::kernels::cpu {

template <typename T>
void swigluForward(std::span<const T> gate, std::span<const T> up, std::span<T> out) {
  const std::size_t n = gate.size();
  if constexpr (std::is_same_v<T, float>) {
    const VectorKernels& kernels = vectorKernels();
    forEachChunk(n, [&](std::size_t first, std::size_t count) {
      kernels.swigluForward(gate.data() + first, up.data() + first, out.data() + first, count);
    });
    return;
  }
  // Plain loops in double (the tests' reference).
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < n; ++i) {
    const T g = gate[i];
    const T sigmoid = T(1) / (T(1) + std::exp(-g));
    out[i] = g * sigmoid * up[i];
  }
}

template <typename T>
void swigluBackward(std::span<const T> dout, std::span<const T> gate, std::span<const T> up, std::span<T> dgate,
                    std::span<T> dup) {
  const std::size_t n = gate.size();
  if constexpr (std::is_same_v<T, float>) {
    const VectorKernels& kernels = vectorKernels();
    forEachChunk(n, [&](std::size_t first, std::size_t count) {
      kernels.swigluBackward(dout.data() + first, gate.data() + first, up.data() + first, dgate.data() + first,
                             dup.data() + first, count);
    });
    return;
  }
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < n; ++i) {
    const T g = gate[i];
    const T sigmoid = T(1) / (T(1) + std::exp(-g));
    const T silu = g * sigmoid;
    dup[i] = dout[i] * silu;
    dgate[i] = dout[i] * up[i] * sigmoid * (T(1) + g * (T(1) - sigmoid));
  }
}

template void swigluForward<float>(std::span<const float>, std::span<const float>, std::span<float>);
template void swigluForward<double>(std::span<const double>, std::span<const double>, std::span<double>);
template void swigluBackward<float>(std::span<const float>, std::span<const float>, std::span<const float>,
                                    std::span<float>, std::span<float>);
template void swigluBackward<double>(std::span<const double>, std::span<const double>, std::span<const double>,
                                     std::span<double>, std::span<double>);

}  // namespace tiertune::kernels::cpu
