// The hardware check in one record: CPU, memory, GPUs, the offload folder's free space and, when
// measured, its speed. `tiertune-cli doctor` prints it (text or JSON), the Home page shows it, and
// the memory planner will read its budgets and bandwidths from it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "core/hardware/backend_choice.h"
#include "core/hardware/compute_speed.h"
#include "core/hardware/disk_probe.h"
#include "core/hardware/system_probe.h"
#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/blas_kernels.h"
#include "kernels/gpu_probe.h"

namespace tiertune::hardware {

struct HardwareReport {
  CpuInfo cpu;
  kernels::cpu::BlasKernels blas;     // the matrix kernels the CPU backend computes with
  kernels::cpu::Bf16Products bf16;    // how it multiplies frozen bf16 weights
  std::string vectorKernels;          // the instruction set of its element-wise loops ("AVX-512")
  MemoryInfo memory;
  kernels::GpuReport gpu;
  BackendChoice training;             // where a run with "backend": "auto" trains, and why
  std::filesystem::path offloadFolder;
  std::optional<DiskSpace> disk;      // empty when the folder could not be inspected
  std::string diskError;              // why, in words
  std::optional<DiskSpeed> diskSpeed; // empty until measured, or when the measurement failed
  std::string diskSpeedError;
  std::optional<ComputeSpeed> compute;  // the chosen backend's, when measured (doctor without --skip-speed)
};

// CPU, memory, GPUs and the offload folder's free space (creating the folder when missing).
// Quick (well under a second): the disk speed is measured separately with measureDiskSpeed.
HardwareReport probeHardware(const std::filesystem::path& offloadFolder);

// One sentence about the GPUs for people: "NVIDIA H100 80GB HBM3, 79.1 GiB, compute 9.0" or
// "No NVIDIA GPU found — training runs on the CPU."
std::string describeGpus(const kernels::GpuReport& gpu);

// "0 B", "512 KiB", "23.4 GiB": binary units, three significant digits.
std::string formatBytes(std::uint64_t bytes);
// "1.23 GB/s": decimal units, as disk vendors state speeds.
std::string formatRate(double bytesPerSecond);

// Machine-readable form for `doctor --json` and bug reports.
nlohmann::json toJson(const HardwareReport& report);
// Where a run trains, for `doctor --json` and `plan --json`: backend, summary, and the GPU's index,
// name and memory when it trains.
nlohmann::json toJson(const BackendChoice& choice);

}  // namespace tiertune::hardware
