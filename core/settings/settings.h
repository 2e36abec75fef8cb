// The user's settings that both the GUI and the CLI honour: the data folder (catalog, datasets,
// checkpoints), the offload folder (the SSD tier) and the GUI's language. Stored as JSON in configFolder(), written
// atomically so that a crash never leaves a half-written file.
#pragma once

#include <filesystem>
#include <string>

namespace tiertune::settings {

// File name of the catalog inside the data folder.
inline constexpr const char* kCatalogFileName = "catalog.sqlite";

struct Settings {
  std::filesystem::path dataFolder;     // absolute
  std::filesystem::path offloadFolder;  // absolute; default: dataFolder / "offload"
  // The GUI's language as a locale name ("ko", "ja", "zh_TW", "en"); empty follows the system.
  std::string language;
  // The Hugging Face Hub mirror to download models from; empty: $HF_ENDPOINT, else the public Hub.
  std::string hubEndpoint;

  std::filesystem::path catalogFile() const;  // dataFolder / catalog.sqlite
  std::filesystem::path diskSpeedFile() const;  // dataFolder / disk_speed.json (measured speeds)
  std::filesystem::path computeSpeedFile() const;  // dataFolder / compute_speed.json (measured GPUs)
  bool operator==(const Settings&) const = default;
};

// Defaults: defaultDataFolder() and its offload subfolder.
Settings defaultSettings();

// $TIERTUNE_SETTINGS_FILE when it names an absolute path (how the GUI hands a settings file of
// its own to the training worker it starts), else configFolder() / settings.json.
inline constexpr const char* kSettingsFileVariable = "TIERTUNE_SETTINGS_FILE";
std::filesystem::path settingsFile();

// Reads file; a missing file gives the defaults, a missing field its default. Throws
// tiertune::Error naming the file and the field when the file is not valid JSON, a field has the
// wrong type, or a folder is not an absolute path.
Settings loadSettings(const std::filesystem::path& file = settingsFile());

// Writes file through a temporary file, fsync and rename. Throws tiertune::Error naming the file.
void saveSettings(const Settings& settings, const std::filesystem::path& file = settingsFile());

}  // namespace tiertune::settings
