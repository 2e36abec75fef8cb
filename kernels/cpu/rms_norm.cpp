#include "kernels/cpu/rms_norm.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "kernels/cpu/vector_kernels.h"

namespace tiertune::kernels::cpu {

template <typename T>
void rmsNormForward(std::span<const T> x, std::span<const T> weight, std::size_t rows, double eps, std::span<T> y,
                    std::span<T> invRms) {
  const std::size_t dim = weight.size();
  if constexpr (std::is_same_v<T, float>) {
    const VectorKernels& kernels = vectorKernels();
#pragma omp parallel for schedule(static)
    for (std::size_t row = 0; row < rows; ++row) {
      const float* in = x.data() + row * dim;
      const double sum = kernels.sumOfSquares(in, dim);
      const auto scale = static_cast<float>(1.0 / std::sqrt(sum / static_cast<double>(dim) + eps));
      invRms[row] = scale;
      kernels.scaleByWeight(in, weight.data(), scale, y.data() + row * dim, dim);
    }
    return;
  }
  // Plain loops in double (the tests' reference).
#pragma omp parallel for schedule(static)
  for (std::size_t row = 0; row < rows; ++row) {
    const T* in = x.data() + row * dim;
    T* out = y.data() + row * dim;
    double sum = 0;  // double accumulation: the mean of squares over thousands of values
    for (std::size_t i = 0; i < dim; ++i) sum += static_cast<double>(in[i]) * in[i];
    const T scale = static_cast<T>(1.0 / std::sqrt(sum / static_cast<double>(dim) + eps));
    invRms[row] = scale;
    for (std::size_t i = 0; i < dim; ++i) out[i] = in[i] * scale * weight[i];
  }
}

// With n = x * r (r = invRms): dx = r * (g - n * mean(g * n)), g = dy * weight; dweight += dy * n.
template <typename T>
void rmsNormBackward(std::span<const T> dy, std::span<const T> x, std::span<const T> weight,
                     std::span<const T> invRms, std::size_t rows, std::span<T> dx, std::span<T> dweight) {
  const std::size_t dim = weight.size();
  if constexpr (std::is_same_v<T, float>) {
    const VectorKernels& kernels = vectorKernels();
#pragma omp parallel for schedule(static)
    for (std::size_t row = 0; row < rows; ++row) {
      const float* in = x.data() + row * dim;
      const float* grad = dy.data() + row * dim;
      const float r = invRms[row];
      const auto mean = static_cast<float>(kernels.normBackwardDot(grad, weight.data(), in, r, dim) /
                                           static_cast<double>(dim));
      kernels.normBackwardRow(grad, weight.data(), in, r, mean, dx.data() + row * dim, dim);
    }
    if (dweight.empty()) return;  // a frozen weight
    // Column blocks among the threads; each column sums its rows in order, as the loop below.
    constexpr std::size_t kColumns = 64;
    const std::size_t blocks = (dim + kColumns - 1) / kColumns;
#pragma omp parallel for schedule(static)
    for (std::size_t block = 0; block < blocks; ++block) {
      const std::size_t first = block * kColumns;
      kernels.normWeightGradient(dy.data() + first, x.data() + first, invRms.data(), rows, dim,
                                 std::min(kColumns, dim - first), dweight.data() + first);
    }
    return;
  }
#pragma omp parallel for schedule(static)
  for (std::size_t row = 0; row < rows; ++row) {
    const T* in = x.data() + row * dim;
    const T* grad = dy.data() + row * dim;
    T* out = dx.data() + row * dim;
    const T r = invRms[row];
    double dot = 0;
    for (std::size_t i = 0; i < dim; ++i) dot += static_cast<double>(grad[i] * weight[i]) * (in[i] * r);
    const T mean = static_cast<T>(dot / static_cast<double>(dim));
    for (std::size_t i = 0; i < dim; ++i) out[i] = r * (grad[i] * weight[i] - in[i] * r * mean);
  }
  if (dweight.empty()) return;  // a frozen weight
  // The weight gradient sums over rows: a fixed row order per column keeps it reproducible.
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < dim; ++i) {
    T sum = 0;
    for (std::size_t row = 0; row < rows; ++row) sum += dy[row * dim + i] * x[row * dim + i] * invRms[row];
    dweight[i] += sum;
  }
}

template void rmsNormForward<float>(std::span<const float>, std::span<const float>, std::size_t, double,
                                    std::span<float>, std::span<float>);
template void rmsNormForward<double>(std::span<const double>, std::span<const double>, std::size_t, double,
                                     std::span<double>, std::span<double>);
template void rmsNormBackward<float>(std::span<const float>, std::span<const float>, std::span<const float>,
                                     std::span<const float>, std::size_t, std::span<float>, std::span<float>);
template void rmsNormBackward<double>(std::span<const double>, std::span<const double>, std::span<const double>,
                                      std::span<const double>, std::size_t, std::span<double>, std::span<double>);

}  // namespace tiertune::kernels::cpu
