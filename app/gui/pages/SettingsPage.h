// Settings: the data folder (catalog, datasets, checkpoints) and the offload folder (the SSD tier).
// Saving writes the settings file shared with tiertune-cli and reopens the catalog.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tiertune::gui {

class AppContext;

class SettingsPage : public QWidget {
  Q_OBJECT

 public:
  explicit SettingsPage(AppContext& context, QWidget* parent = nullptr);

 public slots:
  // Validates the fields and applies them; problems are shown on the page, not thrown.
  bool save();
  void revert();

 private:
  void showCatalogState();
  void updateButtons();

  AppContext& context_;
  QLineEdit* dataFolder_;
  QLineEdit* offloadFolder_;
  QLabel* catalogState_;
  QLabel* message_;
  QPushButton* saveButton_;
  QPushButton* revertButton_;
};

}  // namespace tiertune::gui
