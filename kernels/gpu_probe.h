// What the CUDA runtime reports about this machine's NVIDIA GPUs: the hardware check shows it
// and the memory planner budgets with it. A build without CUDA says so instead of guessing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tiertune::kernels {

struct GpuDevice {
  int index = 0;
  std::string name;               // "NVIDIA H100 80GB HBM3"
  std::uint64_t totalBytes = 0;   // device memory
  std::uint64_t freeBytes = 0;    // free at probe time
  int computeMajor = 0;           // compute capability, e.g. 9.0
  int computeMinor = 0;
  int multiprocessors = 0;
  std::string pciBusId;           // "0000:01:00.0"
};

struct GpuReport {
  enum class Status {
    Found,             // devices holds one entry per GPU
    NoDevice,          // a driver may be present, but no CUDA-capable GPU
    DriverMissing,     // no NVIDIA driver (libcuda) on this machine
    DriverTooOld,      // the driver is older than the CUDA runtime Tiertune was built with
    NotBuiltWithCuda,  // this build has the CPU backend only
    LibraryMissing,    // the CUDA module, or a CUDA library it needs (cuBLAS), could not be
                       // loaded; detail names the file
    Error,             // the runtime failed otherwise; detail says how
  };
  Status status = Status::NotBuiltWithCuda;
  std::string detail;          // the runtime's own words, for the log and bug reports
  int driverVersion = 0;       // CUDA driver API version, e.g. 13000 for 13.0; 0 if none
  int runtimeVersion = 0;      // CUDA runtime version Tiertune was built with; 0 without CUDA
  std::vector<GpuDevice> devices;
};

// True when this build has the CUDA backend (in the CUDA module or linked in), whether or not
// this machine can load it: probeGpus says that.
bool builtWithCuda();

// What the probe does with the CUDA context it must create on each device to read its free
// memory (about half a GiB on an H100). A process that trains keeps it; the GUI and the doctor
// release it, so that the window does not hold GPU memory the training process needs.
enum class ProbeContext { Release, Keep };

// Asks the CUDA runtime, through the CUDA module (loaded on the first call). Never throws: every
// failure becomes a Status with its detail.
// Release resets each probed device's primary context: never use it in a process that already
// holds CUDA memory.
GpuReport probeGpus(ProbeContext context = ProbeContext::Release);

// "13.0" from 13000.
std::string cudaVersionText(int version);

}  // namespace tiertune::kernels
