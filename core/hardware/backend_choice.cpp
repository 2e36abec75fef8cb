#include "core/hardware/backend_choice.h"

#include <algorithm>

#include "core/hardware/hardware_report.h"
#include "core/util/error.h"
#include "kernels/gpu_products.h"

namespace tiertune::hardware {

namespace {

bool usable(const kernels::GpuDevice& gpu) { return gpu.computeMajor >= kMinimumComputeMajor; }

std::string capability(const kernels::GpuDevice& gpu) {
  return std::to_string(gpu.computeMajor) + "." + std::to_string(gpu.computeMinor);
}

std::string tooOldWords(const kernels::GpuDevice& gpu) {
  return gpu.name + " (compute capability " + capability(gpu) + ") is older than GPU training needs (" +
         std::to_string(kMinimumComputeMajor) + ".0, NVIDIA Ampere or newer, for bfloat16)";
}

// Why no GPU trains, from the probe's status, as a clause: "no NVIDIA GPU found".
std::string noGpuReason(kernels::GpuReport::Status status, const std::string& detail) {
  using Status = kernels::GpuReport::Status;
  switch (status) {
    case Status::Found:
    case Status::NoDevice:
    case Status::DriverMissing: return "no NVIDIA GPU found";
    case Status::DriverTooOld: return "the NVIDIA driver is too old for this build: update it to train on the GPU";
    case Status::NotBuiltWithCuda: return "this build of Tiertune has no GPU support";
    case Status::LibraryMissing:
    case Status::Error: break;
  }
  return "the GPU cannot be used: " + detail;
}

}  // namespace

std::string_view toString(BackendRequest request) {
  switch (request) {
    case BackendRequest::Auto: return "auto";
    case BackendRequest::Cuda: return "cuda";
    case BackendRequest::Cpu: return "cpu";
  }
  return "auto";
}

std::optional<BackendRequest> parseBackendRequest(std::string_view text) {
  for (const BackendRequest request : {BackendRequest::Auto, BackendRequest::Cuda, BackendRequest::Cpu}) {
    if (text == toString(request)) return request;
  }
  return std::nullopt;
}

BackendChoice chooseBackend(const kernels::GpuReport& gpus, BackendRequest request, std::optional<int> device) {
  BackendChoice choice;
  choice.gpuStatus = gpus.status;
  choice.gpuDetail = gpus.detail;
  if (request == BackendRequest::Cpu) {
    choice.cpuReason = BackendChoice::CpuReason::Requested;
    return choice;
  }
  const bool found = gpus.status == kernels::GpuReport::Status::Found && !gpus.devices.empty();
  if (!found) {
    if (request == BackendRequest::Cuda) {
      throw Error("This run asks for the GPU (\"backend\": \"cuda\"), but " + noGpuReason(gpus.status, gpus.detail) +
                  ". Set \"backend\" to \"auto\" or \"cpu\" to train on the CPU.");
    }
    return choice;  // CpuReason::NoGpu
  }
  // The card asked for by its index; else the usable card with the most memory (the one that keeps
  // most of the state resident; ties go to the lower index, as the runtime numbers them); else, when
  // none is usable, the newest of them, to say why it is not used.
  const kernels::GpuDevice* picked = nullptr;
  if (device) {
    const auto match = std::find_if(gpus.devices.begin(), gpus.devices.end(),
                                    [&](const kernels::GpuDevice& gpu) { return gpu.index == *device; });
    if (match == gpus.devices.end()) {
      throw Error("This run asks for GPU " + std::to_string(*device) + " (\"device\"), but this machine has " +
                  std::to_string(gpus.devices.size()) + (gpus.devices.size() == 1 ? " GPU" : " GPUs") +
                  ", numbered from 0 (tiertune-cli doctor lists them).");
    }
    picked = &*match;
  } else {
    for (const kernels::GpuDevice& gpu : gpus.devices) {
      if (usable(gpu) && (picked == nullptr || gpu.totalBytes > picked->totalBytes)) picked = &gpu;
    }
    if (picked == nullptr) {
      picked = &*std::max_element(gpus.devices.begin(), gpus.devices.end(), [](const auto& a, const auto& b) {
        return std::pair(a.computeMajor, a.computeMinor) < std::pair(b.computeMajor, b.computeMinor);
      });
    }
  }
  if (!usable(*picked)) {
    if (request == BackendRequest::Cuda) {
      const std::string asked = device ? "GPU " + std::to_string(*device) : "the GPU (\"backend\": \"cuda\")";
      throw Error("This run asks for " + asked + ", but the " + tooOldWords(*picked) +
                  ". Set \"backend\" to \"auto\" or \"cpu\" to train on the CPU.");
    }
    choice.cpuReason = BackendChoice::CpuReason::GpuTooOld;
    choice.olderGpu = *picked;
    return choice;
  }
  choice.cpuReason = BackendChoice::CpuReason::None;
  choice.gpu = *picked;
  return choice;
}

kernels::GpuReport reportForChoice(const kernels::GpuReport& gpus, const BackendChoice& choice) {
  kernels::GpuReport report = gpus;
  report.devices.clear();
  if (choice.gpu) {
    report.devices.push_back(*choice.gpu);
  } else if (report.status == kernels::GpuReport::Status::Found) {
    report.status = kernels::GpuReport::Status::NoDevice;  // the GPUs found are not the one that trains
  }
  return report;
}

std::unique_ptr<kernels::Backend> makeChosenBackend(const BackendChoice& choice, std::size_t arenaBytes) {
  if (choice.gpu) return kernels::makeCudaBackend(choice.gpu->index);
  return kernels::makeCpuBackend(arenaBytes);
}

std::string describeChoice(const BackendChoice& choice) {
  if (choice.gpu) {
    std::string products;
    try {
      products = kernels::gpuProductsSetting() == kernels::GpuProducts::Bf16
                     ? "bf16 products"
                     : "fp32 products (TIERTUNE_CUDA_PRODUCTS=fp32)";
    } catch (const std::invalid_argument& error) {
      products = error.what();  // the backend refuses the same setting when it is made
    }
    return "GPU " + std::to_string(choice.gpu->index) + ": " + choice.gpu->name + " (" +
           formatBytes(choice.gpu->totalBytes) + "), " + products;
  }
  switch (choice.cpuReason) {
    case BackendChoice::CpuReason::Requested: return "CPU (the run asks for it)";
    case BackendChoice::CpuReason::GpuTooOld: return "CPU (the " + tooOldWords(*choice.olderGpu) + ")";
    case BackendChoice::CpuReason::NoGpu:
    case BackendChoice::CpuReason::None: break;
  }
  return "CPU (" + noGpuReason(choice.gpuStatus, choice.gpuDetail) + ")";
}

}  // namespace tiertune::hardware
