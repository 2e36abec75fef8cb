// The CUDA backend's row-major products in cuBLAS's column-major terms (kernels/cuda/gemm_layout.h),
// checked without a GPU: a plain column-major GEMM, written here from cuBLAS's documented
// definition (op(X)[i, j] is X[i + j ld] untransposed, X[j + i ld] transposed), executes the
// description the header makes, and the result must equal the row-major definition computed
// directly. Small integer values keep every sum exact, so the comparison is bitwise. Leading
// dimensions are padded past the row lengths (as for sub-matrices) and the padding holds NaN: an
// element read from it would show.
#include <QTest>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include "kernels/cuda/gemm_layout.h"

using namespace tiertune::kernels::cuda;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

struct Matrices {
  std::vector<float> a, b, c;
};

// Row-major X of `rows` rows, `columns` used per row, stored with row length ld (padding NaN).
std::vector<float> randomStored(std::mt19937& random, std::size_t rows, std::size_t columns, std::size_t ld) {
  std::uniform_int_distribution<int> value(-4, 4);
  std::vector<float> x(rows * ld, kNaN);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) x[r * ld + c] = static_cast<float>(value(random));
  }
  return x;
}

// The row-major definition: C[i, j] = alpha sum_p op(A)[i, p] op(B)[p, j] + beta C[i, j].
void rowMajorReference(const RowMajorProduct& p, const float* a, const float* b, float* c, float alpha, float beta) {
  for (std::size_t i = 0; i < p.m; ++i) {
    for (std::size_t j = 0; j < p.n; ++j) {
      float sum = 0;
      for (std::size_t q = 0; q < p.k; ++q) {
        const float x = p.transposeA ? a[q * p.lda + i] : a[i * p.lda + q];
        const float y = p.transposeB ? b[j * p.ldb + q] : b[q * p.ldb + j];
        sum += x * y;
      }
      float& out = c[i * p.ldc + j];
      out = beta == 0 ? alpha * sum : alpha * sum + beta * out;
    }
  }
}

// cuBLAS's column-major GEMM, as its documentation defines it.
float columnMajorAt(const ColumnMajorOperand& x, const float* data, std::size_t row, std::size_t column) {
  return x.transpose ? data[column + row * x.ld] : data[row + column * x.ld];
}
void columnMajorGemm(const ColumnMajorProduct& p, const float* first, const float* second, float* c, float alpha,
                     float beta) {
  for (std::size_t i = 0; i < p.rows; ++i) {
    for (std::size_t j = 0; j < p.columns; ++j) {
      float sum = 0;
      for (std::size_t q = 0; q < p.inner; ++q) {
        sum += columnMajorAt(p.first, first, i, q) * columnMajorAt(p.second, second, q, j);
      }
      float& out = c[i + j * p.ldc];
      out = beta == 0 ? alpha * sum : alpha * sum + beta * out;
    }
  }
}

bool sameBits(const std::vector<float>& x, const std::vector<float>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) != std::isnan(y[i])) return false;
    if (!std::isnan(x[i]) && x[i] != y[i]) return false;
  }
  return true;
}

}  // namespace

class TestGemmLayout : public QObject {
  Q_OBJECT

 private slots:
  // Every transpose pair, padded leading dimensions, alpha and beta: the column-major execution of
  // the description equals the row-major definition, and every leading dimension is one cuBLAS
  // accepts (at least the stored rows of its operand).
  void columnMajorDescriptionComputesTheRowMajorProduct() {
    std::mt19937 random(20261207);
    struct Case {
      std::size_t m, n, k, pad;
    };
    for (const Case shape : {Case{1, 1, 1, 0}, Case{3, 5, 7, 0}, Case{7, 3, 5, 2}, Case{16, 9, 33, 3},
                             Case{2, 17, 4, 1}}) {
      for (const bool transposeA : {false, true}) {
        for (const bool transposeB : {false, true}) {
          RowMajorProduct p = compactProduct(shape.m, shape.n, shape.k, transposeA, transposeB);
          p.lda += shape.pad;
          p.ldb += 2 * shape.pad;
          p.ldc += shape.pad;
          const std::vector<float> a =
              randomStored(random, transposeA ? shape.k : shape.m, transposeA ? shape.m : shape.k, p.lda);
          const std::vector<float> b =
              randomStored(random, transposeB ? shape.n : shape.k, transposeB ? shape.k : shape.n, p.ldb);
          const std::vector<float> c0 = randomStored(random, shape.m, shape.n, p.ldc);
          for (const float beta : {0.0f, 1.0f, -2.0f}) {
            std::vector<float> expected = c0, actual = c0;
            rowMajorReference(p, a.data(), b.data(), expected.data(), 3.0f, beta);
            const ColumnMajorProduct q = toColumnMajor(p);
            QVERIFY(q.first.ld >= q.first.rows);
            QVERIFY(q.second.ld >= q.second.rows);
            QVERIFY(q.ldc >= q.rows);
            columnMajorGemm(q, b.data(), a.data(), actual.data(), 3.0f, beta);
            QVERIFY2(sameBits(expected, actual),
                     qPrintable(QStringLiteral("m %1 n %2 k %3 pad %4 A%5 B%6 beta %7")
                                    .arg(shape.m).arg(shape.n).arg(shape.k).arg(shape.pad)
                                    .arg(transposeA ? "^T" : "").arg(transposeB ? "^T" : "").arg(beta)));
          }
        }
      }
    }
  }

  // A weight split into panels of its stored rows, each panel's product placed as
  // weightPanelProduct says, adds up to the whole product (the panels of the CUDA backend's
  // compact weights: 16-bit widened, NF4 dequantized, fp32 rounded to bf16).
  void weightPanelsAddUpToTheWholeProduct() {
    std::mt19937 random(7);
    const std::size_t m = 5, n = 11, k = 13;
    for (const bool transposeA : {false, true}) {
      for (const bool transposeW : {false, true}) {
        for (const std::size_t panelRows : {std::size_t(1), std::size_t(4), std::size_t(13)}) {
          const RowMajorProduct whole = compactProduct(m, n, k, transposeA, transposeW);
          const std::vector<float> a = randomStored(random, transposeA ? k : m, transposeA ? m : k, whole.lda);
          const std::vector<float> w = randomStored(random, transposeW ? n : k, transposeW ? k : n, whole.ldb);
          const std::vector<float> c0 = randomStored(random, m, n, n);
          std::vector<float> expected = c0, actual = c0;
          rowMajorReference(whole, a.data(), w.data(), expected.data(), 0.5f, -1.0f);
          const std::size_t storedRows = transposeW ? n : k, rowLength = transposeW ? k : n;
          for (std::size_t first = 0; first < storedRows; first += panelRows) {
            const std::size_t count = std::min(panelRows, storedRows - first);
            const WeightPanelProduct panel = weightPanelProduct(m, n, k, transposeA, transposeW, first, count);
            // The panel is a copy of the rows, compact, as the backend's scratch holds it.
            const std::vector<float> rows(w.begin() + static_cast<std::ptrdiff_t>(first * rowLength),
                                          w.begin() + static_cast<std::ptrdiff_t>((first + count) * rowLength));
            rowMajorReference(panel.product, a.data() + panel.aOffset, rows.data(), actual.data() + panel.cOffset,
                              0.5f, panel.accumulates ? 1.0f : -1.0f);
          }
          QVERIFY2(sameBits(expected, actual), qPrintable(QStringLiteral("A%1 W%2 panels of %3 rows")
                                                              .arg(transposeA ? "^T" : "")
                                                              .arg(transposeW ? "^T" : "")
                                                              .arg(panelRows)));
        }
      }
    }
  }

  // C's rows in blocks, each block's rows of op(A) copied compact as activationBlock says and
  // multiplied as a compact product: together the whole product.
  void activationBlocksAddUpToTheWholeProduct() {
    std::mt19937 random(11);
    const std::size_t m = 13, n = 7, k = 9;
    for (const bool transposeA : {false, true}) {
      for (const bool transposeB : {false, true}) {
        for (const std::size_t blockRows : {std::size_t(1), std::size_t(5), std::size_t(13)}) {
          const RowMajorProduct whole = compactProduct(m, n, k, transposeA, transposeB);
          const std::vector<float> a = randomStored(random, transposeA ? k : m, transposeA ? m : k, whole.lda);
          const std::vector<float> b = randomStored(random, transposeB ? n : k, transposeB ? k : n, whole.ldb);
          const std::vector<float> c0 = randomStored(random, m, n, n);
          std::vector<float> expected = c0, actual = c0;
          rowMajorReference(whole, a.data(), b.data(), expected.data(), 2.0f, 0.5f);
          for (std::size_t first = 0; first < m; first += blockRows) {
            const std::size_t count = std::min(blockRows, m - first);
            const ActivationBlock block = activationBlock(m, n, k, transposeA, first, count);
            std::vector<float> copy(block.rows * block.columns);
            for (std::size_t r = 0; r < block.rows; ++r) {
              for (std::size_t c = 0; c < block.columns; ++c) {
                copy[r * block.columns + c] = a[block.sourceOffset + r * block.sourceLd + c];
              }
            }
            rowMajorReference(compactProduct(count, n, k, transposeA, transposeB), copy.data(), b.data(),
                              actual.data() + block.cOffset, 2.0f, 0.5f);
          }
          QVERIFY2(sameBits(expected, actual), qPrintable(QStringLiteral("A%1 B%2 blocks of %3 rows")
                                                              .arg(transposeA ? "^T" : "")
                                                              .arg(transposeB ? "^T" : "")
                                                              .arg(blockRows)));
        }
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestGemmLayout)
#include "tst_gemm_layout.moc"
