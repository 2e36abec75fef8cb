#include "app/gui/documents/DocumentImportPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>
#include <algorithm>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/TabOrder.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace fs = std::filesystem;
using namespace tiertune::documents;

DocumentImportPage::DocumentImportPage(AppContext& context, DocumentsDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Making the dataset"));
  setSubTitle(tr("The examples are written, checked, split and cut into tokens. Cancel leaves the catalog as it "
                 "was."));
  setPageHelp(this, tr("The dataset is made in the background and this page shows how far it is. Cancel stops it and "
                       "adds nothing to the catalog. When it is done, the summary follows."));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("documentsImportProgress"));
  progress_->setRange(0, 1000);
  progress_->setAccessibleName(tr("Progress of the dataset"));
  status_ = wrappedLabel("documentsImportStatus");
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setAutoDefault(false);  // Return stays the wizard's Next
  cancel_->setObjectName(QStringLiteral("cancelDocumentsImport"));
  connect(cancel_, &QPushButton::clicked, this, [this] {
    job_.requestStop();
    keepFocusOn(this, cancel_);
    cancel_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
  });
  again_ = new QPushButton(tr("Try again"));
  again_->setAutoDefault(false);
  again_->setObjectName(QStringLiteral("documentsImportAgain"));
  again_->hide();
  connect(again_, &QPushButton::clicked, this, &DocumentImportPage::runImport);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(cancel_);
  buttons->addWidget(again_);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addLayout(buttons);
  layout->addStretch(1);
}

void DocumentImportPage::initializePage() { runImport(); }

void DocumentImportPage::cleanupPage() {
  job_.requestStop();
  QWizardPage::cleanupPage();
}

void DocumentImportPage::setDone(bool done) {
  done_ = done;
  emit completeChanged();
}

void DocumentImportPage::runImport() {
  setDone(false);
  draft_.imported.reset();
  progress_->setRange(0, 0);  // busy while the documents are cut into parts
  progress_->setValue(0);
  cancel_->setEnabled(true);
  cancel_->show();
  keepFocusOn(this, again_);
  again_->hide();
  showAsProblem(status_, false);
  const bool questions = draft_.kind == DocumentsDraft::Kind::Questions;
  status_->setText(questions ? tr("Writing the questions and answers kept…") : tr("Cutting the documents into parts…"));
  const fs::path catalogFile = context_.settings().catalogFile();
  const fs::path dataFolder = context_.settings().dataFolder;
  TextDatasetRequest textRequest;
  textRequest.name = draft_.name;
  textRequest.modelFolder = draft_.modelFolder;
  textRequest.chunks = draft_.textChunks;
  QaDatasetRequest qaRequest;
  qaRequest.name = draft_.name;
  qaRequest.modelFolder = draft_.modelFolder;
  // A question and its answer are short: the model's context holds any of them.
  if (draft_.modelContext > 0) qaRequest.maxTokens = static_cast<std::size_t>(std::min<qlonglong>(draft_.modelContext, 8192));
  const std::vector<Document> documents = draft_.documents();
  const fs::path jobFolder = draft_.jobFolder;
  draft_.working = true;
  wizard()->button(QWizard::BackButton)->setEnabled(false);
  const QPointer<DocumentImportPage> self(this);
  job_.start(
      this,
      [self, questions, textRequest, qaRequest, documents, jobFolder, catalogFile,
       dataFolder](std::stop_token stop) mutable {
        catalog::Catalog own = catalog::Catalog::open(catalogFile);
        const auto progress = [self](const data::ImportProgress& p) {
          const int value = p.totalBytes ? static_cast<int>(1000.0 * static_cast<double>(p.bytesRead) /
                                                            static_cast<double>(p.totalBytes))
                                         : 0;
          const qulonglong rows = p.rows;
          deliverToGui(self, [value, rows](DocumentImportPage& page) {
            if (!page.cancel_->isEnabled()) return;  // cancelling: keep saying so
            page.progress_->setRange(0, 1000);
            page.progress_->setValue(value);
            page.status_->setText(tr("Examples checked and cut into tokens: %1").arg(QLocale().toString(rows)));
          });
        };
        if (questions) {
          qaRequest.documents = std::move(documents);  // their hashes, for the provenance
          return importQaPairs(own, dataFolder, jobFolder, qaRequest, progress, stop);
        }
        return importDocumentText(own, dataFolder, documents, textRequest, progress, stop);
      },
      [](DocumentImportPage& page, DocumentImportResult result) { page.showResult(std::move(result)); },
      [](DocumentImportPage& page, const QString& failure) { page.showFailure(failure); });
}

void DocumentImportPage::finishWork() {
  draft_.working = false;
  keepFocusOn(this, cancel_);
  cancel_->setEnabled(false);
  cancel_->hide();
  progress_->setRange(0, 1000);
  if (wizard()) wizard()->button(QWizard::BackButton)->setEnabled(true);
}

void DocumentImportPage::showFailure(const QString& failure) {
  finishWork();
  again_->show();
  showAsProblem(status_, true);
  status_->setText(tr("The dataset could not be made, and nothing was added to the catalog: %1").arg(failure));
  emit importFinished();
}

void DocumentImportPage::showResult(DocumentImportResult result) {
  finishWork();
  if (!result.import.dataset) {
    again_->show();
    showAsProblem(status_, !result.import.cancelled);
    status_->setText(result.import.cancelled
                         ? tr("Cancelled. Nothing was added to the catalog.")
                         : tr("Nothing was imported: %1").arg(QString::fromStdString(result.import.failure)));
    emit importFinished();
    return;
  }
  progress_->setValue(1000);
  status_->setText(tr("Done."));
  draft_.chunks = result.chunks;
  draft_.nearDuplicates = result.nearDuplicates;
  draft_.examplesFile = result.examplesFile;
  draft_.imported = std::move(result.import);
  context_.notifyCatalogChanged();
  setDone(true);
  emit importFinished();
  // On to the summary, which has no Back: going back from here and on again would import twice.
  if (wizard() && wizard()->currentPage() == this) wizard()->next();
}

}  // namespace tiertune::gui
