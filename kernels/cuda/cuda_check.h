// Every CUDA runtime and cuBLAS call of the CUDA backend goes through CUDA_CHECK / CUBLAS_CHECK:
// a failure throws std::runtime_error naming the backend op ("attentionForward"), the call, the
// error's name and text, and the source line. (kernels/ cannot include core/util/error.h; the
// core and the CLI catch std::exception, of which tiertune::Error is one.)
// Kernel launches are checked with CUDA_CHECK(op, cudaGetLastError()) right after the launch.
// Shared by the .cu files (C++17, nvcc) and cuda_backend.cpp (C++20, host compiler).
#pragma once

#include <cublas_v2.h>
#include <cuda_runtime_api.h>

namespace tiertune::kernels::cuda {

// Throw with "CUDA backend: <op>: <call> failed: <name>: <text> (<file>:<line>)".
[[noreturn]] void throwCudaError(const char* op, const char* call, cudaError_t error, const char* file, int line);
[[noreturn]] void throwCublasError(const char* op, const char* call, cublasStatus_t status, const char* file,
                                   int line);

}  // namespace tiertune::kernels::cuda

#define CUDA_CHECK(op, call)                                                                   \
  do {                                                                                         \
    const cudaError_t tiertuneCudaError_ = (call);                                             \
    if (tiertuneCudaError_ != cudaSuccess) {                                                   \
      ::tiertune::kernels::cuda::throwCudaError((op), #call, tiertuneCudaError_, __FILE__, __LINE__); \
    }                                                                                          \
  } while (false)

#define CUBLAS_CHECK(op, call)                                                                     \
  do {                                                                                             \
    const cublasStatus_t tiertuneCublasStatus_ = (call);                                           \
    if (tiertuneCublasStatus_ != CUBLAS_STATUS_SUCCESS) {                                          \
      ::tiertune::kernels::cuda::throwCublasError((op), #call, tiertuneCublasStatus_, __FILE__, __LINE__); \
    }                                                                                              \
  } while (false)
