#!/usr/bin/env bash
# Runs on the device machine (CUDA 13, PyTorch, no Qt, no network), from a carried build/device
# made by build_for_device.sh: bench_gpu_train, ours beside PyTorch eager (tests/bench/
# bench_gpu_train.py) on the same GPU. The table goes to $OUT/bench_gpu_train.txt. About two
# minutes on an H200; each measurement has a time limit so that one stuck peer cannot eat the rest.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/bench_gpu_train.txt"
bin=build/device/bench_gpu_train
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | tee "$report"
python3 -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda)' 2>&1 | tee -a "$report"
# The peer runs with the caller's library path: PyTorch loads its own CUDA libraries.
peer_library_path=${LD_LIBRARY_PATH:-}
source tests/device/cuda_library_path.sh "$bin" "$report"
timeout 175 "$bin" --peer "env LD_LIBRARY_PATH='$peer_library_path' timeout 60 python3 tests/bench/bench_gpu_train.py" "$@" 2>&1 | tee -a "$report"
status=${PIPESTATUS[0]}
echo "bench_gpu_train exit status $status" | tee -a "$report"
exit "$status"
