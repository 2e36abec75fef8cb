// A training checkpoint (core/train/checkpoint.h) opened as the source of an export: its run
// configuration (which base model, LoRA or full, rank, alpha, targets) from trainer_state.json and
// its weights file, checked against the checkpoint's manifest so that an altered file is never
// exported.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/train/run_config.h"
#include "core/util/folder_lock.h"

namespace tiertune::train {

struct CheckpointSource {
  std::filesystem::path folder;
  std::int64_t step = 0;
  train::RunConfig run;          // run.lora: adapter_model.safetensors, else model.safetensors
  std::filesystem::path weights; // the weights file inside folder
  // Held while any copy of this source lives: the trainer does not prune a checkpoint being read.
  std::shared_ptr<const FolderLock> readLock;
};

// Throws tiertune::Error naming the file for a folder that is not a checkpoint, a damaged
// trainer_state.json or a weights file that differs from the manifest.
CheckpointSource openCheckpoint(const std::filesystem::path& folder);

}  // namespace tiertune::train
