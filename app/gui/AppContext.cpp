#include "app/gui/AppContext.h"

#include <QTimer>

#include "app/gui/ErrorText.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace {

// How often the catalog is asked whether another connection changed it. A look reads the shared
// WAL index (no disk read), so it costs microseconds; a second is how late a status may appear.
constexpr int kFollowMilliseconds = 1000;

}  // namespace

AppContext::AppContext(std::filesystem::path settingsFile, QObject* parent)
    : QObject(parent), settingsFile_(std::move(settingsFile)), followTimer_(new QTimer(this)) {
  followTimer_->setInterval(kFollowMilliseconds);
  connect(followTimer_, &QTimer::timeout, this, &AppContext::followCatalog);
  followTimer_->start();
  try {
    settings_ = settings::loadSettings(settingsFile_);
  } catch (const std::exception& e) {
    // Keep the user's file untouched: run on the defaults and say why.
    settings_ = settings::defaultSettings();
    settingsError_ = errorText(e);
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
    seenDataVersion_ = catalog_->dataVersion();
  } catch (const std::exception& e) {
    catalogError_ = errorText(e);
  }
  emit catalogChanged();
}

void AppContext::notifyCatalogChanged() {
  // What the caller changed is redrawn now; the timer need not announce it again.
  try {
    if (catalog_) seenDataVersion_ = catalog_->dataVersion();
  } catch (const std::exception&) {
    // The next look tries again; the pages redraw below in any case.
  }
  emit catalogChanged();
}

void AppContext::followCatalog() {
  if (!catalog_) return;
  try {
    const std::int64_t version = catalog_->dataVersion();
    if (version == seenDataVersion_) return;
    seenDataVersion_ = version;
  } catch (const std::exception&) {
    return;  // a busy moment; the next look tries again
  }
  emit catalogChanged();
}

}  // namespace tiertune::gui
