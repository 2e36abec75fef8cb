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
  // Counts as "Label: N", so that English reads right for one as for many.
  QString text = tr("“%1” is ready. Training examples: %2. Validation examples: %3. Tokens: %4, of which the model "
                    "learns %5.")
                     .arg(QString::fromStdString(draft_.chosen.name), locale.toString(static_cast<qulonglong>(result.train.rows)),
                          locale.toString(static_cast<qulonglong>(result.validation.rows)),
                          locale.toString(static_cast<qulonglong>(result.train.tokens + result.validation.tokens)),
                          locale.toString(static_cast<qulonglong>(result.train.trainedTokens + result.validation.trainedTokens)));
  if (result.report.total() > 0) {
    text += QLatin1Char(' ') + tr("Rows left out: %1 (their list, with the reasons, is in the dataset's folder).")
                                   .arg(locale.toString(static_cast<qulonglong>(result.report.total())));
  }
  summary_->setText(text);
  histogram_->setData(result.train.histogram, result.histogramBinTokens);
}

}  // namespace tiertune::gui
