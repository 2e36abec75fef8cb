#!/usr/bin/env bash
# The one prepared script for a lent GPU machine (issues 21, 23): build here with
# tests/device/build_for_device.sh, carry build/device.tar.xz, then run this there (it unpacks
# it). In order, each part with its own time limit (13 minutes in all at the very worst; the parts
# come in the order of what matters most, so a run cut short still reports the first ones):
#   gpu_checks.sh     the hardware check of the real binary (doctor: where a run trains)
#   cuda_checks.sh    the CUDA backend against the CPU backend, op by op, tiny decoders, the
#                     transfer lane and a streamed run (tst_backend_parity)
#   gpu_train_run.sh  LoRA and full fine-tuning through the real worker on the GPU beside the CPU
#   gpu_targets.sh    issue 21's targets: 1B full fine-tuning (MFU, beside PyTorch eager bf16) and
#                     8B LoRA (beside transformers + PEFT) on the same card
#   (gpu_bench.sh, the 160M comparison with fp32 and bf16 peers, and gpu_streamed.sh, the 8B LoRA
#   streamed from pinned RAM under a 12 GB device budget beside its resident run, with the plan's
#   predicted steps, run on their own when time allows)
#   gpu_qlora.sh      QLoRA of an 8B shape beside our 16-bit LoRA (issue 23), last: the longest
# Every table goes to $OUT; $OUT/run_all.txt sums up each part's exit status and time.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -f build/device.tar.xz ]; then
  tar -C build -xJf build/device.tar.xz || { echo "cannot unpack build/device.tar.xz" >&2; exit 1; }
fi
# The CPU side of every comparison takes the exact path, not the bf16 products a host processor with
# bf16 instructions would take (kernels/cpu/bf16_products.h): tst_backend_parity builds the rounded
# definition of the GPU's bf16 products itself, and the training curves compare bf16 on the GPU
# with fp32 on the CPU.
export TIERTUNE_CPU_BF16_PRODUCTS=widen
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
summary="$out/run_all.txt"
: > "$summary"
overall=0
part() {
  local limit=$1 name=$2
  shift 2
  local start=$EPOCHREALTIME
  timeout "$limit" "$@" > "$out/$name.log" 2>&1
  local code=$?
  local seconds
  seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
  echo "$name: exit $code after ${seconds} s (limit ${limit} s)" | tee -a "$summary"
  [ "$code" = 0 ] || overall=1
}
part 60 gpu_checks env SKIP_DISK=1 bash tests/device/gpu_checks.sh
part 150 cuda_checks bash tests/device/cuda_checks.sh
part 150 gpu_train_run bash tests/device/gpu_train_run.sh
part 280 gpu_targets bash tests/device/gpu_targets.sh
part 150 gpu_qlora bash tests/device/gpu_qlora.sh
echo "run_all exit status $overall" | tee -a "$summary"
exit "$overall"
