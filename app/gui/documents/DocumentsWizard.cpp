#include "app/gui/documents/DocumentsWizard.h"

#include "app/gui/WizardHeader.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/documents/DatasetKindPage.h"
#include "app/gui/documents/DocumentImportPage.h"
#include "app/gui/documents/DocumentReadPage.h"
#include "app/gui/documents/DocumentSourcesPage.h"
#include "app/gui/documents/DocumentSummaryPage.h"
#include "app/gui/documents/QaGeneratePage.h"
#include "app/gui/documents/QaReviewPage.h"

namespace tiertune::gui {

DocumentsWizard::DocumentsWizard(AppContext& context, QWidget* parent) : QWizard(parent) {
  setObjectName(QStringLiteral("documentsWizard"));
  setWindowTitle(tr("Make a dataset from documents"));
  setWizardStyle(QWizard::ModernStyle);
  keepSubTitleWhole(this);
  setOption(QWizard::NoBackButtonOnLastPage);
  setOption(QWizard::NoCancelButtonOnLastPage);  // the dataset is in the catalog by then
  enablePageHelp(this);
  setMinimumSize(860, 660);
  draft_.openGenerator = &QaGeneratePage::openGenerator;
  sources_ = new DocumentSourcesPage(context, draft_);
  setPage(SourcesPage, sources_);
  auto* readPage = new DocumentReadPage(draft_);
  setPage(ReadPage, readPage);
  setPage(KindPage, new DatasetKindPage(context, draft_));
  auto* generatePage = new QaGeneratePage(context, draft_);
  setPage(GeneratePage, generatePage);
  setPage(ReviewPage, new QaReviewPage(draft_));
  auto* importPage = new DocumentImportPage(context, draft_);
  setPage(ImportPage, importPage);
  setPage(SummaryPage, new DocumentSummaryPage(draft_));
  connect(readPage, &DocumentReadPage::readFinished, this, &DocumentsWizard::readFinished);
  connect(generatePage, &QaGeneratePage::generationFinished, this, &DocumentsWizard::generationFinished);
  connect(importPage, &DocumentImportPage::importFinished, this, &DocumentsWizard::importFinished);
}

// The pages' jobs ask their work to stop and wait for it when the pages go: a read ends after the
// documents being read, the writing after the reply being written (what was written is kept), an
// import leaves nothing behind.
DocumentsWizard::~DocumentsWizard() = default;

void DocumentsWizard::addSources(const QStringList& paths) { sources_->addSources(paths); }

bool DocumentsWizard::validateCurrentPage() {
  if (draft_.working) return false;
  return QWizard::validateCurrentPage();
}

}  // namespace tiertune::gui
