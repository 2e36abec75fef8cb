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
export HOME=/tmp/tiertune-home
scratch=$(mktemp -d /var/tmp/tiertune-offload.XXXXXX)
df -hT "$scratch" | tee "$out/disk.txt"
"$bin/tiertune-cli" doctor --offload-folder "$scratch" --speed-bytes 4096 | tee "$out/doctor.txt"
"$bin/tiertune-cli" doctor --offload-folder "$scratch" --skip-speed --json > "$out/doctor.json"
"$bin/bench_ssd_store" --folder "$scratch" --gib "${BENCH_GIB:-4}" --rounds 5 | tee "$out/bench_ssd_store.txt"
"$bin/bench_ssd_store" --folder "$scratch" --gib "${BENCH_GIB:-4}" --rounds 5 --queue-depth 4 | tail -n 2 | tee -a "$out/bench_ssd_store.txt"
rm -rf "$scratch"
