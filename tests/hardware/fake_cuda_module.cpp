// Stand-ins for the CUDA module that fail to load in the ways tst_cuda_loader checks the words
// of. One source, three shared objects (tests/hardware/CMakeLists.txt):
//   FAKE_ABSENT_LIBRARY  the library the next one needs, kept where the loader will not find it;
//   FAKE_NEEDS_ABSENT    a module that needs it (as the real one needs libcublas.so.13);
//   FAKE_WRONG_ABI       a module from "another version" (its table has another ABI number);
//   neither              a shared object without the module's entry.
#include "kernels/cuda_module.h"

extern "C" int fake_absent_library_function();
extern "C" int fake_not_a_module();

#if defined(FAKE_ABSENT_LIBRARY)
extern "C" int fake_absent_library_function() { return 1; }
#elif defined(FAKE_NEEDS_ABSENT)
extern "C" const tiertune::kernels::CudaModule* tiertune_cuda_module() {
  static const tiertune::kernels::CudaModule module{.abi = fake_absent_library_function()};
  return &module;
}
#elif defined(FAKE_WRONG_ABI)
extern "C" const tiertune::kernels::CudaModule* tiertune_cuda_module() {
  static const tiertune::kernels::CudaModule module{.abi = tiertune::kernels::kCudaModuleAbi + 1};
  return &module;
}
#else
extern "C" int fake_not_a_module() { return 0; }
#endif
