// The CPU backend's matrix products on each set of OpenBLAS kernels this processor can run, in one
// process: OpenBLAS's own choice (as it loaded, honouring OPENBLAS_CORETYPE when set), the generic
// SSE2 kernels it falls back to for processors it does not know, and the kernels the features call
// for (what the CPU backend uses). Square fp32 products C = A B^T, as the linear layers multiply;
// the last rows keep B in bf16, as a frozen base weight is kept: widened panel by panel, and as the
// backend multiplies it (on the processor's bf16 instructions through oneDNN where it can).
//   build/ci/bin/bench_blas_kernels [--threads N] [--sizes 512,1024,2048]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <omp.h>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/blas_kernels.h"
#include "tests/bench/gemm_rate.h"

using namespace tiertune::kernels;
using namespace tiertune::kernels::cpu;

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {512, 1024, 2048};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--threads") {
      omp_set_num_threads(std::atoi(argv[i + 1]));
    } else if (option == "--sizes") {
      sizes.clear();
      for (std::string rest = argv[i + 1]; !rest.empty();) {
        const auto comma = rest.find(',');
        sizes.push_back(std::stoul(rest.substr(0, comma)));
        rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
      }
    } else {
      std::fprintf(stderr, "usage: %s [--threads N] [--sizes 512,1024,2048]\n", argv[0]);
      return 2;
    }
  }
  const char* forced = std::getenv("OPENBLAS_CORETYPE");
  const BlasKernels& chosen = useBestBlasKernels();  // what the CPU backend computes with
  std::printf("processor features: %s\n", coreTypeFor(readCpuFeatures()).c_str());
  std::printf("CPU backend: %s\n", describeBlasKernels(chosen).c_str());
  std::printf("OPENBLAS_CORETYPE: %s\n\n", forced ? forced : "(not set)");

  struct Row {
    std::string label, core;
  };
  std::vector<Row> rows = {{"OpenBLAS as loaded", chosen.openBlasChoice},
                           {"generic (unknown processor)", "Prescott"},
                           {"from the features (ours)", coreTypeFor(readCpuFeatures())}};
  std::printf("%-30s %-12s", "kernels", "core");
  for (const std::size_t n : sizes) std::printf(" %10zu^3", n);
  std::printf("   GFLOP/s, fp32, %d threads\n", omp_get_max_threads());
  for (const Row& row : rows) {
    if (row.core.empty()) continue;
    const std::string inUse = switchBlasKernels(row.core);
    if (inUse.empty()) {
      std::printf("%-30s this OpenBLAS cannot switch kernels\n", row.label.c_str());
      break;
    }
    if (!blasSelfCheck()) std::printf("(the %s kernels fail the check product)\n", inUse.c_str());
    std::printf("%-30s %-12s", row.label.c_str(), inUse.c_str());
    for (const std::size_t n : sizes) std::printf(" %13.1f", tiertune::bench::gemmGflops(n));
    std::printf("\n");
  }
  switchBlasKernels(chosen.core);
  using tiertune::bench::Bf16Path;
  std::printf("%-30s %-12s", "bf16 weight, widened in panels", chosen.core.c_str());
  for (const std::size_t n : sizes) std::printf(" %13.1f", tiertune::bench::gemmGflops(n, Bf16Path::Widened));
  std::printf("\n%-30s %-12s", "bf16 weight, as the backend", bf16Products().inUse() ? "oneDNN" : chosen.core.c_str());
  for (const std::size_t n : sizes) std::printf(" %13.1f", tiertune::bench::gemmGflops(n, Bf16Path::AsChosen));
  std::printf("\n(%s)\n", describeBf16Products(bf16Products()).c_str());
  return 0;
}
