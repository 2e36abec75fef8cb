// Loss curves on a Qt Charts chart: one colour per run, training loss solid and validation loss
// dotted, steps on x. Used by the compare view and by a run's detail view.
#pragma once

#include <QChartView>
#include <vector>

#include "app/gui/history/RunHistoryTypes.h"

namespace tiertune::gui {

class LossChart : public QChartView {
  Q_OBJECT

 public:
  explicit LossChart(QWidget* parent = nullptr);

  // Replaces what the chart shows. A run without points adds no series.
  void setCurves(const std::vector<RunCurves>& runs);
  int seriesCount() const;
  // The most points any one series holds (the downsampling bound in tests).
  int largestSeries() const;
};

}  // namespace tiertune::gui
