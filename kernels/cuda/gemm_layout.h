// A row-major product in cuBLAS's column-major terms, shared by the fp32 path (cublasSgemm,
// matmul.cpp) and the bf16 path (cuBLASLt, bf16_gemm.cpp). Plain C++ without CUDA headers, so that
// tests/kernels/tst_gemm_layout.cpp checks the mapping on machines without a GPU.
//
// A row-major matrix X stored with row length ld is, read column-major with leading dimension ld,
// X^T. So the row-major C [m, n] = op(A) op(B) is the column-major C^T [n, m] = op(B)^T op(A)^T:
// B goes first, A second, m and n swap, and each operand's "transposed" flag stays as given
// (B stored [k, n] reads as B^T, which is what op(B)^T needs untransposed; B stored [n, k] reads
// as B, which needs a transpose).
#pragma once

#include <cstddef>

namespace tiertune::kernels::cuda {

// C [m, n] = alpha op(A) op(B) + beta C, every matrix row-major with the row length it is stored
// with: A is [m, k] (or [k, m] transposed), B is [k, n] (or [n, k] transposed), C is [m, n].
struct RowMajorProduct {
  bool transposeA = false;
  std::size_t lda = 0;
  bool transposeB = false;
  std::size_t ldb = 0;
  std::size_t ldc = 0;
  std::size_t m = 0, n = 0, k = 0;
};

// One column-major operand as cuBLAS describes it: its stored rows and columns (before op), its
// leading dimension, and whether op transposes it.
struct ColumnMajorOperand {
  bool transpose = false;
  std::size_t rows = 0, columns = 0, ld = 0;
};

// D = alpha op(first) op(second) + beta C, column-major; first is row-major B, second row-major A.
struct ColumnMajorProduct {
  ColumnMajorOperand first, second;
  std::size_t rows = 0, columns = 0, inner = 0;  // of the result: n, m; and k
  std::size_t ldc = 0;
};

// The row lengths of compact operands: A [m, k] or [k, m], B [k, n] or [n, k], C [m, n].
constexpr RowMajorProduct compactProduct(std::size_t m, std::size_t n, std::size_t k, bool transposeA,
                                         bool transposeB) {
  return RowMajorProduct{transposeA, transposeA ? m : k, transposeB, transposeB ? k : n, n, m, n, k};
}

constexpr ColumnMajorProduct toColumnMajor(const RowMajorProduct& p) {
  ColumnMajorProduct c;
  c.first = ColumnMajorOperand{p.transposeB, p.transposeB ? p.k : p.n, p.transposeB ? p.n : p.k, p.ldb};
  c.second = ColumnMajorOperand{p.transposeA, p.transposeA ? p.m : p.k, p.transposeA ? p.k : p.m, p.lda};
  c.rows = p.n;
  c.columns = p.m;
  c.inner = p.k;
  c.ldc = p.ldc;
  return c;
}

// Where one panel of a weight W goes in C = op(A) op(W): panels are W's stored rows [first,
// first + count). W^T stored [n, k]: the panel is a block of C's columns, A whole. W stored [k, n]:
// the panel is a slice of the sum over k, A's matching columns (rows, transposed), each panel after
// the first adding to C. Offsets in elements from the start of compact A and C.
struct WeightPanelProduct {
  RowMajorProduct product;
  std::size_t aOffset = 0;
  std::size_t cOffset = 0;
  bool accumulates = false;  // beta 1 instead of the caller's beta
};

constexpr WeightPanelProduct weightPanelProduct(std::size_t m, std::size_t n, std::size_t k, bool transposeA,
                                                bool transposeW, std::size_t first, std::size_t count) {
  const std::size_t lda = transposeA ? m : k;
  if (transposeW) {
    return WeightPanelProduct{RowMajorProduct{transposeA, lda, true, k, n, m, count, k}, 0, first, false};
  }
  return WeightPanelProduct{RowMajorProduct{transposeA, lda, false, n, n, m, n, count},
                            transposeA ? first * m : first, 0, first != 0};
}

// A block of C's rows [first, first + count) in C = op(A) op(B): the rows of op(A) it needs, copied
// compact (for a copy in another type: A rounded to bf16 a block at a time, so that the copy's
// scratch stays bounded however many tokens a product has). The copy is `rows` stored rows of
// `columns` values each, read from A + sourceOffset with row length sourceLd; the block's product
// is then compactProduct(count, n, k, transposeA, transposeB) into C + cOffset.
struct ActivationBlock {
  std::size_t sourceOffset = 0, sourceLd = 0;
  std::size_t rows = 0, columns = 0;
  std::size_t cOffset = 0;
};

constexpr ActivationBlock activationBlock(std::size_t m, std::size_t n, std::size_t k, bool transposeA,
                                          std::size_t first, std::size_t count) {
  if (transposeA) return ActivationBlock{first, m, k, count, first * n};  // A stored [k, m]: columns
  return ActivationBlock{first * k, k, count, k, first * n};             // A stored [m, k]: rows
}

}  // namespace tiertune::kernels::cuda
