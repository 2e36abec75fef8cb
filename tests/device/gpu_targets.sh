#!/usr/bin/env bash
# Runs on the device machine (CUDA 13, PyTorch, transformers + peft where installed, no Qt, no
# network), from a carried build/device made by build_for_device.sh: issue 21's throughput targets,
# ours beside the named peer on the same GPU (bench_gpu_train with tests/bench/bench_gpu_train.py):
#   1B (Llama 3.2 1B shape) full fine-tuning, 4 x 2048 tokens a step, bf16 products:
#     MFU >= 45% of the card's dense bf16 peak, tokens/s >= 1.3x PyTorch eager bf16 with SDPA;
#   8B (Llama 3.1 8B shape) LoRA r16 on all seven projections, 1 x 2048 tokens a step:
#     tokens/s >= 1.5x transformers + PEFT (bf16, SDPA, gradient checkpointing) at <= 0.7x its
#     peak GPU memory.
# The tables go to $OUT/gpu_targets.txt; each measurement has a time limit so that one stuck peer
# cannot eat the rest.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/gpu_targets.txt"
bin=build/device/bench_gpu_train
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | tee "$report"
python3 -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda)' 2>&1 | tee -a "$report"
python3 -c 'import transformers, peft; print("transformers", transformers.__version__, "peft", peft.__version__)' \
  2>&1 | tee -a "$report"
# The peer runs with the caller's library path: PyTorch loads its own CUDA libraries.
peer_library_path=${LD_LIBRARY_PATH:-}
source tests/device/cuda_library_path.sh "$bin" "$report"
peer="env LD_LIBRARY_PATH='$peer_library_path' timeout 90 python3 tests/bench/bench_gpu_train.py"
status=0
timeout 120 "$bin" --shape 1b --batch 4 --sequence 2048 --steps 3 --warmup 1 --only full --products bf16 \
  --peers plain:bf16 --peer "$peer" "$@" 2>&1 | tee -a "$report"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
timeout 150 "$bin" --shape 8b --batch 1 --sequence 2048 --steps 3 --warmup 1 --only lora --products bf16 \
  --peers hf:bf16 --peer "$peer" "$@" 2>&1 | tee -a "$report"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
echo "gpu_targets exit status $status" | tee -a "$report"
exit "$status"
