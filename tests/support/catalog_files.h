// What tests of a shared catalog look at: the catalog files this process holds open, and a small
// model record to hang runs on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog/records.h"

namespace tiertune::test {

// The files under the catalog's name (database, -wal, -shm) this process holds open; with
// onlyDeleted, those whose directory entry is gone: a connection on a deleted log works alone.
inline std::vector<std::string> openCatalogFiles(const std::filesystem::path& catalogFile, bool onlyDeleted) {
  std::vector<std::string> found;
  const std::string prefix = catalogFile.string();
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    const std::string target = std::filesystem::read_symlink(entry.path(), error).string();
    if (error || target.compare(0, prefix.size(), prefix) != 0) continue;
    if (!onlyDeleted || target.find("(deleted)") != std::string::npos) found.push_back(target);
  }
  return found;
}

inline std::vector<std::string> deletedCatalogFiles(const std::filesystem::path& catalogFile) {
  return openCatalogFiles(catalogFile, true);
}

inline catalog::NewModel tinyModelRecord() {
  catalog::NewModel model;
  model.name = "tiny";
  model.path = "/models/tiny";
  model.architecture = "LlamaForCausalLM";
  model.parameterCount = 1000;
  model.contextLength = 256;
  model.vocabSize = 256;
  model.dtype = "float32";
  model.sizeBytes = 4000;
  model.configSha256 = std::string(64, 'c');
  return model;
}

}  // namespace tiertune::test
