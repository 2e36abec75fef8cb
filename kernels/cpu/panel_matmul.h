// Matrix products whose second operand is kept in a compact form (16-bit floats, NF4): the weight
// is widened exactly to fp32 one panel at a time (about 4 MiB of it) into a buffer of the calling
// thread, and each panel goes through OpenBLAS's fp32 kernels, accumulating in fp32. The panels
// are fixed by the shapes alone, so a product repeats bit for bit.
#pragma once

#include <cstddef>
#include <functional>
#include <span>

namespace tiertune::kernels::cpu {

// Writes elements [first, first + out.size()) of the weight, in its storage order, as fp32. Called
// on the thread of the product; it must not start OpenMP's threads (see panel_matmul.cpp).
using PanelWidener = std::function<void(std::size_t first, std::span<float> out)>;

// C [m, n] = alpha op(A) op(W) + beta C, row-major: A is [m, k] or, transposed, [k, m]; W is
// [k, n] or, transposed, [n, k] (a linear layer's [out, in] weight in y = x W^T). The caller checks
// that the weight holds k x n elements.
void matmulWidenedPanels(std::span<const float> a, bool transposeA, const PanelWidener& widen, bool transposeW,
                         std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta);

// Elements of W widened at once: the panel size.
inline constexpr std::size_t kPanelElements = std::size_t(1) << 20;

// W's stored rows (storedRows of rowLength elements) in panels of about kPanelElements:
// panel(first, count) for the rows [first, first + count), in order. For W [n, k] (transposed) a
// panel of rows is a block of C's columns; for W [k, n], a slice of the sum over k.
template <typename Panel>
void forEachPanel(std::size_t storedRows, std::size_t rowLength, Panel panel,
                  std::size_t panelElements = kPanelElements) {
  const std::size_t rows = panelElements / rowLength > 1 ? panelElements / rowLength : 1;
  for (std::size_t first = 0; first < storedRows; first += rows) {
    panel(first, storedRows - first < rows ? storedRows - first : rows);
  }
}

}  // namespace tiertune::kernels::cpu
