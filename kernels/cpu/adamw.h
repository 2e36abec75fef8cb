// AdamW with decoupled weight decay and bias correction, in PyTorch's order of operations (so a
// trajectory can be compared step by step): p *= 1 - lr * wd; m = b1 m + (1 - b1) g;
// v = b2 v + (1 - b2) g^2; p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
// Shapes: params, grads, m, v [n], fp32 master weights and states.
#pragma once

#include <cstdint>
#include <span>

#include "kernels/op_shapes.h"

namespace tiertune::kernels::cpu {

// One step with the factors of step (adamwFactors, kernels/op_shapes.h; step counts from 1).
void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
               const AdamWFactors& factors);
inline void adamwStep(std::span<float> params, std::span<const float> grads, std::span<float> m, std::span<float> v,
                      const AdamWHyper& hyper, std::int64_t step) {
  adamwStep(params, grads, m, v, adamwFactors(hyper, step));
}

}  // namespace tiertune::kernels::cpu
