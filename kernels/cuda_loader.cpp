// probeGpus and makeCudaBackend of a build with CUDA: they call into the CUDA module, loaded with
// dlopen on first use, so that the programs start, and train on the CPU, on machines without the
// NVIDIA libraries. What was missing becomes the probe's LibraryMissing detail and the backend's
// exception text.
#include "kernels/cuda_loader.h"

#include <dlfcn.h>

#include <stdexcept>
#include <system_error>

// Defined when the program links tiertune_kernels_cuda itself; null otherwise.
#pragma weak tiertune_cuda_module

namespace tiertune::kernels {

namespace {

std::string joined(const std::vector<std::filesystem::path>& folders) {
  std::string text;
  for (const auto& folder : folders) text += (text.empty() ? "" : " and ") + folder.string();
  return text;
}

// dlopen's "libcublas.so.13: cannot open shared object file: No such file or directory" names a
// library the module needs; anything else is reported as the loader said it.
CudaModuleLoad loadFailure(const std::filesystem::path& file, const std::string& error) {
  const std::string missing = ": cannot open shared object file";
  const auto end = error.find(missing);
  if (end != std::string::npos && error.compare(0, end, file.string()) != 0) {
    const std::string library = error.substr(0, end);
    return {nullptr,
            library + " is missing: the GPU backend needs NVIDIA's CUDA " TIERTUNE_CUDA_MAJOR_TEXT
                      " libraries (needed by " + file.string() + ")",
            true};
  }
  return {nullptr, "cannot load " + file.string() + ": " + error};
}

bool nvidiaDriverPresent() {
  void* driver = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
  if (driver == nullptr) return false;
  dlclose(driver);
  return true;
}

std::filesystem::path programFolder() {
  std::error_code error;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : program.parent_path();
}

CudaModuleLoad findAndLoad() {
  if (&tiertune_cuda_module != nullptr) return {tiertune_cuda_module(), {}};  // linked in
  const auto folders = cudaModuleFolders(programFolder());
  for (const auto& folder : folders) {
    const auto file = folder / kCudaModuleFileName;
    std::error_code error;
    if (std::filesystem::exists(file, error)) return loadCudaModule(file);
  }
  return {nullptr, std::string("Tiertune's GPU module ") + kCudaModuleFileName + " is not installed (looked in " +
                       joined(folders) + ")"};
}

const CudaModuleLoad& processModule() {
  static const CudaModuleLoad load = findAndLoad();
  return load;
}

}  // namespace

CudaModuleLoad loadCudaModule(const std::filesystem::path& file) {
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* error = dlerror();
    return loadFailure(file, error != nullptr ? error : "unknown error");
  }
  using Entry = const CudaModule* (*)();
  const auto entry = reinterpret_cast<Entry>(dlsym(handle, TIERTUNE_CUDA_MODULE_SYMBOL));
  if (entry == nullptr) {
    return {nullptr, file.string() + " is not a Tiertune CUDA module (it has no " TIERTUNE_CUDA_MODULE_SYMBOL ")"};
  }
  const CudaModule* module = entry();
  if (module == nullptr || module->abi != kCudaModuleAbi) {
    return {nullptr, file.string() + " belongs to another version of Tiertune (module interface " +
                         std::to_string(module != nullptr ? module->abi : 0) + ", this program needs " +
                         std::to_string(kCudaModuleAbi) + "): reinstall Tiertune"};
  }
  return {module, {}};
}

std::vector<std::filesystem::path> cudaModuleFolders(const std::filesystem::path& programFolder) {
  if (programFolder.empty()) return {};
  return {programFolder, (programFolder / TIERTUNE_CUDA_MODULE_FROM_PROGRAM).lexically_normal()};
}

bool builtWithCuda() { return true; }

GpuReport probeGpus(ProbeContext context) {
  const CudaModuleLoad& load = processModule();
  if (load.module != nullptr) return load.module->probeGpus(context);
  return unloadedModuleReport(load, nvidiaDriverPresent());
}

GpuReport unloadedModuleReport(const CudaModuleLoad& load, bool driverPresent) {
  GpuReport report;
  report.status = GpuReport::Status::LibraryMissing;
  report.detail = load.failure;
  if (load.libraryMissing && !driverPresent) {
    // Worded as the module's own probe words it, so that the log says why there is no GPU first.
    report.status = GpuReport::Status::DriverMissing;
    report.detail = "no NVIDIA driver (libcuda) found; " + load.failure;
  }
  return report;
}

std::unique_ptr<Backend> makeCudaBackend(int device) {
  const CudaModuleLoad& load = processModule();
  if (load.module == nullptr) throw std::runtime_error("no CUDA backend: " + load.failure);
  return load.module->makeBackend(device);
}

}  // namespace tiertune::kernels
