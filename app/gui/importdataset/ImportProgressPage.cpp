#include "app/gui/importdataset/ImportProgressPage.h"

#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/importdataset/ImportDraft.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

ImportProgressPage::ImportProgressPage(AppContext& context, ImportDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Importing"));
  setSubTitle(tr("The rows are read, checked and cut into tokens. Cancel leaves nothing behind."));
  setPageHelp(this, tr("The import runs in the background and shows how far it is. Cancel stops it and leaves the "
                       "catalog as it was. When it is done, Next shows the summary."));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("importProgress"));
  progress_->setRange(0, 1000);
  progress_->setAccessibleName(tr("Import progress"));
  status_ = wrappedLabel("importStatus");
  cancel_ = new QPushButton(tr("Cancel the import"));
  cancel_->setObjectName(QStringLiteral("cancelImport"));
  connect(cancel_, &QPushButton::clicked, this, [this] {
    job_.requestStop();
    cancel_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(cancel_, 0, Qt::AlignLeft);
  layout->addStretch(1);
}

void ImportProgressPage::initializePage() { runImport(); }

void ImportProgressPage::cleanupPage() {
  job_.requestStop();
  QWizardPage::cleanupPage();
}

void ImportProgressPage::setDone(bool done) {
  done_ = done;
  emit completeChanged();
}

void ImportProgressPage::runImport() {
  setDone(false);
  draft_.imported.reset();
  progress_->setValue(0);
  cancel_->setEnabled(true);
  status_->setText(tr("Starting…"));
  const data::ImportRequest request = draft_.request();
  const fs::path catalogFile = context_.settings().catalogFile();
  const fs::path dataFolder = context_.settings().dataFolder;
  draft_.working = true;
  wizard()->button(QWizard::BackButton)->setEnabled(false);
  const QPointer<ImportProgressPage> self(this);
  job_.start(
      this,
      [self, request, catalogFile, dataFolder](std::stop_token stop) {
        catalog::Catalog own = catalog::Catalog::open(catalogFile);
        const auto progress = [self](const data::ImportProgress& p) {
          const int value = p.totalBytes ? static_cast<int>(1000.0 * static_cast<double>(p.bytesRead) /
                                                            static_cast<double>(p.totalBytes))
                                         : 0;
          const qulonglong rows = p.rows;
          deliverToGui(self, [value, rows](ImportProgressPage& page) {
            page.progress_->setValue(value);
            page.status_->setText(tr("%1 rows read").arg(QLocale().toString(rows)));
          });
        };
        return data::importDataset(own, dataFolder, request, progress, stop);
      },
      [](ImportProgressPage& page, data::ImportResult result) { page.showResult(std::move(result)); },
      [](ImportProgressPage& page, const QString& failure) { page.showFailure(failure); });
}

void ImportProgressPage::showFailure(const QString& failure) {
  draft_.working = false;
  cancel_->setEnabled(false);
  wizard()->button(QWizard::BackButton)->setEnabled(true);
  status_->setText(tr("The import failed and left nothing behind: %1").arg(failure));
}

void ImportProgressPage::showResult(data::ImportResult result) {
  draft_.working = false;
  cancel_->setEnabled(false);
  wizard()->button(QWizard::BackButton)->setEnabled(true);
  if (!result.dataset) {
    status_->setText(result.cancelled ? tr("Cancelled. Nothing was added.")
                                      : tr("Nothing was imported: %1").arg(QString::fromStdString(result.failure)));
    return;
  }
  progress_->setValue(1000);
  status_->setText(tr("Done."));
  draft_.imported = std::move(result);
  context_.notifyCatalogChanged();
  setDone(true);
  emit importFinished();
  // On to the summary, which has no Back: going back from here and on again would import twice.
  if (wizard() && wizard()->currentPage() == this) wizard()->next();
}

}  // namespace tiertune::gui
