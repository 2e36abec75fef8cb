#include "core/formats/model_weights.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::formats {
namespace {

using nlohmann::json;


// Shard names must be plain file names beside the index: a name with a folder in it could
// point anywhere on the disk.
bool isPlainFileName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

// Whether the name is in its folder, even as a link that leads nowhere (a loop, a missing target):
// opening it then says what is wrong with it, rather than that there is no such file.
bool nameIsPresent(const std::filesystem::path& file) {
  std::error_code error;
  return std::filesystem::exists(std::filesystem::symlink_status(file, error));
}

}  // namespace

ModelWeights ModelWeights::openFolder(const std::filesystem::path& folder) {
  const std::filesystem::path index = folder / kWeightsIndexFileName;
  const std::filesystem::path single = folder / kSingleWeightsFileName;
  if (nameIsPresent(index)) return openIndex(index);
  if (nameIsPresent(single)) return openSingleFile(single);
  std::error_code error;
  if (std::filesystem::exists(folder / "pytorch_model.bin", error) ||
      std::filesystem::exists(folder / "pytorch_model.bin.index.json", error)) {
    throw Error(TIERTUNE_WORDS("Model folders",
                               "%1: no model weights found: the folder has neither %2 nor %3. It has "
                               "pytorch_model.bin weights, a PyTorch format Tiertune does not "
                               "read; download the safetensors version of the model."),
                {folder.string(), std::string(kSingleWeightsFileName), std::string(kWeightsIndexFileName)});
  }
  throw Error(TIERTUNE_WORDS("Model folders", "%1: no model weights found: the folder has neither %2 nor %3."),
              {folder.string(), std::string(kSingleWeightsFileName), std::string(kWeightsIndexFileName)});
}

ModelWeights ModelWeights::openSingleFile(const std::filesystem::path& file) {
  ModelWeights weights;
  weights.source_ = file;
  weights.files_.emplace_back(file);
  for (const TensorInfo& info : weights.files_.front().tensors())
    weights.locations_.emplace(info.name, Location{0, &info});
  return weights;
}

ModelWeights ModelWeights::openIndex(const std::filesystem::path& indexFile) {
  const std::string label = indexFile.string();
  json index;
  try {
    index = parseJsonText(readWholeFile(indexFile, kWeightsIndexLimit), label);
  } catch (const json::exception& error) {  // parse_error, or out_of_range: a number too large
    throw Error(label + ": the file is not valid JSON (" + std::string(error.what()) +
                "); download it again with the model.");
  }
  if (!index.is_object()) throw Error(label + ": the file must hold a JSON object; download it again.");
  auto weightMap = index.find("weight_map");
  if (weightMap == index.end() || !weightMap->is_object()) {
    throw Error(label +
                ": the field \"weight_map\" (which tensor is in which file) is missing or not an object; "
                "download the file again.");
  }

  ModelWeights weights;
  weights.source_ = indexFile;
  if (auto metadata = index.find("metadata"); metadata != index.end() && metadata->is_object()) {
    if (auto total = metadata->find("total_size"); total != metadata->end() && total->is_number_unsigned()) {
      weights.declaredTotalSize_ = total->get<std::uint64_t>();
    }
  }

  std::map<std::string, std::string> shardOfTensor;
  std::set<std::string> shardNames;
  for (const auto& [tensor, shard] : weightMap->items()) {
    if (!shard.is_string() || !isPlainFileName(shard.get<std::string>())) {
      throw Error(label + ": \"weight_map\" gives tensor " + tensor + " the file " + shard.dump() +
                  ", which is not a plain file name beside the index; download the file again.");
    }
    shardOfTensor.emplace(tensor, shard.get<std::string>());
    shardNames.insert(shard.get<std::string>());
  }

  const std::filesystem::path folder = indexFile.parent_path();
  std::map<std::string, std::size_t> fileNumber;
  for (const std::string& name : shardNames) {
    const std::filesystem::path shardPath = folder / name;
    if (!nameIsPresent(shardPath)) {
      throw Error(TIERTUNE_WORDS("Model folders",
                                 "%1 lists the shard %2, but that file is not in %3: the download is "
                                 "incomplete; download the missing file."),
                  {label, name, folder.string()});
    }
    fileNumber.emplace(name, weights.files_.size());
    weights.files_.emplace_back(shardPath);
  }

  // Every tensor of every shard must be listed, and listed with that shard.
  for (std::size_t i = 0; i < weights.files_.size(); ++i) {
    const SafetensorsFile& file = weights.files_[i];
    const std::string shardName = file.path().filename().string();
    for (const TensorInfo& info : file.tensors()) {
      auto listed = shardOfTensor.find(info.name);
      if (listed == shardOfTensor.end()) {
        throw Error(file.path().string() + ": tensor " + info.name + " is in this file but not in " + label +
                    "; the index and the shards do not belong together. Download the model again.");
      }
      if (listed->second != shardName) {
        const bool alsoInListedShard = weights.files_[fileNumber.at(listed->second)].contains(info.name);
        throw Error(alsoInListedShard
                        ? "tensor " + info.name + " is in two shards, " + listed->second + " and " +
                              shardName + " (in " + folder.string() +
                              "); the model folder mixes files of different "
                              "downloads. Download the model again."
                        : file.path().string() + ": tensor " + info.name + " is in this file, but " + label +
                              " says it is in " + listed->second + "; download the model again.");
      }
      weights.locations_.emplace(info.name, Location{i, &info});
    }
  }
  for (const auto& [tensor, shard] : shardOfTensor) {
    if (!weights.locations_.contains(tensor)) {
      throw Error(
          label + " says tensor " + tensor + " is in " + shard + ", but " + shard +
          " has no tensor of that name; the index and the shards do not belong together. Download the "
          "model again.");
    }
  }
  return weights;
}

std::vector<std::string> ModelWeights::names() const {
  std::vector<std::string> names;
  names.reserve(locations_.size());
  for (const auto& [name, location] : locations_) names.push_back(name);
  return names;
}

const TensorInfo* ModelWeights::find(std::string_view name) const {
  auto found = locations_.find(name);
  return found == locations_.end() ? nullptr : found->second.info;
}

TensorView ModelWeights::tensor(std::string_view name) const {
  auto found = locations_.find(name);
  if (found == locations_.end())
    throw Error(source_.string() + ": the model has no tensor named " + std::string(name) + ".");
  return files_[found->second.file].view(*found->second.info);
}

const SafetensorsFile& ModelWeights::fileOf(std::string_view name) const {
  auto found = locations_.find(name);
  if (found == locations_.end())
    throw Error(source_.string() + ": the model has no tensor named " + std::string(name) + ".");
  return files_[found->second.file];
}

std::uint64_t ModelWeights::tensorBytes() const {
  std::uint64_t bytes = 0;
  for (const auto& [name, location] : locations_) bytes += location.info->byteCount();
  return bytes;
}

}  // namespace tiertune::formats
