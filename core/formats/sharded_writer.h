// Writes a model's weights as Hugging Face does: one model.safetensors when they fit in one shard,
// otherwise model-00001-of-0000N.safetensors ... plus model.safetensors.index.json mapping each
// tensor to its file. Streaming like SafetensorsWriter: tensors are declared up front and their
// bytes arrive in any order. Used by merged-model export and full fine-tune checkpoints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/safetensors_writer.h"

namespace tiertune::formats {

// huggingface_hub's default: 5 GB (decimal) of tensor data per shard.
inline constexpr std::uint64_t kDefaultMaxShardBytes = 5'000'000'000;

struct ShardPlan {
  std::vector<std::string> fileNames;                 // one per shard
  std::vector<std::vector<TensorDescriptor>> shards;  // the tensors of each shard
  std::uint64_t totalBytes = 0;                       // tensor data of all shards
};

// Splits the tensors, in the order given, the way huggingface_hub does: a tensor goes into the
// current shard unless that would take the shard's data past maxShardBytes, in which case a new
// shard starts; a tensor larger than maxShardBytes gets a shard of its own. Names follow
// "<stem>-00001-of-00003.safetensors", or "<stem>.safetensors" for a single shard.
ShardPlan planShards(const std::vector<TensorDescriptor>& tensors, std::uint64_t maxShardBytes,
                     std::string_view stem = "model");

class ShardedModelWriter {
 public:
  // Starts every shard file (as temporary files) in folder, which must exist. fileMetadata goes into
  // each shard's header; transformers expects {"format": "pt"}.
  ShardedModelWriter(std::filesystem::path folder, const std::vector<TensorDescriptor>& tensors,
                     std::uint64_t maxShardBytes = kDefaultMaxShardBytes,
                     std::map<std::string, std::string> fileMetadata = {{"format", "pt"}});
  ~ShardedModelWriter();
  ShardedModelWriter(const ShardedModelWriter&) = delete;
  ShardedModelWriter& operator=(const ShardedModelWriter&) = delete;

  // Appends bytes to the tensor's data, as SafetensorsWriter::write does.
  void write(std::string_view name, std::span<const std::byte> bytes);
  // Finishes every shard, then writes model.safetensors.index.json when there are several.
  void finish();

  const ShardPlan& plan() const { return plan_; }

 private:
  std::filesystem::path folder_;
  ShardPlan plan_;
  std::vector<std::unique_ptr<SafetensorsWriter>> writers_;
  std::map<std::string, std::size_t, std::less<>> shardOfTensor_;
};

// The index file's text as transformers writes it: {"metadata": {"total_size": ...},
// "weight_map": {...}} with sorted keys, indented by 2, ending in a newline.
std::string weightsIndexJson(const ShardPlan& plan);

}  // namespace tiertune::formats
