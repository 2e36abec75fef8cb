#!/usr/bin/env bash
# dpkg-shlibdeps for CPack (cpack_project_config.cmake), leaving out the CUDA module
# libtiertune-cuda.so: it needs NVIDIA's libraries (cuBLAS), which the package only suggests.
set -euo pipefail
arguments=()
for argument in "$@"; do
  case "$argument" in
    */libtiertune-cuda.so) ;;
    *) arguments+=("$argument") ;;
  esac
done
exec dpkg-shlibdeps "${arguments[@]}"
