// RMSNorm, forward and backward (CPU). Shapes: x, y, dx, dy [rows, dim]; weight, dweight [dim];
// invRms [rows], saved by the forward for the backward.
//   y = x * invRms * weight,  invRms = 1 / sqrt(mean(x^2) + eps)
// Templates over float (training) and double (finite-difference checks); rows run in parallel,
// each row in a fixed order, so results are the same for the same thread count.
#pragma once

#include <cstddef>
#include <span>

namespace tiertune::kernels::cpu {

template <typename T>
void rmsNormForward(std::span<const T> x, std::span<const T> weight, std::size_t rows, double eps, std::span<T> y,
                    std::span<T> invRms);

// dweight is accumulated into (+=), so several micro-batches can add up; empty for a frozen weight.
template <typename T>
void rmsNormBackward(std::span<const T> dy, std::span<const T> x, std::span<const T> weight,
                     std::span<const T> invRms, std::size_t rows, std::span<T> dx, std::span<T> dweight);

}  // namespace tiertune::kernels::cpu
