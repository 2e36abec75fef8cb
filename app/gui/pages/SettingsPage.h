// Settings: the data folder (catalog, datasets, checkpoints), the offload folder (the SSD tier)
// and the language.
// Saving writes the settings file shared with tiertune-cli and reopens the catalog.
#pragma once

#include <QWidget>
#include <string>

class QComboBox;
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
  // Why folder cannot be the offload folder, in words; empty when it can.
  QString offloadFolderProblem(const QString& folder) const;
  void updateButtons();
  std::string chosenLanguage() const;  // empty: follow the system

  AppContext& context_;
  QLineEdit* dataFolder_;
  QLineEdit* offloadFolder_;
  QComboBox* language_;
  QLineEdit* hubServer_;
  QLabel* catalogState_;
  QLabel* message_;
  QPushButton* saveButton_;
  QPushButton* revertButton_;
};

}  // namespace tiertune::gui
