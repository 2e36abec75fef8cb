#!/usr/bin/env bash
# Runs on the device machine, from a carried build/device (build_for_device.sh): the product's
# training path on the GPU through the real worker. A small Llama (make_train_fixture) trains
# STEPS steps (default 200) of LoRA and of full fine-tuning with "backend": "cuda" (side a) and
# again with "backend": "cpu" (side b); the curves must agree within BOUND (default 5e-2 relative:
# the GPU's products take bf16 operands, the CPU's fp32; tst_backend_parity's emulation of that
# policy parts 30-step curves by up to 3.5e-2) and side a's must fall. plan, the worker's start event and its log say
# where each run trained. Tables and logs go to $OUT/gpu_train_run.txt and $OUT/train-*.jsonl.
# Smoke-test without a GPU: BACKENDS="cpu cpu" tests/device/gpu_train_run.sh (with build/device).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/gpu_train_run.txt"
bin=build/device
steps=${STEPS:-200}
bound=${BOUND:-5e-2}
read -r first second <<< "${BACKENDS:-cuda cpu}"
: > "$report"
source tests/device/cuda_library_path.sh "$bin/tiertune-cli" "$report"
work=$(mktemp -d /var/tmp/tiertune-train.XXXXXX)
export HOME="$work/home"  # an empty catalog in the default data folder
"$bin/make_train_fixture" "$work" "$steps" "$first" "$second" || exit 1
status=0
"$bin/tiertune-cli" plan --config "$work/lora-a.json" 2>&1 | tee -a "$report"
for method in lora full; do
  for side in a b; do
    log="$out/train-$method-$side.jsonl"
    start=$EPOCHREALTIME
    timeout 240 "$bin/tiertune-cli" train --config "$work/$method-$side.json" > "$log" 2> "$log.stderr"
    code=$?
    seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    echo "train $method ($side): exit $code, ${seconds} s, $(grep -c '"event":"step"' "$log") steps" | tee -a "$report"
    grep -m1 '"event":"start"' "$log" | tee -a "$report"
    grep -m1 'training on' "$log.stderr" | tee -a "$report"
    [ "$code" = 0 ] || { tail -n 5 "$log.stderr" | tee -a "$report"; status=1; }
  done
  python3 tests/device/compare_curves.py "$method" "$out/train-$method-a.jsonl" "$out/train-$method-b.jsonl" \
    "$bound" 2>&1 | tee -a "$report"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
done
rm -rf "$work"
echo "gpu_train_run exit status $status" | tee -a "$report"
exit "$status"
