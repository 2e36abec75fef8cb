#include "kernels/cpu/rms_norm.h"

#include <cmath>
#include <vector>

namespace tiertune::kernels::cpu {

template <typename T>
void rmsNormForward(std::span<const T> x, std::span<const T> weight, std::size_t rows, double eps, std::span<T> y,
                    std::span<T> invRms) {
  const std::size_t dim = weight.size();
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
