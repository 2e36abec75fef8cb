// The CPU backend's matrix product rate on a square product C = A B^T (as the linear layers
// multiply), in GFLOP/s: the best of three timed runs of enough products to take about a quarter
// of a second each. With a bf16 B (a frozen base weight): Bf16Path::AsChosen multiplies as the
// backend does (on the bf16 instructions where it can, kernels/cpu/bf16_products.h), Widened always
// widens it to fp32 panel by panel. Shared by bench_blas_kernels and bench_cpu_lora_1b (whose
// target is a share of this rate).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/half_weights.h"
#include "kernels/cpu/matmul.h"

namespace tiertune::bench {

enum class Bf16Path { None, AsChosen, Widened };

inline double gemmGflops(std::size_t n, Bf16Path bf16 = Bf16Path::None) {
  using namespace tiertune::kernels;
  using namespace tiertune::kernels::cpu;
  std::vector<float> a(n * n), b(n * n), c(n * n);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<float>((i * 7919) % 1000) / 1000.0f - 0.5f;
    b[i] = static_cast<float>((i * 104729) % 1000) / 1000.0f - 0.5f;
  }
  std::vector<std::uint16_t> b16(b.size());
  floatToBf16(b, b16);
  using Clock = std::chrono::steady_clock;
  auto run = [&](int count) {
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
      if (bf16 == Bf16Path::AsChosen) {
        matmulHalfWeights(a, false, b16, HalfFormat::Bf16, true, c, n, n, n);
      } else if (bf16 == Bf16Path::Widened) {
        matmulWidenedHalfWeights(a, false, b16, HalfFormat::Bf16, true, c, n, n, n);
      } else {
        matmul<float>(a, false, b, true, c, n, n, n, 1.0f, 0.0f);
      }
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  run(1);
  int count = 1;
  while (run(count) < 0.25 && count < (1 << 16)) count *= 2;
  double best = 1e30;
  for (int attempt = 0; attempt < 3; ++attempt) best = std::min(best, run(count) / count);
  return 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n) / best / 1e9;
}

}  // namespace tiertune::bench
