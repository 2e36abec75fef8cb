#include "core/hardware/compute_speed.h"

#include <nlohmann/json.hpp>

#include "core/hardware/measurement_cache.h"
#include "kernels/gpu_products.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>

namespace tiertune::hardware {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Below this a measurement is mostly the cost of starting and waiting for the work: a 1024^3
// product is 2.1 GFLOP, tens of microseconds on a large GPU, milliseconds or more on CPU cores.
constexpr double kShortestTiming = 0.02;
// A product faster than this is too small to show the backend's rate: measure a wider one.
constexpr double kShortestProduct = 1e-3;
constexpr std::size_t kWidest = 4096;

// Seconds of one n^3 product (of n x n fp32 operands, B transposed, as a projection's forward),
// best of three timings of enough repeats.
double productSeconds(kernels::Backend& backend, std::size_t n) {
  const kernels::DeviceBuffer buffer = backend.allocate(3 * n * n * sizeof(float));
  const kernels::DeviceSpan<float> all = buffer.as<float>();
  const kernels::DeviceSpan<float> a = all.subspan(0, n * n), b = all.subspan(n * n, n * n), c = all.subspan(2 * n * n, n * n);
  backend.fill(a, 0.5f);
  backend.fill(b, 0.25f);
  const auto products = [&](int repeats) {
    const auto start = Clock::now();
    for (int i = 0; i < repeats; ++i) backend.matmul(a, b, c, kernels::MatmulShape{n, n, n, false, true});
    backend.synchronize();
    return secondsSince(start);
  };
  products(1);  // warm-up: threads, buffers, the GPU's clocks and the library's choice of kernel
  int repeats = 1;
  while (repeats < 4096 && products(repeats) < kShortestTiming) repeats *= 4;
  double best = 1e30;
  for (int run = 0; run < 3; ++run) best = std::min(best, products(repeats) / repeats);
  return best;
}

}  // namespace

ComputeSpeed measureComputeSpeed(kernels::Backend& backend) {
  ComputeSpeed speed;
  speed.backend = backend.name();
  std::size_t n = 1024;
  double seconds = productSeconds(backend, n);
  while (n < kWidest && seconds < kShortestProduct) {
    n *= 2;
    seconds = productSeconds(backend, n);
  }
  speed.matmulFlopsPerSecond = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n) / seconds;

  constexpr std::size_t floats = (64u << 20) / sizeof(float);
  const kernels::DeviceBuffer device = backend.allocate(floats * sizeof(float));
  const kernels::HostBuffer staging = backend.allocateHostStaging(floats * sizeof(float));
  const std::span<float> host(reinterpret_cast<float*>(staging.data()), floats);
  const kernels::DeviceSpan<float> target = device.as<float>().subspan(0, floats);
  backend.uploadAsync(host, target);  // first touch of both sides
  backend.hostWaits(backend.record(kernels::Lane::Transfer));
  const auto start = Clock::now();
  backend.uploadAsync(host, target);
  backend.downloadAsync(target, host);
  backend.hostWaits(backend.record(kernels::Lane::Transfer));
  speed.copyBytesPerSecond = 2.0 * floats * sizeof(float) / secondsSince(start);
  return speed;
}

std::optional<ComputeSpeed> measureChosenBackend(const BackendChoice& choice, std::string* failure) {
  if (!choice.gpu) {
    const auto backend = kernels::makeCpuBackend();
    return measureComputeSpeed(*backend);
  }
  try {
    const auto backend = kernels::makeCudaBackend(choice.gpu->index);
    return measureComputeSpeed(*backend);
  } catch (const std::exception& error) {
    if (failure) *failure = error.what();
    return std::nullopt;
  }
}

namespace {

std::string gpuKey(const kernels::GpuDevice& gpu) { return gpu.name + " @ " + gpu.pciBusId; }

}  // namespace

std::string gpuSpeedMethod() {
  bool bf16 = true;
  try {
    bf16 = kernels::gpuProductsSetting() == kernels::GpuProducts::Bf16;
  } catch (const std::invalid_argument&) {
    // The backend refuses the setting when it is made; the rate recorded until then stays bf16's.
  }
  return std::string(bf16 ? "bf16" : "fp32") + " products, up to 4096 wide";
}

void saveGpuSpeed(const std::filesystem::path& file, const kernels::GpuDevice& gpu, const ComputeSpeed& speed) {
  writeMeasurement(file, gpuKey(gpu),
                   {{"backend", speed.backend},
                    {"method", gpuSpeedMethod()},
                    {"matmul_flops_per_second", speed.matmulFlopsPerSecond},
                    {"copy_bytes_per_second", speed.copyBytesPerSecond}});
}

std::optional<ComputeSpeed> loadGpuSpeed(const std::filesystem::path& file, const kernels::GpuDevice& gpu) {
  const nlohmann::json all = readMeasurementCache(file);
  const auto found = all.find(gpuKey(gpu));
  if (found == all.end() || !found->is_object()) return std::nullopt;
  const auto method = found->find("method");
  if (method == found->end() || !method->is_string() || method->get<std::string>() != gpuSpeedMethod()) {
    return std::nullopt;  // measured another way (or before the method was recorded): measure again
  }
  ComputeSpeed speed;
  const auto backend = found->find("backend");
  speed.backend = backend != found->end() && backend->is_string() ? backend->get<std::string>() : "CUDA";
  speed.matmulFlopsPerSecond = positiveNumber(*found, "matmul_flops_per_second");
  speed.copyBytesPerSecond = positiveNumber(*found, "copy_bytes_per_second");
  if (speed.matmulFlopsPerSecond == 0 || speed.copyBytesPerSecond == 0) return std::nullopt;
  return speed;
}

}  // namespace tiertune::hardware
