// Products with a bf16 weight on the processor's bf16 instructions (AVX512-BF16, AMX), through
// oneDNN: the activations rounded to bf16 (nearest even), the products accumulated in fp32, the
// result fp32. This is the mixed-precision policy's 16-bit product (README, "Numerics"), as the GPU
// computes it; the frozen base of a LoRA run over a bf16 checkpoint multiplies at about twice the
// fp32 rate (oneDNN 2.6 on this project's EPYC, 2 threads: 413-438 GFLOP/s against OpenBLAS's
// fp32 185-200, the shapes of 56M and 1B Llama layers).
//
// oneDNN (Debian's libdnnl2, Apache-2.0) is loaded at run time, not linked: a computer without it
// (or a processor without bf16 instructions) keeps the exact path, the weight widened to fp32 panel
// by panel (half_weights.h), and says why. The first product proves the library on this processor
// against that exact path (within the bound below); a failed check gives it up for the process.
//
// Error bound (tests/kernels/tst_bf16_products.cpp): |c - c_exact| <= 2^-8 sum_k |a_ik| |w_kj|
// plus fp32 accumulation, c_exact the product of the fp32 activations and the widened weights.
//
// TIERTUNE_CPU_BF16_PRODUCTS=widen in the environment keeps the exact path (for comparisons that
// need the weights' exact products; read once).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "kernels/bf16_rows.h"
#include "kernels/cpu/blas_kernels.h"

namespace tiertune::kernels::cpu {

// The choice, made once per process on first use. A record, not a sentence: front ends word it.
struct Bf16Products {
  enum class Reason {
    InUse,          // the products run on oneDNN
    NoInstructions, // the processor has neither AVX512-BF16 nor AMX-BF16
    NotBuilt,       // this build had no oneDNN header
    NoLibrary,      // libdnnl.so.2 is not installed (or lacks a function we call)
    CheckFailed,    // its check product was outside the bound
    TurnedOff,      // TIERTUNE_CPU_BF16_PRODUCTS=widen
  };
  Reason reason = Reason::NotBuilt;
  std::string library;         // "oneDNN 2.6.3"
  std::string implementation;  // oneDNN's name for the kernel of the check product ("brg:avx512_core_bf16")
  std::string detail;          // what failed to load, when reason is NoLibrary
  bool inUse() const { return reason == Reason::InUse; }
};

const Bf16Products& bf16Products();

// Products of fewer rows stay on the exact path (kernels/bf16_rows.h says why).
using kernels::kBf16ProductsFewestRows;

// Whether a product with a bf16 weight and `rows` rows runs on the bf16 instructions.
inline bool takesBf16Products(std::size_t rows) {
  return rows >= kBf16ProductsFewestRows && bf16Products().inUse();
}

// For tests: the choice for these features and this setting, on the library as this process can
// load it (no caching, no check product).
Bf16Products::Reason bf16ProductsFor(const CpuFeatures& features, const char* setting);

// The whole choice as bf16Products() makes it, with check standing for the check product (it
// names the kernel in its argument and says whether the product was right; an exception is a
// failure whose words go to detail). For tests and bf16Products() itself; no caching.
using Bf16Check = std::function<bool(std::string& implementation)>;
Bf16Products chooseBf16Products(const CpuFeatures& features, const char* setting, const Bf16Check& check);

// C [m, n] = alpha op(A) op(W) + beta C with W in bf16, on oneDNN; shapes as matmulHalfWeights.
// Returns false, having done nothing, when the bf16 products are not in use, or for fewer than 16
// rows (decoding: those stay exact, so that a row's result does not depend on the row count).
bool matmulBf16Products(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w, bool transposeW,
                        std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta);

// C = alpha op(A) op(B) + beta C, all fp32, on oneDNN's fp32 kernels: where the bf16 products are in
// use (the processors with bf16 instructions), cpu::matmul<float> takes this path. Measured on this
// project's EPYC, 2 threads, against OpenBLAS's Cooperlake sgemm on the 56M and 1B layers' shapes:
// 1.01-1.12x, and 1.43x on the smallest (1024 x 512 x 512). fp32 sums in oneDNN's order (the
// first-use check product holds them to k 2^-23 of the magnitudes). Returns false, having done
// nothing, when the bf16 products are not in use.
bool matmulFloatOnLibrary(std::span<const float> a, bool transposeA, std::span<const float> b, bool transposeB,
                          std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta);

// Writes elements [first, first + out.size()) of a weight, in its storage order, as bf16 (a compact
// weight made ready for the products: NF4 dequantized and rounded, as bitsandbytes does for a bf16
// compute type). Called on the thread of the product.
using Bf16PanelSource = std::function<void(std::size_t first, std::span<std::uint16_t> out)>;

// The same product with W made panel by panel by source (larger panels than panel_matmul.h's).
// Returns false, having done nothing, when the bf16 products are not in use.
bool matmulBf16Panels(std::span<const float> a, bool transposeA, const Bf16PanelSource& source, bool transposeW,
                      std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta);

// "bf16 products on oneDNN 2.6.3 (brg:avx512_core_bf16)", or why the weights are widened.
std::string describeBf16Products(const Bf16Products& products);

}  // namespace tiertune::kernels::cpu
