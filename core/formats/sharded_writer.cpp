#include "core/formats/sharded_writer.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "core/formats/model_weights.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"

namespace tiertune::formats {

ShardPlan planShards(const std::vector<TensorDescriptor>& tensors, std::uint64_t maxShardBytes,
                     std::string_view stem) {
  ShardPlan plan;
  std::set<std::string_view> names;
  for (const TensorDescriptor& tensor : tensors) {
    if (!names.insert(tensor.name).second) throw Error("tensor " + tensor.name + " is declared twice.");
  }
  std::vector<TensorDescriptor> current;
  std::uint64_t currentBytes = 0;
  for (const TensorDescriptor& tensor : tensors) {
    const std::uint64_t bytes = tensorByteCount(tensor);
    plan.totalBytes += bytes;
    if (bytes > maxShardBytes) {
      // Alone in a shard of its own, placed now; the shard being filled stays open.
      plan.shards.push_back({tensor});
      continue;
    }
    if (currentBytes + bytes > maxShardBytes) {
      plan.shards.push_back(std::move(current));
      current.clear();
      currentBytes = 0;
    }
    current.push_back(tensor);
    currentBytes += bytes;
  }
  if (!current.empty() || plan.shards.empty()) plan.shards.push_back(std::move(current));

  const std::size_t count = plan.shards.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (count == 1) {
      plan.fileNames.push_back(std::string(stem) + ".safetensors");
    } else {
      char suffix[32];
      std::snprintf(suffix, sizeof suffix, "-%05zu-of-%05zu", i + 1, count);
      plan.fileNames.push_back(std::string(stem) + suffix + ".safetensors");
    }
  }
  return plan;
}

std::string weightsIndexJson(const ShardPlan& plan) {
  nlohmann::json weightMap = nlohmann::json::object();
  for (std::size_t i = 0; i < plan.shards.size(); ++i) {
    for (const TensorDescriptor& tensor : plan.shards[i]) weightMap[tensor.name] = plan.fileNames[i];
  }
  const nlohmann::json index = {{"metadata", {{"total_size", plan.totalBytes}}}, {"weight_map", weightMap}};
  return index.dump(2) + "\n";
}

ShardedModelWriter::ShardedModelWriter(std::filesystem::path folder,
                                       const std::vector<TensorDescriptor>& tensors,
                                       std::uint64_t maxShardBytes,
                                       std::map<std::string, std::string> fileMetadata)
    : folder_(std::move(folder)), plan_(planShards(tensors, maxShardBytes)) {
  for (std::size_t i = 0; i < plan_.shards.size(); ++i) {
    writers_.push_back(
        std::make_unique<SafetensorsWriter>(folder_ / plan_.fileNames[i], plan_.shards[i], fileMetadata));
    for (const TensorDescriptor& tensor : plan_.shards[i]) shardOfTensor_.emplace(tensor.name, i);
  }
}

ShardedModelWriter::~ShardedModelWriter() = default;

void ShardedModelWriter::write(std::string_view name, std::span<const std::byte> bytes) {
  auto found = shardOfTensor_.find(name);
  if (found == shardOfTensor_.end()) {
    throw Error(folder_.string() + ": tensor " + std::string(name) +
                " was not declared when the export was started.");
  }
  writers_[found->second]->write(name, bytes);
}

void ShardedModelWriter::finish() {
  for (auto& writer : writers_) writer->finish();
  if (plan_.shards.size() > 1) writeFileAtomically(folder_ / kWeightsIndexFileName, weightsIndexJson(plan_));
}

}  // namespace tiertune::formats
