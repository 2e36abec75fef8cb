// The documents wizard's page that has a model write the questions and answers: the documents are
// cut into parts, the question job is made in (or found in) DATA_FOLDER/document-jobs/NAME, and
// the model works through the parts on a background thread, showing the part, the pairs kept, the
// parts without a usable reply and the time left. Stopping keeps what was written: the job goes on
// where it stopped, here with Go on or when the wizard is opened again with the same name,
// documents and settings. Next (the review) needs one part done.
#pragma once

#include <QWizardPage>
#include <cstddef>
#include <filesystem>

#include "app/gui/BackgroundJob.h"
#include "app/gui/documents/QaModel.h"
#include "core/documents/qa_job.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class AppContext;
struct DocumentsDraft;

class QaGeneratePage : public QWizardPage {
  Q_OBJECT

 public:
  QaGeneratePage(AppContext& context, DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  void cleanupPage() override;
  bool isComplete() const override;

  // The model of a catalog folder on the graphics card when this computer has a usable one, else
  // on the processor: the default QaModelFactory.
  static QaModel openGenerator(const std::filesystem::path& modelFolder);

  // The line under the progress bar: "Parts done: 12 of 80 · Pairs: 34 · ...".
  static QString progressText(const documents::QaProgress& progress);

  // What a run left, for the page and the tests.
  struct Outcome {
    std::size_t parts = 0, done = 0, pairs = 0, failures = 0;
    bool stopped = false;  // by Stop (or Back) before every part was done
  };
  const Outcome& outcome() const { return outcome_; }

 signals:
  // A run ended: every part done, stopped, or failed.
  void generationFinished();

 private:
  void start();
  void showOutcome();
  void showFailure(const QString& failure);
  void finishWork();
  void startOver();

  AppContext& context_;
  DocumentsDraft& draft_;
  QProgressBar* progress_;
  QLabel* device_;
  QLabel* status_;
  QPushButton* stop_;
  QPushButton* goOn_;
  QPushButton* startOver_;
  Outcome outcome_;
  BackgroundJob job_;
};

}  // namespace tiertune::gui
