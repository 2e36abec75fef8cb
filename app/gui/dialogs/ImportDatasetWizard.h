// "Import dataset": file and model → detected format and field mapping → preview of the first
// rows as the model will see them (trained tokens highlighted) → the validation report of the
// whole file → split and options → import with progress and cancel → summary with the length
// histogram. Every step checks its input before Next; going back keeps the choices. The work runs
// in core/data (previewImport, importDataset) on a background thread.
#pragma once

#include <QWizard>
#include <memory>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

#include "core/data/dataset_import.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QCheckBox;
class QTableWidget;
class QTextBrowser;

namespace tiertune::gui {

class AppContext;
class LengthHistogram;
class RangeNote;

class ImportDatasetWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { FilePage, FormatPage, PreviewPage, ReportPage, OptionsPage, ImportPage, SummaryPage };

  ImportDatasetWizard(AppContext& context, const QString& file, QWidget* parent = nullptr);
  ~ImportDatasetWizard() override;

  // The request as the pages fill it in.
  data::ImportRequest request() const;
  // Set after the check and the import (for tests and the summary).
  const std::optional<data::ImportResult>& checkResult() const { return check_; }
  const std::optional<data::ImportResult>& importResult() const { return imported_; }

  bool validateCurrentPage() override;
  void initializePage(int id) override;
  void cleanupPage(int id) override;

 signals:
  void checkFinished();
  void importFinished();

 private:
  QWizardPage* makeFilePage();
  QWizardPage* makeFormatPage();
  QWizardPage* makePreviewPage();
  QWizardPage* makeReportPage();
  QWizardPage* makeOptionsPage();
  QWizardPage* makeImportPage();
  QWizardPage* makeSummaryPage();
  void runCheck();
  void runImport();
  void showError(QLabel* label, const QString& text);
  QString filePageProblem() const;  // empty when the file page may be left
  // The longest example: the model's context at most, and by default when it is under 2,048.
  void fitLongestExampleToModel();

  AppContext& context_;
  // File page
  QLineEdit* file_;
  QComboBox* model_;
  QLineEdit* name_;
  QLabel* fileError_;
  bool filePageChecked_ = false;  // by Next: from then on fileError_ follows the input
  // Format page
  QComboBox* shape_;
  QLineEdit* mapping_;
  QLabel* detected_;
  QLabel* formatError_;
  // Preview page
  QTextBrowser* preview_;
  // Report page
  QLabel* checkStatus_;
  QTableWidget* reasons_;
  QTableWidget* problems_;
  QPushButton* exportReport_;
  // Options page
  QDoubleSpinBox* validationShare_;
  QSpinBox* seed_;
  QSpinBox* maxTokens_;
  QComboBox* tooLong_;
  QComboBox* lossOn_;
  QCheckBox* removeDuplicates_;
  RangeNote* optionsNote_;      // what a box refused or changed
  int defaultMaxTokens_ = 2048;  // the longest example offered; a value the person chose is kept
  // Import page
  QProgressBar* progress_;
  QLabel* importStatus_;
  QPushButton* cancel_;
  // Summary page
  QLabel* summary_;
  LengthHistogram* histogram_;

  std::vector<data::PreviewRow> previewRows_;  // read when the format page is left
  std::optional<data::ImportResult> check_;
  std::optional<data::ImportResult> imported_;
  bool working_ = false;
  std::stop_source stop_;
  std::jthread worker_;
};

}  // namespace tiertune::gui
