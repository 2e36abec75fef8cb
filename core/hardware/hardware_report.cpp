#include "core/hardware/hardware_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/util/error.h"
#include "kernels/cpu/vector_kernels.h"

namespace tiertune::hardware {
namespace {

// Decimals for three significant digits, chosen on the rounded value: 9.996 prints "10.0".
int decimalsFor(double value) {
  if (std::round(value * 100) < 1000) return 2;
  if (std::round(value * 10) < 1000) return 1;
  return 0;
}

// value / step^k in the first unit where it rounds below step (so 1023.9 KiB becomes "1.00 MiB").
template <std::size_t N>
std::string threeDigits(double value, double step, const char* const (&units)[N]) {
  std::size_t unit = 0;
  while (std::round(value) >= step && unit + 1 < N) {
    value /= step;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.*f %s", decimalsFor(value), value, units[unit]);
  return text;
}

const char* statusName(kernels::GpuReport::Status status) {
  using Status = kernels::GpuReport::Status;
  switch (status) {
    case Status::Found: return "found";
    case Status::NoDevice: return "no_device";
    case Status::DriverMissing: return "driver_missing";
    case Status::DriverTooOld: return "driver_too_old";
    case Status::NotBuiltWithCuda: return "not_built_with_cuda";
    case Status::LibraryMissing: return "library_missing";
    case Status::Error: return "error";
  }
  return "error";
}

}  // namespace

HardwareReport probeHardware(const std::filesystem::path& offloadFolder) {
  HardwareReport report;
  report.cpu = probeCpu();
  report.blas = kernels::cpu::useBestBlasKernels();
  report.bf16 = kernels::cpu::bf16Products();
  report.vectorKernels = kernels::cpu::vectorKernels().name;
  report.memory = probeMemory();
  report.gpu = kernels::probeGpus();
  report.training = chooseBackend(report.gpu, BackendRequest::Auto, std::nullopt);
  report.offloadFolder = offloadFolder;
  try {
    std::error_code ec;
    std::filesystem::create_directories(offloadFolder, ec);
    if (ec) {
      throw Error("Cannot create the offload folder " + offloadFolder.string() + ": " +
                  ec.message() + ".");
    }
    report.disk = probeDiskSpace(offloadFolder);
  } catch (const Error& e) {
    report.diskError = e.what();
  }
  return report;
}

std::string describeGpus(const kernels::GpuReport& gpu) {
  using Status = kernels::GpuReport::Status;
  switch (gpu.status) {
    case Status::Found: {
      std::string text;
      for (const auto& device : gpu.devices) {
        if (!text.empty()) text += "; ";
        text += device.name + ", " + formatBytes(device.totalBytes) + ", compute " +
                std::to_string(device.computeMajor) + "." + std::to_string(device.computeMinor);
      }
      return text;
    }
    case Status::NoDevice:
    case Status::DriverMissing:
      return "No NVIDIA GPU found — training runs on the CPU.";
    case Status::DriverTooOld:
      return "The NVIDIA driver (CUDA " + kernels::cudaVersionText(gpu.driverVersion) +
             ") is older than Tiertune needs (CUDA " +
             kernels::cudaVersionText(gpu.runtimeVersion) +
             "): update the driver to train on the GPU. Until then training runs on the CPU.";
    case Status::NotBuiltWithCuda:
      return "This build of Tiertune has no CUDA support — training runs on the CPU.";
    case Status::LibraryMissing:
      return "The GPU cannot be used: " + gpu.detail + ". Training runs on the CPU.";
    case Status::Error:
      return "The GPU could not be used (" + gpu.detail + ") — training runs on the CPU.";
  }
  return {};
}

std::string formatBytes(std::uint64_t bytes) {
  static const char* const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  return threeDigits(static_cast<double>(bytes) / 1024.0, 1024.0, units);
}

std::string formatRate(double bytesPerSecond) {
  if (!std::isfinite(bytesPerSecond) || bytesPerSecond <= 0) return "—";
  static const char* const units[] = {"B/s", "kB/s", "MB/s", "GB/s", "TB/s"};
  return threeDigits(bytesPerSecond, 1000.0, units);
}

nlohmann::json toJson(const BackendChoice& choice) {
  nlohmann::json json = {{"backend", choice.onGpu() ? "cuda" : "cpu"}, {"summary", describeChoice(choice)}};
  if (choice.gpu) {
    json["index"] = choice.gpu->index;
    json["name"] = choice.gpu->name;
    json["total_bytes"] = choice.gpu->totalBytes;
  }
  return json;
}

nlohmann::json toJson(const HardwareReport& report) {
  nlohmann::json gpus = nlohmann::json::array();
  for (const auto& device : report.gpu.devices) {
    gpus.push_back({{"index", device.index},
                    {"name", device.name},
                    {"total_bytes", device.totalBytes},
                    {"free_bytes", device.freeBytes},
                    {"compute_capability", std::to_string(device.computeMajor) + "." +
                                               std::to_string(device.computeMinor)},
                    {"multiprocessors", device.multiprocessors},
                    {"pci_bus_id", device.pciBusId}});
  }
  nlohmann::json json = {
      {"cpu",
       {{"model", report.cpu.model},
        {"logical_cores", report.cpu.logicalCores},
        {"physical_cores", report.cpu.physicalCores},
        {"avx2", report.cpu.hasAvx2},
        {"avx512", report.cpu.hasAvx512},
        {"matrix_kernels",
         {{"core", report.blas.core},
          {"openblas_choice", report.blas.openBlasChoice},
          {"chosen_from_features", report.blas.chosenFromFeatures},
          {"summary", kernels::cpu::describeBlasKernels(report.blas)}}},
        {"bf16_weights",
         {{"bf16_products", report.bf16.inUse()},
          {"library", report.bf16.library},
          {"implementation", report.bf16.implementation},
          {"summary", kernels::cpu::describeBf16Products(report.bf16)}}},
        {"vector_kernels", report.vectorKernels}}},
      {"memory",
       {{"total_bytes", report.memory.totalBytes},
        {"available_bytes", report.memory.availableBytes}}},
      {"gpu",
       {{"status", statusName(report.gpu.status)},
        {"summary", describeGpus(report.gpu)},
        {"detail", report.gpu.detail},
        {"driver_version", kernels::cudaVersionText(report.gpu.driverVersion)},
        {"runtime_version", kernels::cudaVersionText(report.gpu.runtimeVersion)},
        {"devices", gpus}}},
      {"training", toJson(report.training)},
      {"offload", {{"folder", report.offloadFolder.string()}}},
  };
  auto& offload = json["offload"];
  if (report.disk) {
    offload["total_bytes"] = report.disk->totalBytes;
    offload["free_bytes"] = report.disk->freeBytes;
    offload["file_system"] = report.disk->fileSystem;
  } else {
    offload["error"] = report.diskError;
  }
  if (report.diskSpeed) {
    offload["speed"] = {{"write_bytes_per_second", report.diskSpeed->writeBytesPerSecond},
                        {"read_bytes_per_second", report.diskSpeed->readBytesPerSecond},
                        {"bytes_written", report.diskSpeed->bytesWritten},
                        {"bytes_read", report.diskSpeed->bytesRead},
                        {"direct_io", report.diskSpeed->directIo},
                        {"cancelled", report.diskSpeed->cancelled}};
  } else if (!report.diskSpeedError.empty()) {
    offload["speed_error"] = report.diskSpeedError;
  }
  if (report.compute) {
    json["compute"] = {{"backend", report.compute->backend},
                       {"matmul_flops_per_second", report.compute->matmulFlopsPerSecond},
                       {"copy_bytes_per_second", report.compute->copyBytesPerSecond}};
  }
  return json;
}

}  // namespace tiertune::hardware
