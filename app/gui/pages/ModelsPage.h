// Models: the base models in the catalog (Hugging Face folders) with their shape and size; adding
// a folder (checked first, see AddModelDialog) and removing a model from the catalog.
#pragma once

#include "app/gui/pages/CatalogListPage.h"

class QPushButton;

namespace tiertune::gui {

class AddModelDialog;

class ModelsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit ModelsPage(AppContext& context, QWidget* parent = nullptr);

 public slots:
  // Asks for a folder, then checks it in AddModelDialog.
  void chooseModelFolder();
  // Opens the check of folder (window-modal, not blocking) and returns the dialog.
  AddModelDialog* addModelFolder(const QString& folder);
  // Removes the selected model after asking; refused with the reason while runs use it.
  void removeSelectedModel();

 protected:
  QStringList headers() const override;
  std::vector<Row> rows(catalog::Catalog& catalog) const override;

 private:
  void updateButtons();

  QPushButton* add_;
  QPushButton* remove_;
};

}  // namespace tiertune::gui
