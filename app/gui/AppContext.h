// What every page of the GUI shares: the user's settings and the open catalog. Pages listen to
// catalogChanged() and redraw; SettingsPage changes the settings through apply(). Changes made by
// other processes (training workers, tiertune-cli, another window) and by other threads' connections
// are noticed too: a timer polls the catalog's data version, which moves with every commit that is
// not this connection's own.
#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"

class QTimer;

namespace tiertune::gui {

class AppContext : public QObject {
  Q_OBJECT

 public:
  // Loads the settings from settingsFile and opens the catalog they name. Problems do not throw:
  // they are kept in settingsError() / catalogError() for the pages to show.
  explicit AppContext(std::filesystem::path settingsFile, QObject* parent = nullptr);
  ~AppContext() override;

  const settings::Settings& settings() const { return settings_; }
  // The file the settings come from (the training worker is pointed at the same one).
  const std::filesystem::path& settingsFile() const { return settingsFile_; }
  // Null when the catalog could not be opened; catalogError() says why.
  catalog::Catalog* catalog() { return catalog_.get(); }
  QString catalogError() const { return catalogError_; }
  QString settingsError() const { return settingsError_; }

  // Saves new settings and reopens the catalog in the new data folder. Throws tiertune::Error
  // when the settings cannot be saved; a catalog that cannot be opened is reported through
  // catalogError() as at start.
  void apply(const settings::Settings& newSettings);

  // Tells the pages that the catalog's content changed (after an import, a run, ...).
  void notifyCatalogChanged();

 signals:
  void catalogChanged();
  void settingsChanged();

 private:
  void openCatalog();
  // Emits catalogChanged() when another connection committed since the last look.
  void followCatalog();

  std::filesystem::path settingsFile_;
  settings::Settings settings_;
  std::unique_ptr<catalog::Catalog> catalog_;
  QString catalogError_;
  QString settingsError_;
  QTimer* followTimer_;
  std::int64_t seenDataVersion_ = 0;
};

}  // namespace tiertune::gui
