#!/usr/bin/python3
"""Independent reference for Tiertune's decoder: the same model, written plainly in PyTorch.

Reads one JSON job on stdin: a model folder (config.json + model.safetensors written by the C++
test), optionally a LoRA adapter (adapter.safetensors with PEFT names), a packed batch (ids,
positions, sample starts, targets) and what to compute. Builds the Llama/Mistral/Qwen2/Qwen3
decoder the way transformers' modeling code computes it, in float32, and lets autograd produce the
gradients (nothing here shares code with the C++ backward passes). Writes one JSON result:

  logits [tokens * vocab], loss (mean over counted targets), grads {name: flat values} of every
  trained tensor, and for "steps" > 0 the losses of that many AdamW steps (torch.optim.AdamW with
  weight decay on all tensors but norms and biases) and the trained tensors after them.

A "bf16_products" job (Tiertune's CPU multiplies frozen bf16 weights on the processor's bf16
instructions, kernels/cpu/bf16_products.h) rounds the other operand of every product with a frozen
bf16 weight to bf16, as the mixed-precision policy says: x in the forward, dy in the input gradient
(the rounding passes the gradient straight through); the sums stay float32.
"""
import json
import math
import os
import struct
import sys

import torch

import kernels_reference  # beside this file: the RoPE frequencies, llama3 scaling included
import nf4_reference  # beside this file: QLoRA's NF4, in numpy

torch.set_num_threads(1)

DTYPES = {"F32": torch.float32, "BF16": torch.bfloat16, "F16": torch.float16}


class Bf16Product(torch.autograd.Function):
    """y = bf16(x) W^T over a frozen weight W (already bf16 values in float32); dx = bf16(dy) W."""

    @staticmethod
    def forward(ctx, x, weight):
        ctx.save_for_backward(weight)
        return x.bfloat16().float() @ weight.t()

    @staticmethod
    def backward(ctx, dy):
        (weight,) = ctx.saved_tensors
        return dy.bfloat16().float() @ weight, None


def safetensors_dtypes(path):
    with open(path, "rb") as f:
        (header_size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_size))
    return {name: info["dtype"] for name, info in header.items() if name != "__metadata__"}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_size])
    base = 8 + header_size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[base + begin:base + end])
        value = torch.frombuffer(raw, dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
        tensors[name] = value.to(torch.float32).clone()
    return tensors


def inverse_frequencies(config, head_dim):
    scaling = config.get("rope_scaling") or {}
    kind = scaling.get("rope_type", scaling.get("type"))
    if kind == "llama3":
        scaling = {"type": "llama3", "factor": scaling["factor"], "low": scaling["low_freq_factor"],
                   "high": scaling["high_freq_factor"], "original": scaling["original_max_position_embeddings"]}
    inv_freq = kernels_reference.inverse_frequencies(head_dim, config.get("rope_theta", 10000.0), scaling)
    if kind == "linear":
        inv_freq = inv_freq / scaling["factor"]
    return inv_freq


def rms_norm(x, weight, eps):
    variance = x.pow(2).mean(-1, keepdim=True)
    return weight * (x * torch.rsqrt(variance + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Model:
    def __init__(self, config, weights, adapter, lora):
        self.bf16_products = set()  # frozen bf16 weights whose products round the other side
        self.config = config
        self.w = weights
        self.adapter = adapter
        self.lora = lora
        self.hidden = config["hidden_size"]
        self.heads = config["num_attention_heads"]
        self.kv_heads = config.get("num_key_value_heads", self.heads)
        self.head_dim = config.get("head_dim") or self.hidden // self.heads
        self.eps = config.get("rms_norm_eps", 1e-6)
        self.layers = config["num_hidden_layers"]
        self.inv_freq = inverse_frequencies(config, self.head_dim)

    def product(self, x, name):
        weight = self.w[name]
        if name in self.bf16_products:
            return Bf16Product.apply(x, weight)
        return x @ weight.t()

    def linear(self, x, layer, path):
        name = f"model.layers.{layer}.{path}"
        y = self.product(x, name + ".weight")
        if name + ".bias" in self.w:
            y = y + self.w[name + ".bias"]
        a_name = f"base_model.model.{name}.lora_A.weight"
        if self.adapter is not None and a_name in self.adapter:
            b_name = f"base_model.model.{name}.lora_B.weight"
            scaling = self.lora["alpha"] / self.lora["rank"]
            y = y + scaling * ((x @ self.adapter[a_name].t()) @ self.adapter[b_name].t())
        return y

    def forward(self, ids, positions, sample_start):
        tokens = ids.shape[0]
        x = self.w["model.embed_tokens.weight"][ids]
        angles = positions.float()[:, None] * self.inv_freq[None, :]
        emb = torch.cat((angles, angles), dim=-1)
        cos, sin = emb.cos()[:, None, :], emb.sin()[:, None, :]
        index = torch.arange(tokens)
        allowed = (index[None, :] <= index[:, None]) & (index[None, :] >= sample_start[:, None])
        mask = torch.zeros(tokens, tokens).masked_fill(~allowed, float("-inf"))
        group = self.heads // self.kv_heads
        for layer in range(self.layers):
            prefix = f"model.layers.{layer}."
            h = rms_norm(x, self.w[prefix + "input_layernorm.weight"], self.eps)
            q = self.linear(h, layer, "self_attn.q_proj").view(tokens, self.heads, self.head_dim)
            k = self.linear(h, layer, "self_attn.k_proj").view(tokens, self.kv_heads, self.head_dim)
            v = self.linear(h, layer, "self_attn.v_proj").view(tokens, self.kv_heads, self.head_dim)
            if prefix + "self_attn.q_norm.weight" in self.w:
                q = rms_norm(q, self.w[prefix + "self_attn.q_norm.weight"], self.eps)
                k = rms_norm(k, self.w[prefix + "self_attn.k_norm.weight"], self.eps)
            q = q * cos + rotate_half(q) * sin
            k = k * cos + rotate_half(k) * sin
            k = k.repeat_interleave(group, dim=1)
            v = v.repeat_interleave(group, dim=1)
            scores = torch.einsum("thd,shd->hts", q, k) / math.sqrt(self.head_dim) + mask
            probabilities = torch.softmax(scores, dim=-1)
            attention = torch.einsum("hts,shd->thd", probabilities, v).reshape(tokens, -1)
            x = x + self.linear(attention, layer, "self_attn.o_proj")
            h = rms_norm(x, self.w[prefix + "post_attention_layernorm.weight"], self.eps)
            gate = self.linear(h, layer, "mlp.gate_proj")
            up = self.linear(h, layer, "mlp.up_proj")
            x = x + self.linear(torch.nn.functional.silu(gate) * up, layer, "mlp.down_proj")
        x = rms_norm(x, self.w["model.norm.weight"], self.eps)
        return self.product(x, "lm_head.weight" if "lm_head.weight" in self.w else "model.embed_tokens.weight")


def loss_of(logits, targets):
    return torch.nn.functional.cross_entropy(logits, targets, ignore_index=-100, reduction="mean")


def flat(value):
    return value.detach().reshape(-1).tolist()


def read_job_model(job):
    """config.json, model.safetensors (its projections through NF4 for an "nf4_base" job) and, for a
    "lora" job, adapter.safetensors of job's folder."""
    folder = job["folder"]
    with open(os.path.join(folder, "config.json")) as f:
        config = json.load(f)
    weights = read_safetensors(os.path.join(folder, "model.safetensors"))
    if job.get("nf4_base"):
        # QLoRA: the layers' projection matrices as the numpy reference quantizes and reads them back.
        dynamic = nf4_reference.create_dynamic_map()
        for name, value in weights.items():
            if ".layers." in name and name.endswith("_proj.weight") and value.dim() == 2:
                flat_values = value.reshape(-1).numpy().astype("float32")
                dequantized = nf4_reference.quantize(flat_values, dynamic)[4]
                weights[name] = torch.from_numpy(dequantized.copy()).reshape(value.shape)
    adapter = read_safetensors(os.path.join(folder, "adapter.safetensors")) if job.get("lora") else None
    # The frozen bf16 weights whose products round the other side; NF4's dequantized weights are
    # rounded to bf16 for those products too (as bitsandbytes does for a bf16 compute type).
    bf16_products = set()
    if job.get("bf16_products") and adapter is not None:
        for name, dtype in safetensors_dtypes(os.path.join(folder, "model.safetensors")).items():
            nf4 = job.get("nf4_base") and ".layers." in name and name.endswith("_proj.weight")
            if nf4:
                weights[name] = weights[name].bfloat16().float()
            if (dtype == "BF16" or nf4) and weights[name].dim() == 2:
                bf16_products.add(name)
    return config, weights, adapter, bf16_products


def main():
    job = json.loads(sys.stdin.readline())
    config, weights, adapter, bf16_products = read_job_model(job)
    trained = adapter if adapter is not None else weights
    for value in trained.values():
        value.requires_grad_(True)
    model = Model(config, weights, adapter, job.get("lora"))
    model.bf16_products = bf16_products
    ids = torch.tensor(job["ids"], dtype=torch.int64)
    positions = torch.tensor(job["positions"], dtype=torch.int64)
    sample_start = torch.tensor(job["sample_start"], dtype=torch.int64)
    targets = torch.tensor(job["targets"], dtype=torch.int64)

    logits = model.forward(ids, positions, sample_start)
    loss = loss_of(logits, targets)
    loss.backward()
    result = {
        "logits": flat(logits),
        "loss": loss.item(),
        "grads": {name: flat(value.grad) for name, value in trained.items()},
    }

    steps = job.get("steps", 0)
    if steps > 0:
        hyper = job["adamw"]
        decayed = [v for n, v in trained.items() if not (n.endswith(".bias") or "norm.weight" in n)]
        undecayed = [v for n, v in trained.items() if n.endswith(".bias") or "norm.weight" in n]
        groups = [{"params": decayed, "weight_decay": hyper["weight_decay"]},
                  {"params": undecayed, "weight_decay": 0.0}]
        optimizer = torch.optim.AdamW(groups, lr=hyper["lr"], betas=(hyper["beta1"], hyper["beta2"]),
                                      eps=hyper["eps"])
        losses = []
        for _ in range(steps):
            optimizer.zero_grad()
            step_loss = loss_of(model.forward(ids, positions, sample_start), targets)
            step_loss.backward()
            optimizer.step()
            losses.append(step_loss.item())
        result["losses"] = losses
        result["trained"] = {name: flat(value) for name, value in trained.items()}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
