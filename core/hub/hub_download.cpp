#include "core/hub/hub_download.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "core/hardware/hardware_report.h"
#include "core/hub/hub_cache.h"
#include "core/hub/hub_error.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

namespace fs = std::filesystem;

namespace tiertune::hub {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kAttemptsWithoutProgress = 6;
// Kept free beyond the files, for the filesystem's own records: 1 MiB and 1% of the files.
std::uint64_t diskMargin(std::uint64_t bytes) { return (1ull << 20) + bytes / 100; }

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool isNeededFile(const std::string& path, bool otherWeights) {
  if (path.find('/') != std::string::npos) return false;  // subfolders hold other formats (original/, onnx/)
  static const char* kExact[] = {"config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                                 "special_tokens_map.json", "tokenizer.model", "vocab.json", "merges.txt",
                                 "added_tokens.json", "chat_template.json", "chat_template.jinja",
                                 "model.safetensors.index.json", "README.md", "USE_POLICY.md", "NOTICE"};
  if (std::find(std::begin(kExact), std::end(kExact), path) != std::end(kExact)) return true;
  const std::string lower = lowerCase(path);
  if (lower.starts_with("license")) return true;
  if (lower.ends_with(".safetensors")) return true;
  if (!otherWeights) return false;
  for (const char* suffix : {".bin", ".pth", ".pt", ".gguf", ".onnx", ".h5", ".msgpack", ".ckpt", ".bin.index.json"}) {
    if (lower.ends_with(suffix)) return true;
  }
  return false;
}

std::uint64_t fileSizeOr(const fs::path& file, std::uint64_t fallback) {
  std::error_code error;
  const auto size = fs::file_size(file, error);
  return error ? fallback : size;
}

// Free bytes on the disk that holds folder (or its nearest existing parent).
std::uint64_t freeBytesAt(fs::path folder) {
  std::error_code error;
  while (!folder.empty() && !fs::exists(folder, error)) folder = folder.parent_path();
  struct statvfs info {};
  if (folder.empty() || ::statvfs(folder.c_str(), &info) != 0) return ~std::uint64_t{0};
  return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

// flock() on the blob's lock file, as huggingface_hub's FileLock: one writer per blob across
// processes. Waits, checking stop.
class BlobLock {
 public:
  BlobLock(const fs::path& file, const std::atomic<bool>& stop) {
    fileErrorsInWords("Cannot create the model cache's lock folder", [&] { fs::create_directories(file.parent_path()); });
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw HubError(HubProblem::Server, file.string() + ": cannot be opened: " + errnoText(errno) + ".");
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (stop.load()) {
        ::close(fd_);
        throw HubError(HubProblem::Cancelled, "The download was cancelled.");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~BlobLock() { ::close(fd_); }
  BlobLock(const BlobLock&) = delete;
  BlobLock& operator=(const BlobLock&) = delete;

 private:
  int fd_ = -1;
};

// Whether the file's bytes are the ones the Hub named: sha256 for a 64-digit etag, the git blob
// id for a 40-digit one.
bool matchesEtag(const fs::path& file, const std::string& etag) {
  return etag.size() == 64 ? sha256HexOfFile(file) == etag : gitBlobIdOfFile(file) == etag;
}

struct Job {
  RepoFile file;
  std::uint64_t alreadyThere = 0;  // counted as done when planned
};

class Download {
 public:
  Download(HubClient& client, const DownloadOptions& options, const CacheRepo& repo, std::string commit,
           const DownloadProgressCallback& progress)
      : client_(client), options_(options), repo_(repo), commit_(std::move(commit)), progressCallback_(progress) {}

  void plan(const std::vector<RepoFile>& files) {
    for (const RepoFile& file : files) {
      Job job{file, 0};
      if (fileSizeOr(repo_.blobFile(file.etag()), ~std::uint64_t{0}) == file.size) {
        job.alreadyThere = file.size;
      } else {
        job.alreadyThere = std::min(fileSizeOr(repo_.incompleteFile(file.etag()), 0), file.size);
      }
      progress_.totalBytes += file.size;
      progress_.doneBytes += job.alreadyThere;
      progress_.reusedBytes += job.alreadyThere;
      jobs_.push_back(std::move(job));
    }
    progress_.filesTotal = static_cast<int>(jobs_.size());
    // Small files first (the model's configuration is there in a second), then the largest first,
    // so that the parallel transfers end together.
    std::stable_sort(jobs_.begin(), jobs_.end(), [](const Job& a, const Job& b) {
      const bool smallA = a.file.size < (1u << 20), smallB = b.file.size < (1u << 20);
      if (smallA != smallB) return smallA;
      return a.file.size > b.file.size;
    });
  }

  std::uint64_t bytesStillNeeded() const {
    std::uint64_t needed = 0;
    for (const Job& job : jobs_) needed += job.file.size - job.alreadyThere;
    return needed;
  }

  // Runs the jobs on up to parallelFiles threads; returns when all are done or one failed.
  void run(const std::atomic<bool>* cancel) {
    HubClient threadClient(client_.access(), &stop_);
    std::vector<std::thread> workers;
    const int threads = std::clamp(options_.parallelFiles, 1, 16);
    for (int i = 0; i < threads && i < static_cast<int>(jobs_.size()); ++i) {
      workers.emplace_back([this, &threadClient] { work(threadClient); });
    }
    while (true) {
      {
        std::lock_guard lock(mutex_);
        if (finishedWorkers_ == static_cast<int>(workers.size())) break;
      }
      if (cancel && cancel->load()) stop_ = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (std::thread& worker : workers) worker.join();
    report(true);
    if (failure_) std::rethrow_exception(failure_);
    if (cancel && cancel->load()) throw HubError(HubProblem::Cancelled, "The download was cancelled.");
  }

  std::uint64_t downloadedBytes() const { return downloaded_; }
  std::uint64_t reusedBytes() const { return progress_.reusedBytes; }

 private:
  void work(HubClient& client) {
    while (true) {
      std::optional<Job> job;
      {
        std::lock_guard lock(mutex_);
        if (stop_ || next_ >= jobs_.size()) {
          ++finishedWorkers_;
          return;
        }
        job = jobs_[next_++];
      }
      try {
        fetch(client, *job);
        std::lock_guard lock(mutex_);
        ++progress_.filesDone;
      } catch (...) {
        std::lock_guard lock(mutex_);
        // The first real failure is the one to tell; cancels that follow it are its echo.
        if (!failure_) failure_ = std::current_exception();
        stop_ = true;
      }
    }
  }

  void count(std::int64_t bytes, bool fresh) {
    std::lock_guard lock(mutex_);
    progress_.doneBytes = static_cast<std::uint64_t>(static_cast<std::int64_t>(progress_.doneBytes) + bytes);
    if (fresh) downloaded_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(downloaded_) + bytes);
    reportLocked(false);
  }

  void event(std::string text) {
    std::lock_guard lock(mutex_);
    progress_.lastEvent = std::move(text);
    reportLocked(true);
    progress_.lastEvent.clear();
  }

  void report(bool now) {
    std::lock_guard lock(mutex_);
    reportLocked(now);
  }

  void reportLocked(bool now) {
    const auto time = Clock::now();
    if (!now && time - lastReport_ < std::chrono::milliseconds(100)) return;
    lastReport_ = time;
    // The rate over the last few seconds of this download's own bytes.
    samples_.emplace_back(time, downloaded_);
    while (samples_.size() > 2 && time - samples_.front().first > std::chrono::seconds(5)) samples_.pop_front();
    const double seconds = std::chrono::duration<double>(time - samples_.front().first).count();
    if (seconds > 0.5) {
      progress_.bytesPerSecond = static_cast<double>(downloaded_ - samples_.front().second) / seconds;
      progress_.secondsLeft = progress_.bytesPerSecond > 0
                                  ? static_cast<double>(progress_.totalBytes - progress_.doneBytes) / progress_.bytesPerSecond
                                  : -1;
    }
    if (progressCallback_) progressCallback_(progress_);
  }

  void fetch(HubClient& client, const Job& job) {
    const RepoFile& file = job.file;
    const std::string etag = file.etag();
    const fs::path blob = repo_.blobFile(etag);
    fileErrorsInWords("Cannot create the model cache", [&] { fs::create_directories(blob.parent_path()); });
    BlobLock lock(repo_.lockFile(etag), stop_);
    std::uint64_t counted = job.alreadyThere;  // what the progress counts of this file
    if (fileSizeOr(blob, ~std::uint64_t{0}) == file.size) {
      if (counted < file.size) count(static_cast<std::int64_t>(file.size - counted), false);  // another process finished it
      return;
    }
    const fs::path incomplete = repo_.incompleteFile(etag);
    bool refetchedOnce = false;
    int attemptsWithoutProgress = 0;
    while (true) {
      const int fd = ::open(incomplete.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0) throw HubError(HubProblem::Server, incomplete.string() + ": cannot be opened: " + errnoText(errno) + ".");
      struct stat opened {};
      ::fstat(fd, &opened);
      std::uint64_t offset = static_cast<std::uint64_t>(opened.st_size);
      const auto truncate = [&] {
        if (::ftruncate(fd, 0) != 0) {
          throw HubError(HubProblem::Server, incomplete.string() + ": cannot be emptied: " + errnoText(errno) + ".");
        }
        count(-static_cast<std::int64_t>(counted), false);
        counted = 0;
        offset = 0;
      };
      if (offset != counted) {  // another process wrote here since the plan
        count(static_cast<std::int64_t>(std::min(offset, file.size)) - static_cast<std::int64_t>(counted), false);
        counted = std::min(offset, file.size);
      }
      if (offset > file.size) truncate();
      std::optional<HubError> dropped;
      if (offset < file.size) {
        if (offset > 0) event("resumed " + file.path + " at byte " + std::to_string(offset) + " of " + std::to_string(file.size));
        const std::uint64_t before = offset;
        bool first = true;
        // Nothing may be thrown through libcurl: a failure is kept, the transfer stopped, and the
        // failure thrown once curl has returned.
        std::exception_ptr writeFailure;
        const auto write = [&](long status, std::span<const char> bytes) {
          if (first && status == 200 && offset > 0) truncate();  // the server cannot resume: from the start
          first = false;
          if (offset + bytes.size() > file.size) return false;  // longer than the Hub said: stop, refused below
          std::size_t written = 0;
          while (written < bytes.size()) {
            const ssize_t result = ::pwrite(fd, bytes.data() + written, bytes.size() - written, static_cast<off_t>(offset + written));
            if (result < 0 && errno == EINTR) continue;
            if (result < 0) {
              const int reason = errno;
              throw HubError(reason == ENOSPC || reason == EDQUOT ? HubProblem::DiskFull : HubProblem::Server,
                             reason == ENOSPC || reason == EDQUOT
                                 ? "The disk of the model cache (" + repo_.cacheFolder().string() + ") is full; " + file.path +
                                       " stopped at " + hardware::formatBytes(offset) + ". Free some space and download again: it continues where it stopped."
                                 : incomplete.string() + ": cannot be written: " + errnoText(reason) + ".");
            }
            written += static_cast<std::size_t>(result);
          }
          offset += bytes.size();
          counted += bytes.size();
          count(static_cast<std::int64_t>(bytes.size()), true);
          return true;
        };
        const BodySink sink = [&](long status, std::span<const char> bytes) -> bool {
          try {
            return write(status, bytes);
          } catch (...) {
            writeFailure = std::current_exception();
            return false;
          }
        };
        try {
          client.fetchFile(options_.repoId, commit_, file.path, offset, sink);
          if (writeFailure) std::rethrow_exception(writeFailure);
        } catch (const HubError& error) {
          if (error.problem() != HubProblem::Network) {
            ::close(fd);
            throw;
          }
          dropped = error;
        } catch (...) {
          ::close(fd);
          throw;
        }
        attemptsWithoutProgress = offset > before ? 0 : attemptsWithoutProgress + 1;
      }
      if (dropped || offset < file.size) {
        ::close(fd);
        if (attemptsWithoutProgress >= kAttemptsWithoutProgress) {
          throw HubError(HubProblem::Network, dropped ? std::string(dropped->what()) + " Download again later: it continues where it stopped."
                                                      : file.path + " arrived shorter than the Hub said; download again later.");
        }
        event("connection dropped in " + file.path + " at byte " + std::to_string(offset) + "; resuming");
        for (int wait = 0; wait < attemptsWithoutProgress * 10; ++wait) {  // 0.1 s slices: cancel stays prompt
          if (stop_) throw HubError(HubProblem::Cancelled, "The download was cancelled.");
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        continue;
      }
      if (::fsync(fd) != 0) {
        const int reason = errno;
        ::close(fd);
        throw HubError(HubProblem::Server, incomplete.string() + ": cannot be flushed to disk: " + errnoText(reason) + ".");
      }
      ::close(fd);
      if (!matchesEtag(incomplete, etag)) {
        std::error_code ignored;
        fs::remove(incomplete, ignored);
        count(-static_cast<std::int64_t>(counted), false);
        counted = 0;
        if (!refetchedOnce) {
          refetchedOnce = true;
          event(file.path + " arrived damaged (its hash does not match the Hub's); fetching it again");
          continue;
        }
        throw HubError(HubProblem::Corrupt, file.path + " of " + options_.repoId +
                                                " arrived damaged twice (its bytes do not match the hash the Hub gives). "
                                                "A proxy or the network may be altering downloads; it was not kept.");
      }
      fileErrorsInWords("Cannot move a finished download into the model cache", [&] { fs::rename(incomplete, blob); });
      syncFolder(blob.parent_path());
      return;
    }
  }

  HubClient& client_;
  const DownloadOptions& options_;
  const CacheRepo& repo_;
  std::string commit_;
  const DownloadProgressCallback& progressCallback_;

  std::vector<Job> jobs_;
  std::mutex mutex_;
  std::size_t next_ = 0;
  int finishedWorkers_ = 0;
  std::atomic<bool> stop_{false};
  std::exception_ptr failure_;
  DownloadProgress progress_;
  std::uint64_t downloaded_ = 0;
  Clock::time_point lastReport_{};
  std::deque<std::pair<Clock::time_point, std::uint64_t>> samples_;
};

}  // namespace

std::vector<RepoFile> filesToDownload(const std::vector<RepoFile>& listing, bool otherWeights) {
  std::vector<RepoFile> chosen;
  for (const RepoFile& file : listing) {
    if (isNeededFile(file.path, otherWeights)) chosen.push_back(file);
  }
  return chosen;
}

DownloadResult downloadModel(HubClient& client, const DownloadOptions& options, const DownloadProgressCallback& progress,
                             const std::atomic<bool>* cancel) {
  const CacheRepo repo(options.cacheFolder.empty() ? hubCacheFolder() : options.cacheFolder, options.repoId);
  const RepoInfo info = client.repoInfo(options.repoId, options.revision);
  const std::vector<RepoFile> listing = client.listFiles(options.repoId, info.commit);
  const std::vector<RepoFile> files = filesToDownload(listing, options.otherWeights);
  const bool hasSafetensors =
      std::any_of(files.begin(), files.end(), [](const RepoFile& file) { return file.path.ends_with(".safetensors"); });
  if (!hasSafetensors) {
    const bool hasBin = std::any_of(listing.begin(), listing.end(), [](const RepoFile& file) { return file.path.ends_with(".bin"); });
    const bool hasGguf = std::any_of(listing.begin(), listing.end(), [](const RepoFile& file) { return file.path.ends_with(".gguf"); });
    throw HubError(HubProblem::NoWeights,
                   options.repoId + " has no safetensors weights" +
                       (hasGguf ? " (only GGUF files, which are for running a model, not for training it)"
                                : hasBin ? " (only PyTorch .bin files)" : "") +
                       ". Look for a version of the model published in safetensors.",
                   client.modelPage(options.repoId));
  }
  Download download(client, options, repo, info.commit, progress);
  download.plan(files);
  const std::uint64_t needed = download.bytesStillNeeded();
  const std::uint64_t available = freeBytesAt(repo.folder());
  if (needed + diskMargin(needed) > available) {
    throw HubError(HubProblem::DiskFull, options.repoId + " needs " + hardware::formatBytes(needed) + " more in the model cache (" +
                                             repo.cacheFolder().string() + "), and that disk has " + hardware::formatBytes(available) +
                                             " free. Free some space, or set HF_HUB_CACHE to a folder on a larger disk.");
  }
  download.run(cancel);
  for (const RepoFile& file : files) repo.linkIntoSnapshot(info.commit, file.path, file.etag());
  if (options.revision != info.commit) repo.writeRef(options.revision, info.commit);
  return DownloadResult{options.repoId, info.commit, repo.snapshotFolder(info.commit), download.downloadedBytes(),
                        download.reusedBytes(), static_cast<int>(files.size())};
}

}  // namespace tiertune::hub
