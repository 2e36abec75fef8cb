#include "core/formats/chat_template/model_chat_template.h"

#include <fstream>
#include <sstream>

#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::formats {

namespace {


nlohmann::json readJson(const std::filesystem::path& file) {
  try {
    return parseJsonText(readWholeFile(file, kConfigFileLimit), file.string());
  } catch (const nlohmann::json::exception& error) {
    throw Error(file.string() + ": not valid JSON (" + error.what() + ")");
  }
}

// "chat_template" as a string, or as a list of {"name", "template"} entries.
std::string templateFromConfigValue(const nlohmann::json& value, const std::filesystem::path& file,
                                    const std::string& name) {
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_array()) throw Error(file.string() + ": \"chat_template\" must be a string or a list of named templates");
  const nlohmann::json* fallback = nullptr;
  for (const auto& entry : value) {
    if (!entry.is_object() || !entry.contains("name") || !entry.contains("template") || !entry["name"].is_string() ||
        !entry["template"].is_string()) {
      throw Error(file.string() + ": each entry of \"chat_template\" needs a \"name\" and a \"template\" string");
    }
    if (!name.empty() && entry["name"] == name) return entry["template"].get<std::string>();
    if (entry["name"] == "default") fallback = &entry["template"];
  }
  if (!fallback) throw Error(file.string() + ": \"chat_template\" has no template named \"default\"");
  return fallback->get<std::string>();
}

}  // namespace

ModelChatTemplate loadModelChatTemplate(const std::filesystem::path& folder, const std::string& name) {
  if (!std::filesystem::is_directory(folder)) throw Error(folder.string() + ": not a folder");
  ModelChatTemplate result;
  const auto configFile = folder / "tokenizer_config.json";
  nlohmann::json config;
  if (std::filesystem::exists(configFile)) {
    config = readJson(configFile);
    if (!config.is_object()) throw Error(configFile.string() + ": expected a JSON object");
    result.specialTokens = SpecialTokens::fromTokenizerConfig(config);
  }
  const auto jinjaFile = folder / "chat_template.jinja";
  const auto jsonFile = folder / "chat_template.json";
  if (std::filesystem::exists(jinjaFile)) {
    result.source = readWholeFile(jinjaFile, kTemplateFileLimit);
    result.file = jinjaFile;
  } else if (std::filesystem::exists(jsonFile)) {
    const nlohmann::json json = readJson(jsonFile);
    if (!json.is_object() || !json.contains("chat_template")) {
      throw Error(jsonFile.string() + ": expected an object with a \"chat_template\" entry");
    }
    result.source = templateFromConfigValue(json["chat_template"], jsonFile, name);
    result.file = jsonFile;
  } else if (config.is_object() && config.contains("chat_template") && !config["chat_template"].is_null()) {
    result.source = templateFromConfigValue(config["chat_template"], configFile, name);
    result.file = configFile;
  } else {
    throw Error(folder.string() + ": the model has no chat template (none of chat_template.jinja, "
                                  "chat_template.json, or \"chat_template\" in tokenizer_config.json)");
  }
  return result;
}

}  // namespace tiertune::formats
