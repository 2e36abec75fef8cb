#include "app/gui/documents/QaGeneratePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>
#include <atomic>
#include <optional>
#include <stop_token>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/NumberText.h"
#include "app/gui/TabOrder.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"
#include "app/gui/history/RunText.h"
#include "core/documents/document_chunks.h"
#include "core/documents/document_dataset.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/hardware/backend_choice.h"
#include "core/util/error.h"
#include "kernels/gpu_probe.h"
#include "kernels/memory_meter.h"

namespace tiertune::gui {

namespace fs = std::filesystem;
using namespace tiertune::documents;

QaGeneratePage::QaGeneratePage(AppContext& context, DocumentsDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Writing the questions and answers"));
  setSubTitle(tr("The model reads each part and writes its questions with their answers. This can take long; you "
                 "can stop at any time and go on later: what was written is kept."));
  setPageHelp(this, tr("The model works through the parts one by one. A reply that cannot be used (not the list of "
                       "questions that was asked for) is asked for once more; a part whose two replies cannot be used "
                       "is listed on the next page with the replies, and nothing of it is kept. Stop keeps what was "
                       "written: Go on continues, and opening this wizard again with the same name, documents and "
                       "settings goes on where it stopped. Next shows the pairs for review."));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("generateProgress"));
  progress_->setAccessibleName(tr("Progress of the questions"));
  progress_->setRange(0, 1);
  device_ = wrappedLabel("generateDevice");
  status_ = wrappedLabel("generateStatus");
  stop_ = new QPushButton(tr("Stop"));
  stop_->setAutoDefault(false);  // Return stays the wizard's Next
  stop_->setObjectName(QStringLiteral("stopGenerating"));
  stop_->setToolTip(tr("Stops after the reply being written; what was written is kept."));
  connect(stop_, &QPushButton::clicked, this, [this] {
    job_.requestStop();
    keepFocusOn(this, stop_);
    stop_->setEnabled(false);
    status_->setText(tr("Stopping after the reply being written…"));
  });
  goOn_ = new QPushButton(tr("Go on"));
  goOn_->setAutoDefault(false);
  goOn_->setObjectName(QStringLiteral("goOnGenerating"));
  goOn_->hide();
  connect(goOn_, &QPushButton::clicked, this, &QaGeneratePage::start);
  startOver_ = new QPushButton(tr("Start over…"));
  startOver_->setAutoDefault(false);
  startOver_->setObjectName(QStringLiteral("startOverGenerating"));
  startOver_->setToolTip(tr("Deletes the questions written before for this name, and writes them anew."));
  startOver_->hide();
  connect(startOver_, &QPushButton::clicked, this, &QaGeneratePage::startOver);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(stop_);
  buttons->addWidget(goOn_);
  buttons->addWidget(startOver_);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(device_);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addLayout(buttons);
  layout->addStretch(1);
}

QaModel QaGeneratePage::openGenerator(const fs::path& modelFolder) {
  const hardware::BackendChoice choice =
      hardware::chooseBackend(kernels::probeGpus(), hardware::BackendRequest::Auto, std::nullopt);
  std::unique_ptr<kernels::Backend> backend = hardware::makeChosenBackend(choice, kernels::MemoryUse{}.limit);
  QaGenerator generator = openQaGenerator(*backend, modelFolder);
  const QString device =
      choice.gpu ? tr("the graphics card %1").arg(QString::fromStdString(choice.gpu->name))
                 : tr("the processor (no graphics card that Tiertune can use was found), which is much slower");
  return QaModel{std::move(backend), std::move(generator.runner), nullptr, std::move(generator.text), device};
}

QString QaGeneratePage::progressText(const QaProgress& progress) {
  const QLocale locale;
  const auto number = [&locale](std::size_t value) { return locale.toString(static_cast<qulonglong>(value)); };
  // Parts done rather than the part being written: the real generator writes several at once.
  QStringList pieces;
  pieces << tr("Parts done: %1 of %2").arg(number(progress.chunksDone), number(progress.chunksTotal));
  pieces << tr("Pairs: %1").arg(number(progress.pairs));
  if (progress.failures > 0) pieces << tr("Parts without a usable reply: %1").arg(number(progress.failures));
  if (progress.secondsLeft) pieces << tr("About %1 left").arg(RunText::duration(*progress.secondsLeft));
  return pieces.join(QStringLiteral(" · "));
}

void QaGeneratePage::initializePage() { start(); }

void QaGeneratePage::cleanupPage() {
  job_.requestStop();
  QWizardPage::cleanupPage();
}

bool QaGeneratePage::isComplete() const { return !draft_.working && outcome_.done > 0; }

void QaGeneratePage::start() {
  outcome_ = {};
  draft_.working = true;
  emit completeChanged();
  draft_.jobFolder = documentJobFolder(context_.settings().dataFolder, draft_.name);
  progress_->setRange(0, 0);  // busy until the parts are counted
  progress_->show();
  device_->clear();
  showAsProblem(status_, false);
  status_->setText(tr("Cutting the documents into parts…"));
  stop_->setEnabled(true);
  stop_->show();
  keepFocusOn(this, goOn_);
  keepFocusOn(this, startOver_);
  goOn_->hide();
  startOver_->hide();
  const std::vector<Document> documents = draft_.documents();
  const ChunkSettings chunkSettings = draft_.questionChunks;
  const QaSettings settings = draft_.qa;
  const fs::path jobFolder = draft_.jobFolder;
  const QString generatorName = draft_.generatorName;
  const QaModelFactory open = draft_.openGenerator ? draft_.openGenerator : QaModelFactory(&QaGeneratePage::openGenerator);
  const QPointer<QaGeneratePage> self(this);
  job_.start(
      this,
      [self, documents, chunkSettings, settings, jobFolder, generatorName, open](std::stop_token stop) {
        Outcome outcome;
        // Parts measured in the generator's tokens: they must fit its context with the prompt.
        const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(settings.modelFolder);
        const ChunkResult chunking = chunkDocuments(documents, tokenizer, chunkSettings);
        if (chunking.chunks.empty()) throw Error(tr("The documents gave no text to write questions about.").toStdString());
        QaJob job = QaJob::create(jobFolder, settings, qaChunks(documents, chunking.chunks));
        outcome.parts = job.chunks().size();
        const qulonglong parts = outcome.parts, done = job.finishedCount();
        deliverToGui(self, [parts, done, generatorName](QaGeneratePage& page) {
          page.progress_->setRange(0, static_cast<int>(parts));
          page.progress_->setValue(static_cast<int>(done));
          if (done < parts) page.status_->setText(tr("Opening %1…").arg(generatorName));
        });
        if (!job.complete() && !stop.stop_requested()) {
          QaModel model = open(settings.modelFolder);
          deliverToGui(self, [generatorName, device = model.device](QaGeneratePage& page) {
            page.device_->setText(tr("%1 writes on %2.").arg(generatorName, device));
          });
          std::atomic<bool> cancel{false};
          const std::stop_callback onStop(stop, [&cancel] { cancel = true; });
          const QaProgressSink progress = [self](const QaProgress& p) {
            const int value = static_cast<int>(p.chunksDone);
            const QString text = progressText(p);
            deliverToGui(self, [value, text](QaGeneratePage& page) {
              page.progress_->setValue(value);
              if (page.stop_->isEnabled()) page.status_->setText(text);  // else: stopping, and it says so
            });
          };
          if (model.runner) job.runBatched(*model.runner, model.text, progress, &cancel);
          else job.run(*model.model, model.text, progress, &cancel);
        }
        outcome.done = job.finishedCount();
        outcome.pairs = job.pairCount();
        outcome.failures = job.failureCount();
        outcome.stopped = !job.complete();
        return outcome;
      },
      [](QaGeneratePage& page, Outcome outcome) {
        page.outcome_ = outcome;
        page.finishWork();
        page.showOutcome();
        emit page.generationFinished();
      },
      [](QaGeneratePage& page, const QString& failure) {
        page.finishWork();
        page.showFailure(failure);
        emit page.generationFinished();
      });
}

void QaGeneratePage::finishWork() {
  draft_.working = false;
  keepFocusOn(this, stop_);
  stop_->setEnabled(false);
  stop_->hide();
  emit completeChanged();
}

void QaGeneratePage::showOutcome() {
  const QLocale locale;
  const auto number = [&locale](std::size_t value) { return locale.toString(static_cast<qulonglong>(value)); };
  progress_->setRange(0, static_cast<int>(std::max<std::size_t>(outcome_.parts, 1)));
  progress_->setValue(static_cast<int>(outcome_.done));
  QString text;
  if (outcome_.stopped) {
    text = tr("Stopped after %1 of %2 parts. Pairs: %3. What was written is kept: Go on continues, and so does "
              "opening this wizard again with the same name, documents and settings. Next reviews the pairs written "
              "so far.")
               .arg(number(outcome_.done), number(outcome_.parts), number(outcome_.pairs));
    goOn_->setText(tr("Go on"));
    goOn_->show();
  } else {
    text = tr("Every part is done. Parts: %1. Pairs: %2.").arg(number(outcome_.parts), number(outcome_.pairs));
  }
  if (outcome_.failures > 0) {
    text = nextSentence(text, tr("Parts without a usable reply: %1 (listed with the replies on the next page).")
                                   .arg(number(outcome_.failures)));
  }
  if (!outcome_.stopped && outcome_.pairs == 0) {
    text = nextSentence(text, tr("The model gave no usable reply for any part: the next page shows its replies. A "
                                  "larger instruct model, or a simpler prompt, usually does better."));
  }
  showAsProblem(status_, !outcome_.stopped && outcome_.pairs == 0);
  status_->setText(text);
  startOver_->show();
}

void QaGeneratePage::showFailure(const QString& failure) {
  progress_->hide();
  showAsProblem(status_, true);
  status_->setText(tr("The questions could not be written: %1").arg(failure));
  goOn_->setText(tr("Try again"));
  goOn_->show();
  std::error_code error;
  // A job of other settings in the folder: it can be replaced.
  startOver_->setVisible(fs::exists(draft_.jobFolder / "job.json", error));
}

void QaGeneratePage::startOver() {
  const auto answer = QMessageBox::question(
      this, tr("Start over"),
      tr("Delete the questions and answers written before for “%1”, with their review, and write them anew?")
          .arg(QString::fromStdString(draft_.name)));
  if (answer != QMessageBox::Yes) return;
  std::error_code error;
  fs::remove_all(draft_.jobFolder, error);
  if (error) {
    showAsProblem(status_, true);
    status_->setText(tr("%1 could not be deleted: %2")
                         .arg(QString::fromStdString(draft_.jobFolder.string()), QString::fromStdString(error.message())));
    return;
  }
  start();
}

}  // namespace tiertune::gui
