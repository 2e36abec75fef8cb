// The Import dataset wizard's report page: every row of the file is checked on a background thread
// (a dry run of the import); the rows that cannot be used are listed with their row and line
// numbers and the reason, and the report can be saved as CSV. Next waits for the check; going back
// stops it.
#pragma once

#include <QWizardPage>

#include "app/gui/BackgroundJob.h"
#include "core/data/dataset_import.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace tiertune::gui {

class AppContext;
struct ImportDraft;

class ImportReportPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportReportPage(AppContext& context, ImportDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  void cleanupPage() override;
  bool isComplete() const override { return done_; }

 signals:
  void checkFinished();

 private:
  void runCheck();
  void setDone(bool done);
  void showCheck(data::ImportResult result);

  AppContext& context_;
  ImportDraft& draft_;
  QLabel* status_;
  QTableWidget* reasons_;
  QTableWidget* problems_;
  QPushButton* exportReport_;
  bool done_ = false;  // the check has found rows to use
  BackgroundJob job_;
};

}  // namespace tiertune::gui
