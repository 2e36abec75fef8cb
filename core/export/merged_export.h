// A checkpoint as a complete Hugging Face model folder that transformers, vLLM or llama.cpp's
// converter load without Tiertune: the base model's weights with the LoRA adapter folded in
// (W + alpha/r · B·A in fp32, then rounded once), or a full fine-tune's weights, as bf16, fp16 or
// fp32 safetensors shards with model.safetensors.index.json; config.json with torch_dtype set; the
// base's generation_config.json (or one made from its bos/eos ids) and tokenizer files.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/train/checkpoint_source.h"
#include "core/export/export_progress.h"
#include "core/formats/dtype.h"
#include "core/formats/sharded_writer.h"

namespace tiertune::exports {

struct MergedExportOptions {
  formats::Dtype dtype = formats::Dtype::BF16;
  std::uint64_t maxShardBytes = formats::kDefaultMaxShardBytes;  // per safetensors shard
};

// Writes the merged model of source into output, a folder that must not exist yet; atomic
// (export_folder.h). The base model is the run's model folder. Throws tiertune::Error naming the
// file or tensor (a missing base file, a tensor of another shape, a weight float16 cannot hold),
// ExportCancelled when cancelled.
ExportResult exportMergedModel(const train::CheckpointSource& source, const std::filesystem::path& output,
                               const MergedExportOptions& options, const ExportProgress& progress = {});

}  // namespace tiertune::exports
