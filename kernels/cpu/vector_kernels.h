// The CPU backend's element-wise and row loops, compiled once per instruction set and chosen from
// the processor's features: the softmax rows of the loss and of attention, SwiGLU, RMSNorm, AdamW,
// axpy and scale. The x86-64 baseline (SSE2) is four floats wide and has no fused multiply-add;
// AVX2 and AVX-512 make these loops 3-4 times faster (the loss's exponentials 1.8 -> 0.45 ns each
// on this project's EPYC), and no build flag can assume them for a program that must start on any
// x86-64 processor.
//
// Every variant computes the same bits: no fused multiply-adds (-ffp-contract=off), the
// exponential in plain arithmetic (vector_math.h), and every sum over a row kept in 16 partial sums
// by position (element i goes to partial i mod 16), added up in a fixed order at the end. So a run
// resumed on another processor, and the tests' comparisons between variants, see the same numbers.
// Each function works on one range, on the calling thread; the callers split rows among threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernels/cpu/blas_kernels.h"
#include "kernels/op_shapes.h"

namespace tiertune::kernels::cpu {

struct VectorKernels {
  const char* name;  // "AVX-512", "AVX2" or "SSE2"

  // The largest of x[0, n), -infinity for none. A NaN is passed over (it compares false);
  // exponentiateRow then carries it into the sum, so the softmax still comes out NaN.
  float (*rowMaximum)(const float* x, std::size_t n);
  // x[i] = e^(x[i] - shift); returns their sum, in double.
  double (*exponentiateRow)(float* x, std::size_t n, float shift);
  // x[i] *= factor.
  void (*scale)(float* x, std::size_t n, float factor);
  // y[i] += alpha * x[i].
  void (*axpy)(float alpha, const float* x, float* y, std::size_t n);
  // The sum of x[i]^2, in double.
  double (*sumOfSquares)(const float* x, std::size_t n);

  // out = silu(gate) * up; and its backward (swiglu.h).
  void (*swigluForward)(const float* gate, const float* up, float* out, std::size_t n);
  void (*swigluBackward)(const float* dout, const float* gate, const float* up, float* dgate, float* dup,
                         std::size_t n);

  // One AdamW step over n parameters (adamw.h).
  void (*adamw)(float* params, const float* grads, float* m, float* v, std::size_t n, const AdamWFactors& factors);

  // RMSNorm's rows (rms_norm.h): y = x * scale * weight; the backward's sum over the row of
  // (dy * weight) * (x * r), in double; dx = r * (dy * weight - x * r * mean).
  void (*scaleByWeight)(const float* x, const float* weight, float scale, float* y, std::size_t n);
  double (*normBackwardDot)(const float* dy, const float* weight, const float* x, float r, std::size_t n);
  void (*normBackwardRow)(const float* dy, const float* weight, const float* x, float r, float mean, float* dx,
                          std::size_t n);
  // dweight[c] += sum over rows, in row order, of dy[row][c] * x[row][c] * invRms[row], for the
  // columns [0, columns) of rows that are stride floats apart.
  void (*normWeightGradient)(const float* dy, const float* x, const float* invRms, std::size_t rows,
                             std::size_t stride, std::size_t columns, float* dweight);

  // Attention's backward row: p[c] = e^(p[c] - lse), then ds[c] = p[c] * (ds[c] - delta) * scale.
  void (*attentionGradientRow)(float* p, float* ds, std::size_t n, float lse, float delta, float scale);

  // NF4's codes into their block's 16 values (kernels/cpu/nf4.h): out[2j] = values[bytes[j] >> 4],
  // out[2j + 1] = values[bytes[j] & 15] for j < pairs (two codes a byte, the first in the high half).
  void (*nibblesToValues)(const std::uint8_t* bytes, std::size_t pairs, const std::uint16_t* values,
                          std::uint16_t* out);
};

// The variant for these features: AVX-512 (F, BW, DQ, VL), else AVX2 with FMA, else the baseline.
const VectorKernels& vectorKernelsFor(const CpuFeatures& features);

// This processor's variant, chosen on first use.
const VectorKernels& vectorKernels();

// Every variant this build has (widest first), for the tests that hold them to one another; the
// caller runs only those its processor's features allow (vectorKernelsFor names the widest).
std::span<const VectorKernels* const> builtVectorKernels();

}  // namespace tiertune::kernels::cpu
