#!/usr/bin/env bash
# Runs on the device machine from a carried build/device (build_for_device.sh): bench_qlora on the
# GPU, QLoRA beside our own 16-bit LoRA of a Llama 3.1 8B shape at 2048 tokens a step (issue 23:
# peak GPU memory at most 7 GB, at least 0.8x the 16-bit base's tokens/s; bitsandbytes is not on
# the device machine, so the peer is our 16-bit run). The random base is drawn on all the host's
# cores. The table goes to $OUT/bench_qlora.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/bench_qlora.txt"
bin=build/device/bench_qlora
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | tee "$report"
source tests/device/cuda_library_path.sh "$bin" "$report"
timeout 140 "$bin" --backend cuda --shape 8b --sequence 2048 --steps 2 --threads "$(nproc)" "$@" 2>&1 | tee -a "$report"
status=${PIPESTATUS[0]}
echo "bench_qlora exit status $status" | tee -a "$report"
exit "$status"
