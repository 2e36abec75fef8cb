// A GPU's dense bf16 tensor-core peak (fp32 accumulation), from NVIDIA's data sheets, by the name
// the CUDA runtime gives the card: what MFU divides by. Sparse figures are twice these; they are
// not what a dense training step can reach.
#pragma once

#include <optional>
#include <string>

namespace tiertune::bench {

inline std::optional<double> denseBf16PeakFlops(const std::string& name) {
  const auto has = [&](const char* part) { return name.find(part) != std::string::npos; };
  if (has("H200")) return 989.4e12;                       // H200 SXM
  if (has("H100") && has("PCIe")) return 756.5e12;        // H100 PCIe
  if (has("H100") && has("NVL")) return 835.5e12;         // H100 NVL
  if (has("H100")) return 989.4e12;                       // H100 SXM ("NVIDIA H100 80GB HBM3")
  if (has("A100")) return 312e12;                         // A100, SXM and PCIe
  if (has("L40S")) return 362.05e12;                      // L40S
  return std::nullopt;                                    // unknown: --peak-tflops gives it
}

}  // namespace tiertune::bench
