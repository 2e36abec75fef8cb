#!/usr/bin/python3
"""The peer of bench_generate: the same Llama weights generating greedily in PyTorch eager on the
CPU, written as a PyTorch user would without transformers: nn.Linear-free matrix products over the
loaded tensors, a KV cache of past keys and values per layer (torch.cat per step), the prompt in one
forward (prefill), then one token per forward (decode). Prints one line:
"prefill_tokens_per_s decode_tokens_per_s token,token,...".

usage: bench_generate.py WEIGHTS.safetensors THREADS PROMPT_IDS(comma-separated) NEW_TOKENS
"""
import json
import math
import struct
import sys
import time

import torch

VOCAB, HIDDEN, LAYERS, HEADS, KV_HEADS, INTER, EPS, THETA = 32000, 512, 8, 8, 4, 1376, 1e-5, 10000.0
HEAD_DIM = HIDDEN // HEADS


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[8 + size + begin:8 + size + end])
        tensors[name] = torch.frombuffer(raw, dtype=torch.float32).reshape(info["shape"])
    return tensors


def rms_norm(x, weight):
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS))


def rotate_half(x):
    return torch.cat((-x[..., HEAD_DIM // 2:], x[..., :HEAD_DIM // 2]), dim=-1)


class Model:
    def __init__(self, w):
        self.w = w
        self.inv_freq = 1.0 / (THETA ** (torch.arange(0, HEAD_DIM, 2, dtype=torch.float32) / HEAD_DIM))

    def forward(self, ids, cache):
        """ids [n] at positions len(cache) onwards; cache: per layer [keys, values] of [heads, past, d]."""
        past = cache[0][0].shape[1] if cache else 0
        n = ids.shape[0]
        x = self.w["model.embed_tokens.weight"][ids]
        angles = torch.arange(past, past + n, dtype=torch.float32)[:, None] * self.inv_freq[None, :]
        emb = torch.cat((angles, angles), dim=-1)
        cos, sin = emb.cos()[None], emb.sin()[None]
        mask = torch.full((n, past + n), float("-inf")).triu(past + 1)
        new_cache = []
        for layer in range(LAYERS):
            p = f"model.layers.{layer}."
            h = rms_norm(x, self.w[p + "input_layernorm.weight"])
            q = (h @ self.w[p + "self_attn.q_proj.weight"].t()).view(n, HEADS, HEAD_DIM).transpose(0, 1)
            k = (h @ self.w[p + "self_attn.k_proj.weight"].t()).view(n, KV_HEADS, HEAD_DIM).transpose(0, 1)
            v = (h @ self.w[p + "self_attn.v_proj.weight"].t()).view(n, KV_HEADS, HEAD_DIM).transpose(0, 1)
            q = q * cos + rotate_half(q) * sin
            k = k * cos + rotate_half(k) * sin
            if cache:
                k = torch.cat((cache[layer][0], k), dim=1)
                v = torch.cat((cache[layer][1], v), dim=1)
            new_cache.append([k, v])
            keys = k.repeat_interleave(HEADS // KV_HEADS, dim=0)
            values = v.repeat_interleave(HEADS // KV_HEADS, dim=0)
            scores = q @ keys.transpose(-1, -2) / math.sqrt(HEAD_DIM) + mask
            attention = (torch.softmax(scores, dim=-1) @ values).transpose(0, 1).reshape(n, HIDDEN)
            x = x + attention @ self.w[p + "self_attn.o_proj.weight"].t()
            h = rms_norm(x, self.w[p + "post_attention_layernorm.weight"])
            gate = h @ self.w[p + "mlp.gate_proj.weight"].t()
            up = h @ self.w[p + "mlp.up_proj.weight"].t()
            x = x + (torch.nn.functional.silu(gate) * up) @ self.w[p + "mlp.down_proj.weight"].t()
        last = rms_norm(x[-1], self.w["model.norm.weight"])
        return last @ self.w["lm_head.weight"].t(), new_cache


def generate(model, prompt, new_tokens):
    started = time.perf_counter()
    logits, cache = model.forward(prompt, [])
    prefill = time.perf_counter() - started
    tokens = [int(torch.argmax(logits))]
    started = time.perf_counter()
    for _ in range(new_tokens - 1):
        logits, cache = model.forward(torch.tensor([tokens[-1]]), cache)
        tokens.append(int(torch.argmax(logits)))
    return prefill, time.perf_counter() - started, tokens


def main():
    path, threads, prompt_text, new_tokens = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    torch.set_num_threads(threads)
    model = Model(read_safetensors(path))
    prompt = torch.tensor([int(t) for t in prompt_text.split(",")], dtype=torch.int64)
    with torch.no_grad():
        generate(model, prompt[:16], 4)  # warm-up: allocations and first touches
        prefill, decode, tokens = generate(model, prompt, new_tokens)
    print(f"{len(prompt) / prefill:.3f} {(new_tokens - 1) / decode:.3f} {','.join(map(str, tokens))}", flush=True)


if __name__ == "__main__":
    main()
