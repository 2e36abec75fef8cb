// bfloat16 and float16 conversions, checked over all 65,536 bit patterns of each format against a
// reference computed here independently, from the formats' definitions with ldexp, in double.
#include <QTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "kernels/cpu/half_precision.h"

using namespace tiertune::kernels::cpu;

namespace {

// A 16-bit format: sign, exponentBits, mantissaBits; exponent all ones is infinity/NaN.
struct HalfFormat {
  int exponentBits;
  int mantissaBits;
  int bias() const { return (1 << (exponentBits - 1)) - 1; }
  int maxExponentField() const { return (1 << exponentBits) - 1; }
};

constexpr HalfFormat kBf16{8, 7};
constexpr HalfFormat kF16{5, 10};

// The value of a pattern by definition. With treatAllOnesAsNumber, the infinity pattern of either
// sign decodes as if the exponent went on (2^(emax+1)): the "next value up" from the largest
// finite one, which round-to-nearest-even uses to decide overflow.
double referenceValue(HalfFormat format, std::uint16_t bits, bool treatAllOnesAsNumber = false) {
  const bool negative = bits & 0x8000u;
  const int exponent = (bits >> format.mantissaBits) & format.maxExponentField();
  const int mantissa = bits & ((1 << format.mantissaBits) - 1);
  double magnitude;
  if (exponent == format.maxExponentField() && !treatAllOnesAsNumber) {
    magnitude =
        mantissa == 0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
  } else if (exponent == 0) {
    magnitude = std::ldexp(static_cast<double>(mantissa), 1 - format.bias() - format.mantissaBits);
  } else {
    magnitude = std::ldexp(static_cast<double>((1 << format.mantissaBits) + mantissa),
                           exponent - format.bias() - format.mantissaBits);
  }
  return negative ? -magnitude : magnitude;
}

bool isNanPattern(HalfFormat format, std::uint16_t bits) {
  const int exponent = (bits >> format.mantissaBits) & format.maxExponentField();
  return exponent == format.maxExponentField() && (bits & ((1 << format.mantissaBits) - 1)) != 0;
}

// Round-to-nearest-even by brute force: the largest pattern not above |x| by binary search over the
// monotonic positive patterns, then the nearer of it and the next one, ties to the even pattern.
std::uint16_t referenceRound(HalfFormat format, float x) {
  const std::uint16_t sign = std::signbit(x) ? 0x8000u : 0u;
  const double magnitude = std::fabs(static_cast<double>(x));
  const auto infinity = static_cast<std::uint16_t>(format.maxExponentField() << format.mantissaBits);
  std::uint16_t low = 0, high = infinity;  // referenceValue(low) <= magnitude < value(high) (as a number)
  if (magnitude >= referenceValue(format, infinity, true)) return static_cast<std::uint16_t>(sign | infinity);
  while (high - low > 1) {
    const auto middle = static_cast<std::uint16_t>((low + high) / 2);
    if (referenceValue(format, middle) <= magnitude)
      low = middle;
    else
      high = middle;
  }
  const double below = magnitude - referenceValue(format, low);  // exact in double: few bits each
  const double above = referenceValue(format, high, true) - magnitude;
  std::uint16_t chosen = below < above ? low : above < below ? high : ((low & 1u) == 0 ? low : high);
  return static_cast<std::uint16_t>(sign | chosen);
}

bool sameFloat(float a, double expected) {
  if (std::isnan(expected)) return std::isnan(a);
  return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(static_cast<float>(expected));
}

}  // namespace

class TestHalfPrecision : public QObject {
  Q_OBJECT

 private slots:
  void bf16ToFloatIsExactForEveryPattern() {
    for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
      const auto pattern = static_cast<std::uint16_t>(bits);
      const float value = bf16ToFloat(pattern);
      if (!sameFloat(value, referenceValue(kBf16, pattern))) QFAIL(qPrintable(QString::number(bits, 16)));
      if (std::signbit(value) != bool(pattern & 0x8000u)) QFAIL("sign lost");
    }
  }

  void f16ToFloatIsExactForEveryPattern() {
    for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
      const auto pattern = static_cast<std::uint16_t>(bits);
      const float value = f16ToFloat(pattern);
      if (!sameFloat(value, referenceValue(kF16, pattern))) QFAIL(qPrintable(QString::number(bits, 16)));
      if (std::signbit(value) != bool(pattern & 0x8000u)) QFAIL("sign lost");
    }
  }

  void nanPayloadsSurviveARoundTrip() {
    for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
      const auto pattern = static_cast<std::uint16_t>(bits);
      if (isNanPattern(kF16, pattern)) {
        const std::uint16_t back = floatToF16(f16ToFloat(pattern));
        // Quieted, otherwise the same sign and payload.
        QCOMPARE(back, static_cast<std::uint16_t>(pattern | 0x0200u));
      }
      if (isNanPattern(kBf16, pattern)) {
        QCOMPARE(floatToBf16(bf16ToFloat(pattern)), static_cast<std::uint16_t>(pattern | 0x0040u));
      }
    }
    // A float NaN whose payload lies only in the bits that are cut off must stay a NaN.
    QCOMPARE(floatToBf16(std::bit_cast<float>(0x7f800001u)), std::uint16_t{0x7fc0});
    QCOMPARE(floatToF16(std::bit_cast<float>(0xff800001u)), std::uint16_t{0xfe00});
  }

  void everyValueConvertsBackToItself() {
    for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
      const auto pattern = static_cast<std::uint16_t>(bits);
      if (!isNanPattern(kBf16, pattern) && floatToBf16(bf16ToFloat(pattern)) != pattern) {
        QFAIL(qPrintable("bf16 " + QString::number(bits, 16)));
      }
      if (!isNanPattern(kF16, pattern) && floatToF16(f16ToFloat(pattern)) != pattern) {
        QFAIL(qPrintable("f16 " + QString::number(bits, 16)));
      }
    }
  }

  // Between every pair of neighbours (the largest finite value and infinity included): the exact
  // midpoint goes to the even one, a float step either side to the nearer one.
  void midpointsRoundToEven_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("bfloat16") << 0;
    QTest::newRow("float16") << 1;
  }
  void midpointsRoundToEven() {
    QFETCH(int, format);
    const HalfFormat half = format == 0 ? kBf16 : kF16;
    auto convert = [&](float x) { return format == 0 ? floatToBf16(x) : floatToF16(x); };
    const auto infinity = static_cast<std::uint16_t>(half.maxExponentField() << half.mantissaBits);
    for (std::uint16_t low = 0; low < infinity; ++low) {
      const auto high = static_cast<std::uint16_t>(low + 1);
      const double midpoint = (referenceValue(half, low) + referenceValue(half, high, true)) / 2;
      const auto asFloat = static_cast<float>(midpoint);
      QVERIFY2(static_cast<double>(asFloat) == midpoint, "midpoint not exact in float");
      const std::uint16_t even = (low & 1u) == 0 ? low : high;
      for (std::uint16_t sign : {std::uint16_t{0}, std::uint16_t{0x8000}}) {
        const float signedMid = sign ? -asFloat : asFloat;
        const float towardZero = std::nextafter(signedMid, 0.0f);
        const float awayFromZero = std::nextafter(signedMid, sign ? -INFINITY : INFINITY);
        if (convert(signedMid) != (sign | even) || convert(towardZero) != (sign | low) ||
            convert(awayFromZero) != (sign | high)) {
          QFAIL(qPrintable(
              QStringLiteral("between %1 and %2 (sign %3)").arg(low, 0, 16).arg(high, 0, 16).arg(sign)));
        }
      }
    }
  }

  // Random floats from every part of the range (all bit patterns equally likely) against the
  // brute-force rounding.
  void randomFloatsMatchBruteForceRounding() {
    std::mt19937 random(20240601);
    for (int i = 0; i < 300000; ++i) {
      const float x = std::bit_cast<float>(static_cast<std::uint32_t>(random()));
      if (std::isnan(x)) continue;
      if (floatToBf16(x) != referenceRound(kBf16, x))
        QFAIL(qPrintable("bf16 of " + QString::number(double(x))));
      if (floatToF16(x) != referenceRound(kF16, x)) QFAIL(qPrintable("f16 of " + QString::number(double(x))));
    }
  }

  void knownValues() {
    QCOMPARE(floatToBf16(1.0f), std::uint16_t{0x3f80});
    QCOMPARE(floatToF16(1.0f), std::uint16_t{0x3c00});
    QCOMPARE(floatToF16(65504.0f), std::uint16_t{0x7bff});
    QCOMPARE(floatToF16(65520.0f), std::uint16_t{0x7c00});  // halfway to 65536: ties to even = infinity
    QCOMPARE(floatToF16(std::ldexp(1.0f, -24)), std::uint16_t{0x0001});  // smallest subnormal
    QCOMPARE(floatToF16(std::ldexp(1.0f, -25)), std::uint16_t{0x0000});  // its half: ties to even zero
    QCOMPARE(floatToF16(-0.0f), std::uint16_t{0x8000});
    QCOMPARE(floatToBf16(INFINITY), std::uint16_t{0x7f80});
    QCOMPARE(floatToBf16(std::numeric_limits<float>::max()), std::uint16_t{0x7f80});
    QCOMPARE(f16ToFloat(0x0001), std::ldexp(1.0f, -24));
    QCOMPARE(bf16ToFloat(0x0001), std::ldexp(1.0f, -133));
  }

  void arraysConvertElementWise() {
    const std::vector<float> values{0.5f, -2.25f, 3.0e-5f, 1.0e6f};
    std::vector<std::uint16_t> halves(values.size());
    std::vector<float> back(values.size());
    floatToF16(values, halves);
    f16ToFloat(halves, back);
    for (std::size_t i = 0; i < values.size(); ++i) QCOMPARE(halves[i], floatToF16(values[i]));
    QCOMPARE(back[0], 0.5f);
    QVERIFY(std::isinf(back[3]));
    floatToBf16(values, halves);
    bf16ToFloat(halves, back);
    QCOMPARE(back[1], -2.25f);
  }
};

QTEST_GUILESS_MAIN(TestHalfPrecision)
#include "tst_half_precision.moc"
