// The documents wizard's import page: the documents cut into parts and imported as text, or the
// question-answer pairs kept in the review imported as conversations, on a background thread with progress and
// Cancel, which leaves the catalog as it was. Once the dataset is in the catalog the wizard moves
// on to the summary by itself.
#pragma once

#include <QWizardPage>

#include "app/gui/BackgroundJob.h"
#include "core/documents/document_dataset.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class AppContext;
struct DocumentsDraft;

class DocumentImportPage : public QWizardPage {
  Q_OBJECT

 public:
  DocumentImportPage(AppContext& context, DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  void cleanupPage() override;
  bool isComplete() const override { return done_; }

 signals:
  // An import ended: done, cancelled or failed.
  void importFinished();

 private:
  void runImport();
  void setDone(bool done);
  void showResult(documents::DocumentImportResult result);
  void showFailure(const QString& failure);
  void finishWork();

  AppContext& context_;
  DocumentsDraft& draft_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* cancel_;
  QPushButton* again_;
  bool done_ = false;  // the dataset is in the catalog
  BackgroundJob job_;
};

}  // namespace tiertune::gui
