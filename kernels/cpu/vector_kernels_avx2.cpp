// The vector kernels compiled for AVX2 (flags in kernels/CMakeLists.txt).
#define TIERTUNE_VECTOR_TABLE kVectorKernelsAvx2
#define TIERTUNE_VECTOR_NAME "AVX2"
#include "kernels/cpu/vector_kernels_body.h"
