// The loops of vector_kernels.h, compiled by each vector_kernels_<set>.cpp with its instruction set
// (kernels/CMakeLists.txt gives the flags). Included once per translation unit, after
// TIERTUNE_VECTOR_TABLE (the table's name) and TIERTUNE_VECTOR_NAME (its display name) are defined.
//
// Nothing here may call a function with external linkage defined in a header (std::min, std::span's
// members, ...): the linker keeps one copy of such a function for all the variants, which could be
// the AVX-512 one. Only the loops below, the unnamed namespace's expFast and plain arithmetic.
// The sums keep 16 partials by position (kLanes), so every variant adds in the same order.

#include <cmath>
#include <cstddef>
#include <cstdint>
#if defined(__AVX512BW__)
#include <immintrin.h>  // its functions are always inlined: no copy for the linker to share
#endif

#include "kernels/cpu/vector_kernels.h"
#include "kernels/cpu/vector_math.h"

namespace tiertune::kernels::cpu {
namespace {

constexpr std::size_t kLanes = 16;

// The partials added pairwise in a fixed order: 8 + 8, 4 + 4, 2 + 2, 1 + 1.
double addPartials(double* partial) {
  for (std::size_t width = kLanes / 2; width >= 1; width /= 2) {
    for (std::size_t j = 0; j < width; ++j) partial[j] += partial[j + width];
  }
  return partial[0];
}

float rowMaximum(const float* x, std::size_t n) {
  float maximum = -__builtin_inff();
#pragma omp simd reduction(max : maximum)
  for (std::size_t i = 0; i < n; ++i) maximum = x[i] > maximum ? x[i] : maximum;
  return maximum;
}

double exponentiateRow(float* x, std::size_t n, float shift) {
  double partial[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
#pragma GCC unroll 16
    for (std::size_t j = 0; j < kLanes; ++j) {
      const float e = expFast(x[i + j] - shift);
      x[i + j] = e;
      partial[j] += static_cast<double>(e);
    }
  }
  for (std::size_t j = 0; i + j < n; ++j) {
    const float e = expFast(x[i + j] - shift);
    x[i + j] = e;
    partial[j] += static_cast<double>(e);
  }
  return addPartials(partial);
}

void scale(float* x, std::size_t n, float factor) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) x[i] *= factor;
}

void axpy(float alpha, const float* x, float* y, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) y[i] += alpha * x[i];
}

double sumOfSquares(const float* x, std::size_t n) {
  double partial[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
#pragma GCC unroll 16
    for (std::size_t j = 0; j < kLanes; ++j) partial[j] += static_cast<double>(x[i + j]) * x[i + j];
  }
  for (std::size_t j = 0; i + j < n; ++j) partial[j] += static_cast<double>(x[i + j]) * x[i + j];
  return addPartials(partial);
}

float sigmoid(float g) { return 1.0f / (1.0f + expFast(-g)); }

void swigluForward(const float* gate, const float* up, float* out, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const float g = gate[i];
    out[i] = g * sigmoid(g) * up[i];
  }
}

void swigluBackward(const float* dout, const float* gate, const float* up, float* dgate, float* dup, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const float g = gate[i];
    const float s = sigmoid(g);
    dup[i] = dout[i] * (g * s);
    dgate[i] = dout[i] * up[i] * s * (1.0f + g * (1.0f - s));
  }
}

// PyTorch's order of operations (adamw.h).
void adamw(float* params, const float* grads, float* m, float* v, std::size_t n, const AdamWFactors& f) {
  const float decay = f.decay, stepSize = f.stepSize, sqrtCorrection2 = f.sqrtCorrection2;
  const float beta1 = f.beta1, beta2 = f.beta2, epsilon = f.epsilon;
  const float oneMinusBeta1 = 1.0f - beta1, oneMinusBeta2 = 1.0f - beta2;
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const float g = grads[i];
    const float mi = beta1 * m[i] + oneMinusBeta1 * g;
    const float vi = beta2 * v[i] + oneMinusBeta2 * g * g;
    m[i] = mi;
    v[i] = vi;
    params[i] = params[i] * decay - stepSize * mi / (std::sqrt(vi) / sqrtCorrection2 + epsilon);
  }
}

void scaleByWeight(const float* x, const float* weight, float factor, float* y, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] * factor * weight[i];
}

double normBackwardDot(const float* dy, const float* weight, const float* x, float r, std::size_t n) {
  double partial[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
#pragma GCC unroll 16
    for (std::size_t j = 0; j < kLanes; ++j) {
      partial[j] += static_cast<double>(dy[i + j] * weight[i + j]) * (x[i + j] * r);
    }
  }
  for (std::size_t j = 0; i + j < n; ++j) partial[j] += static_cast<double>(dy[i + j] * weight[i + j]) * (x[i + j] * r);
  return addPartials(partial);
}

void normBackwardRow(const float* dy, const float* weight, const float* x, float r, float mean, float* dx,
                     std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) dx[i] = r * (dy[i] * weight[i] - x[i] * r * mean);
}

void normWeightGradient(const float* dy, const float* x, const float* invRms, std::size_t rows, std::size_t stride,
                        std::size_t columns, float* dweight) {
  constexpr std::size_t kColumns = 256;  // a block of sums that stays in registers and L1
  float sum[kColumns];
  for (std::size_t first = 0; first < columns; first += kColumns) {
    const std::size_t count = columns - first < kColumns ? columns - first : kColumns;
    for (std::size_t c = 0; c < count; ++c) sum[c] = 0.0f;
    for (std::size_t row = 0; row < rows; ++row) {
      const float* g = dy + row * stride + first;
      const float* in = x + row * stride + first;
      const float r = invRms[row];
#pragma omp simd
      for (std::size_t c = 0; c < count; ++c) sum[c] += g[c] * in[c] * r;
    }
    for (std::size_t c = 0; c < count; ++c) dweight[first + c] += sum[c];
  }
}

void attentionGradientRow(float* p, float* ds, std::size_t n, float lse, float delta, float factor) {
#pragma omp simd
  for (std::size_t c = 0; c < n; ++c) {
    const float probability = expFast(p[c] - lse);
    p[c] = probability;
    ds[c] = probability * (ds[c] - delta) * factor;
  }
}

void nibblesToValues(const std::uint8_t* bytes, std::size_t pairs, const std::uint16_t* values, std::uint16_t* out) {
  std::size_t j = 0;
#if defined(__AVX512BW__)
  // 16 bytes at a time: each byte's two codes as the low and high word of a 32-bit lane, then one
  // word permutation looks all 32 up in the 16-entry table.
  const __m512i table = _mm512_castsi256_si512(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(values)));
  const __m256i low4 = _mm256_set1_epi16(0x0F);
  for (; j + 16 <= pairs; j += 16) {
    const __m256i words = _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + j)));
    const __m512i first = _mm512_cvtepu16_epi32(_mm256_srli_epi16(words, 4));
    const __m512i second = _mm512_cvtepu16_epi32(_mm256_and_si256(words, low4));
    const __m512i codes = _mm512_or_si512(first, _mm512_slli_epi32(second, 16));
    _mm512_storeu_si512(out + 2 * j, _mm512_permutexvar_epi16(codes, table));
  }
#endif
  for (; j < pairs; ++j) {
    out[2 * j] = values[bytes[j] >> 4];
    out[2 * j + 1] = values[bytes[j] & 0x0F];
  }
}

}  // namespace

extern const VectorKernels TIERTUNE_VECTOR_TABLE;
const VectorKernels TIERTUNE_VECTOR_TABLE = {
    TIERTUNE_VECTOR_NAME,  rowMaximum,      exponentiateRow, scale,           axpy,
    sumOfSquares,          swigluForward,   swigluBackward,  adamw,           scaleByWeight,
    normBackwardDot,       normBackwardRow, normWeightGradient, attentionGradientRow, nibblesToValues,
};

}  // namespace tiertune::kernels::cpu
