#include "app/gui/importdataset/ImportDatasetWizard.h"

#include "app/gui/WizardHeader.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/importdataset/ImportFilePage.h"
#include "app/gui/importdataset/ImportFormatPage.h"
#include "app/gui/importdataset/ImportOptionsPage.h"
#include "app/gui/importdataset/ImportPreviewPage.h"
#include "app/gui/importdataset/ImportProgressPage.h"
#include "app/gui/importdataset/ImportReportPage.h"
#include "app/gui/importdataset/ImportSummaryPage.h"

namespace tiertune::gui {

ImportDatasetWizard::ImportDatasetWizard(AppContext& context, const QString& file, QWidget* parent)
    : QWizard(parent) {
  setObjectName(QStringLiteral("importDatasetWizard"));
  setWindowTitle(tr("Import dataset"));
  setWizardStyle(QWizard::ModernStyle);
  keepSubTitleWhole(this);
  setOption(QWizard::NoBackButtonOnLastPage);
  setOption(QWizard::NoCancelButtonOnLastPage);  // the dataset is in the catalog by then
  enablePageHelp(this);
  setMinimumSize(760, 560);
  auto* filePage = new ImportFilePage(context, draft_);
  setPage(FilePage, filePage);
  setPage(FormatPage, new ImportFormatPage(draft_));
  setPage(PreviewPage, new ImportPreviewPage(draft_));
  auto* reportPage = new ImportReportPage(context, draft_);
  setPage(ReportPage, reportPage);
  auto* optionsPage = new ImportOptionsPage(draft_);
  setPage(OptionsPage, optionsPage);
  auto* importPage = new ImportProgressPage(context, draft_);
  setPage(ImportPage, importPage);
  setPage(SummaryPage, new ImportSummaryPage(draft_));
  filePage->setFile(file);
  optionsPage->fitLongestExampleToModel();
  connect(filePage, &ImportFilePage::modelChanged, optionsPage, &ImportOptionsPage::fitLongestExampleToModel);
  connect(reportPage, &ImportReportPage::checkFinished, this, &ImportDatasetWizard::checkFinished);
  connect(importPage, &ImportProgressPage::importFinished, this, &ImportDatasetWizard::importFinished);
}

// The pages' jobs ask their work to stop and wait for it when the pages go: the work finishes its
// row and leaves nothing behind.
ImportDatasetWizard::~ImportDatasetWizard() = default;

bool ImportDatasetWizard::validateCurrentPage() {
  if (draft_.working) return false;
  return QWizard::validateCurrentPage();
}

}  // namespace tiertune::gui
