// The sampler (core/infer/sampler.h) against what transformers' logits processors compute, worked out
// by hand here: exact top-k and top-p candidate sets and their renormalized probabilities, the
// repetition penalty of RepetitionPenaltyLogitsProcessor, temperature 0 as greedy, the same draws for
// the same seed, and draws whose frequencies match the distribution within 5 standard deviations
// over 200,000 draws (a wrong distribution by 1% of a token's probability fails).
#include <QTest>
#include <cmath>
#include <map>
#include <vector>

#include "core/infer/sampler.h"
#include "core/util/error.h"

using namespace tiertune;
using namespace tiertune::infer;

namespace {

// Logits whose softmax at temperature 1 is exactly probabilities (up to rounding).
std::vector<float> logitsOf(const std::vector<double>& probabilities) {
  std::vector<float> logits;
  for (const double p : probabilities) logits.push_back(static_cast<float>(std::log(p)));
  return logits;
}

std::vector<std::int32_t> tokensOf(const std::vector<Candidate>& candidates) {
  std::vector<std::int32_t> tokens;
  for (const Candidate& candidate : candidates) tokens.push_back(candidate.token);
  return tokens;
}

SamplingSettings settings(double temperature, std::size_t topK, double topP) {
  SamplingSettings s;
  s.temperature = temperature;
  s.topK = topK;
  s.topP = topP;
  return s;
}

}  // namespace

class SamplerTest : public QObject {
  Q_OBJECT

 private slots:
  void topKKeepsTheKLargestWithTheirSoftmax() {
    const std::vector<float> logits = {0.5f, 3.0f, -1.0f, 2.0f, 2.5f, 0.0f};
    const auto candidates = samplingCandidates(logits, settings(0.5, 3, 1.0));
    QCOMPARE(tokensOf(candidates), (std::vector<std::int32_t>{1, 4, 3}));
    // softmax of (3, 2.5, 2) / 0.5 over the three kept.
    const double e0 = std::exp(6.0), e1 = std::exp(5.0), e2 = std::exp(4.0), sum = e0 + e1 + e2;
    QVERIFY(std::abs(candidates[0].probability - e0 / sum) < 1e-12);
    QVERIFY(std::abs(candidates[1].probability - e1 / sum) < 1e-12);
    QVERIFY(std::abs(candidates[2].probability - e2 / sum) < 1e-12);
  }

  void topKKeepsTiesWithTheKth() {
    // transformers removes only logits below the k-th largest, so a tie with it stays.
    const std::vector<float> logits = {1.0f, 4.0f, 2.0f, 2.0f, 0.0f};
    QCOMPARE(tokensOf(samplingCandidates(logits, settings(1.0, 2, 1.0))), (std::vector<std::int32_t>{1, 2, 3}));
  }

  void topPKeepsTheSmallestSetReachingP() {
    const auto logits = logitsOf({0.1, 0.5, 0.05, 0.2, 0.15});
    // Sorted: 0.5 (1), 0.2 (3), 0.15 (4), 0.1 (0), 0.05 (2). With p = 0.75 the tokens before
    // the third hold 0.7 < 0.75, so it stays; before the fourth 0.85, so it goes.
    const auto candidates = samplingCandidates(logits, settings(1.0, 0, 0.75));
    QCOMPARE(tokensOf(candidates), (std::vector<std::int32_t>{1, 3, 4}));
    QVERIFY(std::abs(candidates[0].probability - 0.5 / 0.85) < 1e-6);
    QVERIFY(std::abs(candidates[1].probability - 0.2 / 0.85) < 1e-6);
    QVERIFY(std::abs(candidates[2].probability - 0.15 / 0.85) < 1e-6);
    // A p below the first token's probability keeps that token alone.
    QCOMPARE(tokensOf(samplingCandidates(logits, settings(1.0, 0, 0.3))), (std::vector<std::int32_t>{1}));
  }

  void topPOverALargeVocabulary() {
    // The nucleus lies past the first sorted prefix (64): 200 equal tokens hold 0.8 together.
    std::vector<double> probabilities(1000, 0.2 / 800);
    for (std::size_t i = 0; i < 200; ++i) probabilities[i * 5] = 0.8 / 200;
    const auto candidates = samplingCandidates(logitsOf(probabilities), settings(1.0, 0, 0.502));
    // The first 125 hold 0.5 < 0.502, so the 126th stays; 126 hold 0.504. Ties sort by id.
    QCOMPARE(candidates.size(), std::size_t{126});
    for (std::size_t i = 0; i < candidates.size(); ++i) QCOMPARE(candidates[i].token, static_cast<std::int32_t>(5 * i));
  }

  void topKThenTopP() {
    const auto logits = logitsOf({0.4, 0.3, 0.2, 0.1});
    // top-k 3 renormalizes to 4/9, 3/9, 2/9; top-p 0.7: before the second 4/9 < 0.7, before the
    // third 7/9 >= 0.7, so two stay: 4/7, 3/7.
    const auto candidates = samplingCandidates(logits, settings(1.0, 3, 0.7));
    QCOMPARE(tokensOf(candidates), (std::vector<std::int32_t>{0, 1}));
    QVERIFY(std::abs(candidates[0].probability - 4.0 / 7.0) < 1e-6);
  }

  void repetitionPenaltyAsTransformers() {
    std::vector<float> logits = {2.0f, -1.0f, 0.5f, 3.0f};
    // Token 1 twice in the context is penalized once; positive logits divided, negative multiplied.
    applyRepetitionPenalty(logits, std::vector<std::int32_t>{0, 1, 1}, 2.0);
    QCOMPARE(logits, (std::vector<float>{1.0f, -2.0f, 0.5f, 3.0f}));
    applyRepetitionPenalty(logits, std::vector<std::int32_t>{3}, 1.0);
    QCOMPARE(logits[3], 3.0f);
  }

  void temperatureZeroIsGreedy() {
    SamplingSettings s = settings(0.0, 0, 1.0);
    s.seed = 99;
    Sampler sampler(s);
    std::vector<float> logits = {0.1f, 2.0f, 1.9f, 2.0f};
    QCOMPARE(sampler.next(logits, {}), 1);  // the lowest id of equal maxima, as torch.argmax
    // With a penalty, greedy picks among the penalized logits.
    Sampler penalized([] {
      SamplingSettings p = settings(0.0, 0, 1.0);
      p.repetitionPenalty = 1.5;
      return p;
    }());
    std::vector<float> again = {0.1f, 2.0f, 1.9f, 2.0f};
    QCOMPARE(penalized.next(again, std::vector<std::int32_t>{1, 3}), 2);
  }

  void sameSeedSameDraws() {
    const auto logits = logitsOf({0.3, 0.3, 0.2, 0.1, 0.1});
    auto draws = [&](std::uint64_t seed) {
      SamplingSettings s = settings(1.0, 0, 1.0);
      s.seed = seed;
      Sampler sampler(s);
      std::vector<std::int32_t> tokens;
      for (int i = 0; i < 300; ++i) {
        std::vector<float> copy = logits;
        tokens.push_back(sampler.next(copy, {}));
      }
      return tokens;
    };
    QCOMPARE(draws(7), draws(7));
    QVERIFY(draws(7) != draws(8));
  }

  void drawsFollowTheDistribution() {
    // Temperature 0.8 and top-k 3 over four tokens: the expected probabilities computed here.
    const std::vector<float> logits = {1.0f, 0.2f, -0.5f, 0.9f};
    const double t = 0.8;
    const double w0 = std::exp(1.0 / t), w3 = std::exp(0.9 / t), w1 = std::exp(0.2 / t), sum = w0 + w3 + w1;
    const std::map<std::int32_t, double> expected = {{0, w0 / sum}, {3, w3 / sum}, {1, w1 / sum}};
    SamplingSettings s = settings(t, 3, 1.0);
    s.seed = 2024;
    Sampler sampler(s);
    constexpr int kDraws = 200000;
    std::map<std::int32_t, int> counts;
    for (int i = 0; i < kDraws; ++i) {
      std::vector<float> copy = logits;
      ++counts[sampler.next(copy, {})];
    }
    QCOMPARE(counts.count(2), std::size_t{0});  // outside the top 3: never drawn
    for (const auto& [token, p] : expected) {
      const double frequency = counts[token] / static_cast<double>(kDraws);
      const double sigma = std::sqrt(p * (1 - p) / kDraws);
      QVERIFY2(std::abs(frequency - p) <= 5 * sigma,
               qPrintable(QStringLiteral("token %1: frequency %2, probability %3").arg(token).arg(frequency).arg(p)));
    }
  }

  void badSettingsNameTheSetting() {
    QVERIFY_THROWS_EXCEPTION(Error, validateSamplingSettings(settings(-0.1, 0, 1.0)));
    QVERIFY_THROWS_EXCEPTION(Error, validateSamplingSettings(settings(1.0, 0, 0.0)));
    QVERIFY_THROWS_EXCEPTION(Error, validateSamplingSettings(settings(1.0, 0, 1.5)));
    SamplingSettings s = settings(1.0, 0, 1.0);
    s.repetitionPenalty = 0;
    try {
      validateSamplingSettings(s);
      QFAIL("a repetition penalty of 0 was accepted");
    } catch (const Error& error) {
      QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("repetition penalty")));
    }
  }
};

QTEST_APPLESS_MAIN(SamplerTest)
#include "tst_sampler.moc"
