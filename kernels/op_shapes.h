// The shapes and settings of the backend's ops (kernels/backend.h), shared by every backend and by
// the kernels behind them: the interface's own types, so the CPU kernels use them as the CUDA
// backend does rather than the interface borrowing the CPU kernels'. Row-major throughout.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace tiertune::kernels {

// A weight kept in its checkpoint's 16 bits.
enum class HalfFormat { Bf16, F16 };

// C [m, n] = op(A) [m, k] · op(B) [k, n].
struct MatmulShape {
  std::size_t m = 0, n = 0, k = 0;
  bool transposeA = false;  // A stored [k, m]
  bool transposeB = false;  // B stored [n, k]
};

struct RmsNormShape {
  std::size_t rows = 0;
  std::size_t dim = 0;
  double eps = 1e-6;
};

struct RopeShape {
  std::size_t tokens = 0, heads = 0, headDim = 0;
};

// Causal grouped-query attention (kernels/cpu/attention.h): q, out [tokens, heads, headDim];
// k, v [tokens, kvHeads, headDim]; query head h reads key/value head h / (heads / kvHeads).
struct AttentionShape {
  std::size_t tokens = 0;
  std::size_t heads = 0;
  std::size_t kvHeads = 0;
  std::size_t headDim = 0;
};

// New queries of one sequence against its key/value cache (kernels/cpu/cached_attention.h).
struct CachedAttentionShape {
  std::size_t queries = 0;
  std::size_t past = 0;  // cached tokens before the first query
  std::size_t heads = 0;
  std::size_t kvHeads = 0;
  std::size_t headDim = 0;
};

inline constexpr std::int32_t kIgnoreTarget = -100;  // a masked target, as PyTorch's ignore_index

struct CrossEntropyShape {
  std::size_t tokens = 0, hiddenSize = 0, vocab = 0;
  std::size_t chunkTokens = 1024;  // logits held at once: chunkTokens x vocab
  // The gradient is that of sum(loss) / normalizer; 0 means the tokens this call counts. Gradient
  // accumulation passes the count over the whole optimizer step.
  std::size_t normalizer = 0;
};

struct CrossEntropyOutcome {
  double lossSum = 0;        // sum of the per-token losses over counted tokens
  std::size_t counted = 0;   // tokens whose target is not kIgnoreTarget
};

struct AdamWHyper {
  double learningRate = 1e-4;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
  double weightDecay = 0.0;
};

// The per-step factors of AdamW (decoupled weight decay, bias correction), computed in double on
// the host and rounded to fp32 once, the same for every backend, so that their updates agree:
//   p *= decay; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//   p -= stepSize * m / (sqrt(v) / sqrtCorrection2 + epsilon)
struct AdamWFactors {
  float decay = 1, stepSize = 0, sqrtCorrection2 = 1, beta1 = 0, beta2 = 0, epsilon = 0;
};

// step counts from 1.
inline AdamWFactors adamwFactors(const AdamWHyper& hyper, std::int64_t step) {
  const double correction1 = 1.0 - std::pow(hyper.beta1, static_cast<double>(step));
  const double correction2 = 1.0 - std::pow(hyper.beta2, static_cast<double>(step));
  AdamWFactors factors;
  factors.decay = static_cast<float>(1.0 - hyper.learningRate * hyper.weightDecay);
  factors.stepSize = static_cast<float>(hyper.learningRate / correction1);
  factors.sqrtCorrection2 = static_cast<float>(std::sqrt(correction2));
  factors.beta1 = static_cast<float>(hyper.beta1);
  factors.beta2 = static_cast<float>(hyper.beta2);
  factors.epsilon = static_cast<float>(hyper.epsilon);
  return factors;
}

}  // namespace tiertune::kernels
