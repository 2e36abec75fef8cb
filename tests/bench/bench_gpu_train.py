#!/usr/bin/python3
"""The peer of bench_gpu_train: the same Llama shape (160m, 1b or 8b: tests/bench/llama_shapes.h)
trained in PyTorch eager on the same GPU, as a PyTorch user would write it: nn.Linear modules, batch x sequence tensors,
scaled_dot_product_attention, full logits into cross_entropy, torch.utils.checkpoint per layer,
clip_grad_norm_ and torch.optim.AdamW; LoRA as PEFT computes it. "plain" is the model written
here (no dependency beyond torch); "hf" is transformers' LlamaForCausalLM with peft's LoRA, when
both import. fp32 runs with TF32 off (as ours); bf16 is autocast over fp32 master weights, except
"hf" LoRA in bf16, whose frozen base is bf16 (PEFT keeps its adapters fp32). Models are made on
the GPU (an 8B one would take minutes to draw on the CPU).

Prints one line "tokens_per_s peak_mib last_loss": the median step time over STEPS timed steps
after WARMUP ones; peak_mib is the device memory in use after the last step (mem_get_info) less
what was in use once the CUDA context existed (the caching allocator keeps what it reserved, so
this is the peak, cuBLAS workspaces included). Exits 3 with "unavailable: ..." when "hf" cannot
import transformers and peft.

usage: bench_gpu_train.py plain|hf fp32|bf16 full|lora STEPS WARMUP [SHAPE BATCH SEQUENCE]
"""
import contextlib
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

# vocab, hidden, layers, heads, kv heads, intermediate, rope theta, tied embeddings
SHAPES = {
    "160m": (32000, 1024, 8, 16, 8, 2816, 10000.0, False),
    "1b": (128256, 2048, 16, 32, 8, 8192, 500000.0, True),
    "8b": (128256, 4096, 32, 32, 8, 14336, 500000.0, False),
}
VOCAB, HIDDEN, LAYERS, HEADS, KV_HEADS, INTER, THETA, TIED = SHAPES["160m"]
HEAD_DIM = HIDDEN // HEADS
BATCH, SEQ = 4, 1024
RANK, ALPHA = 16, 32


def configure(shape, batch, sequence):
    global VOCAB, HIDDEN, LAYERS, HEADS, KV_HEADS, INTER, THETA, TIED, HEAD_DIM, BATCH, SEQ
    VOCAB, HIDDEN, LAYERS, HEADS, KV_HEADS, INTER, THETA, TIED = SHAPES[shape]
    HEAD_DIM = HIDDEN // HEADS
    BATCH, SEQ = batch, sequence
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


class LoraLinear(nn.Module):
    def __init__(self, inputs, outputs, rank):
        super().__init__()
        self.base = nn.Linear(inputs, outputs, bias=False)
        self.base.weight.data.normal_(0.0, 0.02)
        self.rank = rank
        if rank:
            bound = 1 / math.sqrt(inputs)
            self.lora_a = nn.Parameter(torch.empty(rank, inputs).uniform_(-bound, bound))
            self.lora_b = nn.Parameter(torch.zeros(outputs, rank))

    def forward(self, x):
        y = self.base(x)
        if self.rank:
            y = y + (x @ self.lora_a.t() @ self.lora_b.t()) * (ALPHA / RANK)
        return y


class RMSNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        x32 = x.float()
        return self.weight * (x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + 1e-5)).to(x.dtype)


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

    def forward(self, x, cos, sin):
        b, s, _ = x.shape
        h = self.norm1(x)
        q = self.q(h).view(b, s, HEADS, HEAD_DIM).transpose(1, 2)
        k = self.k(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2)
        v = self.v(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2)
        q = q * cos.to(q.dtype) + rotate_half(q) * sin.to(q.dtype)
        k = k * cos.to(k.dtype) + rotate_half(k) * sin.to(k.dtype)
        k = k.repeat_interleave(HEADS // KV_HEADS, dim=1)
        v = v.repeat_interleave(HEADS // KV_HEADS, dim=1)
        attention = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.o(attention.transpose(1, 2).reshape(b, s, HIDDEN))
        h = self.norm2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Model(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, HIDDEN)
        self.embed.weight.data.normal_(0.0, 0.02)
        self.layers = nn.ModuleList(Layer(rank) for _ in range(LAYERS))
        self.norm = RMSNorm(HIDDEN)
        self.head = nn.Linear(HIDDEN, VOCAB, bias=False)
        if TIED:
            self.head.weight = self.embed.weight
        else:
            self.head.weight.data.normal_(0.0, 0.02)
        inv_freq = 1.0 / (THETA ** (torch.arange(0, HEAD_DIM, 2).float() / HEAD_DIM))
        angles = torch.arange(SEQ).float()[:, None] * inv_freq[None, :]
        emb = torch.cat((angles, angles), dim=-1)
        self.register_buffer("cos", emb.cos(), persistent=False)
        self.register_buffer("sin", emb.sin(), persistent=False)

    def loss(self, ids):
        x = self.embed(ids)
        for layer in self.layers:
            x = checkpoint(layer, x, self.cos, self.sin, use_reentrant=False)
        logits = self.head(self.norm(x)).float()
        return F.cross_entropy(logits[:, :-1].reshape(-1, VOCAB), ids[:, 1:].reshape(-1))


def on_gpu():
    """Makes new tensors on the GPU (torch 2.0 and later); elsewhere nothing."""
    return torch.device("cuda") if hasattr(torch.device, "__enter__") else contextlib.nullcontext()


def plain_model(lora, precision):
    del precision  # autocast over fp32 weights either way
    with on_gpu():
        model = Model(RANK if lora else 0)
    if lora:
        for name, parameter in model.named_parameters():
            parameter.requires_grad_("lora_" in name)
    return model.cuda(), lambda ids: model.loss(ids)


def hf_model(lora, precision):
    try:
        import transformers
        from transformers import LlamaConfig, LlamaForCausalLM
        if lora:
            import peft
    except Exception as error:  # noqa: BLE001 - any import failure means "not here"
        print(f"unavailable: {type(error).__name__}: {error}")
        sys.exit(3)
    config = LlamaConfig(vocab_size=VOCAB, hidden_size=HIDDEN, intermediate_size=INTER, num_hidden_layers=LAYERS,
                         num_attention_heads=HEADS, num_key_value_heads=KV_HEADS,
                         max_position_embeddings=max(2048, SEQ), rms_norm_eps=1e-5, rope_theta=THETA,
                         tie_word_embeddings=TIED, use_cache=False)
    # LoRA in bf16 loads its frozen base in bf16, as a user does with torch_dtype=torch.bfloat16.
    dtype = torch.bfloat16 if lora and precision == "bf16" else torch.float32
    with on_gpu():
        try:
            model = LlamaForCausalLM._from_config(config, attn_implementation="sdpa", torch_dtype=dtype)
        except (TypeError, ValueError):
            model = LlamaForCausalLM(config).to(dtype)
    try:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    except TypeError:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    if lora:
        model = peft.get_peft_model(model, peft.LoraConfig(r=RANK, lora_alpha=ALPHA, lora_dropout=0.0,
                                                           target_modules=TARGETS, task_type="CAUSAL_LM"))
    model = model.cuda()
    model.train()
    print(f"transformers {transformers.__version__}, attention "
          f"{getattr(model.config, '_attn_implementation', '?')}", file=sys.stderr)
    return model, lambda ids: model(input_ids=ids, labels=ids).loss


def main():
    implementation, precision, method = sys.argv[1], sys.argv[2], sys.argv[3]
    steps, warmup = int(sys.argv[4]), int(sys.argv[5])
    if len(sys.argv) > 8:
        configure(sys.argv[6], int(sys.argv[7]), int(sys.argv[8]))
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.zeros(1, device="cuda")  # the context, then the baseline
    torch.cuda.synchronize()
    free, total = torch.cuda.mem_get_info()
    before = total - free

    torch.manual_seed(0)
    model, loss_of = (hf_model if implementation == "hf" else plain_model)(method == "lora", precision)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4, weight_decay=0.0)
    autocast = (torch.autocast("cuda", dtype=torch.bfloat16) if precision == "bf16" else contextlib.nullcontext())
    generator = torch.Generator(device="cuda").manual_seed(3)
    seconds = []
    loss = None
    for step in range(warmup + steps):
        ids = torch.randint(0, VOCAB, (BATCH, SEQ), device="cuda", generator=generator)
        torch.cuda.synchronize()
        started = time.perf_counter()
        with autocast:
            loss = loss_of(ids)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
        torch.cuda.synchronize()
        if step >= warmup:
            seconds.append(time.perf_counter() - started)
    free, total = torch.cuda.mem_get_info()
    peak = (total - free - before) / 2**20
    print(f"{BATCH * SEQ / statistics.median(seconds):.3f} {peak:.1f} {loss.item():.6f}")


if __name__ == "__main__":
    main()
