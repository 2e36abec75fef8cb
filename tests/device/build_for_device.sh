#!/usr/bin/env bash
# Builds the Qt-free programs that GPU checks run on the lent device machine (which has CUDA but
# no Qt and no Debian -dev packages): tiertune-cli and bench_ssd_store from the ci build, linked
# with static liburing, SQLite, OpenSSL and libstdc++, into build/device/. Run here, then carry
# build/device to the device and run tests/device/gpu_checks.sh there.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset ci >/dev/null
cmake --build --preset ci --target tiertune-cli bench_ssd_store
out=build/device
mkdir -p "$out"
libs=(build/ci/app/cli/libtiertune_cli_commands.a build/ci/core/libtiertune_core.a
      build/ci/kernels/libtiertune_kernels.a)
cudart=$(sed -n 's/^CUDA_cudart_static_LIBRARY:FILEPATH=//p' build/ci/CMakeCache.txt)
[ -f "$cudart" ] || { echo "no libcudart_static.a: is the CUDA toolkit installed?" >&2; exit 1; }
static=(-fopenmp -static-libstdc++ -static-libgcc -l:liburing.a -l:libsqlite3.a -l:libcrypto.a
        /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.a -l:libgfortran.a -l:libquadmath.a -lpthread -ldl -lrt -lm)
g++ -o "$out/tiertune-cli" build/ci/app/cli/CMakeFiles/tiertune-cli.dir/main.cpp.o "${libs[@]}" "$cudart" "${static[@]}"
g++ -o "$out/bench_ssd_store" build/ci/tests/bench/CMakeFiles/bench_ssd_store.dir/bench_ssd_store.cpp.o \
    build/ci/core/libtiertune_core.a build/ci/kernels/libtiertune_kernels.a "$cudart" "${static[@]}"
g++ -std=c++20 -O2 -I. -o "$out/probe_context_check" tests/device/probe_context_check.cpp \
    build/ci/kernels/libtiertune_kernels.a "$cudart" "${static[@]}"
strip "$out/tiertune-cli" "$out/bench_ssd_store" "$out/probe_context_check"
ls -la "$out"
