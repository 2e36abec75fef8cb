// A run checkpoint loaded for generation (the playground, `tiertune-cli generate`): its LoRA adapter
// applied over the base model, over the base quantized to NF4 as it trained for QLoRA, or its full
// fine-tuning weights in place of the base's. Here, not in core/infer, because reading a checkpoint
// is the trainer's business (core/train/checkpoint_source.h) and generation sits below training.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/infer/model_runner.h"
#include "kernels/backend.h"

namespace tiertune::train {

// The model of modelFolder, with checkpoint's weights when one is given. Throws tiertune::Error
// naming the file for a folder that cannot be loaded or a checkpoint of another model.
std::unique_ptr<infer::ModelRunner> loadModelRunner(kernels::Backend& backend, const std::filesystem::path& modelFolder,
                                                    const std::optional<std::filesystem::path>& checkpoint);

}  // namespace tiertune::train
