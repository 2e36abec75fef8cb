#!/usr/bin/python3
"""Independent check of Tiertune's PEFT adapter export: applies an exported adapter folder to the
reference model (model_reference.py) using only PEFT's documented conventions, never Tiertune's
code or peft itself (not installed):

  adapter_config.json  peft_type "LORA", r, lora_alpha, target_modules (module names such as
                       "q_proj"), use_rslora (scaling alpha/sqrt(r) instead of alpha/r), bias "none",
                       fan_in_fan_out false (weights stored [out, in])
  adapter_model.safetensors
                       base_model.model.<module path>.lora_A.weight [r, in] and .lora_B.weight
                       [out, r] for every targeted module; the adapted layer computes
                       y = x W^T + b + scaling * (x A^T) B^T

Reads one JSON job on stdin: {"base": model folder, "adapter": adapter folder, "ids", "positions",
"sample_start"}; writes {"logits": [tokens * vocab]} in float32, or fails with a message on stderr
when the folder breaks a convention (settings this reference does not apply, tensors of the wrong
shape, missing or left unused).
"""
import json
import os
import sys

import torch

import model_reference  # beside this file: the plain PyTorch decoder and a safetensors reader


class AdaptedModel(model_reference.Model):
    def __init__(self, config, weights, adapter_folder):
        super().__init__(config, weights, None, None)
        with open(os.path.join(adapter_folder, "adapter_config.json")) as f:
            peft = json.load(f)
        if peft.get("peft_type") != "LORA" or peft.get("bias", "none") != "none" or peft.get("fan_in_fan_out"):
            raise SystemExit(f"not a plain LoRA adapter: {peft}")
        if peft.get("use_dora") or peft.get("rank_pattern") or peft.get("alpha_pattern"):
            raise SystemExit("DoRA and per-module ranks are not what this reference applies")
        rank = peft["r"]
        root = rank ** 0.5 if peft.get("use_rslora") else rank
        self.scaling = peft["lora_alpha"] / root
        self.rank = rank
        self.targets = set(peft["target_modules"])
        self.lora = model_reference.read_safetensors(os.path.join(adapter_folder, "adapter_model.safetensors"))
        self.used = set()

    def linear(self, x, layer, path):
        y = super().linear(x, layer, path)  # the base layer: no adapter was given to the parent
        if path.split(".")[-1] not in self.targets:
            return y
        prefix = f"base_model.model.model.layers.{layer}.{path}"
        a = self.lora[prefix + ".lora_A.weight"]
        b = self.lora[prefix + ".lora_B.weight"]
        if a.shape != (self.rank, x.shape[-1]) or b.shape != (y.shape[-1], self.rank):
            raise SystemExit(f"{prefix}: lora_A {tuple(a.shape)}, lora_B {tuple(b.shape)} do not fit r={self.rank}")
        self.used.update((prefix + ".lora_A.weight", prefix + ".lora_B.weight"))
        return y + self.scaling * ((x @ a.t()) @ b.t())


def main():
    job = json.loads(sys.stdin.readline())
    with open(os.path.join(job["base"], "config.json")) as f:
        config = json.load(f)
    weights = model_reference.read_safetensors(os.path.join(job["base"], "model.safetensors"))
    model = AdaptedModel(config, weights, job["adapter"])
    with torch.no_grad():
        logits = model.forward(torch.tensor(job["ids"], dtype=torch.int64),
                               torch.tensor(job["positions"], dtype=torch.int64),
                               torch.tensor(job["sample_start"], dtype=torch.int64))
    unused = set(model.lora) - model.used
    if unused:
        raise SystemExit(f"tensors PEFT would not load into this model: {sorted(unused)[:5]}")
    json.dump({"logits": model_reference.flat(logits)}, sys.stdout)


if __name__ == "__main__":
    main()
