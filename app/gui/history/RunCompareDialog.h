// "Compare": the training and validation loss curves of the selected runs on one chart. The
// curves are read (and thinned) by the history worker; the dialog shows a line while they load.
#pragma once

#include <QDialog>
#include <vector>

#include "app/gui/history/RunHistoryTypes.h"

class QLabel;

namespace tiertune::gui {

class LossChart;
class RunHistoryWorker;

class RunCompareDialog : public QDialog {
  Q_OBJECT

 public:
  RunCompareDialog(RunHistoryWorker& worker, const std::vector<catalog::Id>& runIds,
                   QWidget* parent = nullptr);

  bool isReady() const { return ready_; }
  LossChart* chart() const { return chart_; }

 private:
  void onCurves(const CurveSet& curves);

  quint64 request_;
  bool ready_ = false;
  QLabel* status_;
  LossChart* chart_;
};

}  // namespace tiertune::gui
