// Which server Tiertune asks for models and with which token, decided the way `huggingface_hub`
// decides it so that a machine set up for the Python tools works here unchanged:
// - the endpoint: the mirror URL in Tiertune's settings, else $HF_ENDPOINT, else the public Hub;
// - the token: the one signed in through Tiertune (kept in the config folder, mode 0600, with the
//   origin it was given for), else $HF_TOKEN, $HUGGING_FACE_HUB_TOKEN, else the file
//   `huggingface-cli login` writes ($HF_TOKEN_PATH, else $HF_HOME/token).
// A token goes only to the origin it belongs to: Tiertune's own to the origin it was saved for, the
// environment's and the login file's to the endpoint huggingface_hub would send them to. The client
// drops it on any redirect to another origin (hub_client.h).
#pragma once

#include <filesystem>
#include <string>

namespace tiertune::hub {

inline constexpr const char* kPublicHub = "https://huggingface.co";

struct HubAccess {
  std::string endpoint;     // no trailing slash
  std::string token;        // empty: anonymous
  std::string tokenSource;  // where the token came from, for messages ("Tiertune's sign-in", "HF_TOKEN", a file)
};

// configuredEndpoint: Settings::hubEndpoint (empty: not set).
HubAccess hubAccess(const std::string& configuredEndpoint);

// An endpoint as a person types it, checked: http(s), a host, no query, no credentials; the trailing
// slash dropped. Throws tiertune::Error in words otherwise.
std::string checkedEndpoint(const std::string& text);

// $HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface.
std::filesystem::path huggingFaceHome();

// Tiertune's saved sign-in: configFolder()/hub_token.json.
std::filesystem::path savedTokenFile();
// Saves token for endpoint's origin (mode 0600, written atomically); an empty token signs out
// (deletes the file). Throws tiertune::Error naming the file.
void saveToken(const std::string& endpoint, const std::string& token);
// The saved token when it was saved for endpoint's origin; empty otherwise.
std::string savedTokenFor(const std::string& endpoint);

}  // namespace tiertune::hub
