// A model from the Hub into the shared cache, so that a flaky network cannot spoil it:
// - only what a fine-tune needs (configs, tokenizer files, safetensors weights and their index, the
//   licence and model card), unless other weights are asked for;
// - free disk space checked before the first byte; files fetched in parallel, each resumed with a
//   Range request from its .incomplete file after a dropped connection, a cancel or a restart;
// - each file's bytes checked against the identity the Hub gives (SHA-256 of LFS files, the git
//   blob id of the others) before it counts; a mismatch is fetched again once, then refused;
// - one writer per blob across processes (flock on the cache's .locks file, as huggingface_hub);
// - the snapshot's links and the ref written only when every file is complete, so a partial
//   download never looks like a model (findCachedModels also checks).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/hub/hub_client.h"

namespace tiertune::hub {

struct DownloadOptions {
  std::string repoId;
  std::string revision = "main";
  bool otherWeights = false;  // also .bin, .pth, .pt, .gguf, .onnx, .h5, .msgpack, .ckpt
  int parallelFiles = 4;
  std::filesystem::path cacheFolder;  // empty: hubCacheFolder()
};

struct DownloadProgress {
  std::uint64_t totalBytes = 0;   // of all the files, those already in the cache included
  std::uint64_t doneBytes = 0;    // in the cache now (reused, resumed and new)
  std::uint64_t reusedBytes = 0;  // were already there (complete blobs, or partial ones resumed)
  double bytesPerSecond = 0;      // of this download, over the last few seconds
  double secondsLeft = -1;        // -1: unknown yet
  int filesTotal = 0;
  int filesDone = 0;
  std::string lastEvent;          // "resumed model-00001-of-00002.safetensors at 1.2 GB", for logs
};
using DownloadProgressCallback = std::function<void(const DownloadProgress&)>;

struct DownloadResult {
  std::string repoId;
  std::string commit;
  std::filesystem::path folder;  // the snapshot folder: a model folder
  std::uint64_t downloadedBytes = 0;
  std::uint64_t reusedBytes = 0;
  int files = 0;
};

// The files of a listing a fine-tune needs: top-level config and tokenizer files, safetensors
// weights and index, licence and card; with otherWeights also the other weight formats.
std::vector<RepoFile> filesToDownload(const std::vector<RepoFile>& listing, bool otherWeights);

// Downloads and returns the snapshot. Throws HubError: NoWeights when the model has no safetensors
// weights, DiskFull before any byte when the cache's disk lacks the space (or when it fills),
// Corrupt, Cancelled (what arrived stays, to be resumed), and those of HubClient. progress is
// called from worker threads, serialized, at most ten times a second (and at the end).
DownloadResult downloadModel(HubClient& client, const DownloadOptions& options, const DownloadProgressCallback& progress,
                             const std::atomic<bool>* cancel);

}  // namespace tiertune::hub
