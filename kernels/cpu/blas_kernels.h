// Which OpenBLAS kernels the CPU backend's matrix products run on, chosen from the processor's
// features. Debian 12's OpenBLAS (0.3.21) picks its kernels from a table of processor models: one
// it does not know (a newer Xeon or EPYC) gets its generic SSE2 kernels ("Prescott"), a quarter of
// the speed its own AVX-512 kernels give on the same machine. Here the features themselves (CPUID,
// and the operating system's consent to save the wide registers) name the kernels; OpenBLAS is
// switched to them before its first product and a self-check product against a plain reference
// proves them, or they are given up and OpenBLAS's own choice is kept, with the reason.
//
// An OPENBLAS_CORETYPE the user set is respected (OpenBLAS has read it already). A static OpenBLAS
// built for one processor cannot switch; then its kernels are the ones in use.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace tiertune::kernels::cpu {

struct CpuFeatures {
  bool avx2 = false;
  bool fma = false;
  bool avx512 = false;      // AVX-512 F, BW, DQ and VL (what OpenBLAS's SkylakeX kernels use)
  bool avx512Bf16 = false;  // AVX512-BF16 (Cooper Lake, Zen 4 and later)
  bool amxBf16 = false;     // AMX tiles with bf16 (Sapphire Rapids and later)
};

// This processor's features, as CPUID reports them and the OS enables them (XGETBV).
CpuFeatures readCpuFeatures();

// The OpenBLAS core type whose kernels suit these features: "Cooperlake", "SkylakeX" or "Haswell";
// empty when nothing better than OpenBLAS's generic kernels applies.
std::string coreTypeFor(const CpuFeatures& features);

// The kernels in use and how they were chosen. A record, not a sentence: front ends word it.
struct BlasKernels {
  // Why the features' kernels are not in use, when they are not.
  enum class Kept {
    None,          // they are in use, or OpenBLAS's own choice is as wide
    CoreTypeSet,   // OPENBLAS_CORETYPE is set: OpenBLAS uses what it names
    CannotSwitch,  // an OpenBLAS built for one processor
    NotOffered,    // this OpenBLAS has no kernels of that name
    CheckFailed,   // they computed the check product wrongly on this processor
  };
  std::string core;            // OpenBLAS's name for the kernels in use ("SkylakeX")
  std::string openBlasChoice;  // what OpenBLAS picked by itself ("Prescott")
  bool chosenFromFeatures = false;  // core is Tiertune's choice from the features
  Kept kept = Kept::None;
  std::string wanted;          // the features' kernels, when kept is not None
};

// Chooses once per process (later calls return the first result): call before the first product.
// The CPU backend calls it when it is made, and every cpu::matmul makes sure of it.
const BlasKernels& useBestBlasKernels();

// For tests and the benchmark: the choice from features, with selfCheck standing for the check
// product (true: the kernels computed right), on OpenBLAS as this process loaded it. Leaves
// OpenBLAS on the kernels it returns.
BlasKernels chooseBlasKernels(const CpuFeatures& features, const std::function<bool()>& selfCheck);

// Switches OpenBLAS to the kernels of core (as OPENBLAS_CORETYPE names them) and returns the name
// of the kernels now in use; empty when this OpenBLAS cannot switch. Only between products.
std::string switchBlasKernels(std::string_view core);

// One product of awkward shape with both transpositions and alpha, beta against a plain loop in
// double precision: true when every element is within 1e-5 relative of the reference.
bool blasSelfCheck();

// How the loaded OpenBLAS runs its threads: "OpenMP" (the build Tiertune links: one thread pool with
// the CPU backend's own loops), "pthreads" (a second pool: the two spin against each other) or
// "sequential".
std::string blasThreading();

// "SkylakeX kernels (chosen from the processor's AVX-512; OpenBLAS alone picks Prescott)".
std::string describeBlasKernels(const BlasKernels& kernels);

}  // namespace tiertune::kernels::cpu
