// Datasets: the imported training data with the model it was prepared for, format, split sizes and
// token counts; importing a file (ImportDatasetWizard), making one from the team's documents
// (DocumentsWizard), trying one of the bundled examples, and deleting a dataset with its files.
#pragma once

#include <vector>

#include "app/gui/pages/CatalogListPage.h"
#include "core/catalog/records.h"

class QPushButton;

namespace tiertune::gui {

class DocumentsWizard;
class ImportDatasetWizard;

class DatasetsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit DatasetsPage(AppContext& context, QWidget* parent = nullptr);

 public slots:
  // Asks for a file, then opens the wizard on it.
  void chooseDatasetFile();
  // Opens the import wizard (window-modal, not blocking) on file and returns it.
  ImportDatasetWizard* importDataset(const QString& file);
  // Opens the "Make a dataset from documents" wizard (window-modal, not blocking) and returns it.
  DocumentsWizard* makeFromDocuments();
  // Copies the bundled example chat dataset into the data folder and opens the wizard on it.
  ImportDatasetWizard* tryExample();
  // Deletes the selected dataset and its files after asking.
  void deleteSelectedDataset();

 protected:
  QStringList headers() const override;
  std::vector<Row> rows(catalog::Catalog& catalog) const override;

 public:
  // The model a dataset's tokens were made with (a dataset belongs to a tokenizer): its catalog
  // name, else its folder's name; empty when the row does not say.
  static QString preparedFor(const catalog::DatasetRecord& dataset, const std::vector<catalog::ModelRecord>& models);

 private:
  void updateButtons();

  QPushButton* import_;
  QPushButton* documents_;
  QPushButton* example_;
  QPushButton* delete_;
};

}  // namespace tiertune::gui
