#!/usr/bin/python3
"""Independent reference for Tiertune's NF4 quantization (QLoRA's 4-bit NormalFloat with double
quantization), written in numpy from the published algorithm (Dettmers et al., "QLoRA", 2023, and
bitsandbytes' functional.py / kernels.cu), not from Tiertune's code.

Reads one JSON job on stdin: {"tensors": [{"values_bits": [uint32 bits of float32 values]}...]}.
Writes {"dynamic_map_bits": [...], "tensors": [{"codes": hex, "block_codes": hex,
"group_scales_bits": [...], "offset_bits": n, "dequantized_bits": [...]}]}: every number as the bits
of its float32, so the comparison is exact.

The algorithm, in float32 throughout (numpy's float32 operations round once each, as IEEE says):
  1. Blocks of 64 weights; a block's absmax is its largest magnitude.
  2. Each weight x -> x * (1 / absmax), then the code of the nearest of the 16 NF4 values as
     bitsandbytes' decision tree decides it: the number of its midpoint constants (rounded once from
     decimal to float32) strictly below the value, so a value on a midpoint takes the lower code.
     A block of zeros keeps the code of 0.0 (7). Two codes per byte, the first in the high half.
  3. Double quantization: offset = mean of the absmax values; absmax - offset in groups of 256,
     each scaled by 1 / (the group's largest magnitude) and rounded to the nearest of the 256 values
     of create_dynamic_map(signed=True) (ties to the lower code), clamped to [-1, 1].
  4. Dequantization: absmax' = dynamic[code] * group_scale + offset; w = NF4[code] * absmax'.
"""
import json
import sys
from fractions import Fraction

import numpy as np

NF4 = np.array([
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
    -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
    0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
    0.7229568362236023, 1.0], dtype=np.float32)

BLOCK = 64
GROUP = 256


def create_dynamic_map():
    """bitsandbytes.functional.create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8):
    for exponent i in 0..6, the midpoints of 2^i + 1 evenly spaced points from 0.1 to 1, times
    10^(i - 6), both signs; then 0 and 1. Each value exact in float64, rounded once to float32
    (bitsandbytes' own float32 linspace differs in the last bit from one processor to another)."""
    data = []
    for i in range(7):
        points = 2 ** i + 1
        boundaries = np.array([0.1 + 0.9 * j / (points - 1) for j in range(points)], dtype=np.float64)
        means = (boundaries[:-1] + boundaries[1:]) / 2
        data += list((10.0 ** (i - 6)) * means)
        data += list(-(10.0 ** (i - 6)) * means)
    data += [0.0, 1.0]
    assert len(data) == 256
    return np.sort(np.array(data, dtype=np.float64).astype(np.float32))


def nearest_codes(values, table):
    """Index of the nearest entry of the ascending table for each value, ties to the lower index."""
    distances = np.abs(values[:, None].astype(np.float64) - table[None, :].astype(np.float64))
    # argmin returns the first (lowest) index among equal distances.
    return np.argmin(distances, axis=1)


# bitsandbytes' decision tree (kernels.cu, dQuantizeNF4) compares a normalized weight with these
# decimal constants, the midpoints of the NF4 values, low to high.
NF4_TREE_THRESHOLDS = [
    "-0.8480964004993439", "-0.6106329262256622", "-0.4599952697753906", "-0.33967943489551544",
    "-0.23460740596055984", "-0.13791173323988914", "-0.045525018125772476", "0.03979014977812767",
    "0.1202552504837513", "0.2035212516784668", "0.2920137718319893", "0.3893125355243683",
    "0.5016634166240692", "0.6427869200706482", "0.8614784181118011",
]


def float32_of_decimal(text):
    """The float32 nearest to a decimal number (ties to even), as a C compiler reads a float literal:
    one rounding (np.float32(float(text)) would round twice)."""
    exact = Fraction(text)
    guess = np.float32(float(exact))
    candidates = [np.nextafter(guess, np.float32(-2)), guess, np.nextafter(guess, np.float32(2))]
    best = min(candidates, key=lambda c: (abs(Fraction(float(c)) - exact), int(np.float32(c).view(np.uint32)) & 1))
    return np.float32(best)


THRESHOLDS = np.array([float32_of_decimal(t) for t in NF4_TREE_THRESHOLDS], dtype=np.float32)


def nf4_codes(normalized):
    """The number of thresholds strictly below the value: the tree's strict '>' comparisons, so a value
    on a threshold takes the lower code."""
    return np.sum(normalized[:, None] > THRESHOLDS[None, :], axis=1)


def quantize(values, dynamic):
    n = values.size
    blocks = (n + BLOCK - 1) // BLOCK
    padded = np.zeros(blocks * BLOCK, dtype=np.float32)
    padded[:n] = values
    shaped = padded.reshape(blocks, BLOCK)
    absmax = np.max(np.abs(shaped), axis=1).astype(np.float32)
    codes = np.full(blocks * BLOCK, 7, dtype=np.int64)
    for b in range(blocks):
        if absmax[b] == 0:
            continue
        reciprocal = np.float32(1.0) / absmax[b]
        codes[b * BLOCK:(b + 1) * BLOCK] = nf4_codes((shaped[b] * reciprocal).astype(np.float32))
    codes = codes[:n]
    if n % 2:
        codes = np.append(codes, 0)
    packed = ((codes[0::2] << 4) | codes[1::2]).astype(np.uint8)

    # The mean summed in order in float64, as a sequential sum (accumulate) gives it.
    offset = np.float32(np.add.accumulate(absmax.astype(np.float64))[-1] / blocks) if blocks else np.float32(0)
    centred = (absmax - offset).astype(np.float32)
    groups = (blocks + GROUP - 1) // GROUP
    block_codes = np.zeros(blocks, dtype=np.uint8)
    scales = np.zeros(groups, dtype=np.float32)
    zero = int(np.where(dynamic == 0)[0][0])
    for g in range(groups):
        part = centred[g * GROUP:(g + 1) * GROUP]
        scale = np.max(np.abs(part)).astype(np.float32)
        scales[g] = scale
        if scale == 0:
            block_codes[g * GROUP:(g + 1) * GROUP] = zero
            continue
        reciprocal = np.float32(1.0) / scale
        normalized = np.clip((part * reciprocal).astype(np.float32), np.float32(-1), np.float32(1))
        block_codes[g * GROUP:(g + 1) * GROUP] = nearest_codes(normalized, dynamic)

    group_of_block = np.arange(blocks) // GROUP
    absmax_back = ((dynamic[block_codes] * scales[group_of_block]).astype(np.float32) + offset).astype(np.float32)
    codes_back = codes[:n]
    dequantized = (NF4[codes_back] * absmax_back[np.arange(n) // BLOCK]).astype(np.float32)
    return packed, block_codes, scales, offset, dequantized


def bits(array):
    return np.asarray(array, dtype=np.float32).view(np.uint32).tolist()


def main():
    job = json.loads(sys.stdin.readline())
    dynamic = create_dynamic_map()
    results = []
    for tensor in job["tensors"]:
        values = np.array(tensor["values_bits"], dtype=np.uint32).view(np.float32)
        packed, block_codes, scales, offset, dequantized = quantize(values, dynamic)
        results.append({
            "codes": packed.tobytes().hex(),
            "block_codes": block_codes.tobytes().hex(),
            "group_scales_bits": bits(scales),
            "offset_bits": int(np.float32(offset).view(np.uint32)),
            "dequantized_bits": bits(dequantized),
        })
    json.dump({"dynamic_map_bits": bits(dynamic), "tensors": results}, sys.stdout)


if __name__ == "__main__":
    main()
