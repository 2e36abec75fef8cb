// A LoRA checkpoint as a PEFT adapter folder, what peft.PeftModel.from_pretrained(base, folder)
// loads: adapter_config.json (LoraConfig's fields) and adapter_model.safetensors (tensors named
// base_model.model.<module path>.lora_A.weight / .lora_B.weight, A [r, in], B [out, r]).
#pragma once

#include <filesystem>
#include <string>

#include "core/train/checkpoint_source.h"
#include "core/export/export_progress.h"
#include "core/formats/dtype.h"

namespace tiertune::exports {

// adapter_config.json's text for the run's LoRA settings; base names the base model as PEFT's
// base_model_name_or_path (the model folder the run trained on).
std::string peftAdapterConfigJson(const model::LoraConfig& lora, const std::string& base);

// Writes the adapter of source (which must be a LoRA checkpoint) into output, a folder that must not
// exist yet; the tensors as trained (fp32) or rounded to bf16 / fp16. Atomic (export_folder.h).
// Throws tiertune::Error naming the file or tensor, ExportCancelled when cancelled.
ExportResult exportPeftAdapter(const train::CheckpointSource& source, const std::filesystem::path& output,
                               formats::Dtype dtype, const ExportProgress& progress = {});

}  // namespace tiertune::exports
