#!/usr/bin/env python3
"""How far bf16 products move a tiny decoder's loss and gradients: the figures behind the bounds of
tst_backend_parity's second pass ("bf16 products"), measured independently of Tiertune.

The policy emulated is the CUDA backend's (kernels/cuda/bf16_gemm.h): every product's operands
rounded to bf16 (forward and both backward products), sums and results in fp32; everything else
fp32. Models of the test's shapes (hidden 24, 3 layers, vocabulary 61; hidden 64, 2 layers, 131),
random weights, 49 tokens; a reference without rounding on the same weights. Prints, per random
model, the relative error of the loss and the largest gradient error relative to the largest
gradient; then 30 AdamW steps of both and the worst relative difference of a step's loss.

Run: /usr/bin/python3 tests/reference/bf16_policy_emulation.py (Debian's python3-torch).
"""
import math

import torch

torch.manual_seed(0)


def to_bf16(x):
    """x rounded to bf16 (nearest even), kept in fp32."""
    return x.to(torch.bfloat16).to(torch.float32)


class Product(torch.autograd.Function):
    """y = x w^T; with rounding, every product's operands rounded first (backward too)."""

    @staticmethod
    def forward(ctx, x, w, rounding):
        ctx.save_for_backward(x, w)
        ctx.rounding = rounding
        r = to_bf16 if rounding else (lambda t: t)
        return r(x) @ r(w).t()

    @staticmethod
    def backward(ctx, dy):
        x, w = ctx.saved_tensors
        r = to_bf16 if ctx.rounding else (lambda t: t)
        return r(dy) @ r(w), r(dy).t() @ r(x), None


def rms_norm(x, weight):
    return x * torch.rsqrt((x * x).mean(-1, keepdim=True) + 1e-6) * weight


def decoder_logits(embedding, layers, head, ids, rounding, hidden, heads):
    x = embedding[ids]
    tokens, head_dim = x.shape[0], hidden // heads
    causal = torch.triu(torch.ones(tokens, tokens, dtype=torch.bool), 1)
    for (wq, wk, wv, wo, w_gate, w_up, w_down, norm1, norm2) in layers:
        h = rms_norm(x, norm1)
        q, k, v = (Product.apply(h, w, rounding).view(tokens, heads, head_dim).transpose(0, 1) for w in (wq, wk, wv))
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(head_dim)
        attention = scores.masked_fill(causal, -1e9).softmax(-1)
        x = x + Product.apply((attention @ v).transpose(0, 1).reshape(tokens, hidden), wo, rounding)
        h = rms_norm(x, norm2)
        gate, up = Product.apply(h, w_gate, rounding), Product.apply(h, w_up, rounding)
        x = x + Product.apply(torch.nn.functional.silu(gate) * up, w_down, rounding)
    return Product.apply(x, head, rounding)


def random_model(hidden, intermediate, vocab, layer_count, scale=0.2):
    """[embedding, head, then per layer q, k, v, o, gate, up, down, norm1, norm2]"""
    tensors = [torch.randn(vocab, hidden) * scale, torch.randn(vocab, hidden) * scale]
    for _ in range(layer_count):
        tensors += [torch.randn(hidden, hidden) * scale for _ in range(4)]
        tensors += [torch.randn(intermediate, hidden) * scale, torch.randn(intermediate, hidden) * scale,
                    torch.randn(hidden, intermediate) * scale]
        tensors += [1 + 0.1 * torch.randn(hidden), 1 + 0.1 * torch.randn(hidden)]
    return tensors


def loss_of(params, ids, targets, rounding, hidden, layer_count, reduction):
    layers = [params[2 + 9 * i:2 + 9 * (i + 1)] for i in range(layer_count)]
    logits = decoder_logits(params[0], layers, params[1], ids, rounding, hidden, 4)
    return torch.nn.functional.cross_entropy(logits, targets, reduction=reduction)


SHAPES = [(24, 36, 61, 3), (64, 96, 131, 2)]  # hidden, intermediate, vocabulary, layers

for hidden, intermediate, vocab, layer_count in SHAPES:
    for trial in range(5):
        model = random_model(hidden, intermediate, vocab, layer_count)
        ids, targets = torch.randint(0, vocab, (49,)), torch.randint(0, vocab, (49,))
        results = []
        for rounding in (False, True):
            params = [t.clone().requires_grad_() for t in model]
            loss = loss_of(params, ids, targets, rounding, hidden, layer_count, "sum")
            loss.backward()
            results.append((loss.item(), torch.cat([p.grad.flatten() for p in params])))
        (loss_exact, grads_exact), (loss_rounded, grads_rounded) = results
        print("hidden %d: loss error %.2e, gradient error %.2e of the largest" % (
            hidden, abs(loss_rounded - loss_exact) / abs(loss_exact),
            ((grads_rounded - grads_exact).abs().max() / grads_exact.abs().max()).item()))

for hidden, intermediate, vocab, layer_count in SHAPES:
    for trial in range(3):
        model = random_model(hidden, intermediate, vocab, layer_count)
        batches = [(torch.randint(0, vocab, (32,)), torch.randint(0, vocab, (32,))) for _ in range(4)]
        curves = []
        for rounding in (False, True):
            params = [t.clone().requires_grad_() for t in model]
            optimizer = torch.optim.AdamW(params, lr=2e-3, eps=1e-6, weight_decay=0.01)
            curve = []
            for step in range(30):
                ids, targets = batches[step % len(batches)]
                loss = loss_of(params, ids, targets, rounding, hidden, layer_count, "mean")
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                optimizer.step()
                curve.append(loss.item())
            curves.append(curve)
        worst = max(abs(a - b) / abs(a) for a, b in zip(*curves))
        # The larger model memorizes its 4 batches (loss near 0), where a relative error says
        # little; the test's runs stay far from that.
        print("hidden %d, 30 steps: worst loss error %.2e, loss %.3f -> %.3f" % (
            hidden, worst, curves[0][0], curves[0][-1]))
