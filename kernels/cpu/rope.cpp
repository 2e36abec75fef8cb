#include "kernels/cpu/rope.h"

#include <cmath>
#include <numbers>

namespace tiertune::kernels::cpu {

template <typename T>
std::vector<T> ropeInverseFrequencies(std::size_t headDim, double theta, const RopeScalingSpec& scaling) {
  std::vector<T> invFreq(headDim / 2);
  for (std::size_t i = 0; i < invFreq.size(); ++i) {
    const T exponent = static_cast<T>(2 * i) / static_cast<T>(headDim);
    invFreq[i] = T(1) / std::pow(static_cast<T>(theta), exponent);
  }
  const T factor = static_cast<T>(scaling.factor);
  if (scaling.kind == RopeScalingSpec::Kind::Linear) {
    for (T& frequency : invFreq) frequency /= factor;
  } else if (scaling.kind == RopeScalingSpec::Kind::Llama3) {
    const T original = static_cast<T>(scaling.originalMaxPositionEmbeddings);
    const T low = static_cast<T>(scaling.lowFreqFactor);
    const T high = static_cast<T>(scaling.highFreqFactor);
    const T lowFreqWavelength = original / low;
    const T highFreqWavelength = original / high;
    for (T& frequency : invFreq) {
      const T wavelength = T(2) * std::numbers::pi_v<T> / frequency;
      if (wavelength > lowFreqWavelength) {
        frequency /= factor;
      } else if (wavelength >= highFreqWavelength) {
        const T smooth = (original / wavelength - low) / (high - low);
        frequency = (T(1) - smooth) * frequency / factor + smooth * frequency;
      }
    }
  }
  return invFreq;
}

template <typename T>
void ropeApply(std::span<T> x, std::size_t tokens, std::size_t heads, std::size_t headDim,
               std::span<const std::int32_t> positions, std::span<const T> invFreq, bool inverse) {
  const std::size_t half = headDim / 2;
#pragma omp parallel for schedule(static)
  for (std::size_t token = 0; token < tokens; ++token) {
    const T position = static_cast<T>(positions[token]);
    for (std::size_t i = 0; i < half; ++i) {
      const T angle = position * invFreq[i];
      const T cosine = std::cos(angle);
      const T sine = inverse ? -std::sin(angle) : std::sin(angle);
      for (std::size_t head = 0; head < heads; ++head) {
        T* vector = x.data() + (token * heads + head) * headDim;
        const T first = vector[i];
        const T second = vector[i + half];
        vector[i] = first * cosine - second * sine;
        vector[i + half] = second * cosine + first * sine;
      }
    }
  }
}

template std::vector<float> ropeInverseFrequencies<float>(std::size_t, double, const RopeScalingSpec&);
template std::vector<double> ropeInverseFrequencies<double>(std::size_t, double, const RopeScalingSpec&);
template void ropeApply<float>(std::span<float>, std::size_t, std::size_t, std::size_t, std::span<const std::int32_t>,
                               std::span<const float>, bool);
template void ropeApply<double>(std::span<double>, std::size_t, std::size_t, std::size_t,
                                std::span<const std::int32_t>, std::span<const double>, bool);

}  // namespace tiertune::kernels::cpu
