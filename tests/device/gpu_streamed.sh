#!/usr/bin/env bash
# Runs on the device machine from a carried build/device (build_for_device.sh): issue 21's
# streaming target through the real worker. An 8B model (Llama 3.1 8B shape, random bf16 weights,
# 16 GB, written by make_shape_model) trains LoRA r16 on all seven projections, STEPS steps each:
#   resident   16k tokens a step (micro-batches of 8 x 2048), no device budget;
#   streamed   the same with "device_budget_gb": 12, the weights streamed from pinned RAM;
#   link       2k tokens a step (1 x 2048) with the same budget.
# For each: the plan's predicted step (`plan --json`: seconds.step, bottleneck) beside the measured
# median step after the first (the worker's step events), tokens/s and the busy share (1 - the
# time waited for streamed state). Targets: streamed >= 0.8x resident tokens/s; the predictions of
# streamed and link within 20% of the measured steps; the link run's bottleneck the host-device
# link. The table goes to $OUT/gpu_streamed.txt.
# Smoke-test without a GPU: SHAPE=56m BACKEND=cpu SEQUENCE=256 MICRO=2 STEPS=3 BUDGET_GB=1
# tests/device/gpu_streamed.sh (with build/device, or BIN=build/ci/bin).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/tiertune-device-out}
mkdir -p "$out"
report="$out/gpu_streamed.txt"
bin=$(realpath "${BIN:-build/device}")
shape=${SHAPE:-8b}
backend=${BACKEND:-cuda}
steps=${STEPS:-4}
budget=${BUDGET_GB:-12}
micro=${MICRO:-8}
sequence=${SEQUENCE:-2048}
: > "$report"
if [ "$backend" = cuda ]; then
  source tests/device/cuda_library_path.sh "$bin/tiertune-cli" "$report"
fi
work=$(mktemp -d /var/tmp/tiertune-streamed.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
start=$EPOCHREALTIME
# Enough tokens for every step of the largest run, packed into sequences of $sequence.
samples=$(( (steps + 1) * micro * sequence / 1000 + 8 ))
"$bin/make_shape_model" "$work" "$shape" "$samples" 1000 || { echo "make_shape_model failed" | tee -a "$report"; exit 1; }
echo "model and data written in $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s" \
  | tee -a "$report"

# run NAME MICRO_BATCH BUDGET_JSON: writes NAME.json.
run() {
  cat > "$work/$1.json" <<JSON
{"model":"model","train_data":"train.jsonl","output":"runs/$1","method":"lora","backend":"$backend",
 "lora_rank":16,"lora_alpha":32,"lora_dropout":0,"micro_batch":$2,"gradient_accumulation":1,
 "sequence_length":$sequence,"max_steps":$steps,"learning_rate":0.0001,"warmup_steps":0,"eval_samples":0,
 "checkpoint_every":100000,"seed":7$3}
JSON
}
run resident "$micro" ""
run streamed "$micro" ",\"device_budget_gb\":$budget"
run link 1 ",\"device_budget_gb\":$budget"

status=0
for name in resident streamed link; do
  (cd "$work" && "$bin/tiertune-cli" plan --config "$name.json" --json) > "$work/$name.plan.json" \
    2> "$work/$name.plan.err" || { echo "plan $name failed: $(tail -n 2 "$work/$name.plan.err")" | tee -a "$report"; status=1; }
  (cd "$work" && timeout 300 "$bin/tiertune-cli" train --config "$name.json") > "$out/streamed-$name.jsonl" \
    2> "$out/streamed-$name.stderr" || { echo "train $name failed: $(tail -n 3 "$out/streamed-$name.stderr")" \
    | tee -a "$report"; status=1; }
done
python3 - "$work" "$out" "$budget" <<'PY' 2>&1 | tee -a "$report"
import json, statistics, sys
work, out, budget = sys.argv[1], sys.argv[2], sys.argv[3]
rows, problems = {}, []
for name in ("resident", "streamed", "link"):
    try:
        plan = json.load(open(f"{work}/{name}.plan.json"))
    except (OSError, ValueError):
        problems.append(f"{name}: no plan")
        continue
    steps = []
    for line in open(f"{out}/streamed-{name}.jsonl"):
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") == "step":
            steps.append(event)
    timed = steps[1:] or steps
    if not timed:
        problems.append(f"{name}: no steps")
        continue
    seconds = statistics.median(e["seconds"] for e in timed)
    waited = statistics.median(e.get("stream_wait_s", 0) for e in timed)
    rows[name] = dict(predicted=plan["seconds"]["step"], bottleneck=plan["bottleneck"], measured=seconds,
                      tokens=statistics.median(e["tokens"] for e in timed), busy=1 - waited / seconds,
                      device=plan["peak_bytes"]["device"] / 2**30)
print(f"budget for the streamed runs: device_budget_gb {budget}")
print(f"{'run':<10} {'tokens/step':>11} {'predicted s':>11} {'measured s':>10} {'ratio':>6} {'tokens/s':>9} "
      f"{'busy':>6} {'device GiB':>10}  bottleneck")
for name, r in rows.items():
    print(f"{name:<10} {r['tokens']:>11.0f} {r['predicted']:>11.3f} {r['measured']:>10.3f} "
          f"{r['predicted'] / r['measured']:>6.2f} {r['tokens'] / r['measured']:>9.0f} {100 * r['busy']:>5.0f}% "
          f"{r['device']:>10.1f}  {r['bottleneck']}")
if "resident" in rows and "streamed" in rows:
    ratio = (rows["streamed"]["tokens"] / rows["streamed"]["measured"]) / (
        rows["resident"]["tokens"] / rows["resident"]["measured"])
    print(f"streamed / resident tokens/s: {ratio:.2f} (target >= 0.8)")
    if ratio < 0.8:
        problems.append(f"streamed runs at {ratio:.2f}x the resident run")
for name in ("streamed", "link"):
    if name in rows:
        error = abs(rows[name]["predicted"] / rows[name]["measured"] - 1)
        if error > 0.2:
            problems.append(f"{name}: the plan's step is {100 * error:.0f}% off the measured one")
if "link" in rows and rows["link"]["bottleneck"] != "host-device link":
    problems.append(f"link: the plan names {rows['link']['bottleneck']}, not the host-device link")
for problem in problems:
    print("MISSED:", problem)
sys.exit(1 if problems else 0)
PY
[ "${PIPESTATUS[0]}" = 0 ] || status=1
echo "gpu_streamed exit status $status" | tee -a "$report"
exit "$status"
