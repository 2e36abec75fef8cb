#include "core/hub/hub_access.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/hub/hub_http.h"
#include "core/settings/paths.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::hub {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

std::string withoutTrailingSlashes(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

std::string trimmedLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  return text;
}

// The token file `huggingface-cli login` writes.
std::string loginFileToken() {
  const std::string chosen = environment("HF_TOKEN_PATH");
  const std::filesystem::path file = !chosen.empty() ? std::filesystem::path(chosen) : huggingFaceHome() / "token";
  std::error_code missing;
  if (!std::filesystem::exists(file, missing)) return {};
  try {
    return trimmedLine(readWholeFile(file, FileSizeLimit{64u << 10, "a token file"}));
  } catch (const Error&) {
    return {};  // unreadable: anonymous, as huggingface_hub does
  }
}

}  // namespace

std::string checkedEndpoint(const std::string& text) {
  const std::string endpoint = withoutTrailingSlashes(trimmedLine(text));
  const std::string origin = originOf(endpoint);
  const bool plain = endpoint.find('?') == std::string::npos && endpoint.find('#') == std::string::npos &&
                     endpoint.find('@') == std::string::npos;
  if (origin.empty() || !plain) {
    throw Error("\"" + text + "\" is not a server address; write it as https://huggingface.co or https://your-mirror.example.");
  }
  return endpoint;
}

std::filesystem::path huggingFaceHome() {
  const std::string home = environment("HF_HOME");
  if (!home.empty()) return home;
  const std::string cache = environment("XDG_CACHE_HOME");
  if (!cache.empty() && std::filesystem::path(cache).is_absolute()) return std::filesystem::path(cache) / "huggingface";
  return settings::homeFolder() / ".cache" / "huggingface";
}

std::filesystem::path savedTokenFile() { return settings::configFolder() / "hub_token.json"; }

void saveToken(const std::string& endpoint, const std::string& token) {
  const std::filesystem::path file = savedTokenFile();
  if (token.empty()) {
    std::error_code error;
    std::filesystem::remove(file, error);
    if (error) throw Error(file.string() + ": cannot be deleted: " + error.message() + ".");
    return;
  }
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  if (error) throw Error(file.parent_path().string() + ": cannot be created: " + error.message() + ".");
  const std::string bytes = nlohmann::json{{"origin", originOf(checkedEndpoint(endpoint))}, {"token", token}}.dump() + "\n";
  int fd = -1;
  const std::filesystem::path temporary = createTemporaryBeside(file, fd);
  // Readable by its owner only, before a byte of the token is in it.
  if (::fchmod(fd, 0600) != 0) {
    const int reason = errno;
    ::close(fd);
    std::filesystem::remove(temporary, error);
    throw Error(file.string() + ": cannot make the file private: " + errnoText(reason) + ".");
  }
  try {
    writeAllAt(fd, 0, std::as_bytes(std::span<const char>(bytes)), temporary);
  } catch (const Error&) {
    ::close(fd);
    std::filesystem::remove(temporary, error);
    throw;
  }
  commitTemporary(fd, temporary, file);
}

std::string savedTokenFor(const std::string& endpoint) {
  const std::filesystem::path file = savedTokenFile();
  std::error_code missing;
  if (!std::filesystem::exists(file, missing)) return {};
  try {
    const nlohmann::json saved = parseJsonTextOrDiscarded(readWholeFile(file, FileSizeLimit{64u << 10, "a token file"}));
    if (!saved.is_object() || !saved.contains("origin") || !saved.contains("token") || !saved["origin"].is_string() ||
        !saved["token"].is_string()) {
      return {};
    }
    return saved["origin"].get<std::string>() == originOf(endpoint) ? saved["token"].get<std::string>() : std::string();
  } catch (const Error&) {
    return {};
  }
}

HubAccess hubAccess(const std::string& configuredEndpoint) {
  const std::string environmentEndpoint =
      environment("HF_ENDPOINT").empty() ? std::string(kPublicHub) : withoutTrailingSlashes(environment("HF_ENDPOINT"));
  HubAccess access;
  access.endpoint = configuredEndpoint.empty() ? environmentEndpoint : checkedEndpoint(configuredEndpoint);
  if (std::string saved = savedTokenFor(access.endpoint); !saved.empty()) {
    access.token = std::move(saved);
    access.tokenSource = "Tiertune's sign-in";
    return access;
  }
  // The environment's tokens belong to the endpoint huggingface_hub would use.
  if (originOf(access.endpoint) != originOf(environmentEndpoint)) return access;
  for (const char* variable : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}) {
    if (std::string token = trimmedLine(environment(variable)); !token.empty()) {
      access.token = std::move(token);
      access.tokenSource = variable;
      return access;
    }
  }
  if (std::string token = loginFileToken(); !token.empty()) {
    access.token = std::move(token);
    access.tokenSource = "the huggingface-cli login file";
  }
  return access;
}

}  // namespace tiertune::hub
