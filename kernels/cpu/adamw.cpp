#include "kernels/cpu/adamw.h"

#include <cmath>

namespace tiertune::kernels::cpu {

void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
               const AdamWFactors& f) {
  const float decay = f.decay, stepSize = f.stepSize, sqrtCorrection2 = f.sqrtCorrection2;
  const float beta1 = f.beta1, beta2 = f.beta2, epsilon = f.epsilon;
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
