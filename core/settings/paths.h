// Where Tiertune keeps things by default, following the XDG base directory specification:
// data (catalog, datasets, checkpoints) in $XDG_DATA_HOME/Tiertune, settings in
// $XDG_CONFIG_HOME/Tiertune. Shared by the GUI and the CLI so both find the same catalog.
#pragma once

#include <filesystem>

namespace tiertune::settings {

// $XDG_DATA_HOME/Tiertune, or ~/.local/share/Tiertune when XDG_DATA_HOME is unset or relative.
std::filesystem::path defaultDataFolder();

// $XDG_CONFIG_HOME/Tiertune, or ~/.config/Tiertune.
std::filesystem::path configFolder();

// The user's home folder ($HOME, else the password database). Throws tiertune::Error if neither
// says.
std::filesystem::path homeFolder();

}  // namespace tiertune::settings
