# Sourced by the device scripts (gpu_checks.sh, cuda_checks.sh, gpu_bench.sh) before they start a
# program of build/device: a build without static cuBLAS links libcublas.so.13 (and
# libcublasLt.so.13 beside it) dynamically, so the device's own copy (its CUDA 13 toolkit or
# PyTorch's wheels) goes on the library path. $1 names the program; $2 the report to append to.
if ldd "$1" | grep -q 'libcublas\.so\.13 => not found'; then
  cublas=$(find /usr/local/cuda/ /usr/local/cuda/lib64/ /usr/lib/x86_64-linux-gnu /opt /usr/local/lib \
           -name libcublas.so.13 2>/dev/null | head -n 1)
  if [ -z "$cublas" ]; then
    echo "no libcublas.so.13 on this machine: $(basename "$1") cannot start" | tee -a "$2"
    exit 1
  fi
  export LD_LIBRARY_PATH="$(dirname "$cublas")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "cuBLAS from $(dirname "$cublas")" | tee -a "$2"
fi
