# Finds the CUDA compiler and toolkit when TIERTUNE_WITH_CUDA is on and sets TIERTUNE_HAVE_CUDA.
# CUDA is optional: without it the CPU backend builds alone. The toolkit is often installed outside
# PATH (the NVIDIA packages use /usr/local/cuda), so look there when nvcc is not on PATH.
set(TIERTUNE_HAVE_CUDA OFF)
# Where the CUDA module (libtiertune-cuda.so) is installed, relative to the install prefix.
set(TIERTUNE_CUDA_MODULE_DIR lib/tiertune)
if(TIERTUNE_WITH_CUDA)
  if(NOT CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX})
    find_program(_tiertune_nvcc nvcc HINTS ENV CUDA_PATH PATH_SUFFIXES bin PATHS /usr/local/cuda/bin)
    if(_tiertune_nvcc)
      set(CMAKE_CUDA_COMPILER "${_tiertune_nvcc}" CACHE FILEPATH "CUDA compiler")
    endif()
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      # Ampere (A100, RTX 30xx), Ada (RTX 40xx, L4), Hopper (H100/H200).
      set(CMAKE_CUDA_ARCHITECTURES 80 86 89 90 CACHE STRING "CUDA architectures to build for")
    endif()
    enable_language(CUDA)
    # CMake 3.25 (Debian 12) knows no C++20 flag for nvcc; the .cu files are C++17.
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    find_package(CUDAToolkit REQUIRED)
    set(TIERTUNE_HAVE_CUDA ON)
  else()
    message(STATUS "Tiertune: no CUDA compiler found; building the CPU backend only")
  endif()
endif()
