#!/usr/bin/env python3
"""Compares the loss curves of two `tiertune-cli train` runs from their JSON lines on stdout.

Usage: compare_curves.py LABEL GPU.jsonl CPU.jsonl BOUND
Prints every 20th step and the last, both losses and their relative difference, then the largest
difference. Exit status 1 when a step is missing on either side, a loss is not finite, or a
relative difference passes BOUND; 0 otherwise. Standard library only (the device machine's
python3)."""
import json
import math
import sys


def losses(path):
    curve = {}
    try:
        lines = open(path, encoding="utf-8")
    except OSError as error:
        print(f"cannot read {path}: {error.strerror}")
        return curve
    with lines:
        for line in lines:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("event") == "step" and "loss" in event:
                curve[int(event["step"])] = float(event["loss"])
    return curve


def main():
    label, gpu_path, cpu_path, bound = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    gpu, cpu = losses(gpu_path), losses(cpu_path)
    problems = []
    if not gpu or set(gpu) != set(cpu):
        problems.append(f"steps differ: GPU {len(gpu)}, CPU {len(cpu)}")
    steps = sorted(set(gpu) & set(cpu))
    worst, worst_step = 0.0, None
    print(f"{label}: loss on the GPU beside the CPU (fp32 reference), bound {bound:g} relative")
    print(f"{'step':>6} {'GPU':>12} {'CPU':>12} {'relative':>10}")
    for step in steps:
        a, b = gpu[step], cpu[step]
        if not (math.isfinite(a) and math.isfinite(b)):
            problems.append(f"step {step}: a loss is not finite (GPU {a}, CPU {b})")
            continue
        relative = abs(a - b) / max(abs(b), 1e-12)
        if relative > worst:
            worst, worst_step = relative, step
        if step % 20 == 0 or step == steps[-1] or step == 1:
            print(f"{step:>6} {a:>12.6f} {b:>12.6f} {relative:>10.2e}")
    print(f"largest relative difference {worst:.3e} at step {worst_step}")
    if worst > bound:
        problems.append(f"the curves part by {worst:.3e} at step {worst_step}, over the bound {bound:g}")
    if steps and not gpu[steps[-1]] < gpu[steps[0]]:
        problems.append("the GPU run's loss did not fall")
    for problem in problems:
        print(f"FAIL {label}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
