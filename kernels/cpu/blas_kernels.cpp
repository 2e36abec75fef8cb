#include "kernels/cpu/blas_kernels.h"

#include <cblas.h>
#include <cpuid.h>
#include <strings.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <vector>

// OpenBLAS built with DYNAMIC_ARCH (Debian's) picks its kernels in gotoblas_dynamic_init, from
// OPENBLAS_CORETYPE when set; gotoblas_dynamic_quit forgets the choice. Weak: an OpenBLAS built for
// one processor has neither, and then cannot switch.
extern "C" {
void gotoblas_dynamic_init(void) __attribute__((weak));
void gotoblas_dynamic_quit(void) __attribute__((weak));
}

namespace tiertune::kernels::cpu {

namespace {

bool bit(unsigned value, int index) { return ((value >> index) & 1u) != 0; }

std::uint64_t enabledRegisterState() {
  std::uint32_t low = 0, high = 0;
  __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

std::string currentCore() {
  const char* name = openblas_get_corename();
  return name == nullptr ? std::string() : std::string(name);
}

bool sameCore(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// How wide the kernels of an OpenBLAS core are: 3 AVX-512 with bf16, 2 AVX-512, 1 AVX2 and FMA,
// 0 anything older (or unknown).
int width(std::string_view core) {
  for (const char* name : {"Cooperlake", "SapphireRapids"}) {
    if (sameCore(core, name)) return 3;
  }
  if (sameCore(core, "SkylakeX")) return 2;
  for (const char* name : {"Haswell", "Zen", "Excavator", "Steamroller"}) {
    if (sameCore(core, name)) return 1;
  }
  return 0;
}

}  // namespace

CpuFeatures readCpuFeatures() {
  CpuFeatures features;
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return features;
  const bool fma = bit(ecx, 12);
  const bool osSavesRegisters = bit(ecx, 27);  // OSXSAVE: XGETBV may be asked
  if (!osSavesRegisters) return features;
  const std::uint64_t state = enabledRegisterState();
  const bool avxState = (state & 0x6) == 0x6;        // SSE and AVX registers saved by the OS
  const bool avx512State = (state & 0xE6) == 0xE6;   // and the opmask and ZMM registers
  const bool amxState = (state & 0x60000) == 0x60000;  // and the tile configuration and data
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return features;
  features.avx2 = avxState && bit(ebx, 5);
  features.fma = avxState && fma;
  features.avx512 = avx512State && bit(ebx, 16) && bit(ebx, 17) && bit(ebx, 30) && bit(ebx, 31);
  features.amxBf16 = amxState && bit(edx, 22);
  const unsigned maxSubleaf = eax;
  if (maxSubleaf >= 1 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx) != 0) {
    features.avx512Bf16 = features.avx512 && bit(eax, 5);
  }
  return features;
}

std::string coreTypeFor(const CpuFeatures& features) {
  if (features.avx512 && features.avx512Bf16) return "Cooperlake";
  if (features.avx512) return "SkylakeX";
  if (features.avx2 && features.fma) return "Haswell";
  return {};
}

std::string switchBlasKernels(std::string_view core) {
  if (gotoblas_dynamic_init == nullptr || gotoblas_dynamic_quit == nullptr) return {};
  // OpenBLAS reads the variable while it chooses; the process's environment is left as it was.
  const char* previous = std::getenv("OPENBLAS_CORETYPE");
  const std::optional<std::string> kept = previous ? std::optional<std::string>(previous) : std::nullopt;
  setenv("OPENBLAS_CORETYPE", std::string(core).c_str(), 1);
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  if (kept) {
    setenv("OPENBLAS_CORETYPE", kept->c_str(), 1);
  } else {
    unsetenv("OPENBLAS_CORETYPE");
  }
  return currentCore();
}

bool blasSelfCheck() {
  // C [m, n] = alpha A^T B^T + beta C, A stored [k, m], B stored [n, k]: sizes that are no
  // multiple of any kernel's tile, so every edge path runs.
  constexpr int m = 67, n = 53, k = 45;
  constexpr float alpha = 0.75f, beta = -0.5f;
  std::vector<float> a(static_cast<std::size_t>(k) * m), b(static_cast<std::size_t>(n) * k),
      c(static_cast<std::size_t>(m) * n);
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(static_cast<int>(state >> 9) - (1 << 22)) / static_cast<float>(1 << 22);
  };
  for (float& x : a) x = next();
  for (float& x : b) x = next();
  for (float& x : c) x = next();
  const std::vector<float> before = c;
  cblas_sgemm(CblasRowMajor, CblasTrans, CblasTrans, m, n, k, alpha, a.data(), m, b.data(), k, beta, c.data(), n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      double sum = 0, magnitude = 0;
      for (int p = 0; p < k; ++p) {
        const double term = static_cast<double>(a[static_cast<std::size_t>(p) * m + i]) * b[static_cast<std::size_t>(j) * k + p];
        sum += term;
        magnitude += std::fabs(term);
      }
      const double expected = alpha * sum + beta * before[static_cast<std::size_t>(i) * n + j];
      const double scale = alpha * magnitude + std::fabs(beta * before[static_cast<std::size_t>(i) * n + j]);
      const double got = c[static_cast<std::size_t>(i) * n + j];
      if (!std::isfinite(got) || std::fabs(got - expected) > 1e-5 * scale + 1e-30) return false;
    }
  }
  return true;
}

BlasKernels chooseBlasKernels(const CpuFeatures& features, const std::function<bool()>& selfCheck) {
  BlasKernels result;
  result.openBlasChoice = currentCore();
  result.core = result.openBlasChoice;
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr) {
    result.kept = BlasKernels::Kept::CoreTypeSet;
    return result;
  }
  const std::string wanted = coreTypeFor(features);
  if (wanted.empty() || width(result.openBlasChoice) >= width(wanted)) return result;  // OpenBLAS's is as good
  result.wanted = wanted;
  const std::string now = switchBlasKernels(wanted);
  if (now.empty()) {
    result.kept = BlasKernels::Kept::CannotSwitch;
    return result;
  }
  if (!sameCore(now, wanted)) {
    result.kept = BlasKernels::Kept::NotOffered;
    result.core = switchBlasKernels(result.openBlasChoice);
    return result;
  }
  if (!selfCheck()) {
    result.kept = BlasKernels::Kept::CheckFailed;
    result.core = switchBlasKernels(result.openBlasChoice);
    return result;
  }
  result.core = now;
  result.chosenFromFeatures = true;
  return result;
}

const BlasKernels& useBestBlasKernels() {
  static std::once_flag once;
  static BlasKernels chosen;
  std::call_once(once, [] { chosen = chooseBlasKernels(readCpuFeatures(), blasSelfCheck); });
  return chosen;
}

std::string blasThreading() {
  switch (openblas_get_parallel()) {
    case 0: return "sequential";
    case 1: return "pthreads";
    case 2: return "OpenMP";
  }
  return "unknown";
}

std::string describeBlasKernels(const BlasKernels& kernels) {
  std::string text = kernels.core + " kernels";
  if (kernels.chosenFromFeatures) {
    text += " (chosen from the processor's features; OpenBLAS alone picks " + kernels.openBlasChoice + ")";
  } else {
    text += " (OpenBLAS's choice)";
  }
  switch (kernels.kept) {
    case BlasKernels::Kept::None: break;
    case BlasKernels::Kept::CoreTypeSet: text += ": OPENBLAS_CORETYPE is set, so OpenBLAS uses the kernels it names"; break;
    case BlasKernels::Kept::CannotSwitch:
      text += ": this OpenBLAS was built for one processor and cannot switch to its " + kernels.wanted + " kernels";
      break;
    case BlasKernels::Kept::NotOffered: text += ": this OpenBLAS has no " + kernels.wanted + " kernels"; break;
    case BlasKernels::Kept::CheckFailed:
      text += ": its " + kernels.wanted + " kernels computed a check product wrongly on this processor";
      break;
  }
  return text;
}

}  // namespace tiertune::kernels::cpu
