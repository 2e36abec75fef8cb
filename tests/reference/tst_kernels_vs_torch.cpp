// The CPU kernels against PyTorch on the same fresh random inputs, in float32: outputs and every
// gradient within a relative error of 2e-5 of the tensor's largest value (fp32 sums in other
// orders), NaN never passing. PyTorch computes as transformers' Llama/Qwen modules and
// torch.optim.AdamW do (tests/reference/kernels_reference.py).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <vector>

#include "kernels/cpu/adamw.h"
#include "kernels/cpu/attention.h"
#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/cached_attention.h"
#include "kernels/cpu/cross_entropy.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/half_weights.h"
#include "kernels/cpu/rms_norm.h"
#include "kernels/cpu/rope.h"
#include "kernels/cpu/swiglu.h"
#include "reference/torch_reference.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

constexpr double kTolerance = 2e-5;

std::vector<float> randomValues(std::size_t count, double scale = 1.0) {
  std::vector<float> values(count);
  for (float& value : values) value = static_cast<float>(scale * (QRandomGenerator::global()->generateDouble() * 2 - 1));
  return values;
}

QJsonArray toJson(const std::vector<float>& values) {
  QJsonArray array;
  for (const float value : values) array.append(static_cast<double>(value));
  return array;
}

template <typename Integer>
QJsonArray toJsonIntegers(const std::vector<Integer>& values) {
  QJsonArray array;
  for (const auto value : values) array.append(static_cast<qint64>(value));
  return array;
}

QJsonObject reference(const QJsonObject& job) {
  return tiertune::test::runTorchReference(QStringLiteral(TIERTUNE_KERNELS_REFERENCE), job, 120000);
}

double relativeError(const std::vector<float>& ours, const QJsonValue& theirs) {
  return tiertune::test::relativeError(ours, theirs.toArray());
}

// Element by element, for values spanning orders of magnitude (RoPE frequencies: 1 down to 1e-6).
double elementwiseRelativeError(const std::vector<float>& ours, const QJsonValue& theirs) {
  const QJsonArray array = theirs.toArray();
  if (static_cast<std::size_t>(array.size()) != ours.size()) return INFINITY;
  double worst = 0;
  for (qsizetype i = 0; i < array.size(); ++i) {
    const double value = array[i].toDouble();
    const double error = std::abs(static_cast<double>(ours[static_cast<std::size_t>(i)]) - value) / std::abs(value);
    if (!(error <= worst)) worst = std::isnan(error) ? INFINITY : error;
  }
  return worst;
}

#define CHECK_CLOSE(ours, result, key)                                                              \
  do {                                                                                              \
    const double error = relativeError(ours, (result)[QStringLiteral(key)]);                        \
    QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral(key " relative error %1").arg(error))); \
  } while (false)

#define REQUIRE_REFERENCE(result) \
  QVERIFY2(!(result).contains(QStringLiteral("error")), qPrintable((result)[QStringLiteral("error")].toString()))

}  // namespace

class KernelsVsTorchTest : public QObject {
  Q_OBJECT

 private slots:
  void rmsNorm() {
    const std::size_t rows = 9, dim = 96;
    const auto x = randomValues(rows * dim, 3.0), weight = randomValues(dim), probe = randomValues(rows * dim);
    std::vector<float> y(rows * dim), invRms(rows), dx(rows * dim), dweight(dim, 0.f);
    rmsNormForward<float>(x, weight, rows, 1e-6, y, invRms);
    rmsNormBackward<float>(probe, x, weight, invRms, rows, dx, dweight);
    const QJsonObject result = reference({{"op", "rmsnorm"}, {"rows", int(rows)}, {"dim", int(dim)}, {"eps", 1e-6},
                                          {"x", toJson(x)}, {"weight", toJson(weight)}, {"probe", toJson(probe)}});
    REQUIRE_REFERENCE(result);
    CHECK_CLOSE(y, result, "y");
    CHECK_CLOSE(dx, result, "dx");
    CHECK_CLOSE(dweight, result, "dweight");
  }

  void swiglu() {
    const auto gate = randomValues(500, 6.0), up = randomValues(500, 2.0), probe = randomValues(500);
    std::vector<float> out(500), dgate(500), dup(500);
    swigluForward<float>(gate, up, out);
    swigluBackward<float>(probe, gate, up, dgate, dup);
    const QJsonObject result =
        reference({{"op", "swiglu"}, {"gate", toJson(gate)}, {"up", toJson(up)}, {"probe", toJson(probe)}});
    REQUIRE_REFERENCE(result);
    CHECK_CLOSE(out, result, "out");
    CHECK_CLOSE(dgate, result, "dgate");
    CHECK_CLOSE(dup, result, "dup");
  }

  void ropeWithLlama3Scaling() {
    const std::size_t tokens = 12, heads = 3, headDim = 64;
    const RopeScalingSpec scaling{RopeScalingSpec::Kind::Llama3, 8.0, 1.0, 4.0, 8192};
    const auto invFreq = ropeInverseFrequencies<float>(headDim, 500000.0, scaling);
    const std::vector<std::int32_t> positions = {0, 1, 2, 3, 100, 1000, 5000, 8191, 9000, 20000, 0, 1};
    auto x = randomValues(tokens * heads * headDim), probe = randomValues(x.size());
    const QJsonObject job{{"op", "rope"},        {"tokens", int(tokens)},   {"heads", int(heads)},
                          {"head_dim", int(headDim)}, {"theta", 500000.0}, {"positions", toJsonIntegers(positions)},
                          {"x", toJson(x)},      {"probe", toJson(probe)},
                          {"scaling", QJsonObject{{"type", "llama3"}, {"factor", 8.0}, {"low", 1.0}, {"high", 4.0},
                                                  {"original", 8192.0}}}};
    const QJsonObject result = reference(job);
    REQUIRE_REFERENCE(result);
    const double frequencyError = elementwiseRelativeError(invFreq, result[QStringLiteral("inv_freq")]);
    QVERIFY2(frequencyError <= 1e-6, qPrintable(QStringLiteral("inv_freq relative error %1").arg(frequencyError)));
    ropeApply<float>(x, tokens, heads, headDim, positions, invFreq, false);
    // Angles up to 20000 rad in float32: both sides lose the same low bits, a few ulps apart.
    CHECK_CLOSE(x, result, "y");
    ropeApply<float>(probe, tokens, heads, headDim, positions, invFreq, true);
    CHECK_CLOSE(probe, result, "dx");
  }

  void groupedQueryAttentionOverPackedSamples() {
    const AttentionShape shape{10, 4, 2, 16};
    const std::vector<std::int32_t> sampleStart = {0, 0, 0, 0, 4, 4, 4, 7, 7, 7};
    const auto q = randomValues(10 * 4 * 16, 2.0), k = randomValues(10 * 2 * 16, 2.0), v = randomValues(10 * 2 * 16);
    const auto probe = randomValues(q.size());
    std::vector<float> out(q.size()), lse(4 * 10), dq(q.size()), dk(k.size()), dv(v.size());
    attentionForward<float>(q, k, v, sampleStart, shape, out, lse);
    attentionBackward<float>(probe, q, k, v, out, lse, sampleStart, shape, dq, dk, dv);
    const QJsonObject result = reference({{"op", "attention"}, {"tokens", 10}, {"heads", 4}, {"kv_heads", 2},
                                          {"head_dim", 16}, {"sample_start", toJsonIntegers(sampleStart)},
                                          {"q", toJson(q)}, {"k", toJson(k)}, {"v", toJson(v)}, {"probe", toJson(probe)}});
    REQUIRE_REFERENCE(result);
    CHECK_CLOSE(out, result, "out");
    CHECK_CLOSE(dq, result, "dq");
    CHECK_CLOSE(dk, result, "dk");
    CHECK_CLOSE(dv, result, "dv");
  }

  void cachedAttentionOfNewTokens_data() {
    QTest::addColumn<int>("queries");
    QTest::addColumn<int>("past");
    QTest::newRow("decode one token after 13") << 1 << 13;
    QTest::newRow("prefill 9 tokens") << 9 << 0;
    QTest::newRow("5 more after 6") << 5 << 6;
  }
  void cachedAttentionOfNewTokens() {
    QFETCH(int, queries);
    QFETCH(int, past);
    // The cache has room for 4 rows more than are filled: what they hold must not be read.
    const CachedAttentionShape shape{std::size_t(queries), std::size_t(past), 6, 2, 16};
    const std::size_t rows = shape.past + shape.queries + 4;
    const auto q = randomValues(shape.queries * 6 * 16, 2.0), keys = randomValues(rows * 2 * 16, 2.0),
               values = randomValues(rows * 2 * 16);
    std::vector<float> out(q.size());
    cachedAttention<float>(q, keys, values, shape, out);
    const QJsonObject result = reference({{"op", "cached_attention"}, {"queries", queries}, {"past", past},
                                          {"heads", 6}, {"kv_heads", 2}, {"head_dim", 16}, {"rows", int(rows)},
                                          {"q", toJson(q)}, {"keys", toJson(keys)}, {"values", toJson(values)}});
    REQUIRE_REFERENCE(result);
    CHECK_CLOSE(out, result, "out");
  }

  void crossEntropyWithMaskedTargets() {
    const std::size_t tokens = 13, hiddenSize = 32, vocab = 300;
    const auto hidden = randomValues(tokens * hiddenSize, 2.0), head = randomValues(vocab * hiddenSize);
    std::vector<std::int32_t> targets(tokens);
    for (auto& target : targets) target = static_cast<std::int32_t>(QRandomGenerator::global()->bounded(300));
    targets[0] = targets[5] = kIgnoreTarget;
    std::vector<float> dhidden(hidden.size()), dhead(head.size(), 0.f);
    const auto ours = crossEntropyWithHead<float>(hidden, head, targets, hiddenSize, vocab, 4, dhidden, dhead);
    const QJsonObject result = reference({{"op", "cross_entropy"}, {"tokens", int(tokens)}, {"hidden_size", int(hiddenSize)},
                                          {"vocab", int(vocab)}, {"hidden", toJson(hidden)}, {"head", toJson(head)},
                                          {"targets", toJsonIntegers(targets)}});
    REQUIRE_REFERENCE(result);
    const double theirs = result[QStringLiteral("loss")].toDouble();
    QVERIFY2(std::abs(ours.loss - theirs) <= kTolerance * std::abs(theirs),
             qPrintable(QStringLiteral("loss %1 vs %2").arg(ours.loss).arg(theirs)));
    CHECK_CLOSE(dhidden, result, "dhidden");
    CHECK_CLOSE(dhead, result, "dhead");
  }

  // A frozen linear layer whose weight stays in the checkpoint's 16-bit format: the forward and
  // the input gradient against PyTorch widening the same bits to float32 (the weights must agree
  // exactly; the products within fp32 summation order).
  void frozenHalfWeightLinear_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("bf16") << int(HalfFormat::Bf16);
    QTest::newRow("fp16") << int(HalfFormat::F16);
  }
  void frozenHalfWeightLinear() {
    QFETCH(int, format);
    const auto half = static_cast<HalfFormat>(format);
    const std::size_t tokens = 20, inputs = 96, outputs = 130;  // 16 rows or more: the bf16 products
    const auto x = randomValues(tokens * inputs, 2.0), probe = randomValues(tokens * outputs);
    std::vector<std::uint16_t> bits(outputs * inputs);
    QJsonArray bitsJson;
    for (const float value : randomValues(bits.size(), 0.3)) {
      bits[static_cast<std::size_t>(bitsJson.size())] = half == HalfFormat::Bf16 ? floatToBf16(value) : floatToF16(value);
      bitsJson.append(bits[static_cast<std::size_t>(bitsJson.size())]);
    }
    std::vector<float> weight(bits.size()), y(tokens * outputs), dx(tokens * inputs);
    widenHalf(bits, half, weight);
    matmulHalfWeights(x, false, bits, half, true, y, tokens, outputs, inputs);
    matmulHalfWeights(probe, false, bits, half, false, dx, tokens, inputs, outputs);
    const QJsonObject result = reference({{"op", "frozen_linear"}, {"tokens", int(tokens)}, {"inputs", int(inputs)},
                                          {"outputs", int(outputs)}, {"format", half == HalfFormat::Bf16 ? "bf16" : "fp16"},
                                          {"weight_bits", bitsJson}, {"x", toJson(x)}, {"probe", toJson(probe)},
                                          {"bf16_products", half == HalfFormat::Bf16 && takesBf16Products(tokens)}});
    REQUIRE_REFERENCE(result);
    QCOMPARE(relativeError(weight, result[QStringLiteral("weight")]), 0.0);
    CHECK_CLOSE(y, result, "y");
    CHECK_CLOSE(dx, result, "dx");
  }

  void adamwTrajectory() {
    AdamWHyper hyper;
    hyper.learningRate = 3e-3;
    hyper.weightDecay = 0.05;
    auto params = randomValues(200);
    const auto start = params;
    std::vector<float> m(200, 0.f), v(200, 0.f);
    QJsonArray grads;
    for (int step = 1; step <= 20; ++step) {
      const auto g = randomValues(200, 0.1);
      adamwStep(params, g, m, v, hyper, step);
      grads.append(toJson(g));
    }
    const QJsonObject result = reference({{"op", "adamw"}, {"params", toJson(start)}, {"grads", grads},
                                          {"lr", hyper.learningRate}, {"beta1", hyper.beta1}, {"beta2", hyper.beta2},
                                          {"eps", hyper.epsilon}, {"weight_decay", hyper.weightDecay}});
    REQUIRE_REFERENCE(result);
    CHECK_CLOSE(params, result, "params");
    CHECK_CLOSE(m, result, "m");
    CHECK_CLOSE(v, result, "v");
  }
};

QTEST_GUILESS_MAIN(KernelsVsTorchTest)
#include "tst_kernels_vs_torch.moc"
