// "Import dataset": file and model → detected format and field mapping → preview of the first
// rows as the model will see them (trained tokens highlighted) → the validation report of the
// whole file → split and options → import with progress and cancel → summary with the length
// histogram. Every step checks its input before Next; going back keeps the choices. The work runs
// in core/data (previewImport, importDataset) on a background thread. Each step is a page of its
// own (Import…Page); they share the ImportDraft this wizard owns.
#pragma once

#include <QWizard>
#include <optional>

#include "app/gui/importdataset/ImportDraft.h"
#include "core/data/dataset_import.h"

namespace tiertune::gui {

class AppContext;

class ImportDatasetWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { FilePage, FormatPage, PreviewPage, ReportPage, OptionsPage, ImportPage, SummaryPage };

  ImportDatasetWizard(AppContext& context, const QString& file, QWidget* parent = nullptr);
  ~ImportDatasetWizard() override;

  // The request as the pages fill it in.
  data::ImportRequest request() const { return draft_.request(); }
  // Set after the check and the import (for tests and the summary).
  const std::optional<data::ImportResult>& checkResult() const { return draft_.check; }
  const std::optional<data::ImportResult>& importResult() const { return draft_.imported; }

  // No page is left forward while a check or an import runs.
  bool validateCurrentPage() override;

 signals:
  void checkFinished();
  void importFinished();

 private:
  ImportDraft draft_;
};

}  // namespace tiertune::gui
