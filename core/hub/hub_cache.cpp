#include "core/hub/hub_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>

#include "core/hub/hub_access.h"
#include "core/hub/hub_error.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/path_inside.h"
#include "core/util/read_file.h"

namespace fs = std::filesystem;

namespace tiertune::hub {
namespace {

constexpr std::size_t kMaxRepositories = 10000;
constexpr std::size_t kMaxSnapshotsPerRepository = 100;

bool isHex(const std::string& text, std::size_t length) {
  return text.size() == length &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void require(bool valid, const std::string& what, const std::string& value) {
  if (!valid) throw HubError(HubProblem::BadRequest, "\"" + value + "\" is not a valid " + what + ".");
}

// The files of a snapshot that hold its weights: model.safetensors, or the shards its index names.
// Empty when there are none (or the index cannot be read).
std::vector<std::string> weightFiles(const fs::path& snapshot) {
  std::error_code error;
  if (fs::exists(snapshot / "model.safetensors", error)) return {"model.safetensors"};
  const fs::path index = snapshot / "model.safetensors.index.json";
  if (!fs::exists(index, error)) return {};
  try {
    const nlohmann::json document = parseJsonText(readWholeFile(index, kWeightsIndexLimit), index.string());
    if (!document.is_object() || !document.contains("weight_map") || !document["weight_map"].is_object()) return {};
    std::set<std::string> names;
    for (const auto& [tensor, file] : document["weight_map"].items()) {
      if (!file.is_string() || !isValidRepoFilePath(file.get<std::string>())) return {};
      names.insert(file.get<std::string>());
    }
    return {names.begin(), names.end()};
  } catch (const std::exception&) {
    return {};
  }
}

// The file at name in snapshot when it resolves to a regular file inside the cache; its size.
std::optional<std::uint64_t> resolvedSize(const fs::path& snapshot, const std::string& name, const fs::path& cache) {
  std::error_code error;
  const fs::path target = fs::canonical(snapshot / name, error);
  if (error || !fs::is_regular_file(target, error) || !isInsideFolder(target, cache)) return std::nullopt;
  const auto size = fs::file_size(target, error);
  if (error) return std::nullopt;
  return size;
}

}  // namespace

fs::path hubCacheFolder() {
  for (const char* variable : {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"}) {
    const char* value = std::getenv(variable);
    if (value && *value) return value;
  }
  return huggingFaceHome() / "hub";
}

bool isValidRepoId(const std::string& repoId) {
  static const std::regex pattern(R"(([A-Za-z0-9_.\-]+/)?[A-Za-z0-9_.\-]+)");
  if (repoId.empty() || repoId.size() > 96 || !std::regex_match(repoId, pattern)) return false;
  if (repoId.find("--") != std::string::npos || repoId.find("..") != std::string::npos || repoId.ends_with(".git")) {
    return false;
  }
  std::size_t start = 0;
  while (start <= repoId.size()) {  // each part starts and ends with a letter, digit or '_'
    const std::size_t end = std::min(repoId.find('/', start), repoId.size());
    const std::string part = repoId.substr(start, end - start);
    const auto plain = [](char c) { return c != '-' && c != '.'; };
    if (part.empty() || !plain(part.front()) || !plain(part.back())) return false;
    start = end + 1;
  }
  return true;
}

bool isValidRevision(const std::string& revision) {
  if (revision.empty() || revision.size() > 256 || revision.front() == '/' || revision.back() == '/') return false;
  if (revision.find("..") != std::string::npos || revision.find("//") != std::string::npos) return false;
  return std::none_of(revision.begin(), revision.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\'; });
}

bool isValidRepoFilePath(const std::string& path) {
  if (path.empty() || path.size() > 1024 || path.front() == '/') return false;
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment(path.data() + start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

bool isValidEtag(const std::string& etag) { return isHex(etag, 40) || isHex(etag, 64); }
bool isCommitHash(const std::string& text) { return isHex(text, 40); }

std::string repoFolderName(const std::string& repoId) {
  std::string name = "models--" + repoId;
  if (const auto slash = name.find('/'); slash != std::string::npos) name.replace(slash, 1, "--");
  return name;
}

std::string repoIdOfFolder(const std::string& folderName) {
  if (!folderName.starts_with("models--")) return {};
  std::string id = folderName.substr(8);
  if (const auto separator = id.find("--"); separator != std::string::npos) id.replace(separator, 2, "/");
  return isValidRepoId(id) ? id : std::string();
}

CacheRepo::CacheRepo(fs::path cacheFolder, std::string repoId)
    : cacheFolder_(std::move(cacheFolder)), repoId_(std::move(repoId)) {
  require(isValidRepoId(repoId_), "model name (write it as organization/name, for example Qwen/Qwen2.5-0.5B-Instruct)",
          repoId_);
}

fs::path CacheRepo::folder() const { return cacheFolder_ / repoFolderName(repoId_); }

fs::path CacheRepo::blobFile(const std::string& etag) const {
  require(isValidEtag(etag), "file identity from the Hub", etag);
  return folder() / "blobs" / etag;
}

fs::path CacheRepo::incompleteFile(const std::string& etag) const {
  fs::path file = blobFile(etag);
  file += ".incomplete";
  return file;
}

fs::path CacheRepo::lockFile(const std::string& etag) const {
  require(isValidEtag(etag), "file identity from the Hub", etag);
  return cacheFolder_ / ".locks" / repoFolderName(repoId_) / (etag + ".lock");
}

fs::path CacheRepo::snapshotFolder(const std::string& commit) const {
  require(isCommitHash(commit), "commit", commit);
  return folder() / "snapshots" / commit;
}

fs::path CacheRepo::refFile(const std::string& revision) const {
  require(isValidRevision(revision), "revision", revision);
  return folder() / "refs" / revision;
}

std::string CacheRepo::commitOfRef(const std::string& revision) const {
  const fs::path file = refFile(revision);
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return {};
  try {
    std::string text = readWholeFile(file, FileSizeLimit{4096, "a cache reference"});
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return isCommitHash(text) ? text : std::string();
  } catch (const Error&) {
    return {};
  }
}

void CacheRepo::writeRef(const std::string& revision, const std::string& commit) const {
  require(isCommitHash(commit), "commit", commit);
  const fs::path file = refFile(revision);
  fileErrorsInWords("Cannot record the revision in the model cache", [&] { fs::create_directories(file.parent_path()); });
  writeFileAtomically(file, commit);
}

void CacheRepo::linkIntoSnapshot(const std::string& commit, const std::string& path, const std::string& etag) const {
  require(isValidRepoFilePath(path), "file path from the Hub", path);
  const fs::path link = snapshotFolder(commit) / path;
  const fs::path blob = blobFile(etag);
  const fs::path target = blob.lexically_relative(link.parent_path());
  fileErrorsInWords("Cannot link a downloaded file into the model cache", [&] {
    fs::create_directories(link.parent_path());
    std::error_code error;
    if (fs::is_symlink(fs::symlink_status(link, error)) && fs::read_symlink(link, error) == target) return;
    // A link of a temporary name renamed over the old one: no moment without a file there.
    std::random_device entropy;
    fs::path temporary = link;
    temporary += ".tmp-" + std::to_string(entropy());
    fs::create_symlink(target, temporary);
    fs::rename(temporary, link);
  });
}

std::vector<CachedModel> findCachedModels(const fs::path& cacheFolder) {
  std::vector<CachedModel> models;
  std::error_code error;
  if (!fs::is_directory(cacheFolder, error)) return models;
  std::size_t repositories = 0;
  for (fs::directory_iterator repo(cacheFolder, error), end; !error && repo != end; repo.increment(error)) {
    if (++repositories > kMaxRepositories) break;
    const std::string repoId = repoIdOfFolder(repo->path().filename().string());
    if (repoId.empty() || repo->is_symlink(error) || !repo->is_directory(error)) continue;
    // Which refs point where.
    std::multimap<std::string, std::string> refsOfCommit;
    const CacheRepo cached(cacheFolder, repoId);
    const fs::path refs = repo->path() / "refs";
    std::error_code refsError;
    for (fs::recursive_directory_iterator ref(refs, refsError), refEnd; !refsError && ref != refEnd; ref.increment(refsError)) {
      if (ref.depth() > 4) ref.disable_recursion_pending();
      if (!ref->is_regular_file(refsError)) continue;
      const std::string revision = ref->path().lexically_relative(refs).generic_string();
      if (!isValidRevision(revision)) continue;
      if (const std::string commit = cached.commitOfRef(revision); !commit.empty()) refsOfCommit.emplace(commit, revision);
    }
    std::vector<CachedModel> ofRepo;
    std::size_t snapshots = 0;
    std::error_code snapshotError;
    for (fs::directory_iterator snapshot(repo->path() / "snapshots", snapshotError), snapshotEnd;
         !snapshotError && snapshot != snapshotEnd && ++snapshots <= kMaxSnapshotsPerRepository;
         snapshot.increment(snapshotError)) {
      const std::string commit = snapshot->path().filename().string();
      if (!isCommitHash(commit) || snapshot->is_symlink(error) || !snapshot->is_directory(error)) continue;
      const std::vector<std::string> weights = weightFiles(snapshot->path());
      if (weights.empty() || !resolvedSize(snapshot->path(), "config.json", cacheFolder)) continue;
      CachedModel model{repoId, commit, {}, snapshot->path(), 0};
      bool complete = true;
      for (const std::string& name : weights) {
        const auto size = resolvedSize(snapshot->path(), name, cacheFolder);
        if (!size) {
          complete = false;
          break;
        }
        model.bytes += *size;
      }
      if (!complete) continue;
      for (auto [it, last] = refsOfCommit.equal_range(commit); it != last; ++it) model.refs.push_back(it->second);
      ofRepo.push_back(std::move(model));
    }
    // Newest first: the one a ref points at, then by the folder's time.
    std::sort(ofRepo.begin(), ofRepo.end(), [](const CachedModel& a, const CachedModel& b) {
      if (a.refs.empty() != b.refs.empty()) return !a.refs.empty();
      std::error_code ignored;
      return fs::last_write_time(a.folder, ignored) > fs::last_write_time(b.folder, ignored);
    });
    for (CachedModel& model : ofRepo) models.push_back(std::move(model));
  }
  std::stable_sort(models.begin(), models.end(),
                   [](const CachedModel& a, const CachedModel& b) { return a.repoId < b.repoId; });
  return models;
}

}  // namespace tiertune::hub
