// CPU kernels: every backward held to central finite differences in float64 on fresh random
// inputs, float forwards held to the float64 ones, and RoPE's rotations and llama3 scaling.
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <limits>
#include <functional>
#include <numbers>
#include <vector>

#include "kernels/cpu/adamw.h"
#include "kernels/cpu/attention.h"
#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/embedding.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/half_weights.h"
#include "kernels/cpu/panel_matmul.h"
#include "kernels/cpu/cross_entropy.h"
#include "kernels/cpu/matmul.h"
#include "kernels/cpu/rms_norm.h"
#include "kernels/cpu/rope.h"
#include "kernels/cpu/swiglu.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

namespace {

// Each value rounded to bf16 (nearest even) and back: what a bf16 product sees of an fp32 operand.
std::vector<float> roundedToBf16(const std::vector<float>& values) {
  std::vector<float> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = tiertune::kernels::cpu::bf16ToFloat(tiertune::kernels::cpu::floatToBf16(values[i]));
  return out;
}

std::vector<double> randomValues(std::size_t count, double scale = 1.0) {
  std::vector<double> values(count);
  for (double& value : values) value = scale * (QRandomGenerator::global()->generateDouble() * 2 - 1);
  return values;
}

std::vector<float> toFloat(const std::vector<double>& values) { return {values.begin(), values.end()}; }

// count uniform values in [-scale, scale) as the bits of format.
std::vector<std::uint16_t> randomHalf(std::size_t count, HalfFormat format, double scale = 1.0) {
  std::vector<std::uint16_t> bits(count);
  for (std::uint16_t& b : bits) {
    const auto value = static_cast<float>(scale * (QRandomGenerator::global()->generateDouble() * 2 - 1));
    b = format == HalfFormat::Bf16 ? floatToBf16(value) : floatToF16(value);
  }
  return bits;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

// Largest |analytic - numeric| / max(1, |numeric|) over every input of loss(input).
double worstGradientError(std::vector<double>& input, const std::vector<double>& analytic,
                          const std::function<double()>& loss) {
  constexpr double h = 1e-6;
  double worst = 0;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const double saved = input[i];
    input[i] = saved + h;
    const double plus = loss();
    input[i] = saved - h;
    const double minus = loss();
    input[i] = saved;
    const double numeric = (plus - minus) / (2 * h);
    const double error = std::abs(analytic[i] - numeric) / std::max(1.0, std::abs(numeric));
    if (!(error <= worst)) worst = std::isnan(error) ? INFINITY : error;
  }
  return worst;
}

double worstRelative(const std::vector<float>& got, const std::vector<double>& want) {
  double worst = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const double error = std::abs(got[i] - want[i]) / std::max(1e-3, std::abs(want[i]));
    if (!(error <= worst)) worst = std::isnan(error) ? INFINITY : error;
  }
  return worst;
}

}  // namespace

class CpuOpsTest : public QObject {
  Q_OBJECT

 private slots:
  void rmsNormGradients() {
    constexpr std::size_t rows = 5, dim = 13;
    std::vector<double> x = randomValues(rows * dim, 2.0), weight = randomValues(dim), probe = randomValues(rows * dim);
    std::vector<double> y(rows * dim), invRms(rows);
    const auto loss = [&] {
      rmsNormForward<double>(x, weight, rows, 1e-6, y, invRms);
      return dot(y, probe);  // L = <y, probe>: dL/dy = probe
    };
    loss();
    std::vector<double> dx(rows * dim), dweight(dim, 0.0);
    rmsNormBackward<double>(probe, x, weight, invRms, rows, dx, dweight);
    QVERIFY2(worstGradientError(x, dx, loss) < 1e-7, "dx");
    QVERIFY2(worstGradientError(weight, dweight, loss) < 1e-7, "dweight");
    // dweight accumulates.
    std::vector<double> again = dweight;
    rmsNormBackward<double>(probe, x, weight, invRms, rows, dx, again);
    for (std::size_t i = 0; i < dim; ++i) QVERIFY(std::abs(again[i] - 2 * dweight[i]) < 1e-12);
  }

  void rmsNormFloatFollowsDouble() {
    constexpr std::size_t rows = 64, dim = 4096;
    const std::vector<double> x = randomValues(rows * dim, 3.0), weight = randomValues(dim);
    std::vector<double> y(rows * dim), invRms(rows);
    rmsNormForward<double>(x, weight, rows, 1e-5, y, invRms);
    const auto xf = toFloat(x), wf = toFloat(weight);
    std::vector<float> yf(rows * dim), invRmsF(rows);
    rmsNormForward<float>(xf, wf, rows, 1e-5, yf, invRmsF);
    QVERIFY(worstRelative(yf, y) < 1e-5);  // fp32: a few ulps
  }

  void swigluGradients() {
    constexpr std::size_t n = 37;
    std::vector<double> gate = randomValues(n, 4.0), up = randomValues(n, 2.0), probe = randomValues(n);
    std::vector<double> out(n);
    const auto loss = [&] {
      swigluForward<double>(gate, up, out);
      return dot(out, probe);
    };
    std::vector<double> dgate(n), dup(n);
    swigluBackward<double>(probe, gate, up, dgate, dup);
    QVERIFY2(worstGradientError(gate, dgate, loss) < 1e-7, "dgate");
    QVERIFY2(worstGradientError(up, dup, loss) < 1e-7, "dup");
    // Large negative gates: silu -> 0 without NaN.
    std::vector<float> g = {-100.f, -20.f, 0.f, 20.f, 100.f}, u(5, 1.f), o(5);
    swigluForward<float>(g, u, o);
    for (float value : o) QVERIFY(std::isfinite(value));
    QCOMPARE(o[2], 0.f);
    QCOMPARE(o[4], 100.f);
  }

  void ropeRotatesPairsOfHalves() {
    // headDim 4: pairs (0, 2) and (1, 3), angles p * invFreq[i].
    const std::vector<double> invFreq = {1.0, 0.01};
    std::vector<double> x = {1, 2, 3, 4};
    const std::vector<std::int32_t> position = {3};
    ropeApply<double>(x, 1, 1, 4, position, invFreq, false);
    const double a = 3.0, b = 0.03;
    QVERIFY(std::abs(x[0] - (1 * std::cos(a) - 3 * std::sin(a))) < 1e-12);
    QVERIFY(std::abs(x[2] - (3 * std::cos(a) + 1 * std::sin(a))) < 1e-12);
    QVERIFY(std::abs(x[1] - (2 * std::cos(b) - 4 * std::sin(b))) < 1e-12);
    QVERIFY(std::abs(x[3] - (4 * std::cos(b) + 2 * std::sin(b))) < 1e-12);
  }

  void ropeBackwardIsTheInverseRotation() {
    constexpr std::size_t tokens = 6, heads = 3, headDim = 8;
    const auto invFreq = ropeInverseFrequencies<double>(headDim, 10000.0, {});
    const std::vector<std::int32_t> positions = {0, 1, 2, 0, 1, 700};  // two packed sequences
    std::vector<double> x = randomValues(tokens * heads * headDim), probe = randomValues(x.size());
    const auto loss = [&] {
      std::vector<double> y = x;
      ropeApply<double>(y, tokens, heads, headDim, positions, invFreq, false);
      return dot(y, probe);
    };
    std::vector<double> dx = probe;
    ropeApply<double>(dx, tokens, heads, headDim, positions, invFreq, true);
    QVERIFY(worstGradientError(x, dx, loss) < 1e-7);
    // Position 0 is the identity.
    std::vector<double> y = x;
    ropeApply<double>(y, tokens, heads, headDim, positions, invFreq, false);
    for (std::size_t i = 0; i < heads * headDim; ++i) QCOMPARE(y[i], x[i]);
  }

  void llama3ScalingKeepsHighAndDividesLowFrequencies() {
    // Llama 3.1: theta 500000, factor 8, low 1, high 4, original context 8192, head 128.
    RopeScalingSpec llama3{RopeScalingSpec::Kind::Llama3, 8.0, 1.0, 4.0, 8192};
    const auto plain = ropeInverseFrequencies<double>(128, 500000.0, {});
    const auto scaled = ropeInverseFrequencies<double>(128, 500000.0, llama3);
    QCOMPARE(scaled.size(), 64u);
    QCOMPARE(scaled[0], 1.0);
    int kept = 0, divided = 0, blended = 0;
    for (std::size_t i = 0; i < scaled.size(); ++i) {
      const double wavelength = 2 * std::numbers::pi / plain[i];
      if (wavelength < 8192.0 / 4) {
        QCOMPARE(scaled[i], plain[i]);
        ++kept;
      } else if (wavelength > 8192.0) {
        QVERIFY(std::abs(scaled[i] - plain[i] / 8) < 1e-18);
        ++divided;
      } else {
        QVERIFY(scaled[i] < plain[i] && scaled[i] > plain[i] / 8);
        ++blended;
      }
      if (i > 0) QVERIFY(scaled[i] < scaled[i - 1]);
    }
    QVERIFY(kept > 0 && divided > 0 && blended > 0);
    const RopeScalingSpec linear{RopeScalingSpec::Kind::Linear, 4.0};
    QCOMPARE(ropeInverseFrequencies<double>(128, 500000.0, linear)[5], plain[5] / 4);
  }
  void matmulMatchesTheDefinitionInEveryLayout() {
    constexpr std::size_t m = 7, n = 5, k = 9;
    for (const bool ta : {false, true}) {
      for (const bool tb : {false, true}) {
        const std::vector<double> a = randomValues(m * k), b = randomValues(k * n);
        std::vector<double> c(m * n, 1.0);
        matmul<double>(a, ta, b, tb, c, m, n, k, 2.0, 0.5);
        for (std::size_t i = 0; i < m; ++i) {
          for (std::size_t j = 0; j < n; ++j) {
            double sum = 0;
            for (std::size_t p = 0; p < k; ++p) sum += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
            QVERIFY(std::abs(c[i * n + j] - (2 * sum + 0.5)) < 1e-12);
          }
        }
      }
    }
  }

  // 16-bit weights: every layout, both formats, a weight of several panels, alpha and beta, against
  // the definition in double over the exactly widened weight. The bound is fp32 accumulation's over
  // k = 1500 terms of |a w| (the sums of magnitudes): 2e-6 of that. Where bf16 weights multiply on
  // the processor's bf16 instructions (bf16_products.h), the definition's A is rounded to bf16
  // first, as the policy says, and the same bound holds (a product of two bf16 values is exact in
  // fp32, so only the sums round).
  void halfWeightProductsMatchTheDefinition() {
    constexpr std::size_t m = 17, n = 900, k = 1500;  // n k = 1.35 M weights: two panels either way
    static_assert(n * k > kPanelElements);
    for (const HalfFormat format : {HalfFormat::Bf16, HalfFormat::F16}) {
      const std::vector<std::uint16_t> w = randomHalf(k * n, format);
      std::vector<float> widened(w.size());
      widenHalf(w, format, widened);
      for (std::size_t i = 0; i < w.size(); ++i) {
        QCOMPARE(widened[i], format == HalfFormat::Bf16 ? bf16ToFloat(w[i]) : f16ToFloat(w[i]));
      }
      for (const bool ta : {false, true}) {
        for (const bool tw : {false, true}) {
          const std::vector<float> a = toFloat(randomValues(m * k));
          const std::vector<float> before = toFloat(randomValues(m * n));
          std::vector<float> c = before;
          matmulHalfWeights(a, ta, w, format, tw, c, m, n, k, 0.5f, -2.0f);
          const std::vector<float> aSeen = format == HalfFormat::Bf16 && takesBf16Products(m) ? roundedToBf16(a) : a;
          double worst = 0;
          for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
              double sum = 0, magnitude = 0;
              for (std::size_t p = 0; p < k; ++p) {
                const double term = static_cast<double>(ta ? aSeen[p * m + i] : aSeen[i * k + p]) *
                                    (tw ? widened[j * k + p] : widened[p * n + j]);
                sum += term;
                magnitude += std::abs(term);
              }
              const double want = 0.5 * sum - 2.0 * before[i * n + j];
              const double error = std::abs(c[i * n + j] - want) / (0.5 * magnitude + 2.0 * std::abs(before[i * n + j]));
              if (!(error <= worst)) worst = std::isnan(error) ? INFINITY : error;
            }
          }
          QVERIFY2(worst < 2e-6, qPrintable(QStringLiteral("transposeA %1, transposeW %2: %3").arg(ta).arg(tw).arg(worst)));
        }
      }
    }
    // No terms: C = beta C; the shapes are checked.
    std::vector<float> c = {1, 2, 3, 4};
    matmulHalfWeights({}, false, {}, HalfFormat::Bf16, true, c, 2, 2, 0, 1.0f, 0.5f);
    QCOMPARE(c, (std::vector<float>{0.5f, 1, 1.5f, 2}));
    const std::vector<std::uint16_t> tooFew(3);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, matmulHalfWeights(std::vector<float>(4), false, tooFew,
                                                                      HalfFormat::Bf16, true, c, 2, 2, 2));
  }

  void crossEntropyGradientsWithAMask() {
    constexpr std::size_t tokens = 7, hiddenSize = 6, vocab = 11;
    std::vector<double> hidden = randomValues(tokens * hiddenSize, 2.0), head = randomValues(vocab * hiddenSize);
    const std::vector<std::int32_t> targets = {3, kIgnoreTarget, 0, 10, kIgnoreTarget, 7, 7};
    const auto loss = [&] {
      return crossEntropyWithHead<double>(hidden, head, targets, hiddenSize, vocab, 3, {}, {}).loss;
    };
    std::vector<double> dhidden(hidden.size()), dhead(head.size(), 0.0);
    const auto result = crossEntropyWithHead<double>(hidden, head, targets, hiddenSize, vocab, 3, dhidden, dhead);
    QCOMPARE(result.counted, 5u);
    QVERIFY2(worstGradientError(hidden, dhidden, loss) < 1e-7, "dhidden");
    QVERIFY2(worstGradientError(head, dhead, loss) < 1e-7, "dhead");
    for (std::size_t i = 0; i < hiddenSize; ++i) QCOMPARE(dhidden[1 * hiddenSize + i], 0.0);  // masked token

    // Against the loss written out with every logit at once, for every chunk size.
    double naive = 0;
    for (std::size_t t = 0; t < tokens; ++t) {
      if (targets[t] == kIgnoreTarget) continue;
      std::vector<double> logits(vocab);
      for (std::size_t v = 0; v < vocab; ++v) {
        for (std::size_t h = 0; h < hiddenSize; ++h) logits[v] += hidden[t * hiddenSize + h] * head[v * hiddenSize + h];
      }
      double sum = 0;
      for (const double logit : logits) sum += std::exp(logit);
      naive += std::log(sum) - logits[static_cast<std::size_t>(targets[t])];
    }
    naive /= 5;
    for (const std::size_t chunk : {1u, 2u, 3u, 7u, 100u}) {
      const double chunked = crossEntropyWithHead<double>(hidden, head, targets, hiddenSize, vocab, chunk, {}, {}).loss;
      QVERIFY(std::abs(chunked - naive) < 1e-12);
    }
  }

  void crossEntropyEdgeCases() {
    const std::vector<float> hidden(2 * 4, 1.f), head(3 * 4, 0.5f);
    const std::vector<std::int32_t> allMasked = {kIgnoreTarget, kIgnoreTarget};
    const auto nothing = crossEntropyWithHead<float>(hidden, head, allMasked, 4, 3, 1024, {}, {});
    QCOMPARE(nothing.counted, 0u);
    QCOMPARE(nothing.loss, 0.0);  // no NaN from 0 / 0
    const std::vector<std::int32_t> outside = {3, 0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             crossEntropyWithHead<float>(hidden, head, outside, 4, 3, 1024, {}, {}));
    // Huge logits: log-sum-exp stays finite.
    const std::vector<float> big(1 * 4, 1000.f), bigHead(3 * 4, 1.f);
    const std::vector<std::int32_t> one = {1};
    QVERIFY(std::isfinite(crossEntropyWithHead<float>(big, bigHead, one, 4, 3, 1, {}, {}).loss));
  }
  void attentionGradientsWithGroupedHeadsAndPackedSamples() {
    const AttentionShape shape{7, 4, 2, 5};  // two query heads per key/value head
    const std::vector<std::int32_t> sampleStart = {0, 0, 0, 3, 3, 3, 3};  // samples of 3 and 4 tokens
    std::vector<double> q = randomValues(7 * 4 * 5, 1.5), k = randomValues(7 * 2 * 5, 1.5), v = randomValues(7 * 2 * 5);
    const std::vector<double> probe = randomValues(q.size());
    std::vector<double> out(q.size()), lse(4 * 7);
    const auto loss = [&] {
      attentionForward<double>(q, k, v, sampleStart, shape, out, lse);
      return dot(out, probe);
    };
    loss();
    std::vector<double> dq(q.size()), dk(k.size()), dv(v.size());
    attentionBackward<double>(probe, q, k, v, out, lse, sampleStart, shape, dq, dk, dv);
    QVERIFY2(worstGradientError(q, dq, loss) < 1e-7, "dq");
    QVERIFY2(worstGradientError(k, dk, loss) < 1e-7, "dk");
    QVERIFY2(worstGradientError(v, dv, loss) < 1e-7, "dv");

    // Causal and per sample: the first token of each sample sees only itself (out = its value),
    // and nothing of the first sample changes the second.
    loss();
    for (std::size_t h = 0; h < 4; ++h) {
      for (std::size_t i = 0; i < 5; ++i) {
        QVERIFY(std::abs(out[(3 * 4 + h) * 5 + i] - v[(3 * 2 + h / 2) * 5 + i]) < 1e-12);
      }
    }
    std::vector<double> before = out;
    for (std::size_t i = 0; i < 3 * 2 * 5; ++i) k[i] += 0.5;  // keys of the first sample
    loss();
    for (std::size_t i = 3 * 4 * 5; i < out.size(); ++i) QCOMPARE(out[i], before[i]);
  }
  // The fp32 attention runs in blocks of 64 query rows through the BLAS products; the plain loops
  // in double are its reference. Blocks that start inside a sample, samples that start inside a
  // block, a last short block, grouped heads: every output and gradient within 2e-5 of the
  // reference's scale (fp32 sums over up to 200 keys of values about 1).
  void fp32AttentionBlocksMatchThePlainLoops() {
    const std::size_t tokens = 200, heads = 4, kvHeads = 2, d = 16;
    const AttentionShape shape{tokens, heads, kvHeads, d};
    std::vector<std::int32_t> sampleStart(tokens);
    for (std::size_t t = 0; t < tokens; ++t) sampleStart[t] = t < 90 ? 0 : t < 150 ? 90 : t < 151 ? 150 : 151;
    const std::vector<double> q = randomValues(tokens * heads * d, 1.5), k = randomValues(tokens * kvHeads * d, 1.5),
                              v = randomValues(tokens * kvHeads * d), dout = randomValues(tokens * heads * d);
    std::vector<double> out(q.size()), lse(heads * tokens), dq(q.size()), dk(k.size()), dv(v.size());
    attentionForward<double>(q, k, v, sampleStart, shape, out, lse);
    attentionBackward<double>(dout, q, k, v, out, lse, sampleStart, shape, dq, dk, dv);

    const auto narrow = [](const std::vector<double>& x) { return std::vector<float>(x.begin(), x.end()); };
    const std::vector<float> qf = narrow(q), kf = narrow(k), vf = narrow(v), doutf = narrow(dout);
    std::vector<float> outf(q.size()), lsef(heads * tokens), dqf(q.size()), dkf(k.size()), dvf(v.size());
    attentionForward<float>(qf, kf, vf, sampleStart, shape, outf, lsef);
    attentionBackward<float>(doutf, qf, kf, vf, outf, lsef, sampleStart, shape, dqf, dkf, dvf);
    const auto worst = [](const std::vector<float>& got, const std::vector<double>& want) {
      double scale = 0, error = 0;
      for (std::size_t i = 0; i < want.size(); ++i) {
        if (!std::isfinite(got[i])) return std::numeric_limits<double>::infinity();
        scale = std::max(scale, std::abs(want[i]));
        error = std::max(error, std::abs(got[i] - want[i]));
      }
      return error / scale;
    };
    QVERIFY2(worst(outf, out) < 2e-5, "out");
    QVERIFY2(worst(lsef, lse) < 2e-5, "logSumExp");
    QVERIFY2(worst(dqf, dq) < 2e-5, "dq");
    QVERIFY2(worst(dkf, dk) < 2e-5, "dk");
    QVERIFY2(worst(dvf, dv) < 2e-5, "dv");
  }
  void embeddingLooksUpAndAccumulates() {
    constexpr std::size_t vocab = 5, dim = 70;  // more columns than one task takes
    const std::vector<double> table = randomValues(vocab * dim);
    const std::vector<std::int32_t> ids = {4, 1, 4, 0};
    std::vector<double> out(ids.size() * dim);
    embeddingForward<double>(table, ids, dim, out);
    for (std::size_t t = 0; t < ids.size(); ++t) {
      for (std::size_t i = 0; i < dim; ++i) QCOMPARE(out[t * dim + i], table[static_cast<std::size_t>(ids[t]) * dim + i]);
    }
    const std::vector<double> dout = randomValues(out.size());
    std::vector<double> dtable(table.size(), 0.0);
    embeddingBackward<double>(dout, ids, dim, dtable);
    for (std::size_t i = 0; i < dim; ++i) {
      QCOMPARE(dtable[4 * dim + i], dout[0 * dim + i] + dout[2 * dim + i]);  // repeated id adds up
      QCOMPARE(dtable[2 * dim + i], 0.0);
    }
    const std::vector<std::int32_t> bad = {5};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embeddingForward<double>(table, bad, dim, out));
  }

  // A 16-bit table: each row widened exactly (bit for bit the conversion of every element).
  void halfEmbeddingWidensItsRows() {
    constexpr std::size_t vocab = 6, dim = 70;
    for (const HalfFormat format : {HalfFormat::Bf16, HalfFormat::F16}) {
      const std::vector<std::uint16_t> table = randomHalf(vocab * dim, format, 4.0);
      const std::vector<std::int32_t> ids = {5, 0, 5, 2};
      std::vector<float> out(ids.size() * dim, -1.0f);
      embeddingForwardHalf(table, format, ids, dim, out);
      for (std::size_t t = 0; t < ids.size(); ++t) {
        for (std::size_t i = 0; i < dim; ++i) {
          const std::uint16_t bits = table[static_cast<std::size_t>(ids[t]) * dim + i];
          QCOMPARE(out[t * dim + i], format == HalfFormat::Bf16 ? bf16ToFloat(bits) : f16ToFloat(bits));
        }
      }
      const std::vector<std::int32_t> bad = {6};
      QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embeddingForwardHalf(table, format, bad, dim, out));
    }
  }

  // The head kept in 16 bits: loss and dhidden as the fp32 head holding the widened values gives
  // (the same fp32 sums, in panels), within fp32 rounding: 1e-6 relative; never NaN. On bf16
  // instructions (bf16_products.h) the hidden rows are rounded to bf16 for the reference's logits,
  // and dhidden, whose logit gradients g are rounded too, may differ by 2^-8 sum_v |g_v| |head_vi|,
  // at most 2^-8 (2 / normalizer) max_v |head_vi| (a softmax minus a one-hot sums to at most 2 in
  // magnitude).
  void halfHeadCrossEntropyMatchesTheWidenedHead() {
    constexpr std::size_t tokens = 9, hiddenSize = 24, vocab = 301;
    for (const HalfFormat format : {HalfFormat::Bf16, HalfFormat::F16}) {
      const std::vector<float> hidden = toFloat(randomValues(tokens * hiddenSize, 2.0));
      const std::vector<std::uint16_t> head = randomHalf(vocab * hiddenSize, format);
      std::vector<float> widened(head.size());
      widenHalf(head, format, widened);
      const std::vector<std::int32_t> targets = {3, kIgnoreTarget, 0, 300, 17, kIgnoreTarget, 7, 7, 150};
      std::vector<float> dhidden(hidden.size()), dhiddenWide(hidden.size());
      const auto half = crossEntropyWithHalfHead(hidden, head, format, targets, hiddenSize, vocab, 4, dhidden, 11);
      const bool rounded = format == HalfFormat::Bf16 && takesBf16Products(4);  // chunks of 4 tokens
      const std::vector<float> hiddenSeen = rounded ? roundedToBf16(hidden) : hidden;
      const auto wide = crossEntropyWithHead<float>(hiddenSeen, widened, targets, hiddenSize, vocab, 4, dhiddenWide, {}, 11);
      QCOMPARE(half.counted, wide.counted);
      QVERIFY2(std::isfinite(half.lossSum) && std::abs(half.lossSum - wide.lossSum) <= 1e-6 * std::abs(wide.lossSum),
               qPrintable(QStringLiteral("%1 vs %2").arg(half.lossSum).arg(wide.lossSum)));
      double scale = 0, worst = 0;
      for (const float value : dhiddenWide) scale = std::max(scale, static_cast<double>(std::abs(value)));
      std::vector<double> headMaximum(hiddenSize, 0.0);
      for (std::size_t v = 0; v < vocab; ++v) {
        for (std::size_t i = 0; i < hiddenSize; ++i) {
          headMaximum[i] = std::max(headMaximum[i], static_cast<double>(std::abs(widened[v * hiddenSize + i])));
        }
      }
      for (std::size_t i = 0; i < dhidden.size(); ++i) {
        const double allowed = 1e-6 * scale + (rounded ? std::ldexp(1.0, -8) * (2.0 / 11) * headMaximum[i % hiddenSize] : 0.0);
        const double error = std::abs(static_cast<double>(dhidden[i]) - dhiddenWide[i]) / allowed;
        if (!(error <= worst)) worst = std::isnan(error) ? INFINITY : error;
      }
      QVERIFY2(worst <= 1.0, qPrintable(QStringLiteral("dhidden: %1 of the bound").arg(worst)));
    }
  }

  void adamwFollowsTheWrittenOutUpdate() {
    // Two steps, recomputed here in double from the algorithm's definition.
    AdamWHyper hyper;
    hyper.learningRate = 1e-2;
    hyper.weightDecay = 0.1;
    const std::vector<double> start = randomValues(50), grads1 = randomValues(50), grads2 = randomValues(50);
    std::vector<float> params = toFloat(start), m(50, 0.f), v(50, 0.f);
    adamwStep(params, toFloat(grads1), m, v, hyper, 1);
    adamwStep(params, toFloat(grads2), m, v, hyper, 2);
    for (std::size_t i = 0; i < 50; ++i) {
      double p = start[i], mm = 0, vv = 0;
      const double g[2] = {static_cast<float>(grads1[i]), static_cast<float>(grads2[i])};
      for (int t = 1; t <= 2; ++t) {
        p *= 1 - hyper.learningRate * hyper.weightDecay;
        mm = 0.9 * mm + 0.1 * g[t - 1];
        vv = 0.999 * vv + 0.001 * g[t - 1] * g[t - 1];
        const double mHat = mm / (1 - std::pow(0.9, t));
        const double vHat = vv / (1 - std::pow(0.999, t));
        p -= hyper.learningRate * mHat / (std::sqrt(vHat) + 1e-8);
      }
      QVERIFY(std::abs(params[i] - p) < 1e-6);
    }
    // Decoupled decay: with a zero gradient the weights only shrink by lr * wd.
    std::vector<float> decaying = {1.f, -2.f}, zero(2, 0.f), m0(2, 0.f), v0(2, 0.f);
    adamwStep(decaying, zero, m0, v0, hyper, 1);
    QVERIFY(std::abs(decaying[0] - 0.999f) < 1e-7f);
    QVERIFY(std::abs(decaying[1] + 1.998f) < 1e-7f);
  }
};

QTEST_GUILESS_MAIN(CpuOpsTest)
#include "tst_cpu_ops.moc"
