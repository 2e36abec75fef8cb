// The weights of a Hugging Face model folder, whether they are one model.safetensors or several
// shards listed by model.safetensors.index.json: one lookup by tensor name over all files. Opening
// checks that the index and the shards agree (every listed tensor is in its shard, no tensor is in
// two shards, no shard holds a tensor the index does not list). Used to validate and load a base
// model and to read back merged exports.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/safetensors_reader.h"

namespace tiertune::formats {

inline constexpr std::string_view kSingleWeightsFileName = "model.safetensors";
inline constexpr std::string_view kWeightsIndexFileName = "model.safetensors.index.json";

class ModelWeights {
 public:
  // A folder with model.safetensors.index.json (preferred when both exist) or model.safetensors.
  static ModelWeights openFolder(const std::filesystem::path& folder);
  // An index file; its shards are looked up beside it.
  static ModelWeights openIndex(const std::filesystem::path& indexFile);
  // One safetensors file holding every tensor.
  static ModelWeights openSingleFile(const std::filesystem::path& file);

  std::size_t tensorCount() const { return locations_.size(); }
  std::vector<std::string> names() const;               // sorted
  const TensorInfo* find(std::string_view name) const;  // nullptr when absent
  // Throws tiertune::Error naming the model and the tensor when it has no such tensor.
  TensorView tensor(std::string_view name) const;
  const SafetensorsFile& fileOf(std::string_view name) const;

  const std::vector<SafetensorsFile>& files() const { return files_; }  // shards in name order
  std::uint64_t tensorBytes() const;  // data of all tensors, headers excluded
  // The index file, or the single safetensors file.
  const std::filesystem::path& source() const { return source_; }
  // metadata.total_size of the index, when it has one (not checked: tools disagree on it).
  std::optional<std::uint64_t> declaredTotalSize() const { return declaredTotalSize_; }

 private:
  struct Location {
    std::size_t file = 0;
    const TensorInfo* info = nullptr;
  };

  std::filesystem::path source_;
  std::vector<SafetensorsFile> files_;
  std::map<std::string, Location, std::less<>> locations_;
  std::optional<std::uint64_t> declaredTotalSize_;
};

}  // namespace tiertune::formats
