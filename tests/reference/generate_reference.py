#!/usr/bin/python3
"""Independent reference for Tiertune's generation: greedy decoding with model_reference.py's
PyTorch model, recomputing the whole sequence at every step (no cache, so nothing is shared with the
KV-cached code under test).

Reads one JSON job on stdin: folder (config.json + model.safetensors), optionally "lora" {rank, alpha}
with folder/adapter.safetensors (PEFT names), "prompt" (token ids) and "steps". Writes
{"tokens": [greedy token of each step], "logits": [[vocab] logits of each step]}: step 0 is the
prompt's last position, step i the position of the i-th generated token.
"""
import json
import sys

import torch

from model_reference import Model, read_job_model

torch.set_num_threads(1)


def main():
    job = json.loads(sys.stdin.readline())
    config, weights, adapter, bf16_products = read_job_model(job)
    model = Model(config, weights, adapter, job.get("lora"))
    model.bf16_products = bf16_products
    sequence = list(job["prompt"])
    tokens, logits = [], []
    with torch.no_grad():
        for _ in range(job["steps"]):
            ids = torch.tensor(sequence, dtype=torch.int64)
            positions = torch.arange(len(sequence))
            last = model.forward(ids, positions, torch.zeros(len(sequence), dtype=torch.int64))[-1]
            token = int(torch.argmax(last))
            logits.append(last.tolist())
            tokens.append(token)
            sequence.append(token)
    json.dump({"tokens": tokens, "logits": logits}, sys.stdout)


if __name__ == "__main__":
    main()
