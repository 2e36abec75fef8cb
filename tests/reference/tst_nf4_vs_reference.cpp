// NF4 quantization against an independent numpy reference written from the published algorithm
// (tests/reference/nf4_reference.py): on fresh random tensors, the 4-bit codes, the 8-bit codes of
// the block maxima, the group scales, the offset, the 256 dynamic values and every dequantized
// weight are identical to the bit.
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/nf4.h"
#include "kernels/nf4_format.h"
#include "reference/torch_reference.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

struct Case {
  QString name;
  std::vector<float> values;
};

float normal(QRandomGenerator& random) {
  const double u = 1.0 - random.generateDouble(), v = random.generateDouble();
  return static_cast<float>(std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v));
}

// Tensors as a QLoRA base meets them: bf16 weights of a few scales, a tail block, an odd count, a
// block of zeros, a tensor of one repeated value (every maximum equal: group scale 0), weights on
// the NF4 midpoints exactly, and more than one group of 256 blocks.
std::vector<Case> cases(QRandomGenerator& random) {
  std::vector<Case> all;
  auto bf16Normal = [&](std::size_t count, double scale) {
    std::vector<float> values(count);
    for (float& value : values) value = bf16ToFloat(floatToBf16(static_cast<float>(scale * normal(random))));
    return values;
  };
  all.push_back({QStringLiteral("three groups of bf16 weights"), bf16Normal(64 * 256 * 2 + 64 * 37, 0.02)});
  all.push_back({QStringLiteral("a tail block"), bf16Normal(64 * 5 + 13, 1.5)});
  all.push_back({QStringLiteral("an odd count"), bf16Normal(99, 0.3)});
  std::vector<float> zeros = bf16Normal(64 * 6, 0.1);
  std::fill(zeros.begin() + 128, zeros.begin() + 192, 0.0f);
  all.push_back({QStringLiteral("a block of zeros"), zeros});
  all.push_back({QStringLiteral("one repeated value"), std::vector<float>(64 * 3, 0.25f)});
  // A maximum of 1 makes a weight its own normalized value: the midpoints and their neighbours.
  std::vector<float> midpoints = {1.0f};
  for (std::size_t c = 0; c + 1 < kNf4Values.size(); ++c) {
    const auto mid = static_cast<float>((double(kNf4Values[c]) + double(kNf4Values[c + 1])) / 2);
    midpoints.push_back(mid);
    midpoints.push_back(std::nextafter(mid, 2.0f));
    midpoints.push_back(std::nextafter(mid, -2.0f));
  }
  all.push_back({QStringLiteral("the midpoints"), midpoints});
  return all;
}

QJsonArray floatBits(const std::vector<float>& values) {
  QJsonArray array;
  for (const float value : values) array.append(static_cast<qint64>(std::bit_cast<std::uint32_t>(value)));
  return array;
}

QString hex(const std::uint8_t* data, std::size_t size) {
  return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)).toHex());
}

std::uint32_t floatBitsAt(const std::vector<std::uint8_t>& bytes, std::size_t at) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, bytes.data() + at, sizeof bits);
  return bits;
}

}  // namespace

class TestNf4VsReference : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (!tiertune::test::pythonModuleAvailable(QStringLiteral("numpy"))) {
      QSKIP("/usr/bin/python3 cannot import numpy (python3-numpy)");
    }
  }

  void quantizesAsTheReference() {
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    const std::vector<Case> all = cases(random);
    QJsonArray tensors;
    for (const Case& c : all) tensors.append(QJsonObject{{QStringLiteral("values_bits"), floatBits(c.values)}});
    const QJsonObject result = tiertune::test::runTorchReference(QStringLiteral(TIERTUNE_NF4_REFERENCE),
                                                                  QJsonObject{{QStringLiteral("tensors"), tensors}});
    QVERIFY2(!result.contains(QStringLiteral("error")), qPrintable(result.value(QStringLiteral("error")).toString()));

    const QJsonArray dynamic = result.value(QStringLiteral("dynamic_map_bits")).toArray();
    QCOMPARE(dynamic.size(), 256);
    for (std::size_t i = 0; i < 256; ++i) {
      QVERIFY2(static_cast<std::uint32_t>(dynamic.at(static_cast<qsizetype>(i)).toInteger()) ==
                   std::bit_cast<std::uint32_t>(nf4DynamicValues()[i]),
               qPrintable(QStringLiteral("dynamic value %1: ours %2").arg(i).arg(nf4DynamicValues()[i], 0, 'g', 9)));
    }

    const QJsonArray theirs = result.value(QStringLiteral("tensors")).toArray();
    QCOMPARE(theirs.size(), static_cast<qsizetype>(all.size()));
    for (std::size_t t = 0; t < all.size(); ++t) {
      const std::vector<float>& values = all[t].values;
      const QByteArray what = all[t].name.toUtf8();
      const QJsonObject reference = theirs.at(static_cast<qsizetype>(t)).toObject();
      const Nf4Layout layout = nf4Layout(values.size());
      std::vector<std::uint8_t> bytes(layout.bytes);
      quantizeNf4(values, bytes);

      QCOMPARE(hex(bytes.data(), (values.size() + 1) / 2), reference.value(QStringLiteral("codes")).toString());
      QVERIFY2(hex(bytes.data() + layout.blockCodes, layout.blocks) ==
                   reference.value(QStringLiteral("block_codes")).toString(),
               what.constData());
      const QJsonArray scales = reference.value(QStringLiteral("group_scales_bits")).toArray();
      QCOMPARE(static_cast<std::size_t>(scales.size()), layout.groups);
      for (std::size_t g = 0; g < layout.groups; ++g) {
        QVERIFY2(floatBitsAt(bytes, layout.groupScales + 4 * g) ==
                     static_cast<std::uint32_t>(scales.at(static_cast<qsizetype>(g)).toInteger()),
                 what.constData());
      }
      QVERIFY2(floatBitsAt(bytes, layout.offset) ==
                   static_cast<std::uint32_t>(reference.value(QStringLiteral("offset_bits")).toInteger()),
               what.constData());

      std::vector<float> back(values.size());
      dequantizeNf4(bytes, values.size(), 0, back);
      const QJsonArray dequantized = reference.value(QStringLiteral("dequantized_bits")).toArray();
      QCOMPARE(static_cast<std::size_t>(dequantized.size()), back.size());
      for (std::size_t i = 0; i < back.size(); ++i) {
        QVERIFY2(std::bit_cast<std::uint32_t>(back[i]) ==
                     static_cast<std::uint32_t>(dequantized.at(static_cast<qsizetype>(i)).toInteger()),
                 qPrintable(QStringLiteral("%1: weight %2 read back as %3").arg(all[t].name).arg(i).arg(back[i])));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestNf4VsReference)
#include "tst_nf4_vs_reference.moc"
