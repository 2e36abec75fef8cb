// A first start for GUI tests that use the default settings (the test's own XDG folders): no
// settings file and no catalog; then a chat model listed in the new catalog without reading its
// folder. Used by the playground and accessibility tests.
#pragma once

#include <QFile>
#include <filesystem>
#include <string>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"

namespace tiertune::test {

// Removes the settings file and the default catalog's folder; returns the catalog file.
inline std::filesystem::path freshDefaultCatalog() {
  QFile::remove(QString::fromStdString(settings::settingsFile().string()));
  const std::filesystem::path catalogFile = settings::defaultSettings().catalogFile();
  std::filesystem::remove_all(catalogFile.parent_path());
  return catalogFile;
}

inline catalog::Id addChatModelRecord(catalog::Catalog& store, const std::filesystem::path& folder, const std::string& name) {
  catalog::NewModel record;
  record.name = name;
  record.path = folder.string();
  record.hasChatTemplate = true;
  return store.addModel(record);
}

}  // namespace tiertune::test
