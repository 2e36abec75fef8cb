// TIERTUNE_HOST_DEVICE marks small inline functions that both backends share (the dropout hash):
// __host__ __device__ when nvcc compiles them into a .cu file, nothing for the host compiler.
#pragma once

#ifdef __CUDACC__
#define TIERTUNE_HOST_DEVICE __host__ __device__
#else
#define TIERTUNE_HOST_DEVICE
#endif
