#!/usr/bin/python3
"""Independent reference for Tiertune's CPU kernels.

Reads one JSON job per line on stdin (the inputs a C++ test drew at random), computes the same
operation and its gradients with PyTorch in float32, the way transformers' Llama/Qwen modules and
torch.optim.AdamW compute them, and writes one JSON result per line on stdout.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def tensor(job, name, shape, grad=False):
    value = torch.tensor(job[name], dtype=torch.float32).reshape(shape)
    return value.requires_grad_(grad)


def flat(value):
    return value.detach().reshape(-1).tolist()


def rmsnorm(job):
    rows, dim = job["rows"], job["dim"]
    x = tensor(job, "x", (rows, dim), True)
    weight = tensor(job, "weight", (dim,), True)
    variance = x.pow(2).mean(-1, keepdim=True)
    y = weight * (x * torch.rsqrt(variance + job["eps"]))
    (y * tensor(job, "probe", (rows, dim))).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dweight": flat(weight.grad)}


def swiglu(job):
    gate = tensor(job, "gate", (-1,), True)
    up = tensor(job, "up", (-1,), True)
    out = F.silu(gate) * up
    (out * tensor(job, "probe", (-1,))).sum().backward()
    return {"out": flat(out), "dgate": flat(gate.grad), "dup": flat(up.grad)}


def inverse_frequencies(head_dim, theta, scaling):
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    if scaling and scaling["type"] == "llama3":
        factor, low, high, original = scaling["factor"], scaling["low"], scaling["high"], scaling["original"]
        low_wavelen = original / low
        high_wavelen = original / high
        wavelen = 2 * math.pi / inv_freq
        scaled = torch.where(wavelen > low_wavelen, inv_freq / factor, inv_freq)
        smooth = (original / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < high_wavelen) * ~(wavelen > low_wavelen)
        inv_freq = torch.where(medium, smoothed, scaled)
    return inv_freq


def rope(job):
    tokens, heads, head_dim = job["tokens"], job["heads"], job["head_dim"]
    inv_freq = inverse_frequencies(head_dim, job["theta"], job.get("scaling"))
    positions = torch.tensor(job["positions"], dtype=torch.float32)
    freqs = positions[:, None] * inv_freq[None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[:, None, :], emb.sin()[:, None, :]
    x = tensor(job, "x", (tokens, heads, head_dim), True)
    half = head_dim // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    y = x * cos + rotated * sin
    (y * tensor(job, "probe", (tokens, heads, head_dim))).sum().backward()
    return {"inv_freq": flat(inv_freq), "y": flat(y), "dx": flat(x.grad)}


def attention(job):
    tokens, heads, kv_heads, head_dim = job["tokens"], job["heads"], job["kv_heads"], job["head_dim"]
    q = tensor(job, "q", (tokens, heads, head_dim), True)
    k = tensor(job, "k", (tokens, kv_heads, head_dim), True)
    v = tensor(job, "v", (tokens, kv_heads, head_dim), True)
    group = heads // kv_heads
    keys, values = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
    scores = torch.einsum("thd,shd->hts", q, keys) / math.sqrt(head_dim)
    start = torch.tensor(job["sample_start"])
    index = torch.arange(tokens)
    allowed = (index[None, :] <= index[:, None]) & (index[None, :] >= start[:, None])
    probabilities = scores.masked_fill(~allowed, float("-inf")).softmax(-1)
    out = torch.einsum("hts,shd->thd", probabilities, values)
    (out * tensor(job, "probe", (tokens, heads, head_dim))).sum().backward()
    return {"out": flat(out), "dq": flat(q.grad), "dk": flat(k.grad), "dv": flat(v.grad)}


def cached_attention(job):
    """New queries at positions past.. of one sequence against cached keys/values: query i sees
    cache rows 0..past + i (the rows after that, if any, hold garbage it must not read)."""
    queries, past, heads, kv_heads, head_dim = (job["queries"], job["past"], job["heads"], job["kv_heads"],
                                                 job["head_dim"])
    rows = job["rows"]
    q = tensor(job, "q", (queries, heads, head_dim))
    keys = tensor(job, "keys", (rows, kv_heads, head_dim)).repeat_interleave(heads // kv_heads, dim=1)
    values = tensor(job, "values", (rows, kv_heads, head_dim)).repeat_interleave(heads // kv_heads, dim=1)
    scores = torch.einsum("qhd,shd->hqs", q, keys) / math.sqrt(head_dim)
    allowed = torch.arange(rows)[None, :] <= (past + torch.arange(queries))[:, None]
    probabilities = scores.masked_fill(~allowed, float("-inf")).softmax(-1)
    return {"out": flat(torch.einsum("hqs,shd->qhd", probabilities, values))}


def cross_entropy(job):
    tokens, hidden_size, vocab = job["tokens"], job["hidden_size"], job["vocab"]
    hidden = tensor(job, "hidden", (tokens, hidden_size), True)
    head = tensor(job, "head", (vocab, hidden_size), True)
    targets = torch.tensor(job["targets"], dtype=torch.int64)
    loss = F.cross_entropy(hidden @ head.T, targets, ignore_index=-100)
    loss.backward()
    return {"loss": loss.item(), "dhidden": flat(hidden.grad), "dhead": flat(head.grad)}


def frozen_linear(job):
    """A linear layer over a frozen 16-bit weight, as transformers runs a bf16 or fp16 checkpoint
    loaded with torch_dtype=float32: the weight widened to float32, the product in float32; with
    "bf16_products", the other operand rounded to bf16 first."""
    tokens, inputs, outputs = job["tokens"], job["inputs"], job["outputs"]
    bits = torch.tensor([b - 65536 if b >= 32768 else b for b in job["weight_bits"]], dtype=torch.int16)
    half = bits.view(torch.bfloat16 if job["format"] == "bf16" else torch.float16)
    weight = half.float().reshape(outputs, inputs)
    x = tensor(job, "x", (tokens, inputs), True)
    probe = tensor(job, "probe", (tokens, outputs))
    if job.get("bf16_products"):
        # Tiertune's CPU multiplies a bf16 weight on the processor's bf16 instructions: the other
        # operand rounded to bf16 (x forward, the incoming gradient backward), float32 sums.
        y = x.bfloat16().float() @ weight.T
        dx = probe.bfloat16().float() @ weight
        return {"weight": flat(weight), "y": flat(y), "dx": flat(dx)}
    y = x @ weight.T
    (y * probe).sum().backward()
    return {"weight": flat(weight), "y": flat(y), "dx": flat(x.grad)}


def adamw(job):
    param = torch.nn.Parameter(tensor(job, "params", (-1,)))
    optimizer = torch.optim.AdamW([param], lr=job["lr"], betas=(job["beta1"], job["beta2"]), eps=job["eps"],
                                  weight_decay=job["weight_decay"])
    for grads in job["grads"]:
        param.grad = torch.tensor(grads, dtype=torch.float32)
        optimizer.step()
    state = optimizer.state[param]
    return {"params": flat(param), "m": flat(state["exp_avg"]), "v": flat(state["exp_avg_sq"])}


OPERATIONS = {"rmsnorm": rmsnorm, "swiglu": swiglu, "rope": rope, "attention": attention,
              "cached_attention": cached_attention,
              "cross_entropy": cross_entropy, "frozen_linear": frozen_linear, "adamw": adamw}

if __name__ == "__main__":
    for line in sys.stdin:
        job = json.loads(line)
        print(json.dumps(OPERATIONS[job["op"]](job)), flush=True)
