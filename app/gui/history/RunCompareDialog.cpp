#include "app/gui/history/RunCompareDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <atomic>

#include "app/gui/history/LossChart.h"
#include "app/gui/history/RunHistoryWorker.h"

namespace tiertune::gui {

namespace {
// Tells the answers of two open compare dialogs apart (both listen to the same worker).
std::atomic<quint64> gNextRequest{1};
}

RunCompareDialog::RunCompareDialog(RunHistoryWorker& worker, const std::vector<catalog::Id>& runIds,
                                   QWidget* parent)
    : QDialog(parent), request_(gNextRequest++), status_(new QLabel), chart_(new LossChart) {
  setObjectName(QStringLiteral("runCompareDialog"));
  setWindowTitle(tr("Compare runs"));
  status_->setText(tr("Reading the loss curves…"));
  status_->setWordWrap(true);
  auto* explanation = new QLabel(tr("Solid lines: training loss. Dotted lines: validation loss. "
                                    "Long curves are thinned to %1 points, keeping each stretch's "
                                    "highest and lowest value.").arg(kMaxCurvePoints));
  explanation->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addWidget(chart_, 1);
  layout->addWidget(explanation);
  layout->addWidget(buttons);
  resize(900, 560);

  connect(&worker, &RunHistoryWorker::curvesFetched, this, &RunCompareDialog::onCurves);
  connect(&worker, &RunHistoryWorker::failed, this, [this](const QString& message) {
    if (!ready_) status_->setText(tr("The curves could not be read: %1").arg(message));
  });
  worker.requestCurves(request_, runIds);
}

void RunCompareDialog::onCurves(const CurveSet& curves) {
  if (curves.request != request_) return;
  chart_->setCurves(curves.runs);
  ready_ = true;
  if (chart_->seriesCount() == 0) {
    status_->setText(tr("These runs have no loss recorded yet. Curves appear once a run has "
                        "trained a few steps."));
  } else if (curves.runs.size() < 2) {
    status_->setText(tr("Only one of the selected runs is still in the catalog."));
  } else {
    status_->hide();
  }
}

}  // namespace tiertune::gui
