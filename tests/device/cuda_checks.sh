#!/usr/bin/env bash
# Runs on the device machine (CUDA 13, no Qt, no network), from a carried build/device made by
# build_for_device.sh: the CUDA backend against the CPU backend, op by op and on tiny decoders (a
# pass with fp32 products, then one with the bf16 products it trains with, against their rounded
# definition), and
# its transfer lane: fence ordering of copies and ops, pinned staging, and the tiered executor's
# streamed run against the resident one on the GPU (tst_backend_parity). Everything it prints goes to $OUT/cuda_parity.txt; the exit status is the
# test's. TIERTUNE_TEST_SEED=<n> repeats a run's inputs; SANITIZE=1 also runs it under
# compute-sanitizer memcheck into $OUT/cuda_memcheck.txt (where the sanitizer supports the GPU).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/cuda_parity.txt"
bin=build/device/tst_backend_parity
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | tee "$report"
source tests/device/cuda_library_path.sh "$bin" "$report"
"$bin" 2>&1 | tee -a "$report"
status=${PIPESTATUS[0]}
echo "tst_backend_parity exit status $status" | tee -a "$report"
if [ "${SANITIZE:-0}" = 1 ] && command -v compute-sanitizer >/dev/null; then
  compute-sanitizer --tool memcheck --leak-check full "$bin" > "$out/cuda_memcheck.txt" 2>&1
  echo "compute-sanitizer memcheck exit status $?" | tee -a "$report"
fi
exit "$status"
