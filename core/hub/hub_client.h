// The Hugging Face Hub's HTTP API as huggingface_hub speaks it: repository info, the recursive file
// tree (paged through Link: rel="next"), file metadata from /resolve/ (commit from X-Repo-Commit,
// blob name from X-Linked-Etag or ETag, size from X-Linked-Size), search, and whoami.
//
// Rules every request follows:
// - the token goes only to the endpoint's origin: never to a CDN or any other host a redirect leads
//   to (a relative redirect, like a renamed repository's, stays on the origin and keeps it);
// - 429 and 5xx are retried a few times (Retry-After honoured, at most 10 s a wait), a dropped
//   connection of an API call twice; the cancel flag ends every wait within 0.1 s;
// - answers are bounded (64 MiB a body, 10 redirects, 1,000 pages, 100,000 files) and every name in
//   them is checked before it is used (hub_cache.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/hub/hub_access.h"
#include "core/hub/hub_http.h"

namespace tiertune::hub {

struct RepoFile {
  std::string path;
  std::uint64_t size = 0;
  std::string gitOid;     // the git blob id (sha1)
  std::string lfsSha256;  // empty for a file kept in git itself
  bool isLfs() const { return !lfsSha256.empty(); }
  // The name the cache stores it under: the sha256 of an LFS file, the git blob id otherwise.
  const std::string& etag() const { return isLfs() ? lfsSha256 : gitOid; }
};

struct RepoInfo {
  std::string id;
  std::string commit;  // sha of the revision asked for (repoInfo) or of main (search)
  std::string gated;   // "" (open), "auto" or "manual"
  bool isPrivate = false;
  std::int64_t downloads = 0;
  std::int64_t likes = 0;
  std::string pipelineTag;
  std::vector<std::string> architectures;  // config.architectures
  std::string modelType;                   // config.model_type
  std::uint64_t parameters = 0;            // safetensors.total; 0 when the Hub does not say
  std::map<std::string, std::uint64_t> parametersByDtype;  // safetensors.parameters ("BF16": n)
  std::vector<std::string> files;                          // siblings (repoInfo only)
};

struct FileMetadata {
  std::string commit;
  std::string etag;  // unquoted
  std::uint64_t size = 0;
};

class HubClient {
 public:
  explicit HubClient(HubAccess access, const std::atomic<bool>* cancel = nullptr);

  const HubAccess& access() const { return access_; }
  // The model's page on the Hub ("https://huggingface.co/org/name").
  std::string modelPage(const std::string& repoId) const;

  RepoInfo repoInfo(const std::string& repoId, const std::string& revision = "main");
  // Every file at revision, recursively.
  std::vector<RepoFile> listFiles(const std::string& repoId, const std::string& revision);
  // Models whose id contains text, most downloaded first, text-generation models only.
  std::vector<RepoInfo> search(const std::string& text, int limit = 20);
  // The account name the token belongs to; throws HubError(BadToken) when the token is refused,
  // HubError(NotSignedIn) without one.
  std::string whoAmI();
  FileMetadata fileMetadata(const std::string& repoId, const std::string& revision, const std::string& path);

  // A small text file (config.json) into memory: at most maxBytes, else HubError(Server).
  std::string readTextFile(const std::string& repoId, const std::string& revision, const std::string& path,
                           std::size_t maxBytes = 1u << 20);

  // GETs the file from rangeStart into sink, following redirects (the token dropped past the
  // origin). The response's status is 200 (the whole file: the server ignored the range) or 206.
  // Throws HubError for an error status (after retries), Network for a dropped transfer.
  HttpResponse fetchFile(const std::string& repoId, const std::string& revision, const std::string& path,
                         std::uint64_t rangeStart, const BodySink& sink);

 private:
  struct Target {
    std::string repoId;
    std::string revision;
    std::string path;
  };
  enum class Redirects { SameOrigin, Any, None };
  HttpResponse send(HttpRequest request, Redirects redirects, const Target& target, const BodySink& sink = {});
  HttpResponse sendOnce(const HttpRequest& request, const BodySink& sink);
  [[noreturn]] void throwForStatus(const HttpResponse& response, const Target& target) const;
  std::string resolveUrl(const std::string& repoId, const std::string& revision, const std::string& path) const;
  void pause(double seconds) const;

  HubAccess access_;
  std::string origin_;
  const std::atomic<bool>* cancel_;
};

// Parses a Link header's rel="next" URL (RFC 8288); empty when there is none.
std::string nextPageLink(const std::string& linkHeader);

}  // namespace tiertune::hub
