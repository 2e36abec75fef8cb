// The CPU's vector kernels (kernels/cpu/vector_kernels.h): the exponential against the C library's
// double-precision exp rounded to float (a sweep through the floats of [-87, 88] and fresh random
// inputs, within 2 ulp) and at its edges; every variant this processor can run giving the same
// bits as the baseline on fresh random inputs of awkward lengths; the sums against double-precision
// sums; and the variant chosen from the features.
#include <QTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "kernels/cpu/vector_kernels.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

std::int64_t ulpDistance(float a, float b) {
  return std::abs(static_cast<std::int64_t>(std::bit_cast<std::int32_t>(a)) -
                  static_cast<std::int64_t>(std::bit_cast<std::int32_t>(b)));
}

float referenceExp(float x) { return static_cast<float>(std::exp(static_cast<double>(x))); }

// The variants this processor can run (the chosen one is the widest of them).
std::vector<const VectorKernels*> runnableVariants() {
  const CpuFeatures features = readCpuFeatures();
  std::vector<const VectorKernels*> runnable;
  for (const VectorKernels* variant : builtVectorKernels()) {
    const std::string name = variant->name;
    if (name == "AVX-512" && !features.avx512) continue;
    if (name == "AVX2" && !(features.avx2 && features.fma)) continue;
    runnable.push_back(variant);
  }
  return runnable;
}

const VectorKernels& baseline() { return *builtVectorKernels().back(); }

std::vector<float> randomVector(std::mt19937& random, std::size_t n, float spread, float offset = 0.0f) {
  std::normal_distribution<float> normal(offset, spread);
  std::vector<float> values(n);
  for (float& v : values) v = normal(random);
  return values;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

class TstVectorMath : public QObject {
  Q_OBJECT

 private slots:
  void baselineIsLast() { QCOMPARE(std::string(baseline().name), std::string("SSE2")); }

  void exponentialWithinTwoUlp() {
    // Every 61st bit pattern of each sign (an odd stride visits every low-bit residue), both ends,
    // and random values, through exponentiateRow with no shift (the loops the kernels run).
    std::vector<float> inputs;
    for (std::uint32_t bits = 0; std::bit_cast<float>(bits) <= 88.0f; bits += 61) inputs.push_back(std::bit_cast<float>(bits));
    for (std::uint32_t bits = 0x80000000u; std::bit_cast<float>(bits) >= -87.0f; bits += 61) {
      inputs.push_back(std::bit_cast<float>(bits));
    }
    inputs.push_back(88.0f);
    inputs.push_back(-87.0f);
    std::mt19937 random(std::random_device{}());
    std::uniform_real_distribution<float> uniform(-87.0f, 88.0f), small(-1.0f, 1.0f);
    for (int i = 0; i < 500000; ++i) inputs.push_back(uniform(random)), inputs.push_back(small(random));
    QVERIFY(inputs.size() > 30000000);
    std::vector<float> expected(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) expected[i] = referenceExp(inputs[i]);
    for (const VectorKernels* variant : runnableVariants()) {
      std::vector<float> values = inputs;
      variant->exponentiateRow(values.data(), values.size(), 0.0f);
      std::int64_t worst = 0;
      float worstAt = 0;
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        // Neither NaN, infinity nor a flush to 0 is within 2 ulp of a finite e^x over this range.
        const std::int64_t d = std::isfinite(values[i]) ? ulpDistance(values[i], expected[i]) : 1000;
        if (d > worst) worst = d, worstAt = inputs[i];
      }
      QVERIFY2(worst <= 2, qPrintable(QStringLiteral("%1: %2 ulp at %3").arg(variant->name).arg(worst).arg(double(worstAt), 0, 'g', 9)));
    }
  }

  void exponentialEdges() {
    const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
    for (const VectorKernels* variant : runnableVariants()) {
      std::vector<float> x = {0.0f, -0.0f, -87.5f, -1000.0f, -inf, 1000.0f, inf, 88.0f, nan, -nan};
      variant->exponentiateRow(x.data(), x.size(), 0.0f);
      QCOMPARE(x[0], 1.0f);
      QCOMPARE(x[1], 1.0f);
      QCOMPARE(x[2], 0.0f);
      QCOMPARE(x[3], 0.0f);
      QCOMPARE(x[4], 0.0f);
      QVERIFY(std::isfinite(x[7]) && ulpDistance(x[7], referenceExp(88.0f)) <= 2);
      QCOMPARE(x[5], x[7]);  // capped at e^88
      QCOMPARE(x[6], x[7]);
      QVERIFY(std::isnan(x[8]) && std::isnan(x[9]));
    }
  }

  void aNanInARowMakesItsSumNan() {
    for (const VectorKernels* variant : runnableVariants()) {
      std::vector<float> row = {1.0f, 2.0f, std::numeric_limits<float>::quiet_NaN(), 0.5f};
      QCOMPARE(variant->rowMaximum(row.data(), row.size()), 2.0f);
      QVERIFY(std::isnan(variant->exponentiateRow(row.data(), row.size(), 2.0f)));
    }
  }

  void sumsAgreeWithDouble() {
    std::mt19937 random(std::random_device{}());
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{17}, std::size_t{32003}}) {
      const std::vector<float> x = randomVector(random, n, 3.0f);
      double squares = 0;
      for (const float v : x) squares += static_cast<double>(v) * v;
      for (const VectorKernels* variant : runnableVariants()) {
        QVERIFY(std::abs(variant->sumOfSquares(x.data(), n) - squares) <= 1e-12 * std::max(1.0, squares));
        std::vector<float> row = x;
        const float maximum = variant->rowMaximum(row.data(), n);
        if (n > 0) QCOMPARE(maximum, *std::max_element(x.begin(), x.end()));
        const double sum = variant->exponentiateRow(row.data(), n, n > 0 ? maximum : 0.0f);
        double expected = 0;
        for (const float v : row) expected += v;
        QVERIFY(std::abs(sum - expected) <= 1e-12 * std::max(1.0, expected));
        if (n > 0) QVERIFY(sum >= 1.0);  // the largest term is e^0
      }
    }
  }

  // Every function of every runnable variant against the baseline, bit for bit.
  void variantsGiveTheBaselinesBits() {
    const std::vector<const VectorKernels*> variants = runnableVariants();
    if (variants.size() < 2) QSKIP("this processor runs only the baseline variant");
    std::mt19937 random(std::random_device{}());
    const AdamWFactors factors{0.9999f, 1e-3f, 0.3f, 0.9f, 0.999f, 1e-8f};
    for (const std::size_t n : {std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{33}, std::size_t{1377}}) {
      const std::vector<float> a = randomVector(random, n, 2.0f), b = randomVector(random, n, 2.0f);
      const std::vector<float> c = randomVector(random, n, 1.0f), w = randomVector(random, n, 0.2f, 1.0f);
      std::vector<float> v = randomVector(random, n, 1e-3f);
      for (float& value : v) value = std::abs(value);
      const std::size_t rows = 7;
      const std::vector<float> dy = randomVector(random, rows * n, 1.0f), x = randomVector(random, rows * n, 1.0f);
      const std::vector<float> invRms = randomVector(random, rows, 0.1f, 1.0f);
      std::vector<std::uint8_t> codeBytes(n);
      for (std::uint8_t& byte : codeBytes) byte = static_cast<std::uint8_t>(random() & 0xFF);
      std::vector<std::uint16_t> codeValues(16);
      for (std::uint16_t& value : codeValues) value = static_cast<std::uint16_t>(random() & 0xFFFF);

      // Runs everything on one variant and returns all outputs, end to end.
      auto run = [&](const VectorKernels& k) {
        std::vector<float> out;
        auto keep = [&](const std::vector<float>& values) { out.insert(out.end(), values.begin(), values.end()); };
        auto keepNumber = [&](double value) { keep({static_cast<float>(value), static_cast<float>(value - static_cast<float>(value))}); };
        std::vector<float> row = a;
        keep({k.rowMaximum(row.data(), n)});
        keepNumber(k.exponentiateRow(row.data(), n, 1.5f));
        keep(row);
        k.scale(row.data(), n, 0.37f);
        keep(row);
        std::vector<float> y = b;
        k.axpy(-1.3f, a.data(), y.data(), n);
        keep(y);
        keepNumber(k.sumOfSquares(a.data(), n));
        std::vector<float> o(n), dg(n), du(n);
        k.swigluForward(a.data(), b.data(), o.data(), n);
        k.swigluBackward(c.data(), a.data(), b.data(), dg.data(), du.data(), n);
        keep(o), keep(dg), keep(du);
        std::vector<float> p = a, m = c, vv = v;
        k.adamw(p.data(), b.data(), m.data(), vv.data(), n, factors);
        keep(p), keep(m), keep(vv);
        k.scaleByWeight(a.data(), w.data(), 0.81f, o.data(), n);
        keep(o);
        const double dot = k.normBackwardDot(b.data(), w.data(), a.data(), 0.9f, n);
        keepNumber(dot);
        k.normBackwardRow(b.data(), w.data(), a.data(), 0.9f, static_cast<float>(dot / n), o.data(), n);
        keep(o);
        std::vector<float> dweight = c;
        k.normWeightGradient(dy.data(), x.data(), invRms.data(), rows, n, n, dweight.data());
        keep(dweight);
        std::vector<float> probabilities = a, ds = b;
        k.attentionGradientRow(probabilities.data(), ds.data(), n, 2.5f, 0.3f, 0.125f);
        keep(probabilities), keep(ds);
        std::vector<std::uint16_t> codesOut(2 * n);
        k.nibblesToValues(codeBytes.data(), n, codeValues.data(), codesOut.data());
        for (const std::uint16_t value : codesOut) out.push_back(static_cast<float>(value));
        return out;
      };
      const std::vector<float> expected = run(baseline());
      for (const VectorKernels* variant : variants) {
        QVERIFY2(sameBits(run(*variant), expected), qPrintable(QStringLiteral("%1, n = %2").arg(variant->name).arg(n)));
      }
    }
  }

  // NF4's codes, two a byte (the first in the high half), into a block's 16 values.
  void nibblesBecomeTheirValues() {
    std::mt19937 random(std::random_device{}());
    for (const VectorKernels* variant : runnableVariants()) {
      for (const std::size_t pairs : {std::size_t{0}, std::size_t{1}, std::size_t{16}, std::size_t{32}, std::size_t{47}}) {
        std::vector<std::uint8_t> bytes(pairs);
        for (std::uint8_t& byte : bytes) byte = static_cast<std::uint8_t>(random() & 0xFF);
        std::vector<std::uint16_t> values(16);
        for (std::uint16_t& value : values) value = static_cast<std::uint16_t>(random() & 0xFFFF);
        std::vector<std::uint16_t> out(2 * pairs + 1, 0xABCD);
        variant->nibblesToValues(bytes.data(), pairs, values.data(), out.data());
        for (std::size_t j = 0; j < pairs; ++j) {
          QCOMPARE(out[2 * j], values[bytes[j] >> 4]);
          QCOMPARE(out[2 * j + 1], values[bytes[j] & 0x0F]);
        }
        QCOMPARE(out.back(), std::uint16_t{0xABCD});  // nothing written past the end
      }
    }
  }

  // The weight gradient's sums over rows, in row order, as the plain loop adds them.
  void normWeightGradientAddsRowsInOrder() {
    std::mt19937 random(std::random_device{}());
    const std::size_t rows = 300, stride = 70, columns = 67;
    const std::vector<float> dy = randomVector(random, rows * stride, 1.0f), x = randomVector(random, rows * stride, 1.0f);
    const std::vector<float> invRms = randomVector(random, rows, 0.1f, 1.0f);
    std::vector<float> expected(columns, 0.5f);
    for (std::size_t c = 0; c < columns; ++c) {
      float sum = 0;
      for (std::size_t r = 0; r < rows; ++r) sum += dy[r * stride + c] * x[r * stride + c] * invRms[r];
      expected[c] += sum;
    }
    for (const VectorKernels* variant : runnableVariants()) {
      std::vector<float> dweight(columns, 0.5f);
      variant->normWeightGradient(dy.data(), x.data(), invRms.data(), rows, stride, columns, dweight.data());
      QVERIFY(sameBits(dweight, expected));
    }
  }

  void variantChosenFromFeatures() {
    CpuFeatures none;
    QCOMPARE(std::string(vectorKernelsFor(none).name), std::string("SSE2"));
    CpuFeatures avx2WithoutFma;
    avx2WithoutFma.avx2 = true;
    QCOMPARE(std::string(vectorKernelsFor(avx2WithoutFma).name), std::string("SSE2"));
    CpuFeatures avx2 = avx2WithoutFma;
    avx2.fma = true;
    QCOMPARE(std::string(vectorKernelsFor(avx2).name), std::string("AVX2"));
    CpuFeatures avx512 = avx2;
    avx512.avx512 = true;
    QCOMPARE(std::string(vectorKernelsFor(avx512).name), std::string("AVX-512"));
    // This processor's choice is the widest variant it can run.
    QCOMPARE(std::string(vectorKernels().name), std::string(runnableVariants().front()->name));
  }
};

QTEST_APPLESS_MAIN(TstVectorMath)
#include "tst_vector_math.moc"
