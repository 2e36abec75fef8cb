// Products with a bf16 weight on the processor's bf16 instructions (kernels/cpu/bf16_products.h):
// the choice from the features and the setting; and, where this machine runs them, fresh random
// products of awkward shapes in every layout against the definition in double: within fp32 sums of
// the definition whose A is rounded to bf16 (what the policy computes), within 2^-8 sum |a w| of
// the exact definition, bit for bit the same when repeated, NaN carried through.
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/half_weights.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

std::vector<float> randomFloats(std::size_t n, double scale) {
  std::vector<float> values(n);
  for (float& v : values) v = static_cast<float>((QRandomGenerator::global()->generateDouble() * 2 - 1) * scale);
  return values;
}

float roundedToBf16(float value) { return bf16ToFloat(floatToBf16(value)); }

}  // namespace

class TstBf16Products : public QObject {
  Q_OBJECT

 private slots:
  void choiceFromFeaturesAndSetting() {
    CpuFeatures none;
    QCOMPARE(bf16ProductsFor(none, nullptr), Bf16Products::Reason::NoInstructions);
    CpuFeatures avx512Bf16;
    avx512Bf16.avx2 = avx512Bf16.fma = avx512Bf16.avx512 = avx512Bf16.avx512Bf16 = true;
    CpuFeatures amx;
    amx.amxBf16 = true;
    QCOMPARE(bf16ProductsFor(avx512Bf16, "widen"), Bf16Products::Reason::TurnedOff);
    QCOMPARE(bf16ProductsFor(none, "widen"), Bf16Products::Reason::TurnedOff);
    // With the instructions, the library decides: in use, not installed, or not built in.
    for (const CpuFeatures& features : {avx512Bf16, amx}) {
      const Bf16Products::Reason reason = bf16ProductsFor(features, "");
      QVERIFY(reason == Bf16Products::Reason::InUse || reason == Bf16Products::Reason::NoLibrary ||
              reason == Bf16Products::Reason::NotBuilt);
      QCOMPARE(bf16ProductsFor(features, "auto"), reason);  // anything but "widen" leaves the choice
    }
    // This process's choice agrees with its own features, and its words say what happened.
    const Bf16Products& chosen = bf16Products();
    const std::string words = describeBf16Products(chosen);
    if (chosen.inUse()) {
      QVERIFY(words.starts_with("bf16 products on oneDNN 2."));
      QVERIFY(!chosen.implementation.empty());
    } else {
      QVERIFY2(words.starts_with("bf16 weights widened to fp32 ("), words.c_str());
    }
  }

  // A check product that fails (or throws) keeps the exact path, and the words say why; one that
  // passes puts the library in use, naming the kernel. Where the library cannot be loaded (or was
  // not built in) the check never runs.
  void aFailedCheckProductKeepsTheExactPath() {
    CpuFeatures avx512Bf16;
    avx512Bf16.avx2 = avx512Bf16.fma = avx512Bf16.avx512 = avx512Bf16.avx512Bf16 = true;
    if (bf16ProductsFor(avx512Bf16, "") != Bf16Products::Reason::InUse) {
      bool checked = false;
      const Bf16Products chosen = chooseBf16Products(avx512Bf16, "", [&](std::string&) { return checked = true; });
      QVERIFY(!checked);
      QVERIFY(!chosen.inUse());
      QSKIP("oneDNN cannot be loaded here: the check product never runs");
    }
    const Bf16Products failed = chooseBf16Products(avx512Bf16, "", [](std::string&) { return false; });
    QCOMPARE(failed.reason, Bf16Products::Reason::CheckFailed);
    QVERIFY(!failed.inUse());
    QCOMPARE(describeBf16Products(failed),
             std::string("bf16 weights widened to fp32 (oneDNN failed its check product on this processor)"));
    const Bf16Products threw = chooseBf16Products(avx512Bf16, "", [](std::string&) -> bool {
      throw std::runtime_error("dnnl_primitive_create: unimplemented");
    });
    QCOMPARE(threw.reason, Bf16Products::Reason::CheckFailed);
    QCOMPARE(describeBf16Products(threw), std::string("bf16 weights widened to fp32 (oneDNN failed its check product "
                                                      "on this processor: dnnl_primitive_create: unimplemented)"));
    const Bf16Products passed = chooseBf16Products(avx512Bf16, "", [](std::string& implementation) {
      implementation = "brg:avx512_core_bf16";
      return true;
    });
    QVERIFY(passed.inUse());
    QVERIFY2(describeBf16Products(passed).ends_with("(brg:avx512_core_bf16)"), describeBf16Products(passed).c_str());
    // The setting still wins over a passing check.
    QCOMPARE(chooseBf16Products(avx512Bf16, "widen", [](std::string&) { return true; }).reason,
             Bf16Products::Reason::TurnedOff);
  }

  void productsWithinTheirBounds() {
    if (!bf16Products().inUse()) QSKIP(qPrintable(QString::fromStdString(describeBf16Products(bf16Products()))));
    struct Shape {
      std::size_t m, n, k;
    };
    // 16 rows or more (fewer stay on the exact path: widenedPathIsExact and fewRowsStayExact).
    for (const Shape shape : {Shape{16, 1, 1}, Shape{17, 33, 65}, Shape{64, 130, 300}, Shape{129, 67, 1031}}) {
      const std::size_t m = shape.m, n = shape.n, k = shape.k;
      for (const bool ta : {false, true}) {
        for (const bool tw : {false, true}) {
          const std::vector<float> a = randomFloats(m * k, 3.0), before = randomFloats(m * n, 1.0);
          std::vector<std::uint16_t> w(k * n);
          floatToBf16(randomFloats(k * n, 0.5), w);
          const float alpha = 0.75f, beta = tw ? -1.5f : 0.0f;
          std::vector<float> c = before, again = before;
          matmulHalfWeights(a, ta, w, HalfFormat::Bf16, tw, c, m, n, k, alpha, beta);
          matmulHalfWeights(a, ta, w, HalfFormat::Bf16, tw, again, m, n, k, alpha, beta);
          QVERIFY2(c == again, "the same product twice differs");
          double worstRounded = 0, worstExact = 0;
          for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
              double exact = 0, rounded = 0, magnitude = 0;
              for (std::size_t p = 0; p < k; ++p) {
                const float av = ta ? a[p * m + i] : a[i * k + p];
                const double wv = bf16ToFloat(tw ? w[j * k + p] : w[p * n + j]);
                exact += static_cast<double>(av) * wv;
                rounded += static_cast<double>(roundedToBf16(av)) * wv;
                magnitude += std::abs(static_cast<double>(av) * wv);
              }
              const double start = beta * before[i * n + j];
              const double scale = std::abs(alpha) * magnitude + std::abs(start);
              // fp32 sums over k terms: k 2^-24 of the magnitudes; A rounded: 2^-8 of them more.
              const double errorRounded = std::abs(c[i * n + j] - (alpha * rounded + start)) / scale;
              const double errorExact = std::abs(c[i * n + j] - (alpha * exact + start)) / scale;
              worstRounded = std::max(worstRounded, std::isnan(errorRounded) ? INFINITY : errorRounded);
              worstExact = std::max(worstExact, std::isnan(errorExact) ? INFINITY : errorExact);
            }
          }
          const QString where = QStringLiteral("%1x%2x%3 ta %4 tw %5").arg(m).arg(n).arg(k).arg(ta).arg(tw);
          QVERIFY2(worstRounded <= static_cast<double>(k) * std::ldexp(1.0, -24) + 1e-7,
                   qPrintable(where + QStringLiteral(": %1 from the rounded definition").arg(worstRounded)));
          QVERIFY2(worstExact <= std::ldexp(1.0, -8) + static_cast<double>(k) * std::ldexp(1.0, -24),
                   qPrintable(where + QStringLiteral(": %1 from the exact definition").arg(worstExact)));
        }
      }
    }
  }

  void aNanInTheActivationsReachesTheOutput() {
    if (!bf16Products().inUse()) QSKIP(qPrintable(QString::fromStdString(describeBf16Products(bf16Products()))));
    const std::size_t m = 20, n = 40, k = 50;
    std::vector<float> a = randomFloats(m * k, 1.0), c(m * n);
    a[2 * k + 17] = std::numeric_limits<float>::quiet_NaN();
    std::vector<std::uint16_t> w(k * n);
    floatToBf16(randomFloats(k * n, 0.5), w);
    matmulHalfWeights(a, false, w, HalfFormat::Bf16, true, c, m, n, k);
    for (std::size_t j = 0; j < n; ++j) {
      QVERIFY(std::isnan(c[2 * n + j]));
      QVERIFY(std::isfinite(c[j]));
    }
  }

  // A product of a few rows (decoding) takes the exact path: bit for bit the widened product.
  void fewRowsStayExact() {
    QVERIFY(!takesBf16Products(kBf16ProductsFewestRows - 1));
    const std::size_t m = kBf16ProductsFewestRows - 1, n = 33, k = 70;
    const std::vector<float> a = randomFloats(m * k, 2.0);
    std::vector<std::uint16_t> w(n * k);
    floatToBf16(randomFloats(n * k, 0.5), w);
    std::vector<float> c(m * n), exact(m * n);
    matmulHalfWeights(a, false, w, HalfFormat::Bf16, true, c, m, n, k);
    matmulWidenedHalfWeights(a, false, w, HalfFormat::Bf16, true, exact, m, n, k);
    QVERIFY(c == exact);
  }

  // The exact path stays available whatever the choice: the widened weight's fp32 sums.
  void widenedPathIsExact() {
    const std::size_t m = 5, n = 21, k = 77;
    const std::vector<float> a = randomFloats(m * k, 2.0);
    std::vector<std::uint16_t> w(n * k);
    floatToBf16(randomFloats(n * k, 0.5), w);
    std::vector<float> c(m * n);
    matmulWidenedHalfWeights(a, false, w, HalfFormat::Bf16, true, c, m, n, k);
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        double exact = 0, magnitude = 0;
        for (std::size_t p = 0; p < k; ++p) {
          const double term = static_cast<double>(a[i * k + p]) * bf16ToFloat(w[j * k + p]);
          exact += term;
          magnitude += std::abs(term);
        }
        QVERIFY(std::abs(c[i * n + j] - exact) <= static_cast<double>(k) * std::ldexp(1.0, -24) * magnitude);
      }
    }
  }
};

QTEST_APPLESS_MAIN(TstBf16Products)
#include "tst_bf16_products.moc"
