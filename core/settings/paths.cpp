#include "core/settings/paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "core/util/error.h"

namespace tiertune::settings {
namespace {

// The XDG spec says a relative value is invalid and must be ignored.
std::filesystem::path xdgFolder(const char* variable, const char* fallbackUnderHome) {
  const char* value = std::getenv(variable);
  if (value && *value && std::filesystem::path(value).is_absolute()) return value;
  return homeFolder() / fallbackUnderHome;
}

}  // namespace

std::filesystem::path homeFolder() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir && *entry->pw_dir) {
    return entry->pw_dir;
  }
  throw Error("Cannot find your home folder: HOME is not set and the user database has no entry.");
}

std::filesystem::path defaultDataFolder() {
  return xdgFolder("XDG_DATA_HOME", ".local/share") / "Tiertune";
}

std::filesystem::path configFolder() {
  return xdgFolder("XDG_CONFIG_HOME", ".config") / "Tiertune";
}

}  // namespace tiertune::settings
