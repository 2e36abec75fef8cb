#include "kernels/cpu/half_weights.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/panel_matmul.h"
#include "kernels/cpu/product_clock.h"

namespace tiertune::kernels::cpu {

namespace {

// One thread: the widening sits between OpenBLAS calls (panel_matmul.cpp says why).
void widenSerially(std::span<const std::uint16_t> w, HalfFormat format, std::span<float> out) {
  if (format == HalfFormat::Bf16) {
    bf16ToFloat(w, out);
  } else {
    f16ToFloat(w, out);
  }
}

}  // namespace

void widenHalf(std::span<const std::uint16_t> w, HalfFormat format, std::span<float> out) {
  if (w.size() != out.size()) {
    throw std::invalid_argument("widenHalf: " + std::to_string(w.size()) + " weights into " +
                                std::to_string(out.size()) + " floats");
  }
  // Chunks of 64 Ki elements in parallel: the same conversion whatever the thread count.
  constexpr std::size_t chunk = std::size_t(1) << 16;
  const auto chunks = static_cast<std::ptrdiff_t>((w.size() + chunk - 1) / chunk);
#pragma omp parallel for schedule(static) if (chunks > 1)
  for (std::ptrdiff_t i = 0; i < chunks; ++i) {
    const std::size_t start = static_cast<std::size_t>(i) * chunk;
    const std::size_t count = std::min(chunk, w.size() - start);
    widenSerially(w.subspan(start, count), format, out.subspan(start, count));
  }
}

void matmulHalfWeights(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w, HalfFormat format,
                       bool transposeW, std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha,
                       float beta) {
  if (w.size() < k * n) {
    throw std::invalid_argument("matmulHalfWeights: W holds " + std::to_string(w.size()) +
                                " elements, the shape needs " + std::to_string(k * n));
  }
  const ProductClock clock;
  // On the processor's bf16 instructions where it has them (bf16_products.h), else widened.
  if (format == HalfFormat::Bf16 && matmulBf16Products(a, transposeA, w, transposeW, c, m, n, k, alpha, beta)) return;
  matmulWidenedHalfWeights(a, transposeA, w, format, transposeW, c, m, n, k, alpha, beta);
}

void matmulWidenedHalfWeights(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w,
                              HalfFormat format, bool transposeW, std::span<float> c, std::size_t m, std::size_t n,
                              std::size_t k, float alpha, float beta) {
  if (w.size() < k * n) {
    throw std::invalid_argument("matmulHalfWeights: W holds " + std::to_string(w.size()) +
                                " elements, the shape needs " + std::to_string(k * n));
  }
  matmulWidenedPanels(
      a, transposeA,
      [&](std::size_t first, std::span<float> out) { widenSerially(w.subspan(first, out.size()), format, out); },
      transposeW, c, m, n, k, alpha, beta);
}

}  // namespace tiertune::kernels::cpu
