#include "core/train/checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/formats/safetensors_reader.h"
#include "core/formats/safetensors_writer.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"

namespace tiertune::train {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kOptimizerFile = "optimizer.safetensors";
constexpr const char* kStateFile = "trainer_state.json";
constexpr const char* kManifestFile = "manifest.json";

const char* weightsFile(bool lora) { return lora ? "adapter_model.safetensors" : "model.safetensors"; }

std::vector<float> download(const model::ParameterTable& table) {
  std::vector<float> values(table.elementCount());
  table.backend().download(table.all(), values);
  return values;
}

using TensorList = std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>>;

void addTable(TensorList& list, const model::ParameterTable& table, const std::vector<float>& values,
              const std::string& prefix) {
  for (const model::ParameterEntry& entry : table.entries()) {
    list.push_back({formats::TensorDescriptor{prefix + entry.spec.name, formats::Dtype::F32, entry.spec.shape},
                    std::as_bytes(std::span<const float>(values.data() + entry.offset, entry.count))});
  }
}

void restoreTable(const formats::SafetensorsFile& file, const model::ParameterTable& table, const std::string& prefix) {
  std::vector<float> values(table.elementCount());
  for (const model::ParameterEntry& entry : table.entries()) {
    const std::string name = prefix + entry.spec.name;
    const formats::TensorInfo* info = file.find(name);
    if (info == nullptr || info->shape != entry.spec.shape || info->dtype != formats::Dtype::F32) {
      throw Error(file.path().string() + ": tensor " + name + " is missing or has another shape than this run's");
    }
    formats::readAsFloat(file.tensor(name), std::span<float>(values.data() + entry.offset, entry.count));
  }
  table.backend().upload(values, table.all());
}


bool isCheckpointName(const std::string& name) {
  return name.size() == 13 && name.starts_with("step-") &&
         std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string checkpointFolderName(std::int64_t step) {
  char name[32];
  std::snprintf(name, sizeof name, "step-%08lld", static_cast<long long>(step));
  return name;
}

WrittenCheckpoint writeCheckpoint(const fs::path& checkpointsFolder, const TrainerState& state,
                                  const OptimizerTables& tables, bool lora) {
  const fs::path target = checkpointsFolder / checkpointFolderName(state.step);
  const fs::path temporary = checkpointsFolder / ("." + checkpointFolderName(state.step) + ".partial");
  std::error_code ignored;
  try {
    fs::create_directories(checkpointsFolder);
    fs::remove_all(temporary, ignored);
    fs::create_directory(temporary);

    const std::vector<float> weights = download(*tables.trained);
    TensorList weightTensors;
    addTable(weightTensors, *tables.trained, weights, "");
    formats::writeSafetensors(temporary / weightsFile(lora), weightTensors, {{"format", "pt"}});

    const std::vector<float> first = download(*tables.firstMoment);
    const std::vector<float> second = download(*tables.secondMoment);
    TensorList moments;
    addTable(moments, *tables.firstMoment, first, "exp_avg.");
    addTable(moments, *tables.secondMoment, second, "exp_avg_sq.");
    formats::writeSafetensors(temporary / kOptimizerFile, moments);

    json trainerState{{"format", 1},
                      {"step", state.step},
                      {"samples_consumed", state.samplesConsumed},
                      {"config", json::parse(state.configJson)}};
    formats::writeFileAtomically(temporary / kStateFile, trainerState.dump(2));

    json manifest{{"format", 1}, {"files", json::object()}};
    std::int64_t bytes = 0;
    for (const char* name : {weightsFile(lora), kOptimizerFile, kStateFile}) {
      const auto size = static_cast<std::int64_t>(fs::file_size(temporary / name));
      manifest["files"][name] = {{"sha256", sha256HexOfFile(temporary / name)}, {"bytes", size}};
      bytes += size;
    }
    const std::string manifestText = manifest.dump(2);
    formats::writeFileAtomically(temporary / kManifestFile, manifestText);
    bytes += static_cast<std::int64_t>(manifestText.size());

    fs::remove_all(target, ignored);  // a checkpoint of the same step from an earlier, crashed attempt
    fs::rename(temporary, target);
    formats::syncFolder(checkpointsFolder);
    return WrittenCheckpoint{target, sha256Hex(manifestText), bytes};
  } catch (const fs::filesystem_error& error) {
    fs::remove_all(temporary, ignored);
    throw Error("Cannot write the checkpoint " + target.string() + ": " + error.code().message() + ".");
  } catch (...) {
    fs::remove_all(temporary, ignored);
    throw;
  }
}

TrainerState readCheckpoint(const fs::path& folder, const OptimizerTables& tables) {
  json manifest;
  try {
    manifest = json::parse(readWholeFile(folder / kManifestFile));
  } catch (const json::exception&) {
    throw Error((folder / kManifestFile).string() + " is damaged.");
  }
  bool lora = fs::exists(folder / weightsFile(true));
  for (const char* name : {weightsFile(lora), kOptimizerFile, kStateFile}) {
    const fs::path file = folder / name;
    const auto entry = manifest.find("files") == manifest.end() ? json() : manifest["files"].value(name, json());
    if (!entry.is_object() || !fs::exists(file) || sha256HexOfFile(file) != entry.value("sha256", "")) {
      throw Error(file.string() + " is missing or was changed after the checkpoint was written.");
    }
  }
  TrainerState state;
  try {
    const json stored = json::parse(readWholeFile(folder / kStateFile));
    state.step = stored.at("step").get<std::int64_t>();
    state.samplesConsumed = stored.at("samples_consumed").get<std::uint64_t>();
    state.configJson = stored.at("config").dump();
  } catch (const json::exception&) {
    throw Error((folder / kStateFile).string() + " is damaged.");
  }
  restoreTable(formats::SafetensorsFile(folder / weightsFile(lora)), *tables.trained, "");
  const formats::SafetensorsFile optimizer(folder / kOptimizerFile);
  restoreTable(optimizer, *tables.firstMoment, "exp_avg.");
  restoreTable(optimizer, *tables.secondMoment, "exp_avg_sq.");
  return state;
}

std::vector<fs::path> listCheckpoints(const fs::path& checkpointsFolder) {
  std::vector<fs::path> folders;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(checkpointsFolder, error)) {
    if (entry.is_directory() && isCheckpointName(entry.path().filename().string())) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

void pruneCheckpoints(const fs::path& checkpointsFolder, std::int64_t keep) {
  if (keep <= 0) return;
  std::vector<fs::path> folders = listCheckpoints(checkpointsFolder);
  for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < folders.size(); ++i) fs::remove_all(folders[i]);
}

}  // namespace tiertune::train
