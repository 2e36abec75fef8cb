#include "core/export/model_folder_files.h"

#include <nlohmann/json.hpp>

#include "core/export/tensor_encoding.h"
#include "core/formats/model_config.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::exports {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kTokenizerFiles[] = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                                           "tokenizer.model", "chat_template.jinja"};

// What transformers' GenerationConfig.from_model_config keeps when a model ships none.
std::string generationConfigFrom(const formats::ModelConfig& config) {
  json generation = {{"_from_model_config", true}};
  if (config.bosTokenId) generation["bos_token_id"] = *config.bosTokenId;
  if (config.eosTokenIds.size() == 1) generation["eos_token_id"] = config.eosTokenIds.front();
  if (config.eosTokenIds.size() > 1) generation["eos_token_id"] = config.eosTokenIds;
  return generation.dump(2) + "\n";
}

}  // namespace

std::string exportedConfigJson(const std::string& baseConfigJson, formats::Dtype dtype, const std::string& fileLabel) {
  json config;
  try {
    config = parseJsonText(baseConfigJson, fileLabel);
  } catch (const json::exception&) {
    throw Error(fileLabel + " is not valid JSON.");
  }
  if (!config.is_object()) throw Error(fileLabel + " must hold a JSON object.");
  config["torch_dtype"] = torchDtypeName(dtype);
  if (config.contains("dtype")) config["dtype"] = torchDtypeName(dtype);
  return config.dump(2) + "\n";
}

void writeModelFolderFiles(const fs::path& base, const fs::path& folder, formats::Dtype dtype) {
  const fs::path configFile = base / "config.json";
  const std::string configText = readWholeFile(configFile);
  writeFileAtomically(folder / "config.json", exportedConfigJson(configText, dtype, configFile.string()));

  const fs::path generationFile = base / "generation_config.json";
  writeFileAtomically(folder / "generation_config.json",
                      fs::exists(generationFile)
                          ? readWholeFile(generationFile)
                          : generationConfigFrom(formats::parseModelConfig(configText, configFile.string())));

  // Copied through the atomic writer, so that each copy is flushed before the folder is renamed.
  for (const char* name : kTokenizerFiles) {
    if (fs::exists(base / name)) writeFileAtomically(folder / name, readWholeFile(base / name, kTokenizerFileLimit));
  }
}

}  // namespace tiertune::exports
