#include "core/settings/settings.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/settings/paths.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::settings {
namespace {

std::filesystem::path readFolderField(const nlohmann::json& document, const char* field,
                                      const std::filesystem::path& file) {
  const auto& value = document.at(field);
  if (!value.is_string()) {
    throw Error("The settings file " + file.string() + " is invalid: field \"" + field +
                "\" must be a text (a folder path), not " + value.type_name() + ".");
  }
  std::filesystem::path folder = value.get<std::string>();
  if (!folder.is_absolute()) {
    throw Error("The settings file " + file.string() + " is invalid: field \"" + field +
                "\" must be an absolute folder path, not \"" + folder.string() + "\".");
  }
  return folder.lexically_normal();
}

// A locale name such as "ja" or "zh_TW": letters and one underscore, so that it can only name a
// translation file, never a path.
std::string readLanguageField(const nlohmann::json& document, const std::filesystem::path& file) {
  const auto& value = document.at("language");
  const std::string text = value.is_string() ? value.get<std::string>() : std::string();
  const bool wellFormed =
      value.is_string() && std::regex_match(text, std::regex("([A-Za-z]{2,3}(_[A-Za-z]{2,4})?)?"));
  if (!wellFormed) {
    throw Error("The settings file " + file.string() +
                " is invalid: field \"language\" must be a language name such as \"ja\" or \"zh_TW\", or empty "
                "to follow the system.");
  }
  return text;
}

}  // namespace

std::filesystem::path Settings::catalogFile() const {
  return dataFolder / kCatalogFileName;
}

std::filesystem::path Settings::diskSpeedFile() const { return dataFolder / "disk_speed.json"; }
std::filesystem::path Settings::computeSpeedFile() const { return dataFolder / "compute_speed.json"; }

Settings defaultSettings() {
  Settings settings;
  settings.dataFolder = defaultDataFolder();
  settings.offloadFolder = settings.dataFolder / "offload";
  return settings;
}

std::filesystem::path settingsFile() {
  const char* chosen = std::getenv(kSettingsFileVariable);
  if (chosen && *chosen && std::filesystem::path(chosen).is_absolute()) return chosen;
  return configFolder() / "settings.json";
}

Settings loadSettings(const std::filesystem::path& file) {
  Settings settings = defaultSettings();
  std::error_code missing;
  if (!std::filesystem::exists(file, missing) && !missing) return settings;
  std::string text;
  try {
    text = readWholeFile(file, kConfigFileLimit);
  } catch (const Error& error) {
    throw Error(std::string("Cannot read the settings file: ") + error.what());
  }
  nlohmann::json document;
  try {
    document = parseJsonText(text, file.string());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error("The settings file " + file.string() + " is not valid JSON (at byte " +
                std::to_string(e.byte) + "). Fix or delete it to go back to the defaults.");
  } catch (const nlohmann::json::exception&) {  // out_of_range: a number too large
    throw Error("The settings file " + file.string() +
                " holds a number too large to read. Fix or delete it to go back to the defaults.");
  }
  if (!document.is_object()) {
    throw Error("The settings file " + file.string() + " must hold a JSON object.");
  }
  const bool hasData = document.contains("dataFolder");
  if (hasData) settings.dataFolder = readFolderField(document, "dataFolder", file);
  if (document.contains("offloadFolder")) {
    settings.offloadFolder = readFolderField(document, "offloadFolder", file);
  } else if (hasData) {
    settings.offloadFolder = settings.dataFolder / "offload";
  }
  if (document.contains("language")) settings.language = readLanguageField(document, file);
  if (document.contains("hubEndpoint")) {
    const auto& value = document.at("hubEndpoint");
    if (!value.is_string()) {
      throw Error("The settings file " + file.string() + " is invalid: field \"hubEndpoint\" must be a text (a server address).");
    }
    settings.hubEndpoint = value.get<std::string>();
  }
  return settings;
}

void saveSettings(const Settings& settings, const std::filesystem::path& file) {
  if (!settings.dataFolder.is_absolute() || !settings.offloadFolder.is_absolute()) {
    throw Error("The data folder and the offload folder must be absolute paths.");
  }
  nlohmann::json document = {{"dataFolder", settings.dataFolder.string()},
                             {"offloadFolder", settings.offloadFolder.string()}};
  if (!settings.language.empty()) document["language"] = settings.language;
  if (!settings.hubEndpoint.empty()) document["hubEndpoint"] = settings.hubEndpoint;
  const std::string bytes = document.dump(2) + "\n";

  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) {
    throw Error("Cannot create the settings folder " + file.parent_path().string() + ": " +
                ec.message());
  }
  writeFileAtomically(file, bytes);  // a temporary name of its own, flushed, renamed, folder flushed
}

}  // namespace tiertune::settings
