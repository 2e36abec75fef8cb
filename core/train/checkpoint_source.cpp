#include "core/train/checkpoint_source.h"

#include <nlohmann/json.hpp>

#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "core/util/json_text.h"

namespace tiertune::train {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json parseJsonFile(const fs::path& file) {
  try {
    return parseJsonText(readWholeFile(file, kConfigFileLimit), file.string());
  } catch (const json::exception&) {
    throw Error(file.string() + " is damaged (not valid JSON).");
  }
}

}  // namespace

CheckpointSource openCheckpoint(const fs::path& folder) {
  if (!fs::is_directory(folder)) throw Error(folder.string() + " is not a checkpoint folder.");
  CheckpointSource source;
  source.folder = folder;
  source.readLock = std::make_shared<const FolderLock>(FolderLock::shared(folder));
  const fs::path stateFile = folder / "trainer_state.json";
  const json state = parseJsonFile(stateFile);
  try {
    source.step = state.at("step").get<std::int64_t>();
    source.run = train::parseRunConfig(state.at("config").dump(), "/", stateFile.string());
  } catch (const json::exception&) {
    throw Error(stateFile.string() + " is damaged (no step or run configuration).");
  }

  const char* weightsName = source.run.lora ? "adapter_model.safetensors" : "model.safetensors";
  source.weights = folder / weightsName;
  // The weights are what gets exported: make sure they are the ones the trainer wrote.
  const json manifest = parseJsonFile(folder / "manifest.json");
  const json entry = manifest.value("files", json::object()).value(weightsName, json::object());
  if (!fs::exists(source.weights) || sha256HexOfFile(source.weights) != entry.value("sha256", std::string())) {
    throw Error(source.weights.string() + " is missing or was changed after the checkpoint was written.");
  }
  return source;
}

}  // namespace tiertune::train
