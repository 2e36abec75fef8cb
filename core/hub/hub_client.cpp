#include "core/hub/hub_client.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/hub/hub_cache.h"
#include "core/hub/hub_error.h"
#include "core/util/json_text.h"

namespace tiertune::hub {
namespace {

using nlohmann::json;

constexpr int kMaxRedirects = 10;
constexpr int kMaxPages = 1000;
constexpr std::size_t kMaxFiles = 100000;
constexpr int kRetriesOfBusyServer = 4;  // 429 and 5xx
constexpr int kRetriesOfDroppedApiCall = 2;

std::string stringField(const json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t integerField(const json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

std::string unquotedEtag(std::string etag) {
  if (etag.starts_with("W/")) etag.erase(0, 2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  return etag;
}

json parseAnswer(const HttpResponse& response, const std::string& what) {
  try {
    return parseJsonText(response.body, "the Hub's answer about " + what);
  } catch (const std::exception&) {
    throw HubError(HubProblem::Server, "The server's answer about " + what +
                                           " is not what the Hugging Face Hub sends (not JSON). Check the server address in Settings.");
  }
}

RepoInfo repoInfoOf(const json& model) {
  RepoInfo info;
  if (!model.is_object()) return info;
  info.id = stringField(model, "id");
  if (info.id.empty()) info.id = stringField(model, "modelId");
  info.commit = stringField(model, "sha");
  if (const auto gated = model.find("gated"); gated != model.end() && gated->is_string()) info.gated = gated->get<std::string>();
  if (const auto priv = model.find("private"); priv != model.end() && priv->is_boolean()) info.isPrivate = priv->get<bool>();
  info.downloads = integerField(model, "downloads");
  info.likes = integerField(model, "likes");
  info.pipelineTag = stringField(model, "pipeline_tag");
  if (const auto config = model.find("config"); config != model.end() && config->is_object()) {
    info.modelType = stringField(*config, "model_type");
    if (const auto architectures = config->find("architectures"); architectures != config->end() && architectures->is_array()) {
      for (const json& name : *architectures) {
        if (name.is_string()) info.architectures.push_back(name.get<std::string>());
      }
    }
  }
  if (const auto safetensors = model.find("safetensors"); safetensors != model.end() && safetensors->is_object()) {
    const std::int64_t total = integerField(*safetensors, "total");
    info.parameters = total > 0 ? static_cast<std::uint64_t>(total) : 0;
    if (const auto byDtype = safetensors->find("parameters"); byDtype != safetensors->end() && byDtype->is_object()) {
      for (const auto& [dtype, count] : byDtype->items()) {
        if (count.is_number_integer() && count.get<std::int64_t>() > 0) {
          info.parametersByDtype[dtype] = static_cast<std::uint64_t>(count.get<std::int64_t>());
        }
      }
    }
  }
  if (const auto siblings = model.find("siblings"); siblings != model.end() && siblings->is_array()) {
    for (const json& sibling : *siblings) {
      if (const std::string name = sibling.is_object() ? stringField(sibling, "rfilename") : std::string(); !name.empty()) {
        info.files.push_back(name);
      }
    }
  }
  return info;
}

// The Hub's own message in an error body ({"error": "..."}), when there is one.
std::string errorMessageOf(const HttpResponse& response) {
  const json body = parseJsonTextOrDiscarded(response.body);
  if (body.is_object()) return stringField(body, "error");
  return {};
}

}  // namespace

std::string nextPageLink(const std::string& linkHeader) {
  // <url>; rel="next", <url2>; rel="prev"
  std::size_t position = 0;
  while (position < linkHeader.size()) {
    const std::size_t open = linkHeader.find('<', position);
    if (open == std::string::npos) return {};
    const std::size_t close = linkHeader.find('>', open);
    if (close == std::string::npos) return {};
    const std::size_t end = std::min(linkHeader.find(",", close), linkHeader.size());
    const std::string parameters = linkHeader.substr(close + 1, end - close - 1);
    if (parameters.find("rel=\"next\"") != std::string::npos || parameters.find("rel=next") != std::string::npos) {
      return linkHeader.substr(open + 1, close - open - 1);
    }
    position = end + 1;
  }
  return {};
}

HubClient::HubClient(HubAccess access, const std::atomic<bool>* cancel)
    : access_(std::move(access)), origin_(originOf(access_.endpoint)), cancel_(cancel) {
  if (origin_.empty()) throw HubError(HubProblem::BadRequest, "\"" + access_.endpoint + "\" is not a server address.");
}

std::string HubClient::modelPage(const std::string& repoId) const { return access_.endpoint + "/" + repoId; }

std::string HubClient::resolveUrl(const std::string& repoId, const std::string& revision, const std::string& path) const {
  std::string encodedPath;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (!encodedPath.empty()) encodedPath += '/';
    encodedPath += percentEncode(path.substr(start, end - start));
    start = end + 1;
  }
  return access_.endpoint + "/" + repoId + "/resolve/" + percentEncode(revision) + "/" + encodedPath;
}

void HubClient::pause(double seconds) const {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (cancel_ && cancel_->load()) throw HubError(HubProblem::Cancelled, "The download was cancelled.");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

HttpResponse HubClient::sendOnce(const HttpRequest& request, const BodySink& sink) {
  HttpRequest sent = request;
  // The token only to the origin it belongs to.
  if (!access_.token.empty() && originOf(request.url) == origin_) {
    sent.headers.push_back("Authorization: Bearer " + access_.token);
  }
  return performHttp(sent, sink, cancel_);
}

HttpResponse HubClient::send(HttpRequest request, Redirects redirects, const Target& target, const BodySink& sink) {
  int busyRetries = 0;
  int droppedRetries = 0;
  for (int redirect = 0;;) {
    HttpResponse response;
    try {
      response = sendOnce(request, sink);
    } catch (const HubError& error) {
      // A dropped API call is retried; a file transfer's drop goes to its caller, which resumes.
      if (error.problem() == HubProblem::Network && !sink && droppedRetries++ < kRetriesOfDroppedApiCall) {
        pause(1.0 * droppedRetries);
        continue;
      }
      throw;
    }
    const long status = response.status;
    if (status >= 300 && status < 400 && status != 304 && redirects != Redirects::None) {
      const std::string location = response.header("location");
      if (location.empty()) throwForStatus(response, target);
      const std::string next = resolveLocation(request.url, location);
      if (redirects == Redirects::SameOrigin && originOf(next) != originOf(request.url)) return response;
      if (++redirect > kMaxRedirects) {
        throw HubError(HubProblem::Server, "The server redirected more than " + std::to_string(kMaxRedirects) + " times.");
      }
      request.url = next;
      continue;
    }
    if ((status == 429 || status >= 500) && busyRetries++ < kRetriesOfBusyServer) {
      double wait = 1 << (busyRetries - 1);
      if (const std::string retryAfter = response.header("retry-after"); !retryAfter.empty()) {
        try {
          wait = std::stod(retryAfter);
        } catch (const std::exception&) {
        }
      }
      pause(std::clamp(wait, 0.0, 10.0));
      continue;
    }
    if (status >= 400) throwForStatus(response, target);
    return response;
  }
}

void HubClient::throwForStatus(const HttpResponse& response, const Target& target) const {
  const std::string code = response.header("x-error-code");
  const std::string page = target.repoId.empty() ? std::string() : modelPage(target.repoId);
  const long status = response.status;
  const std::string hubSays = errorMessageOf(response);
  if (code == "GatedRepo" && status == 401) {
    throw HubError(HubProblem::NotSignedIn,
                   target.repoId + " is a gated model: sign in with a Hugging Face access token (in Settings, or set HF_TOKEN) "
                                   "from an account that was granted access.",
                   page);
  }
  if (code == "GatedRepo" || (status == 403 && !target.repoId.empty())) {
    throw HubError(HubProblem::NoAccess,
                   "Your account has no access to " + target.repoId + " yet. Ask for access on the model's page: " + page +
                       " (approval can take from minutes to days).",
                   page);
  }
  if (code == "RepoNotFound" || (status == 404 && target.path.empty() && code.empty())) {
    throw HubError(HubProblem::RepoNotFound,
                   "There is no model \"" + target.repoId + "\" on " + access_.endpoint +
                       ". Check the spelling (organization/name); a private model needs a token with access to it.",
                   page);
  }
  if (code == "RevisionNotFound") {
    throw HubError(HubProblem::RevisionNotFound,
                   target.repoId + " has no revision \"" + target.revision + "\" (a branch, tag or commit).", page);
  }
  if (code == "EntryNotFound" || status == 404) {
    throw HubError(HubProblem::FileNotFound, target.repoId + " has no file \"" + target.path + "\" at revision \"" +
                                                 target.revision + "\".", page);
  }
  if (status == 401) {
    throw HubError(HubProblem::BadToken,
                   "The Hub refused the access token from " + (access_.tokenSource.empty() ? std::string("Settings") : access_.tokenSource) +
                       ": sign in again with a valid token." + (hubSays.empty() ? "" : " (" + hubSays + ")"),
                   page);
  }
  if (status == 429 || status >= 500) {
    throw HubError(HubProblem::Server, access_.endpoint + " is busy or failing (HTTP " + std::to_string(status) +
                                           "); try again in a few minutes.");
  }
  throw HubError(HubProblem::Server, "The server answered HTTP " + std::to_string(status) +
                                         (hubSays.empty() ? std::string() : ": " + hubSays) + ".");
}

RepoInfo HubClient::repoInfo(const std::string& repoId, const std::string& revision) {
  if (!isValidRepoId(repoId)) throw HubError(HubProblem::BadRequest, "\"" + repoId + "\" is not a model name (organization/name).");
  if (!isValidRevision(revision)) throw HubError(HubProblem::BadRequest, "\"" + revision + "\" is not a revision.");
  HttpRequest request;
  request.url = access_.endpoint + "/api/models/" + repoId + "/revision/" + percentEncode(revision);
  const HttpResponse response = send(request, Redirects::SameOrigin, {repoId, revision, {}});
  if (response.status != 200) throwForStatus(response, {repoId, revision, {}});
  RepoInfo info = repoInfoOf(parseAnswer(response, repoId));
  if (!isCommitHash(info.commit)) {
    throw HubError(HubProblem::Server, "The Hub's answer about " + repoId + " names no commit for revision \"" + revision + "\".");
  }
  if (info.id.empty()) info.id = repoId;
  return info;
}

std::vector<RepoFile> HubClient::listFiles(const std::string& repoId, const std::string& revision) {
  if (!isValidRepoId(repoId)) throw HubError(HubProblem::BadRequest, "\"" + repoId + "\" is not a model name (organization/name).");
  std::vector<RepoFile> files;
  HttpRequest request;
  request.url = access_.endpoint + "/api/models/" + repoId + "/tree/" + percentEncode(revision) + "?recursive=true&expand=false";
  for (int page = 0; !request.url.empty(); ++page) {
    if (page >= kMaxPages) throw HubError(HubProblem::Server, "The file list of " + repoId + " runs past " + std::to_string(kMaxPages) + " pages.");
    const HttpResponse response = send(request, Redirects::SameOrigin, {repoId, revision, {}});
    if (response.status != 200) throwForStatus(response, {repoId, revision, {}});
    const json entries = parseAnswer(response, "the files of " + repoId);
    if (!entries.is_array()) throw HubError(HubProblem::Server, "The Hub's file list of " + repoId + " is not a list.");
    for (const json& entry : entries) {
      if (!entry.is_object() || stringField(entry, "type") != "file") continue;
      RepoFile file;
      file.path = stringField(entry, "path");
      file.gitOid = stringField(entry, "oid");
      const std::int64_t size = integerField(entry, "size");
      file.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
      if (const auto lfs = entry.find("lfs"); lfs != entry.end() && lfs->is_object()) {
        file.lfsSha256 = stringField(*lfs, "oid");
        if (const std::int64_t lfsSize = integerField(*lfs, "size"); lfsSize > 0) file.size = static_cast<std::uint64_t>(lfsSize);
      }
      if (!isValidRepoFilePath(file.path) || !isValidEtag(file.etag())) {
        throw HubError(HubProblem::Server, "The Hub's file list of " + repoId + " has an entry Tiertune cannot use safely: \"" +
                                               file.path + "\".");
      }
      files.push_back(std::move(file));
      if (files.size() > kMaxFiles) {
        throw HubError(HubProblem::Server, repoId + " has more than " + std::to_string(kMaxFiles) + " files; it is not a model Tiertune can download.");
      }
    }
    const std::string next = nextPageLink(response.header("link"));
    if (!next.empty() && originOf(resolveLocation(request.url, next)) != origin_) {
      throw HubError(HubProblem::Server, "The Hub's file list of " + repoId + " continues on another server; it was not followed.");
    }
    request.url = next.empty() ? std::string() : resolveLocation(request.url, next);
  }
  return files;
}

std::vector<RepoInfo> HubClient::search(const std::string& text, int limit) {
  HttpRequest request;
  request.url = access_.endpoint + "/api/models?search=" + percentEncode(text) + "&limit=" + std::to_string(std::clamp(limit, 1, 100)) +
                "&sort=downloads&direction=-1&pipeline_tag=text-generation";
  for (const char* field : {"downloads", "likes", "gated", "private", "pipeline_tag", "safetensors", "config", "sha"}) {
    request.url += std::string("&expand%5B%5D=") + field;
  }
  const HttpResponse response = send(request, Redirects::SameOrigin, {});
  if (response.status != 200) throwForStatus(response, {});
  const json models = parseAnswer(response, "a search");
  if (!models.is_array()) throw HubError(HubProblem::Server, "The Hub's search answer is not a list.");
  std::vector<RepoInfo> found;
  for (const json& model : models) {
    RepoInfo info = repoInfoOf(model);
    if (isValidRepoId(info.id)) found.push_back(std::move(info));
  }
  return found;
}

std::string HubClient::whoAmI() {
  if (access_.token.empty()) throw HubError(HubProblem::NotSignedIn, "No Hugging Face access token is set.");
  HttpRequest request;
  request.url = access_.endpoint + "/api/whoami-v2";
  HttpResponse response;
  try {
    response = send(request, Redirects::SameOrigin, {});
  } catch (const HubError& error) {
    if (error.problem() == HubProblem::BadToken || error.problem() == HubProblem::RepoNotFound) {
      throw HubError(HubProblem::BadToken, "The Hub refused this access token; copy it again from your account's settings "
                                           "(Access Tokens) and check that it has not been revoked.");
    }
    throw;
  }
  const json body = parseAnswer(response, "the access token");
  const std::string name = body.is_object() ? stringField(body, "name") : std::string();
  if (name.empty()) throw HubError(HubProblem::Server, "The Hub's answer about the access token names no account.");
  return name;
}

FileMetadata HubClient::fileMetadata(const std::string& repoId, const std::string& revision, const std::string& path) {
  if (!isValidRepoFilePath(path)) throw HubError(HubProblem::BadRequest, "\"" + path + "\" is not a file path.");
  HttpRequest request;
  request.method = "HEAD";
  request.url = resolveUrl(repoId, revision, path);
  // As huggingface_hub: relative redirects (a renamed repository) are followed; the redirect to the
  // CDN is not, its headers carry the metadata.
  const HttpResponse response = send(request, Redirects::SameOrigin, {repoId, revision, path});
  FileMetadata metadata;
  metadata.commit = response.header("x-repo-commit");
  metadata.etag = unquotedEtag(!response.header("x-linked-etag").empty() ? response.header("x-linked-etag") : response.header("etag"));
  const std::string size = !response.header("x-linked-size").empty() ? response.header("x-linked-size") : response.header("content-length");
  try {
    metadata.size = size.empty() ? 0 : std::stoull(size);
  } catch (const std::exception&) {
    metadata.size = 0;
  }
  if (!isCommitHash(metadata.commit) || !isValidEtag(metadata.etag)) {
    throw HubError(HubProblem::Server, "The server's answer for " + repoId + "/" + path +
                                           " lacks the commit or file identity the Hugging Face Hub sends (X-Repo-Commit, ETag).");
  }
  return metadata;
}

std::string HubClient::readTextFile(const std::string& repoId, const std::string& revision, const std::string& path,
                                    std::size_t maxBytes) {
  if (!isValidRepoFilePath(path)) throw HubError(HubProblem::BadRequest, "\"" + path + "\" is not a file path.");
  std::string text;
  bool tooLarge = false;
  fetchFile(repoId, revision, path, 0, [&](long, std::span<const char> bytes) {
    if (text.size() + bytes.size() > maxBytes) {
      tooLarge = true;
      return false;
    }
    text.append(bytes.data(), bytes.size());
    return true;
  });
  if (tooLarge) {
    throw HubError(HubProblem::Server, repoId + "/" + path + " is larger than " + std::to_string(maxBytes) + " bytes; it was not read.");
  }
  return text;
}

HttpResponse HubClient::fetchFile(const std::string& repoId, const std::string& revision, const std::string& path,
                                  std::uint64_t rangeStart, const BodySink& sink) {
  HttpRequest request;
  request.url = resolveUrl(repoId, revision, path);
  request.rangeStart = rangeStart;
  return send(request, Redirects::Any, {repoId, revision, path}, sink);
}

}  // namespace tiertune::hub
