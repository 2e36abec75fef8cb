#include "kernels/cuda/cuda_check.h"

#include <stdexcept>
#include <string>

namespace tiertune::kernels::cuda {

namespace {

std::string where(const char* file, int line) { return std::string(file) + ":" + std::to_string(line); }

}  // namespace

void throwCudaError(const char* op, const char* call, cudaError_t error, const char* file, int line) {
  throw std::runtime_error(std::string("CUDA backend: ") + op + ": " + call + " failed: " + cudaGetErrorName(error) +
                           ": " + cudaGetErrorString(error) + " (" + where(file, line) + ")");
}

void throwCublasError(const char* op, const char* call, cublasStatus_t status, const char* file, int line) {
  throw std::runtime_error(std::string("CUDA backend: ") + op + ": " + call + " failed: " +
                           cublasGetStatusName(status) + ": " + cublasGetStatusString(status) + " (" +
                           where(file, line) + ")");
}

}  // namespace tiertune::kernels::cuda
