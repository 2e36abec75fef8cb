#include "core/infer/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_set>

#include "core/util/error.h"

namespace tiertune::infer {

void validateSamplingSettings(const SamplingSettings& settings) {
  if (!std::isfinite(settings.temperature) || settings.temperature < 0) {
    throw Error("temperature must be 0 (always the most likely token) or above, not " +
                std::to_string(settings.temperature));
  }
  if (!(settings.topP > 0 && settings.topP <= 1)) {
    throw Error("top-p must be above 0 and at most 1, not " + std::to_string(settings.topP));
  }
  if (!std::isfinite(settings.repetitionPenalty) || settings.repetitionPenalty <= 0) {
    throw Error("the repetition penalty must be above 0 (1 turns it off), not " +
                std::to_string(settings.repetitionPenalty));
  }
}

void applyRepetitionPenalty(std::span<float> logits, std::span<const std::int32_t> context, double penalty) {
  if (penalty == 1.0) return;
  std::unordered_set<std::int32_t> seen;
  const auto factor = static_cast<float>(penalty);
  for (const std::int32_t token : context) {
    if (token < 0 || static_cast<std::size_t>(token) >= logits.size() || !seen.insert(token).second) continue;
    float& logit = logits[static_cast<std::size_t>(token)];
    logit = logit < 0 ? logit * factor : logit / factor;
  }
}

std::int32_t greedyToken(std::span<const float> logits) {
  // max_element returns the first of equal maxima: the lowest id, as torch.argmax does.
  return static_cast<std::int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

namespace {

// More likely first; equal logits by id, so the order (and the draw) never depends on the sort.
struct MoreLikely {
  std::span<const float> logits;
  bool operator()(std::int32_t a, std::int32_t b) const {
    const float la = logits[static_cast<std::size_t>(a)], lb = logits[static_cast<std::size_t>(b)];
    return la != lb ? la > lb : a < b;
  }
};

}  // namespace

std::vector<Candidate> samplingCandidates(std::span<const float> logits, const SamplingSettings& settings) {
  const std::size_t vocab = logits.size();
  std::vector<std::int32_t> order(vocab);
  std::iota(order.begin(), order.end(), 0);
  const MoreLikely moreLikely{logits};

  // Top-k: the k largest logits and every logit equal to the k-th (transformers keeps ties).
  std::size_t kept = vocab;
  if (settings.topK > 0 && settings.topK < vocab) {
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(settings.topK - 1), order.end(),
                     moreLikely);
    const float kth = logits[static_cast<std::size_t>(order[settings.topK - 1])];
    kept = static_cast<std::size_t>(
        std::partition(order.begin(), order.end(), [&](std::int32_t t) { return logits[static_cast<std::size_t>(t)] >= kth; }) -
        order.begin());
  }
  order.resize(kept);

  // Softmax of logits / temperature over the kept tokens, in double.
  const double temperature = settings.temperature;
  double maximum = -INFINITY;
  for (const std::int32_t t : order) maximum = std::max(maximum, static_cast<double>(logits[static_cast<std::size_t>(t)]));
  std::vector<Candidate> candidates;
  candidates.reserve(order.size());
  double total = 0;
  for (const std::int32_t t : order) {
    const double weight = std::exp((static_cast<double>(logits[static_cast<std::size_t>(t)]) - maximum) / temperature);
    candidates.push_back({t, weight});
    total += weight;
  }
  for (Candidate& candidate : candidates) candidate.probability /= total;
  auto byProbability = [&](const Candidate& a, const Candidate& b) { return moreLikely(a.token, b.token); };

  if (settings.topP >= 1) {
    std::sort(candidates.begin(), candidates.end(), byProbability);
    return candidates;
  }
  // Top-p: a token stays while the tokens more likely than it hold less than topP (so the one that
  // crosses topP stays, and always the most likely). Sorting a growing prefix avoids sorting a
  // whole vocabulary when the nucleus is small, as it usually is.
  std::size_t sorted = std::min<std::size_t>(64, candidates.size());
  for (;;) {
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(sorted), candidates.end(),
                      byProbability);
    double before = 0;
    std::size_t nucleus = 0;
    while (nucleus < sorted && (nucleus == 0 || before < settings.topP)) before += candidates[nucleus++].probability;
    if (before >= settings.topP || sorted == candidates.size()) {
      candidates.resize(nucleus);
      break;
    }
    sorted = std::min(candidates.size(), 4 * sorted);
  }
  double nucleusTotal = 0;
  for (const Candidate& candidate : candidates) nucleusTotal += candidate.probability;
  for (Candidate& candidate : candidates) candidate.probability /= nucleusTotal;
  return candidates;
}

Sampler::Sampler(const SamplingSettings& settings) : settings_(settings), random_(settings.seed) {
  validateSamplingSettings(settings);
}

std::int32_t Sampler::next(std::span<float> logits, std::span<const std::int32_t> context) {
  applyRepetitionPenalty(logits, context, settings_.repetitionPenalty);
  if (settings_.temperature == 0) return greedyToken(logits);
  const std::vector<Candidate> candidates = samplingCandidates(logits, settings_);
  double draw = random_.uniform();
  for (const Candidate& candidate : candidates) {
    if (draw < candidate.probability) return candidate.token;
    draw -= candidate.probability;
  }
  return candidates.back().token;  // the draw fell into the rounding of the sum
}

}  // namespace tiertune::infer
