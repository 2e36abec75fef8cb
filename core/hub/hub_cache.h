// The model cache that `huggingface_hub` keeps and every Python tool reads, in its own layout, so
// that a model downloaded by either is found by the other and never downloaded twice:
//
//   $HF_HUB_CACHE (else $HF_HOME/hub, else ~/.cache/huggingface/hub)
//   ├── models--ORG--NAME/
//   │   ├── blobs/<etag>                 one file per content: sha256 (LFS files) or git sha1
//   │   ├── blobs/<etag>.incomplete      a download in progress, resumed from its size
//   │   ├── refs/<revision>              the commit a branch or tag pointed to when last fetched
//   │   └── snapshots/<commit>/<path>    relative symlinks to ../../blobs/<etag>
//   └── .locks/models--ORG--NAME/<etag>.lock   flock()ed by whoever writes that blob
//
// Names from the Hub (repository ids, revisions, file paths, etags) become file names here, so each
// is checked before use: nothing the server says can place a file outside the cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tiertune::hub {

// $HF_HUB_CACHE, else $HUGGINGFACE_HUB_CACHE (its older name), else huggingFaceHome()/hub.
std::filesystem::path hubCacheFolder();

// "org/name" or "name": letters, digits, '-', '_', '.', at most 96 characters, no "--" or "..",
// not starting or ending with '-' or '.' (the Hub's own rules).
bool isValidRepoId(const std::string& repoId);
// A branch, tag or commit: non-empty, no "..", no NUL/control characters, no leading '/'; at most 256.
bool isValidRevision(const std::string& revision);
// A file path inside a repository: relative, '/'-separated, no empty, "." or ".." segment, no
// backslash or NUL, at most 1024 characters.
bool isValidRepoFilePath(const std::string& path);
// A blob name: 40 or 64 lowercase hex digits (git sha1, sha256).
bool isValidEtag(const std::string& etag);
// A commit: 40 lowercase hex digits.
bool isCommitHash(const std::string& text);

// "models--org--name" for "org/name". The id must be valid.
std::string repoFolderName(const std::string& repoId);
// "org/name" for "models--org--name"; empty when the folder is not a model's.
std::string repoIdOfFolder(const std::string& folderName);

// One repository's place in the cache. Every path is built from checked names; the constructor
// throws HubError(BadRequest) for an invalid repo id.
class CacheRepo {
 public:
  CacheRepo(std::filesystem::path cacheFolder, std::string repoId);

  const std::filesystem::path& cacheFolder() const { return cacheFolder_; }
  const std::string& repoId() const { return repoId_; }
  std::filesystem::path folder() const;
  std::filesystem::path blobFile(const std::string& etag) const;
  std::filesystem::path incompleteFile(const std::string& etag) const;
  std::filesystem::path lockFile(const std::string& etag) const;
  std::filesystem::path snapshotFolder(const std::string& commit) const;
  std::filesystem::path refFile(const std::string& revision) const;

  // The commit refs/<revision> names, or empty.
  std::string commitOfRef(const std::string& revision) const;
  // Writes refs/<revision> = commit (atomically), as huggingface_hub does for a branch or tag.
  void writeRef(const std::string& revision, const std::string& commit) const;
  // snapshots/<commit>/<path> → the blob, as a relative symlink; a link already there that points
  // elsewhere is replaced atomically. The blob must exist.
  void linkIntoSnapshot(const std::string& commit, const std::string& path, const std::string& etag) const;

 private:
  std::filesystem::path cacheFolder_;
  std::string repoId_;
};

// A model in the cache that can be trained: its snapshot has config.json and all its safetensors
// weights (model.safetensors, or every shard the index names), each a link or file that resolves to
// a regular file inside the cache. Snapshots still downloading, or with only .bin weights, are not
// listed.
struct CachedModel {
  std::string repoId;
  std::string commit;
  std::vector<std::string> refs;  // branches and tags that point at this commit ("main")
  std::filesystem::path folder;   // the snapshot folder: a model folder Tiertune reads
  std::uint64_t bytes = 0;        // of the files in the snapshot
};

// Every complete snapshot under cacheFolder, sorted by repo id then newest first. Looks at no more
// than 10,000 repositories and 100 snapshots each (a cache is far smaller): bounded whatever is there.
std::vector<CachedModel> findCachedModels(const std::filesystem::path& cacheFolder);

}  // namespace tiertune::hub
