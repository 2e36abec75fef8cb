#include "app/gui/importdataset/ImportSummaryPage.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/importdataset/ImportDraft.h"
#include "app/gui/importdataset/LengthHistogram.h"

namespace tiertune::gui {

ImportSummaryPage::ImportSummaryPage(ImportDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Imported"));
  setPageHelp(this, tr("The dataset is now on the Datasets page. The chart shows how long the examples are in tokens: "
                       "the sequence length of a run should hold most of them. Start a run from the Runs page with New "
                       "fine-tune."));
  setFinalPage(true);
  summary_ = wrappedLabel("importSummary");
  histogram_ = new LengthHistogram;
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(histogram_, 1);
}

void ImportSummaryPage::initializePage() {
  if (!draft_.imported) return;
  const data::ImportResult& result = *draft_.imported;
  const QLocale locale;
  summary_->setText(
      tr("\"%1\" is ready: %2 training rows and %3 validation rows, %4 tokens, of which the model learns %5. "
         "%6 rows were not used (their list is in the dataset's folder).")
          .arg(QString::fromStdString(draft_.chosen.name), locale.toString(static_cast<qulonglong>(result.train.rows)),
               locale.toString(static_cast<qulonglong>(result.validation.rows)),
               locale.toString(static_cast<qulonglong>(result.train.tokens + result.validation.tokens)),
               locale.toString(static_cast<qulonglong>(result.train.trainedTokens + result.validation.trainedTokens)),
               locale.toString(static_cast<qulonglong>(result.report.total()))));
  histogram_->setData(result.train.histogram, result.histogramBinTokens);
}

}  // namespace tiertune::gui
