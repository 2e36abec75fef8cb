// AdamW with decoupled weight decay and bias correction, in PyTorch's order of operations (so a
// trajectory can be compared step by step): p *= 1 - lr * wd; m = b1 m + (1 - b1) g;
// v = b2 v + (1 - b2) g^2; p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
// Shapes: params, grads, m, v [n], fp32 master weights and states.
#pragma once

#include <cstdint>
#include <span>

namespace tiertune::kernels::cpu {

struct AdamWHyper {
  double learningRate = 1e-4;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
  double weightDecay = 0.0;
};

// step counts from 1.
void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
               const AdamWHyper& hyper, std::int64_t step);

}  // namespace tiertune::kernels::cpu
