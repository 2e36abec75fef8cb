#include "core/hardware/compute_speed.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace tiertune::hardware {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

ComputeSpeed measureComputeSpeed(kernels::Backend& backend) {
  ComputeSpeed speed;
  speed.backend = backend.name();
  constexpr std::size_t n = 1024;
  const kernels::DeviceBuffer buffer = backend.allocate(3 * n * n * sizeof(float));
  const kernels::DeviceSpan<float> all = buffer.as<float>();
  const kernels::DeviceSpan<float> a = all.subspan(0, n * n), b = all.subspan(n * n, n * n), c = all.subspan(2 * n * n, n * n);
  backend.fill(a, 0.5f);
  backend.fill(b, 0.25f);
  backend.matmul(a, b, c, kernels::MatmulShape{n, n, n, false, true});  // warm-up: threads, buffers
  backend.synchronize();
  double best = 1e30;
  for (int run = 0; run < 3; ++run) {
    const auto start = Clock::now();
    backend.matmul(a, b, c, kernels::MatmulShape{n, n, n, false, true});
    backend.synchronize();
    best = std::min(best, secondsSince(start));
  }
  speed.matmulFlopsPerSecond = 2.0 * n * n * n / best;

  constexpr std::size_t floats = (64u << 20) / sizeof(float);
  const kernels::DeviceBuffer device = backend.allocate(floats * sizeof(float));
  std::vector<float> host(floats, 1.0f);
  backend.upload(host, device.as<float>().subspan(0, floats));  // first touch of both sides
  const auto start = Clock::now();
  backend.upload(host, device.as<float>().subspan(0, floats));
  backend.download(device.as<float>().subspan(0, floats), host);
  backend.synchronize();
  speed.copyBytesPerSecond = 2.0 * floats * sizeof(float) / secondsSince(start);
  return speed;
}

}  // namespace tiertune::hardware
