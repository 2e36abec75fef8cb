// `tiertune-cli doctor`: the hardware check on the command line, the same facts as the Home page.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/terminal_progress.h"
#include "core/hardware/disk_speed_record.h"
#include "core/hardware/hardware_report.h"
#include "core/settings/settings.h"
#include "core/util/error.h"

namespace tiertune::cli {
namespace {

void printRow(const char* label, const std::string& text) {
  std::printf("%-11s %s\n", label, text.c_str());
}

void printText(const hardware::HardwareReport& report) {
  using hardware::formatBytes;
  const auto& cpu = report.cpu;
  std::string cpuText = cpu.model + " (" + std::to_string(cpu.physicalCores) + " cores, " +
                        std::to_string(cpu.logicalCores) + " threads";
  if (cpu.hasAvx512) cpuText += ", AVX-512";
  else if (cpu.hasAvx2) cpuText += ", AVX2";
  printRow("CPU", cpuText + ")");
  printRow("", "matrix products: " + kernels::cpu::describeBlasKernels(report.blas) + ", " +
                   kernels::cpu::blasThreading() + " threads");
  printRow("", "16-bit weights: " + kernels::cpu::describeBf16Products(report.bf16));
  printRow("", "element-wise loops: " + report.vectorKernels);
  printRow("Memory", formatBytes(report.memory.totalBytes) + " total, " +
                         formatBytes(report.memory.availableBytes) + " available");
  printRow("GPU", hardware::describeGpus(report.gpu));
  if (report.gpu.status == kernels::GpuReport::Status::Found) {
    for (const auto& device : report.gpu.devices) {
      printRow("", "GPU " + std::to_string(device.index) + ": " + formatBytes(device.freeBytes) +
                       " free, " + std::to_string(device.multiprocessors) + " SMs, PCI " +
                       device.pciBusId);
    }
  }
  if (report.gpu.runtimeVersion > 0) {  // the CUDA module loaded (or CUDA is linked in)
    std::string versions = "CUDA runtime " + kernels::cudaVersionText(report.gpu.runtimeVersion);
    versions += report.gpu.driverVersion > 0
                    ? ", driver supports CUDA " + kernels::cudaVersionText(report.gpu.driverVersion)
                    : ", no NVIDIA driver";
    printRow("", versions);
  }
  // LibraryMissing's text above already carries its detail.
  if (report.gpu.status != kernels::GpuReport::Status::Found &&
      report.gpu.status != kernels::GpuReport::Status::LibraryMissing && !report.gpu.detail.empty()) {
    printRow("", "(" + report.gpu.detail + ")");
  }
  printRow("Training", "runs on the " + hardware::describeChoice(report.training));
  if (report.disk) {
    std::string fs = report.disk->fileSystem.empty() ? "" : " (" + report.disk->fileSystem + ")";
    printRow("Offload", report.offloadFolder.string() + fs + ": " +
                            formatBytes(report.disk->freeBytes) + " free of " +
                            formatBytes(report.disk->totalBytes));
  } else {
    printRow("Offload", report.diskError);
  }
  if (report.diskSpeed) {
    const auto& speed = *report.diskSpeed;
    std::string text = "write " + hardware::formatRate(speed.writeBytesPerSecond) + ", read " +
                       hardware::formatRate(speed.readBytesPerSecond) + " (" +
                       formatBytes(speed.bytesWritten) +
                       (speed.directIo ? ", direct I/O" : ", cached: the file system refused O_DIRECT") +
                       (speed.cancelled ? ", cancelled" : "") + ")";
    printRow("Disk speed", text);
  } else if (!report.diskSpeedError.empty()) {
    printRow("Disk speed", report.diskSpeedError);
  }
  if (report.compute) {
    char text[128];
    std::snprintf(text, sizeof text, "%.1f GFLOP/s fp32 matrix products, copies %s (%s backend)",
                  report.compute->matmulFlopsPerSecond / 1e9,
                  hardware::formatRate(report.compute->copyBytesPerSecond).c_str(), report.compute->backend.c_str());
    printRow("Compute", text);
  }
}

}  // namespace

int runDoctor(const std::vector<std::string>& args) {
  const Arguments arguments("doctor", args,
                            {.flags = {"json", "skip-speed"},
                             .valued = {"offload-folder", "speed-bytes"}});
  settings::Settings userSettings = settings::loadSettings();
  std::filesystem::path offload = userSettings.offloadFolder;
  if (auto folder = arguments.value("offload-folder")) {
    offload = std::filesystem::absolute(*folder).lexically_normal();
  }

  hardware::HardwareReport report = hardware::probeHardware(offload);
  if (!arguments.flag("skip-speed") && report.disk) {
    hardware::DiskSpeedOptions options;
    if (auto bytes = arguments.value("speed-bytes")) {
      try {
        options.maxBytes = std::stoull(*bytes) << 20;
      } catch (const std::exception&) {
        throw UsageError("tiertune-cli doctor: --speed-bytes takes a whole number of MiB, not \"" +
                    *bytes + "\"");
      }
    }
    try {
      TerminalProgress progress("Disk speed");
      report.diskSpeed = hardware::measureDiskSpeed(
          offload, options, [&](double fraction, const char* phase) { progress.update(fraction, phase); });
    } catch (const Error& e) {
      report.diskSpeedError = e.what();
    }
    // Kept, per folder, for the planner's step-time predictions (`tiertune-cli plan`).
    if (report.diskSpeed && !report.diskSpeed->cancelled) {
      try {
        hardware::saveDiskSpeed(userSettings.diskSpeedFile(), offload, *report.diskSpeed);
      } catch (const Error& e) {
        std::fprintf(stderr, "tiertune-cli: the measured speed was not kept: %s\n", e.what());
      }
    }
  }

  if (!arguments.flag("skip-speed")) {
    // What the planner predicts step times from (`tiertune-cli plan`, `train`): the GPU's backend
    // when there is a GPU.
    std::string failure;
    report.compute = hardware::measureChosenBackend(report.training, &failure);
    if (report.compute && report.training.gpu) {  // for the window's memory plans
      try {
        hardware::saveGpuSpeed(userSettings.computeSpeedFile(), *report.training.gpu, *report.compute);
      } catch (const Error& e) {
        std::fprintf(stderr, "tiertune-cli: the measured GPU speed was not kept: %s\n", e.what());
      }
    }
    if (!failure.empty()) std::fprintf(stderr, "tiertune-cli: the GPU's speed was not measured: %s\n", failure.c_str());
  }

  if (arguments.flag("json")) {
    std::cout << hardware::toJson(report).dump(2) << "\n";
  } else {
    printText(report);
  }
  // The check itself succeeded even when it found no GPU; a folder that cannot be used is a
  // problem the user must fix before training, so it fails the command.
  return report.disk && report.diskSpeedError.empty() ? 0 : 1;
}

const Command kDoctorCommand = {
    "doctor", "check this machine: CPU, memory, GPU, offload folder space and speed",
    "Usage: tiertune-cli doctor [--offload-folder DIR] [--skip-speed] [--speed-bytes MIB] [--json]\n"
    "\n"
    "Checks what this machine offers for training: CPU model and cores, memory, NVIDIA GPUs\n"
    "(name, memory, driver, compute capability), the free space of the offload folder and its\n"
    "sequential write and read speed, measured for a few seconds with direct I/O.\n"
    "\n"
    "  --offload-folder DIR  check DIR instead of the offload folder from the settings\n"
    "  --skip-speed          do not measure the disk speed\n"
    "  --speed-bytes MIB     write and read at most MIB mebibytes (default 1024)\n"
    "  --json                print one JSON object instead of text\n"
    "\n"
    "Exit code 0 when the check ran, 1 when the offload folder cannot be used.\n",
    runDoctor};

}  // namespace tiertune::cli
