#include "app/gui/AppContext.h"

#include "core/util/error.h"

namespace tiertune::gui {

AppContext::AppContext(std::filesystem::path settingsFile, QObject* parent)
    : QObject(parent), settingsFile_(std::move(settingsFile)) {
  try {
    settings_ = settings::loadSettings(settingsFile_);
  } catch (const Error& e) {
    // Keep the user's file untouched: run on the defaults and say why.
    settings_ = settings::defaultSettings();
    settingsError_ = QString::fromStdString(e.what());
  }
  openCatalog();
}

AppContext::~AppContext() = default;

void AppContext::apply(const settings::Settings& newSettings) {
  settings::saveSettings(newSettings, settingsFile_);
  settingsError_.clear();
  const bool dataFolderChanged = newSettings.dataFolder != settings_.dataFolder;
  settings_ = newSettings;
  if (dataFolderChanged || !catalog_) openCatalog();
  emit settingsChanged();
}

void AppContext::openCatalog() {
  catalog_.reset();
  catalogError_.clear();
  try {
    catalog_ = std::make_unique<catalog::Catalog>(catalog::Catalog::open(settings_.catalogFile()));
  } catch (const Error& e) {
    catalogError_ = QString::fromStdString(e.what());
  }
  emit catalogChanged();
}

}  // namespace tiertune::gui
