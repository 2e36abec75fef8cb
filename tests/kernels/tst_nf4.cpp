// NF4 weights on the CPU (kernels/cpu/nf4.h): the layout's size, what quantizing must hold whatever
// the inputs (every weight within half a gap of NF4 values of its block's maximum, zero blocks and
// NaN), and products over an NF4 weight equal, bit for bit, the fp32 product over the same weight
// dequantized. The codes themselves are held to an independent numpy reference in
// tests/reference/tst_nf4_vs_reference.cpp.
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <cstring>
#include <vector>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/matmul.h"
#include "kernels/cpu/nf4.h"
#include "kernels/cpu/panel_matmul.h"
#include "kernels/nf4_format.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

std::vector<float> normalValues(std::size_t count, double scale) {
  std::vector<float> values(count);
  QRandomGenerator* random = QRandomGenerator::global();
  for (float& value : values) {
    // Box-Muller: weights of trained models are close to normal, which NF4 is made for.
    const double u = 1.0 - random->generateDouble(), v = random->generateDouble();
    value = static_cast<float>(scale * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v));
  }
  return values;
}

std::vector<std::uint8_t> quantized(const std::vector<float>& values) {
  std::vector<std::uint8_t> bytes(nf4Layout(values.size()).bytes);
  quantizeNf4(values, bytes);
  return bytes;
}

std::vector<float> dequantized(const std::vector<std::uint8_t>& bytes, std::size_t elements) {
  std::vector<float> values(elements);
  dequantizeNf4(bytes, elements, 0, values);
  return values;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

class TestNf4 : public QObject {
  Q_OBJECT

 private slots:
  void layoutIsQloraBitsPerWeight() {
    // 4 + 8/64 + 32/(64 x 256) = 4.127 bits per weight, plus at most a few bytes of rounding.
    const std::size_t elements = std::size_t(4096) * 14336;  // Llama 3.1 8B's MLP matrix
    const Nf4Layout layout = nf4Layout(elements);
    const double bitsPerWeight = 8.0 * static_cast<double>(layout.bytes) / static_cast<double>(elements);
    QVERIFY2(std::abs(bitsPerWeight - (4.0 + 8.0 / 64 + 32.0 / (64 * 256))) < 1e-6,
             qPrintable(QString::number(bitsPerWeight, 'f', 6)));
    const Nf4Layout tail = nf4Layout(65);  // two blocks, one of them a single weight
    QCOMPARE(tail.blocks, std::size_t(2));
    QCOMPARE(tail.groups, std::size_t(1));
    QCOMPARE(tail.blockCodes, std::size_t(36));  // 33 bytes of codes, to a 4-byte boundary
    QCOMPARE(tail.bytes % 4, std::size_t(0));
  }

  void dynamicValuesAreSortedSignedAndSpanOne() {
    const auto& values = nf4DynamicValues();
    QVERIFY(std::is_sorted(values.begin(), values.end()));
    // The most negative: minus the midpoint of linspace(0.1, 1, 65)'s last two points, about 0.993.
    QVERIFY(values.front() > -1.0f && values.front() < -0.99f);
    QCOMPARE(values.back(), 1.0f);
    QCOMPARE(std::count(values.begin(), values.end(), 0.0f), 1);
    QVERIFY(std::adjacent_find(values.begin(), values.end()) == values.end());
  }

  void everyWeightIsWithinHalfAGapOfItsBlock() {
    for (const std::size_t elements : {std::size_t(1), std::size_t(63), std::size_t(64 * 300 + 17)}) {
      const std::vector<float> values = normalValues(elements, 0.02);
      const std::vector<float> back = dequantized(quantized(values), elements);
      double largestGap = 0;
      for (std::size_t c = 0; c + 1 < kNf4Values.size(); ++c) {
        largestGap = std::max(largestGap, double(kNf4Values[c + 1]) - kNf4Values[c]);
      }
      for (std::size_t b = 0; b * kNf4BlockSize < elements; ++b) {
        double maximum = 0;
        const std::size_t end = std::min(elements, (b + 1) * kNf4BlockSize);
        for (std::size_t i = b * kNf4BlockSize; i < end; ++i) maximum = std::max(maximum, std::fabs(double(values[i])));
        for (std::size_t i = b * kNf4BlockSize; i < end; ++i) {
          QVERIFY(std::isfinite(back[i]));
          // Half the largest gap of the normalized grid, plus the 8-bit maximum's own error (its
          // dynamic values are 1/128 apart near 1, relative to the group's spread).
          const double bound = maximum * (largestGap / 2 + 0.02);
          QVERIFY2(std::fabs(double(back[i]) - values[i]) <= bound,
                   qPrintable(QStringLiteral("weight %1 of %2: %3 read back as %4, bound %5")
                                  .arg(i).arg(elements).arg(values[i]).arg(back[i]).arg(bound)));
        }
      }
    }
  }

  void zeroBlocksStayExactlyZero() {
    std::vector<float> values = normalValues(64 * 4, 1.0);
    std::fill(values.begin() + 64, values.begin() + 128, 0.0f);  // block 1 all zeros
    const std::vector<float> back = dequantized(quantized(values), values.size());
    for (std::size_t i = 64; i < 128; ++i) QCOMPARE(back[i], 0.0f);
    const std::vector<float> zeros(100, 0.0f);
    for (const float value : dequantized(quantized(zeros), zeros.size())) QCOMPARE(value, 0.0f);
  }

  void nonFiniteWeightsAreRefused() {
    std::vector<float> values = normalValues(200, 1.0);
    values[150] = std::nanf("");
    std::vector<std::uint8_t> bytes(nf4Layout(values.size()).bytes);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quantizeNf4(values, bytes));
    values[150] = INFINITY;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quantizeNf4(values, bytes));
  }

  void aRangeReadsAsTheWholeDoes() {
    const std::size_t elements = 64 * 10 + 5;
    const std::vector<std::uint8_t> bytes = quantized(normalValues(elements, 3.0));
    const std::vector<float> whole = dequantized(bytes, elements);
    for (const auto& [first, count] : {std::pair{0, 1}, std::pair{63, 2}, std::pair{100, 445}, std::pair{640, 5}}) {
      std::vector<float> part(static_cast<std::size_t>(count));
      dequantizeNf4(bytes, elements, static_cast<std::size_t>(first), part);
      QVERIFY(std::memcmp(part.data(), whole.data() + first, part.size() * sizeof(float)) == 0);
    }
    std::vector<float> tooFar(6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dequantizeNf4(bytes, elements, 640, tooFar));
  }

  // Straight to bf16: the dequantized fp32 values rounded, bit for bit, for ranges that start and
  // end inside bytes and blocks.
  void bf16ReadsAsTheRoundedFloats() {
    const std::size_t elements = 64 * 10 + 5;
    const std::vector<std::uint8_t> bytes = quantized(normalValues(elements, 3.0));
    const std::vector<float> whole = dequantized(bytes, elements);
    std::vector<std::uint16_t> rounded(elements);
    floatToBf16(whole, rounded);
    for (const auto& [first, count] : {std::pair{0, 645}, std::pair{1, 1}, std::pair{63, 2}, std::pair{101, 444},
                                       std::pair{640, 5}, std::pair{3, 0}}) {
      std::vector<std::uint16_t> part(static_cast<std::size_t>(count));
      dequantizeNf4ToBf16(bytes, elements, static_cast<std::size_t>(first), part);
      QVERIFY2(std::memcmp(part.data(), rounded.data() + first, part.size() * sizeof(std::uint16_t)) == 0,
               qPrintable(QStringLiteral("%1 + %2").arg(first).arg(count)));
    }
    std::vector<std::uint16_t> tooFar(6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dequantizeNf4ToBf16(bytes, elements, 640, tooFar));
  }

  // The product over the NF4 weight equals, bit for bit, the fp32 product over its dequantized
  // copy cut into the same panels: the forward (W transposed, [out, in]) and the input gradient
  // (W as stored), with shapes that cross a panel boundary. Where the processor multiplies on its
  // bf16 instructions (bf16_products.h), the dequantized copy is rounded to bf16 and multiplied
  // there in the same panels, and the plain product it is held to rounds A and W to bf16 first.
  void productsEqualTheProductOfTheDequantizedWeight_data() {
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("transposeW");
    QTest::newRow("forward, small") << 5 << 48 << 40 << true;
    QTest::newRow("input gradient, small") << 5 << 40 << 48 << false;
    QTest::newRow("forward, 20 rows") << 20 << 48 << 40 << true;
    QTest::newRow("input gradient, 20 rows") << 20 << 40 << 48 << false;
    QTest::newRow("forward, two panels") << 3 << 1100 << 1000 << true;
    QTest::newRow("input gradient, two panels") << 3 << 1000 << 1100 << false;
  }

  void productsEqualTheProductOfTheDequantizedWeight() {
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(bool, transposeW);
    const auto M = static_cast<std::size_t>(m), N = static_cast<std::size_t>(n), K = static_cast<std::size_t>(k);
    const std::vector<float> a = normalValues(M * K, 1.0);
    const std::vector<std::uint8_t> w = quantized(normalValues(K * N, 0.05));
    const std::vector<float> wide = dequantized(w, K * N);
    const std::vector<float> start = normalValues(M * N, 1.0);
    std::vector<float> ours = start, theirs = start;
    matmulNf4Weights(a, false, w, transposeW, ours, M, N, K, 0.5f, 1.0f);
    const bool bf16 = takesBf16Products(M);
    std::vector<std::uint16_t> wide16(wide.size());
    floatToBf16(wide, wide16);
    if (bf16) {
      QVERIFY(matmulBf16Panels(
          a, false,
          [&](std::size_t first, std::span<std::uint16_t> out) { std::memcpy(out.data(), wide16.data() + first, out.size_bytes()); },
          transposeW, theirs, M, N, K, 0.5f, 1.0f));
    } else {
      matmulWidenedPanels(
          a, false, [&](std::size_t first, std::span<float> out) { std::memcpy(out.data(), wide.data() + first, out.size_bytes()); },
          transposeW, theirs, M, N, K, 0.5f, 1.0f);
    }
    QVERIFY(sameBits(ours, theirs));
    // And within fp32 rounding of the plain product (the panels only split the sums).
    std::vector<float> plain = start, aSeen = a, wSeen = wide;
    if (bf16) {
      for (float& v : aSeen) v = bf16ToFloat(floatToBf16(v));
      bf16ToFloat(wide16, wSeen);
    }
    matmul<float>(aSeen, false, wSeen, transposeW, plain, M, N, K, 0.5f, 1.0f);
    for (std::size_t i = 0; i < plain.size(); ++i) {
      QVERIFY2(std::fabs(plain[i] - ours[i]) <= 1e-5 * (1 + std::fabs(plain[i])), qPrintable(QString::number(i)));
    }
  }
};

QTEST_APPLESS_MAIN(TestNf4)
#include "tst_nf4.moc"
