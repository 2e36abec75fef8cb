// SwiGLU, the MLP's gate: out = silu(gate) * up, silu(g) = g * sigmoid(g). Shapes: all [n]
// (tokens x intermediate, flattened). Forward and backward on the CPU.
#pragma once

#include <span>

namespace tiertune::kernels::cpu {

template <typename T>
void swigluForward(std::span<const T> gate, std::span<const T> up, std::span<T> out);

// dgate = dout * up * sigmoid(g) * (1 + g * (1 - sigmoid(g))), dup = dout * silu(g).
template <typename T>
void swigluBackward(std::span<const T> dout, std::span<const T> gate, std::span<const T> up, std::span<T> dgate,
                    std::span<T> dup);

}  // namespace tiertune::kernels::cpu
