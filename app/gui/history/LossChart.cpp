#include "app/gui/history/LossChart.h"

#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "app/gui/Appearance.h"

namespace tiertune::gui {

namespace {

// Distinct, colour-blind-friendly hues (Okabe–Ito), one per run; they repeat after eight runs.
const QColor kRunColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                              QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                              QColor(0x00, 0x00, 0x00), QColor(0xF0, 0xE4, 0x42)};

QLineSeries* styledSeries(const QString& name, const QColor& colour, Qt::PenStyle style) {
  auto* series = new QLineSeries;
  series->setName(name);
  QPen pen(colour);
  pen.setWidthF(style == Qt::SolidLine ? 1.6 : 2.0);
  pen.setStyle(style);
  series->setPen(pen);
  return series;
}

QList<QPointF> pointsOf(const std::vector<catalog::MetricPoint>& points) {
  QList<QPointF> values;
  values.reserve(static_cast<qsizetype>(points.size()));
  for (const auto& point : points) values.append(QPointF(static_cast<double>(point.step), point.value));
  return values;
}

constexpr std::size_t kAntialiasedPoints = 3000;

}  // namespace

LossChart::LossChart(QWidget* parent) : QChartView(new QChart, parent) {
  // Qt Charts draws its own background: its dark theme on a dark window, else its light one.
  chart()->setTheme(schemeOf(QApplication::palette()) == ColorScheme::Dark ? QChart::ChartThemeDark
                                                                            : QChart::ChartThemeLight);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  // A run's training and validation curves share its colour: the legend shows each as a stroke of
  // its own line (solid, dotted), not as two squares of the same colour.
  chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
  chart()->setMargins(QMargins(4, 4, 4, 4));
  setMinimumHeight(200);  // with the rest of the run monitor, on a 768-pixel-high screen
  setAccessibleName(tr("Loss curves"));
}

void LossChart::setCurves(const std::vector<RunCurves>& runs) {
  QChart* chart = this->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  auto* steps = new QValueAxis;
  steps->setTitleText(tr("Step"));
  steps->setLabelFormat(QStringLiteral("%d"));
  auto* loss = new QValueAxis;
  loss->setTitleText(tr("Loss"));
  chart->addAxis(steps, Qt::AlignBottom);
  chart->addAxis(loss, Qt::AlignLeft);

  // Ranges first, then empty series on their axes, then the points: Qt Charts recomputes every
  // series' geometry when a range changes or a series is attached, so this order lays out each
  // curve once (filling attached series after the fact cost ~100 ms for six 2,000-point curves).
  double maxStep = 1, minLoss = INFINITY, maxLoss = -INFINITY;
  for (const RunCurves& run : runs) {
    for (const auto* points : {&run.train, &run.validation}) {
      for (const auto& point : *points) {
        maxStep = std::max(maxStep, static_cast<double>(point.step));
        minLoss = std::min(minLoss, point.value);
        maxLoss = std::max(maxLoss, point.value);
      }
    }
  }
  steps->setRange(0, maxStep);
  if (maxStep >= 10) {
    steps->applyNiceNumbers();
  } else {
    // Nice numbers of a short range are fractions, which the whole-number labels would show as
    // 0 0 0 0 0 1 (an empty chart, the first steps of a run): one tick per step instead.
    steps->setTickCount(static_cast<int>(maxStep) + 1);
  }
  if (std::isfinite(minLoss)) {
    const double pad = std::max(1e-3, (maxLoss - minLoss) * 0.05);
    loss->setRange(std::max(0.0, minLoss - pad), maxLoss + pad);
  }

  // Antialiased stroking of thousands of short zigzag segments costs ~100 ms per paint (measured
  // with six 2,000-point curves): smooth lines only while the chart holds few points.
  std::size_t totalPoints = 0;
  for (const RunCurves& run : runs) totalPoints += run.train.size() + run.validation.size();
  setRenderHint(QPainter::Antialiasing, totalPoints <= kAntialiasedPoints);

  const bool several = runs.size() > 1;
  const bool dark = schemeOf(QApplication::palette()) == ColorScheme::Dark;
  // Run names need the width of a column on the right; two short names fit under the chart.
  chart->legend()->setAlignment(several ? Qt::AlignRight : Qt::AlignBottom);
  std::size_t index = 0;
  QStringList described;  // each curve in words, for a screen reader
  const QLocale locale;
  for (const RunCurves& run : runs) {
    QColor colour = kRunColours[index++ % std::size(kRunColours)];
    if (colour == Qt::black && dark) colour = QColor(0xe6, 0xe6, 0xe6);  // Okabe–Ito's black, on a dark chart
    const std::pair<const std::vector<catalog::MetricPoint>*, QString> curves[] = {
        {&run.train, several ? tr("%1 (training)").arg(run.runName) : tr("Training loss")},
        {&run.validation, several ? tr("%1 (validation)").arg(run.runName) : tr("Validation loss")}};
    for (const auto& [points, name] : curves) {
      if (points->empty()) continue;
      QLineSeries* series = styledSeries(name, colour, points == &run.train ? Qt::SolidLine : Qt::DotLine);
      chart->addSeries(series);
      series->attachAxis(steps);
      series->attachAxis(loss);
      series->replace(pointsOf(*points));
      const auto lowest = std::min_element(points->begin(), points->end(),
                                           [](const auto& a, const auto& b) { return a.value < b.value; });
      described << tr("%1: %2 at step %3, lowest %4")
                       .arg(name, locale.toString(points->back().value, 'g', 4),
                            locale.toString(static_cast<qlonglong>(points->back().step)),
                            locale.toString(lowest->value, 'g', 4));
    }
  }
  setAccessibleDescription(described.isEmpty() ? tr("No loss measured yet.") : described.join(QStringLiteral("; ")));
}

int LossChart::seriesCount() const { return static_cast<int>(chart()->series().size()); }

int LossChart::largestSeries() const {
  int largest = 0;
  for (QAbstractSeries* series : chart()->series()) {
    if (auto* line = qobject_cast<QLineSeries*>(series)) largest = std::max(largest, static_cast<int>(line->count()));
  }
  return largest;
}

}  // namespace tiertune::gui
