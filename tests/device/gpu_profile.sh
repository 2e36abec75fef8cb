#!/usr/bin/env bash
# Runs on the device machine: where the CUDA backend's training step spends its time. Profiles a
# few steps of bench_gpu_train (ours only, no peer, bf16 products) with Nsight Systems when the
# machine has it and writes the per-kernel summary to $OUT/gpu_profile.txt. Usage:
# gpu_profile.sh [full|lora] [more bench_gpu_train options, e.g. --shape 1b --sequence 2048]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/gpu_profile.txt"
bin=build/device/bench_gpu_train
method=${1:-full}
shift || true
if ldd "$bin" | grep -q 'libcublas\.so\.13 => not found'; then
  cublas=$(find /usr/local/cuda/ /usr/local/cuda/lib64/ /usr/lib/x86_64-linux-gnu /opt /usr/local/lib \
           -name libcublas.so.13 2>/dev/null | head -n 1)
  export LD_LIBRARY_PATH="$(dirname "$cublas")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
nsys=$(command -v nsys || find /usr/local/cuda* /opt -name nsys -type f 2>/dev/null | head -n 1)
if [ -z "$nsys" ]; then
  echo "no nsys on this machine" | tee "$report"
  exit 1
fi
"$nsys" --version | tee "$report"
"$nsys" profile --force-overwrite true -o /tmp/tiertune-profile --trace cuda --stats false \
  "$bin" --only "$method" --products bf16 --steps 2 --warmup 1 "$@" 2>&1 | tail -n 5 | tee -a "$report"
if [ ! -f /tmp/tiertune-profile.nsys-rep ]; then
  # Some installations leave the raw capture for a separate importer to convert.
  importer=$(find "$(dirname "$(readlink -f "$nsys")")/.." /opt /usr/local/cuda* -name 'QdstrmImporter*' -type f 2>/dev/null | head -n 1)
  echo "converting with ${importer:-no importer found}" | tee -a "$report"
  # Its libdw.so.1 may be missing there: build/device/lib can carry it (build_for_device.sh).
  [ -n "$importer" ] && LD_LIBRARY_PATH="$PWD/build/device/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$importer" -i /tmp/tiertune-profile.qdstrm 2>&1 | tail -n 3 | tee -a "$report"
fi
"$nsys" stats --force-export true --report cuda_gpu_kern_sum --report cuda_api_sum --format table \
  /tmp/tiertune-profile.nsys-rep 2>&1 | cut -c1-220 | head -n 80 | tee -a "$report"
