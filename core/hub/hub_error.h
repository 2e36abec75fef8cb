// What can go wrong between Tiertune and the Hugging Face Hub, as a kind the GUI turns into its own
// words and a message the CLI prints as it is. The kinds are the cases a person acts on
// differently: sign in, ask for access, check the name, free disk space, try again later.
#pragma once

#include <string>

#include "core/util/error.h"

namespace tiertune::hub {

enum class HubProblem {
  Network,           // no connection, the server went away, a transfer stalled
  NotSignedIn,       // 401 on a gated model: a token is needed
  NoAccess,          // 403 on a gated model: the account must ask for access on the model's page
  BadToken,          // the token was refused (401 with a token on a repository that exists)
  RepoNotFound,      // no such model (or a private one this token cannot see)
  RevisionNotFound,  // no such branch, tag or commit
  FileNotFound,      // the model has no such file at that revision
  NoWeights,         // the model has no safetensors weights (only .bin/.pth/.gguf)
  DiskFull,          // not enough free space in the cache, found before the first byte or while writing
  Corrupt,           // a file's bytes do not match the hash the Hub gave for it
  Server,            // 5xx, 429 after retries, or an answer that is not what the Hub sends
  Cancelled,         // the person cancelled
  BadRequest,        // a malformed model name or revision, a path from the Hub that leaves the cache
};

class HubError : public Error {
 public:
  // pageUrl: the model's page on the Hub, where a person asks for access (NoAccess) or checks the name.
  HubError(HubProblem problem, const std::string& message, std::string pageUrl = {})
      : Error(message), problem_(problem), pageUrl_(std::move(pageUrl)) {}
  HubProblem problem() const { return problem_; }
  const std::string& pageUrl() const { return pageUrl_; }

 private:
  HubProblem problem_;
  std::string pageUrl_;
};

}  // namespace tiertune::hub
