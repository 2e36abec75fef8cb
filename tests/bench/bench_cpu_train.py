#!/usr/bin/python3
"""The peer of bench_cpu_train: the same Llama config trained in PyTorch eager, written as a
PyTorch user would (nn.Linear modules, batch x sequence tensors, full logits into cross_entropy,
torch.optim.AdamW), LoRA as PEFT computes it. Prints "tokens_per_s peak_mib last_loss".
"lora-bf16" is LoRA over a frozen base kept in bf16 with the step under CPU autocast to bf16
(torch.autocast("cpu", dtype=torch.bfloat16)): PyTorch's own mixed precision, whose products run
on oneDNN's bf16 kernels, the peer of Tiertune's bf16 products.

usage: bench_cpu_train.py full|lora|lora-bf16 THREADS STEPS
"""
import contextlib
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, HIDDEN, LAYERS, HEADS, KV_HEADS, INTER = 32000, 512, 8, 8, 4, 1376
HEAD_DIM = HIDDEN // HEADS
BATCH, SEQ = 4, 256


class LoraLinear(nn.Module):
    def __init__(self, inputs, outputs, rank):
        super().__init__()
        self.base = nn.Linear(inputs, outputs, bias=False)
        self.rank = rank
        if rank:
            self.lora_a = nn.Parameter(torch.empty(rank, inputs).uniform_(-1 / math.sqrt(inputs), 1 / math.sqrt(inputs)))
            self.lora_b = nn.Parameter(torch.zeros(outputs, rank))

    def forward(self, x):
        y = self.base(x)
        if self.rank:
            y = y + (x @ self.lora_a.t() @ self.lora_b.t()) * 2.0
        return y


class RMSNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5))


def rotate_half(x):
    return torch.cat((-x[..., HEAD_DIM // 2:], x[..., :HEAD_DIM // 2]), dim=-1)


class Layer(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.norm1, self.norm2 = RMSNorm(HIDDEN), RMSNorm(HIDDEN)
        self.q = LoraLinear(HIDDEN, HEADS * HEAD_DIM, rank)
        self.k = LoraLinear(HIDDEN, KV_HEADS * HEAD_DIM, rank)
        self.v = LoraLinear(HIDDEN, KV_HEADS * HEAD_DIM, rank)
        self.o = LoraLinear(HEADS * HEAD_DIM, HIDDEN, rank)
        self.gate = LoraLinear(HIDDEN, INTER, rank)
        self.up = LoraLinear(HIDDEN, INTER, rank)
        self.down = LoraLinear(INTER, HIDDEN, rank)

    def forward(self, x, cos, sin, mask):
        b, s, _ = x.shape
        h = self.norm1(x)
        q = self.q(h).view(b, s, HEADS, HEAD_DIM).transpose(1, 2)
        k = self.k(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2)
        v = self.v(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(HEADS // KV_HEADS, dim=1)
        v = v.repeat_interleave(HEADS // KV_HEADS, dim=1)
        scores = q @ k.transpose(-1, -2) / math.sqrt(HEAD_DIM) + mask
        attention = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = x + self.o(attention)
        h = self.norm2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Model(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, HIDDEN)
        self.layers = nn.ModuleList(Layer(rank) for _ in range(LAYERS))
        self.norm = RMSNorm(HIDDEN)
        self.head = nn.Linear(HIDDEN, VOCAB, bias=False)
        inv_freq = 1.0 / (10000.0 ** (torch.arange(0, HEAD_DIM, 2).float() / HEAD_DIM))
        angles = torch.arange(SEQ).float()[:, None] * inv_freq[None, :]
        emb = torch.cat((angles, angles), dim=-1)
        self.cos, self.sin = emb.cos(), emb.sin()
        self.mask = torch.full((SEQ, SEQ), float("-inf")).triu(1)

    def forward(self, ids):
        x = self.embed(ids)
        for layer in self.layers:
            x = layer(x, self.cos, self.sin, self.mask)
        return self.head(self.norm(x))


def peak_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def main():
    method, threads, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    lora = method in ("lora", "lora-bf16")
    model = Model(16 if lora else 0)
    if lora:
        for name, parameter in model.named_parameters():
            parameter.requires_grad_("lora_" in name)
    if method == "lora-bf16":
        for name, parameter in model.named_parameters():
            if not parameter.requires_grad and parameter.dim() == 2:
                parameter.data = parameter.data.bfloat16()
    autocast = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if method == "lora-bf16" else contextlib.nullcontext
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4, weight_decay=0.0)
    loss = None
    for step in range(steps + 1):
        if step == 1:
            started = time.perf_counter()
        ids = torch.randint(0, VOCAB, (BATCH, SEQ))
        with autocast():
            logits = model(ids)
            loss = F.cross_entropy(logits[:, :-1].reshape(-1, VOCAB), ids[:, 1:].reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
    elapsed = time.perf_counter() - started
    print(f"{steps * BATCH * SEQ / elapsed:.3f} {peak_mib():.1f} {loss.item():.6f}")


if __name__ == "__main__":
    main()
