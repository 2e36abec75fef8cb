#include "kernels/cpu/panel_matmul.h"

#include <cblas.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu/blas_kernels.h"

namespace tiertune::kernels::cpu {

namespace {

void requireAtLeast(std::size_t have, std::size_t need, const char* what) {
  if (have < need) {
    throw std::invalid_argument(std::string("matrix product over a compact weight: ") + what + " holds " +
                                std::to_string(have) + " elements, the shape needs " + std::to_string(need));
  }
}

CBLAS_TRANSPOSE op(bool transposed) { return transposed ? CblasTrans : CblasNoTrans; }

}  // namespace

// The widening runs on one thread between OpenBLAS calls: waking OpenMP's threads there leaves them
// spinning on the cores OpenBLAS's own threads then need (measured: bench_blas_kernels, 512^3 with
// bf16 weights, 96 GFLOP/s so against 189 without the spin).
void matmulWidenedPanels(std::span<const float> a, bool transposeA, const PanelWidener& widen, bool transposeW,
                         std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  requireAtLeast(a.size(), m * k, "A");
  requireAtLeast(c.size(), m * n, "C");
  if (m == 0 || n == 0) return;
  useBestBlasKernels();
  const int lda = static_cast<int>(std::max<std::size_t>(1, transposeA ? m : k));
  const int ldc = static_cast<int>(n);
  if (k == 0) {  // C = beta C, as a product over nothing
    cblas_sgemm(CblasRowMajor, op(transposeA), op(transposeW), static_cast<int>(m), static_cast<int>(n), 0, alpha,
                a.data(), lda, nullptr, 1, beta, c.data(), ldc);
    return;
  }
  thread_local std::vector<float> panel;
  if (transposeW) {
    // W [n, k]: a panel of its rows gives a block of C's columns; C's row stride stays n.
    forEachPanel(n, k, [&](std::size_t first, std::size_t count) {
      panel.resize(count * k);
      widen(first * k, panel);
      cblas_sgemm(CblasRowMajor, op(transposeA), CblasTrans, static_cast<int>(m), static_cast<int>(count),
                  static_cast<int>(k), alpha, a.data(), lda, panel.data(), static_cast<int>(k), beta,
                  c.data() + first, ldc);
    });
    return;
  }
  // W [k, n]: a panel of its rows is a slice of the sum over k; the first slice applies beta, the
  // others add to C.
  forEachPanel(k, n, [&](std::size_t first, std::size_t count) {
    panel.resize(count * n);
    widen(first * n, panel);
    const float* slice = transposeA ? a.data() + first * m : a.data() + first;
    cblas_sgemm(CblasRowMajor, op(transposeA), CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
                static_cast<int>(count), alpha, slice, lda, panel.data(), static_cast<int>(n),
                first == 0 ? beta : 1.0f, c.data(), ldc);
  });
}

}  // namespace tiertune::kernels::cpu
