// The vector kernels compiled for AVX-512 (flags in kernels/CMakeLists.txt).
#define TIERTUNE_VECTOR_TABLE kVectorKernelsAvx512
#define TIERTUNE_VECTOR_NAME "AVX-512"
#include "kernels/cpu/vector_kernels_body.h"
