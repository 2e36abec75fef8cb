#!/usr/bin/env bash
# Runs on the device machine (see build_for_device.sh): the hardware check of the real binary on
# a real GPU, and the offload store's benchmark on the machine's own SSD. Results go to $OUT.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
bin=build/device
ldd --version | head -n 1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/nvidia-smi.csv"
# The programs carry the CUDA backend linked in, cuBLAS too (see build_for_device.sh).
source tests/device/cuda_library_path.sh "$bin/tiertune-cli" "$out/library_path.txt"
export HOME=/tmp/tiertune-home
scratch=$(mktemp -d /var/tmp/tiertune-offload.XXXXXX)
df -hT "$scratch" | tee "$out/disk.txt"
[ "${SKIP_DISK:-0}" = 1 ] || "$bin/tiertune-cli" doctor --offload-folder "$scratch" --speed-bytes 4096 | tee "$out/doctor.txt"
"$bin/tiertune-cli" doctor --offload-folder "$scratch" --skip-speed --json > "$out/doctor.json"
if [ "${SKIP_DISK:-0}" != 1 ]; then
  "$bin/bench_ssd_store" --folder "$scratch" --gib "${BENCH_GIB:-4}" --rounds 5 | tee "$out/bench_ssd_store.txt"
  "$bin/bench_ssd_store" --folder "$scratch" --gib "${BENCH_GIB:-4}" --rounds 5 --queue-depth 4 | tail -n 2 |
    tee -a "$out/bench_ssd_store.txt"
fi
rm -rf "$scratch"
# The probe releases the CUDA context it creates unless told to keep it.
for mode in release keep; do
  "$bin/probe_context_check" "$mode" > "$out/probe_$mode.txt" &
  sleep 2.5
  echo "$mode: processes holding GPU memory:" | tee -a "$out/probe_context.txt"
  nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader | tee -a "$out/probe_context.txt"
  wait
  cat "$out/probe_$mode.txt"
done
