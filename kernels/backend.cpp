// DeviceBuffer on its own, outside any backend: a program that uses only the CUDA backend then
// links neither the CPU backend nor OpenBLAS (bench_gpu_train stays small enough to carry).
#include "kernels/backend.h"

#include <utility>

namespace tiertune::kernels {

DeviceBuffer::DeviceBuffer(void* data, std::size_t bytes, std::function<void(void*)> release)
    : data_(data, std::move(release)), bytes_(bytes) {}

}  // namespace tiertune::kernels
