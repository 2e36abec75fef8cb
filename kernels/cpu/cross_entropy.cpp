#include "kernels/cpu/cross_entropy.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu/matmul.h"

namespace tiertune::kernels::cpu {

namespace {

// The loss chunk by chunk. products(rows, chunk, count, dhiddenRows) computes the chunk's logits
// from its hidden rows when dhiddenRows is empty, and otherwise the backward's products from the
// chunk's logit gradients: dhiddenRows = g · head, and dhead += g^T · rows when the head is trained.
template <typename T, typename Products>
CrossEntropyResult crossEntropyChunked(std::span<const T> hidden, std::span<const std::int32_t> targets,
                                       std::size_t hiddenSize, std::size_t vocab, std::size_t chunkTokens,
                                       std::span<T> dhidden, std::size_t normalizer, Products products) {
  const std::size_t tokens = targets.size();
  CrossEntropyResult result;
  for (const std::int32_t target : targets) {
    if (target == kIgnoreTarget) continue;
    if (target < 0 || static_cast<std::size_t>(target) >= vocab) {
      throw std::invalid_argument("target token " + std::to_string(target) + " is outside the vocabulary of " +
                                  std::to_string(vocab));
    }
    ++result.counted;
  }
  const bool backward = !dhidden.empty();
  if (backward) std::fill(dhidden.begin(), dhidden.end(), T(0));
  if (result.counted == 0) return result;
  const T scale = T(1) / static_cast<T>(normalizer == 0 ? result.counted : normalizer);
  chunkTokens = std::max<std::size_t>(1, std::min(chunkTokens, tokens));
  std::vector<T> logits(chunkTokens * vocab);
  std::vector<double> chunkLoss(chunkTokens);
  double total = 0;
  for (std::size_t first = 0; first < tokens; first += chunkTokens) {
    const std::size_t count = std::min(chunkTokens, tokens - first);
    const std::span<const T> rows = hidden.subspan(first * hiddenSize, count * hiddenSize);
    const std::span<T> chunk(logits.data(), count * vocab);
    products(rows, chunk, count, std::span<T>());
#pragma omp parallel for schedule(static)
    for (std::size_t t = 0; t < count; ++t) {
      T* row = chunk.data() + t * vocab;
      const std::int32_t target = targets[first + t];
      chunkLoss[t] = 0;
      if (target == kIgnoreTarget) {
        std::fill(row, row + vocab, T(0));  // no gradient from a masked token
        continue;
      }
      const T maximum = *std::max_element(row, row + vocab);
      const T targetLogit = row[target];
      // One exponential per logit, in the logits' precision (the row's largest is 1, so none
      // overflows), summed in double; the row keeps them for the gradient.
      double sum = 0;
      for (std::size_t v = 0; v < vocab; ++v) {
        const T e = std::exp(row[v] - maximum);
        row[v] = e;
        sum += static_cast<double>(e);
      }
      chunkLoss[t] = std::log(sum) - static_cast<double>(targetLogit - maximum);
      // The gradient of the normalized loss w.r.t. the logits: (softmax - one-hot) / normalizer.
      const auto factor = static_cast<T>(static_cast<double>(scale) / sum);
      for (std::size_t v = 0; v < vocab; ++v) row[v] *= factor;
      row[target] -= scale;
    }
    for (std::size_t t = 0; t < count; ++t) total += chunkLoss[t];  // fixed order: reproducible
    if (backward) products(rows, chunk, count, dhidden.subspan(first * hiddenSize, count * hiddenSize));
  }
  result.lossSum = total;
  result.loss = total / static_cast<double>(result.counted);
  return result;
}

}  // namespace

template <typename T>
CrossEntropyResult crossEntropyWithHead(std::span<const T> hidden, std::span<const T> head,
                                        std::span<const std::int32_t> targets, std::size_t hiddenSize,
                                        std::size_t vocab, std::size_t chunkTokens, std::span<T> dhidden,
                                        std::span<T> dhead, std::size_t normalizer) {
  return crossEntropyChunked<T>(
      hidden, targets, hiddenSize, vocab, chunkTokens, dhidden, normalizer,
      [&](std::span<const T> rows, std::span<T> chunk, std::size_t count, std::span<T> dhiddenRows) {
        if (dhiddenRows.empty()) {
          matmul<T>(rows, false, head, true, chunk, count, vocab, hiddenSize);
          return;
        }
        matmul<T>(chunk, false, head, false, dhiddenRows, count, hiddenSize, vocab);
        if (!dhead.empty()) matmul<T>(chunk, true, rows, false, dhead, vocab, hiddenSize, count, T(1), T(1));
      });
}

CrossEntropyResult crossEntropyWithHalfHead(std::span<const float> hidden, std::span<const std::uint16_t> head,
                                            HalfFormat format, std::span<const std::int32_t> targets,
                                            std::size_t hiddenSize, std::size_t vocab, std::size_t chunkTokens,
                                            std::span<float> dhidden, std::size_t normalizer) {
  return crossEntropyChunked<float>(
      hidden, targets, hiddenSize, vocab, chunkTokens, dhidden, normalizer,
      [&](std::span<const float> rows, std::span<float> chunk, std::size_t count, std::span<float> dhiddenRows) {
        if (dhiddenRows.empty()) {
          matmulHalfWeights(rows, false, head, format, true, chunk, count, vocab, hiddenSize);
        } else {
          matmulHalfWeights(chunk, false, head, format, false, dhiddenRows, count, hiddenSize, vocab);
        }
      });
}

template CrossEntropyResult crossEntropyWithHead<float>(std::span<const float>, std::span<const float>,
                                                        std::span<const std::int32_t>, std::size_t, std::size_t,
                                                        std::size_t, std::span<float>, std::span<float>,
                                                        std::size_t);
template CrossEntropyResult crossEntropyWithHead<double>(std::span<const double>, std::span<const double>,
                                                         std::span<const std::int32_t>, std::size_t, std::size_t,
                                                         std::size_t, std::span<double>, std::span<double>,
                                                         std::size_t);

}  // namespace tiertune::kernels::cpu
