#!/usr/bin/env bash
# Builds the Qt-free programs that GPU checks run on the lent device machine (which has CUDA but
# no Qt and no Debian -dev packages): tiertune-cli, bench_ssd_store, tst_backend_parity,
# bench_gpu_train and bench_qlora from the ci build, linked with static liburing, SQLite, OpenSSL, OpenBLAS, libgomp and libstdc++, into
# build/device/. Each has the CUDA backend and GPU probe linked in (libtiertune_kernels_cuda.a)
# rather than loading the CUDA module libtiertune-cuda.so, which needs the shared libstdc++ of the
# build machine. Run here, then carry build/device.tar.xz (the folder compressed) to the device
# and run tests/device/run_all.sh there (or its parts: gpu_checks.sh, cuda_checks.sh, gpu_train_run.sh, gpu_bench.sh, gpu_qlora.sh).
# TIERTUNE_DEVICE_BUILD names another build folder of the ci preset (default build/ci), for
# example one configured with -DCMAKE_CUDA_ARCHITECTURES="80;90" to build faster.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${TIERTUNE_DEVICE_BUILD:-build/ci}
cmake --preset ci -B "$build" >/dev/null
cmake --build "$build" --target tiertune-cli bench_ssd_store tst_backend_parity bench_gpu_train bench_qlora
out=build/device
mkdir -p "$out"
# The core's components (core/CMakeLists.txt), in one group so that their order does not matter;
# the Hub client for tiertune-cli only. Not the documents readers: they need libzip and libxml2,
# which the device does not have, and tiertune-cli links its `dataset from-documents` weakly.
core=(-Wl,--start-group)
for component in util formats catalog settings hardware data model infer tiers train export; do
  core+=("$build/core/libtiertune_$component.a")
done
core+=(-Wl,--end-group)
cached() { sed -n "s/^$1:FILEPATH=//p" "$build/CMakeCache.txt"; }
cudart=$(cached CUDA_cudart_static_LIBRARY)
[ -f "$cudart" ] || { echo "no libcudart_static.a: is the CUDA toolkit installed?" >&2; exit 1; }
static=(-fopenmp -static-libstdc++ -static-libgcc -l:liburing.a -l:libsqlite3.a -l:libcrypto.a
        /usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.a -lgomp -l:libgfortran.a -l:libquadmath.a -lpthread -ldl -lrt -lm)
# (-lgomp after OpenBLAS: its OpenMP build calls into libgomp, and a static library's references
# resolve only against what follows it.)
# The CUDA backend is linked into every program, so cuBLAS too: static (with cuBLASLt and culibos)
# when the toolkit has libcublas_static.a. The NVIDIA packages installed here have only
# libcublas.so.13 (and a 540 MB libcublasLt.so.13, too big to carry); then the programs link them
# dynamically and the device scripts (cuda_library_path.sh) find the device's own copies (its
# CUDA 13 toolkit or PyTorch's wheels).
cublas_static=$(cached CUDA_cublas_static_LIBRARY)
if [ -f "$cublas_static" ]; then
  cublas=("$cublas_static" "$(cached CUDA_cublasLt_static_LIBRARY)" "$(cached CUDA_culibos_LIBRARY)")
  allowed_cublas=
else
  echo "note: no static cuBLAS in this CUDA toolkit: the programs need libcublas.so.13 at run time" >&2
  cublas=(-L"$(dirname "$(cached CUDA_cublas_LIBRARY)")" -lcublas -lcublasLt
          -Wl,-rpath,/usr/local/cuda/lib64:/usr/local/cuda/lib)
  allowed_cublas='|libcublas\.so\.13|libcublasLt\.so\.13'
fi
# The CUDA backend and probe, linked in: the loader refers to their table only weakly.
cuda=("$build/kernels/libtiertune_kernels_cuda.a" -Wl,--undefined=tiertune_cuda_module "${cublas[@]}" "$cudart")
# tiertune-cli also has the Hub commands (core/hub, libcurl). Debian has no static libcurl with its
# dependencies, so the device's tiertune-cli takes libcurl and OpenSSL from the device machine
# (libcurl.so.4, libssl.so.3, libcrypto.so.3; one OpenSSL, not a static and a shared copy side by
# side); the programs that only compute stay free of them.
cli_static=()
for flag in "${static[@]}"; do [ "$flag" = -l:libcrypto.a ] || cli_static+=("$flag"); done
g++ -o "$out/tiertune-cli" "$build/app/cli/CMakeFiles/tiertune-cli.dir/main.cpp.o" "$build/app/cli/libtiertune_cli_commands.a" \
    "$build/core/libtiertune_hub.a" "${core[@]}" "$build/kernels/libtiertune_kernels.a" \
    "${cuda[@]}" "${cli_static[@]}" -lcurl -lcrypto
g++ -o "$out/bench_ssd_store" "$build/tests/bench/CMakeFiles/bench_ssd_store.dir/bench_ssd_store.cpp.o" \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${cuda[@]}" "${static[@]}"
g++ -std=c++20 -O2 -I. -fopenmp -o "$out/make_train_fixture" tests/device/make_train_fixture.cpp \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${static[@]}"
g++ -std=c++20 -O2 -I. -fopenmp -o "$out/make_shape_model" tests/tools/make_shape_model.cpp \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${static[@]}"
g++ -std=c++20 -O2 -I. -o "$out/probe_context_check" tests/device/probe_context_check.cpp \
    "$build/kernels/libtiertune_kernels.a" "${cuda[@]}" "${static[@]}"

# libgomp static as well (the device image need not have gcc's runtime).
parity_static=("${static[@]/-fopenmp/-l:libgomp.a}")
parity_static=("${parity_static[@]/#-lgomp/-l:libgomp.a}")
g++ -pthread -o "$out/tst_backend_parity" \
    "$build/tests/kernels/CMakeFiles/tst_backend_parity.dir/tst_backend_parity.cpp.o" \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${cuda[@]}" \
    "${parity_static[@]}"
g++ -pthread -o "$out/bench_gpu_train" \
    "$build/tests/bench/CMakeFiles/bench_gpu_train.dir/bench_gpu_train.cpp.o" \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${cuda[@]}" \
    "${parity_static[@]}"
g++ -pthread -o "$out/bench_qlora" \
    "$build/tests/bench/CMakeFiles/bench_qlora.dir/bench_qlora.cpp.o" \
    "${core[@]}" "$build/kernels/libtiertune_kernels.a" "${cuda[@]}" \
    "${parity_static[@]}"
strip "$out/tiertune-cli" "$out/bench_ssd_store" "$out/probe_context_check" "$out/make_train_fixture" "$out/make_shape_model" "$out/tst_backend_parity" \
      "$out/bench_gpu_train" "$out/bench_qlora"
# Only the C library's own parts (and cuBLAS when it is not static) may remain shared.
allowed="linux-vdso\.so|ld-linux-x86-64\.so|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libgcc_s\.so$allowed_cublas"
for program in tst_backend_parity bench_gpu_train bench_qlora; do
  if ldd "$out/$program" | grep -vE "^[[:space:]]*(/[^ ]*/)?($allowed)"; then
    echo "$program needs the shared libraries above, which the device machine may not have" >&2
    exit 1
  fi
done
ls -la "$out"
# Nsight Systems' importer on the device machine needs libdw (gpu_profile.sh); carry it along.
mkdir -p "$out/lib"
for library in libdw.so.1 libelf.so.1 liblzma.so.5 libbz2.so.1.0; do
  cp -L "/usr/lib/x86_64-linux-gnu/$library" "$out/lib/" 2>/dev/null || cp -L "/lib/x86_64-linux-gnu/$library" "$out/lib/"
done
# The programs hold OpenBLAS and the CUDA kernels each (about 160 MB together), past what a device
# call carries (64 MiB); compressed they are about 17 MB. Carry build/device.tar.xz: run_all.sh
# unpacks it into build/device.
tar -C build -cf - device | xz -T0 -6 > build/device.tar.xz
ls -la build/device.tar.xz
