// Models: the base models in the catalog (Hugging Face folders) with their shape and size; adding
// a folder (checked first, see AddModelDialog), downloading one from the Hugging Face Hub
// (DownloadModelDialog), adding one found in the shared cache, and removing a model from the catalog.
#pragma once

#include "app/gui/pages/CatalogListPage.h"

class QPushButton;

namespace tiertune::gui {

class AddModelDialog;
class CachedModelsPanel;
class DownloadModelDialog;

class ModelsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit ModelsPage(AppContext& context, QWidget* parent = nullptr);

 public slots:
  // Opens the Hub download dialog (window-modal, not blocking) and returns it.
  DownloadModelDialog* downloadModel();
  // Asks for a folder, then checks it in AddModelDialog.
  void chooseModelFolder();
  // Opens the check of folder (window-modal, not blocking) and returns the dialog.
  AddModelDialog* addModelFolder(const QString& folder, const QString& suggestedName = {});
  // Removes the selected model after asking; refused with the reason while runs use it.
  void removeSelectedModel();

 protected:
  QStringList headers() const override;
  std::vector<Row> rows(catalog::Catalog& catalog) const override;

 private:
  void updateButtons();

  QPushButton* download_;
  QPushButton* add_;
  QPushButton* remove_;
  CachedModelsPanel* cached_;
};

}  // namespace tiertune::gui
