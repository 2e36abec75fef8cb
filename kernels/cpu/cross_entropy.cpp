#include "kernels/cpu/cross_entropy.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "kernels/cpu/matmul.h"
#include "kernels/cpu/vector_kernels.h"

namespace tiertune::kernels::cpu {

namespace {

// A row of logits into its softmax, in place (the row's largest becomes e^0 = 1, so nothing
// overflows); returns the sum of the exponentials, added in double. float: the vector kernels;
// double (the tests' reference): plain loops.
template <typename T>
double exponentiate(T* row, std::size_t n, T& maximum) {
  if constexpr (std::is_same_v<T, float>) {
    const VectorKernels& kernels = vectorKernels();
    maximum = kernels.rowMaximum(row, n);
    return kernels.exponentiateRow(row, n, maximum);
  } else {
    maximum = *std::max_element(row, row + n);
    double sum = 0;
    for (std::size_t v = 0; v < n; ++v) {
      row[v] = std::exp(row[v] - maximum);
      sum += static_cast<double>(row[v]);
    }
    return sum;
  }
}

template <typename T>
void scaleRow(T* row, std::size_t n, T factor) {
  if constexpr (std::is_same_v<T, float>) {
    vectorKernels().scale(row, n, factor);
  } else {
    for (std::size_t v = 0; v < n; ++v) row[v] *= factor;
  }
}

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
      const T targetLogit = row[target];
      // One exponential per logit; the row keeps them for the gradient.
      T maximum = 0;
      const double sum = exponentiate(row, vocab, maximum);
      chunkLoss[t] = std::log(sum) - static_cast<double>(targetLogit - maximum);
      // The gradient of the normalized loss w.r.t. the logits: (softmax - one-hot) / normalizer.
      scaleRow(row, vocab, static_cast<T>(static_cast<double>(scale) / sum));
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
