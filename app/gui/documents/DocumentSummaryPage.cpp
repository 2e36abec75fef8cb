#include "app/gui/documents/DocumentSummaryPage.h"

#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"

namespace tiertune::gui {

DocumentSummaryPage::DocumentSummaryPage(DocumentsDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("The dataset is ready"));
  setPageHelp(this, tr("The dataset is now on the Datasets page, prepared for the model you chose. Each example "
                       "keeps the document and pages it came from in the examples file, and the dataset keeps the "
                       "list of documents it was made from. Start a run from the Runs page with New fine-tune."));
  setFinalPage(true);
  summary_ = wrappedLabel("documentsSummary");
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  examples_ = wrappedLabel("documentsExamplesFile");
  examples_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  openFolder_ = new QPushButton(tr("Open the folder"));
  openFolder_->setAutoDefault(false);  // Return stays the wizard's Next
  openFolder_->setObjectName(QStringLiteral("openExamplesFolder"));
  connect(openFolder_, &QPushButton::clicked, this, [this] {
    QDesktopServices::openUrl(
        QUrl::fromLocalFile(QString::fromStdString(draft_.examplesFile.parent_path().string())));
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(examples_);
  layout->addWidget(openFolder_, 0, Qt::AlignLeft);
  layout->addStretch(1);
}

void DocumentSummaryPage::initializePage() {
  if (!draft_.imported) return;
  const data::ImportResult& result = *draft_.imported;
  const QLocale locale;
  const auto number = [&locale](auto value) { return locale.toString(static_cast<qulonglong>(value)); };
  // Counts as "Label: N", so that English reads right for one as for many.
  QString text = tr("“%1” is ready. Documents: %2. Training examples: %3. Validation examples: %4. Tokens: %5.")
                     .arg(QString::fromStdString(draft_.name), number(draft_.documents().size()),
                          number(result.train.rows), number(result.validation.rows),
                          number(result.train.tokens + result.validation.tokens));
  if (draft_.kind == DocumentsDraft::Kind::Questions) {
    text = nextSentence(text, tr("Question-answer pairs kept in the review: %1.").arg(number(draft_.chunks)));
  }
  if (draft_.nearDuplicates > 0) {
    text = nextSentence(text, tr("Parts left out because they nearly repeat an earlier part: %1.")
                                   .arg(number(draft_.nearDuplicates)));
  }
  if (result.report.total() > 0) {
    text = nextSentence(text, tr("Examples left out by the check: %1 (their list, with the reasons, is in the "
                                  "dataset's folder).")
                                   .arg(number(result.report.total())));
  }
  summary_->setText(text);
  examples_->setText(tr("Every example, with the document, pages and section it came from, is in %1")
                         .arg(QDir::toNativeSeparators(QString::fromStdString(draft_.examplesFile.string()))));
}

}  // namespace tiertune::gui
