#include "kernels/cpu/adamw.h"

#include <cmath>

namespace tiertune::kernels::cpu {

void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
               const AdamWHyper& hyper, std::int64_t step) {
  const double correction1 = 1.0 - std::pow(hyper.beta1, static_cast<double>(step));
  const double correction2 = 1.0 - std::pow(hyper.beta2, static_cast<double>(step));
  const auto decay = static_cast<float>(1.0 - hyper.learningRate * hyper.weightDecay);
  const auto stepSize = static_cast<float>(hyper.learningRate / correction1);
  const auto sqrtCorrection2 = static_cast<float>(std::sqrt(correction2));
  const auto beta1 = static_cast<float>(hyper.beta1);
  const auto beta2 = static_cast<float>(hyper.beta2);
  const auto epsilon = static_cast<float>(hyper.epsilon);
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < params.size(); ++i) {
    const float g = grads[i];
    params[i] *= decay;
    m[i] = beta1 * m[i] + (1.0f - beta1) * g;
    v[i] = beta2 * v[i] + (1.0f - beta2) * g * g;
    params[i] -= stepSize * m[i] / (std::sqrt(v[i]) / sqrtCorrection2 + epsilon);
  }
}

}  // namespace tiertune::kernels::cpu
