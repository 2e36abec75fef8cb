// The GPU probe through the CUDA runtime, inside the CUDA module. The runtime is linked
// statically, so on a machine without the NVIDIA driver the module still loads and this probe
// reports DriverMissing. Host code only (no kernels): compiled by the C++ compiler.
#include <cuda_runtime_api.h>

#include <exception>
#include <string>

#include "kernels/cuda/cuda_entry.h"

namespace tiertune::kernels::cuda {

namespace {

std::string runtimeWords(cudaError_t error) {
  return std::string(cudaGetErrorName(error)) + ": " + cudaGetErrorString(error);
}

// Status of a failed first call into the driver. cudaDriverGetVersion reports 0 when no driver is
// installed; a driver older than the runtime gives cudaErrorInsufficientDriver.
GpuReport::Status statusOf(cudaError_t error, int driverVersion) {
  switch (error) {
    case cudaErrorNoDevice:
      return driverVersion == 0 ? GpuReport::Status::DriverMissing : GpuReport::Status::NoDevice;
    case cudaErrorInsufficientDriver:
      return driverVersion == 0 ? GpuReport::Status::DriverMissing : GpuReport::Status::DriverTooOld;
    default:
      return driverVersion == 0 ? GpuReport::Status::DriverMissing : GpuReport::Status::Error;
  }
}

GpuReport probe(ProbeContext context) {
  GpuReport report;
  cudaError_t error = cudaRuntimeGetVersion(&report.runtimeVersion);
  if (error != cudaSuccess) {
    report.status = GpuReport::Status::Error;
    report.detail = "cudaRuntimeGetVersion: " + runtimeWords(error);
    return report;
  }
  error = cudaDriverGetVersion(&report.driverVersion);
  if (error != cudaSuccess) {
    report.status = GpuReport::Status::Error;
    report.detail = "cudaDriverGetVersion: " + runtimeWords(error);
    return report;
  }
  int count = 0;
  error = cudaGetDeviceCount(&count);
  if (error != cudaSuccess) {
    report.status = statusOf(error, report.driverVersion);
    report.detail = "cudaGetDeviceCount: " + runtimeWords(error);
    // Without a driver the runtime still says "insufficient driver"; the log should say what it is.
    if (report.status == GpuReport::Status::DriverMissing) {
      report.detail = "no NVIDIA driver (libcuda) found; " + report.detail;
    }
    static_cast<void>(cudaGetLastError());  // clears the error it returns, so it is not reported again
    return report;
  }
  if (count == 0) {
    report.status = GpuReport::Status::NoDevice;
    report.detail = "the CUDA runtime found no device";
    return report;
  }
  // Setting each device below changes this thread's current device; the caller's is put back.
  int callersDevice = 0;
  error = cudaGetDevice(&callersDevice);
  if (error != cudaSuccess) {
    report.status = GpuReport::Status::Error;
    report.detail = "cudaGetDevice: " + runtimeWords(error);
    return report;
  }
  std::string notes;
  for (int index = 0; index < count; ++index) {
    cudaDeviceProp properties{};
    error = cudaGetDeviceProperties(&properties, index);
    if (error != cudaSuccess) {
      report.status = GpuReport::Status::Error;
      report.detail = "cudaGetDeviceProperties(" + std::to_string(index) + "): " + runtimeWords(error);
      return report;
    }
    GpuDevice device;
    device.index = index;
    device.name = properties.name;
    device.totalBytes = properties.totalGlobalMem;
    device.computeMajor = properties.major;
    device.computeMinor = properties.minor;
    device.multiprocessors = properties.multiProcessorCount;
    char busId[32] = {};
    error = cudaDeviceGetPCIBusId(busId, sizeof busId, index);
    if (error == cudaSuccess) {
      device.pciBusId = busId;
    } else {  // the device is still usable; its bus id is only for the report
      notes += "; device " + std::to_string(index) + " has no PCI bus id (" + runtimeWords(error) + ")";
    }
    // Free memory needs a context on the device; creating it is what makes this probe take a
    // few hundred milliseconds, so it happens once per device.
    error = cudaSetDevice(index);
    if (error == cudaSuccess) {
      std::size_t freeBytes = 0;
      std::size_t totalBytes = 0;
      error = cudaMemGetInfo(&freeBytes, &totalBytes);
      if (error == cudaSuccess) device.freeBytes = freeBytes;
      // The free figure is read; the context that reading it created goes again.
      if (error == cudaSuccess && context == ProbeContext::Release) error = cudaDeviceReset();
    }
    if (error != cudaSuccess) {
      if (context == ProbeContext::Keep) static_cast<void>(cudaSetDevice(callersDevice));  // best effort
      report.status = GpuReport::Status::Error;
      report.detail = "device " + std::to_string(index) + ": " + runtimeWords(error);
      return report;
    }
    report.devices.push_back(device);
  }
  // Since CUDA 12 cudaSetDevice creates the device's context at once: after a release, putting the
  // caller's device back would create again what was just freed, so only a kept probe restores it.
  error = context == ProbeContext::Keep ? cudaSetDevice(callersDevice) : cudaSuccess;
  if (error != cudaSuccess) {
    report.status = GpuReport::Status::Error;
    report.detail = "cudaSetDevice(" + std::to_string(callersDevice) + "): " + runtimeWords(error);
    report.devices.clear();
    return report;
  }
  report.status = GpuReport::Status::Found;
  report.detail = std::to_string(count) + (count == 1 ? " device" : " devices") + notes;
  return report;
}

}  // namespace

GpuReport probeDevices(ProbeContext context) {
  try {
    return probe(context);
  } catch (const std::exception& exception) {  // std::string allocation is all that can throw
    GpuReport report;
    report.status = GpuReport::Status::Error;
    report.detail = exception.what();
    return report;
  }
}

}  // namespace tiertune::kernels::cuda
