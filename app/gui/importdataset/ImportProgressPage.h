// The Import dataset wizard's import page: the import runs on a background thread with its
// progress on show; Cancel stops it and leaves the catalog as it was, and Next waits for it to
// finish.
#pragma once

#include <QWizardPage>

#include "app/gui/BackgroundJob.h"
#include "core/data/dataset_import.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class AppContext;
struct ImportDraft;

class ImportProgressPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportProgressPage(AppContext& context, ImportDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  void cleanupPage() override;
  bool isComplete() const override { return done_; }

 signals:
  void importFinished();

 private:
  void runImport();
  void setDone(bool done);
  void showResult(data::ImportResult result);
  void showFailure(const QString& failure);

  AppContext& context_;
  ImportDraft& draft_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* cancel_;
  bool done_ = false;  // the dataset is in the catalog
  BackgroundJob job_;
};

}  // namespace tiertune::gui
