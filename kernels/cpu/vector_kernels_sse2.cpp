// The vector kernels compiled for SSE2 (flags in kernels/CMakeLists.txt).
#define TIERTUNE_VECTOR_TABLE kVectorKernelsSse2
#define TIERTUNE_VECTOR_NAME "SSE2"
#include "kernels/cpu/vector_kernels_body.h"
