// Matrix products through OpenBLAS (row-major): C[m, n] = alpha * op(A) * op(B) + beta * C with
// op(A) [m, k] and op(B) [k, n]; transposeA/B say whether A is stored [k, m] / B is stored [n, k].
// Linear layers store W [out, in], so y = x W^T is matmul(x, W, transposeB = true).
#pragma once

#include <cstddef>
#include <span>

namespace tiertune::kernels::cpu {

template <typename T>
void matmul(std::span<const T> a, bool transposeA, std::span<const T> b, bool transposeB, std::span<T> c,
            std::size_t m, std::size_t n, std::size_t k, T alpha = T(1), T beta = T(0));

}  // namespace tiertune::kernels::cpu
