#include "app/gui/runs/TierMemoryView.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <algorithm>

#include "app/gui/Appearance.h"
#include "app/gui/NumberText.h"
#include "app/gui/runs/LiveRunState.h"

namespace tiertune::gui {

namespace {

constexpr int kBarSteps = 1000;

QString bytesText(qint64 bytes) { return byteSizeText(static_cast<quint64>(std::max<qint64>(bytes, 0))); }

}  // namespace

TierMemoryView::TierMemoryView(QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  // The first row is named for where the run trains once the worker says it (display()).
  const QString names[] = {tr("Training memory"), tr("RAM"), tr("SSD")};
  const QString tips[] = {tr("The graphics card's memory or, when the processor (CPU) trains, the memory set aside for its "
                                "calculations."),
                          tr("This computer's memory used by the training process."),
                          tr("Training state kept in the offload folder on the SSD.")};
  for (int tier = 0; tier < 3; ++tier) {
    auto* name = new QLabel(names[tier]);
    name->setToolTip(tips[tier]);
    names_[tier] = name;
    bars_[tier] = new QProgressBar;
    bars_[tier]->setRange(0, kBarSteps);
    bars_[tier]->setTextVisible(false);
    bars_[tier]->setMaximumHeight(14);
    bars_[tier]->setAccessibleName(names[tier]);
    bars_[tier]->setObjectName(QStringLiteral("tierMemoryBar%1").arg(tier));
    words_[tier] = new QLabel;
    words_[tier]->setObjectName(QStringLiteral("tierMemory%1").arg(tier));
    grid->addWidget(name, tier, 0);
    grid->addWidget(bars_[tier], tier, 1);
    grid->addWidget(words_[tier], tier, 2);
  }
  grid->setColumnStretch(1, 1);
}

void TierMemoryView::display(const LiveRunState& state) {
  // The same names as the memory plan's bars.
  if (state.device) {
    const QString name = state.device->kind == catalog::TrainingDevice::Kind::Cuda ? tr("GPU memory") : tr("Processor memory");
    names_[kDeviceTier]->setText(name);
    bars_[kDeviceTier]->setAccessibleName(name);
  }
  for (int tier = 0; tier < 3; ++tier) {
    const qint64 now = state.memoryInUse[static_cast<std::size_t>(tier)];
    const qint64 planned = state.predictedPeak[static_cast<std::size_t>(tier)];
    QString text;
    if (now < 0) {
      text = planned >= 0 ? tr("%1 planned").arg(bytesText(planned)) : tr("not known yet");
    } else if (planned > 0) {
      text = tr("%1 now of %2 planned").arg(bytesText(now), bytesText(planned));
    } else {
      text = tr("%1 now").arg(bytesText(now));
    }
    words_[tier]->setText(text);
    const double share = now > 0 && planned > 0 ? static_cast<double>(now) / static_cast<double>(planned) : 0.0;
    bars_[tier]->setValue(static_cast<int>(std::min(1.0, share) * kBarSteps));
    // RAM includes the process's own code and libraries, which the plan does not count; over the
    // plan is a hint, not an error, so only the device is drawn in a warning colour, and only well
    // over its plan: a hair over is what a measurement differs by, not an alarm.
    if (tier != kDeviceTier) continue;
    const bool overPlan = share > 1.0 + kOverPlanTolerance;
    QPalette colours = QApplication::palette(bars_[tier]);
    if (overPlan) colours.setColor(QPalette::Highlight, meaningColors(colours).overPlan);
    bars_[tier]->setPalette(colours);
    const QString tolerance = QLocale().toString(qRound(kOverPlanTolerance * 100));
    const int overPercent = qRound((share - 1.0) * 100);
    const QString over = QLocale().toString(overPercent);
    bars_[tier]->setToolTip(share <= 0.0         ? QString()
                            : overPercent <= 0   ? tr("Within the plan.")
                            : overPlan     ? tr("%1 % more than planned: more than the %2 % a measurement may differ by. "
                                                "If the training memory runs out, the run stops and can be resumed "
                                                "with a smaller batch.")
                                             .arg(over, tolerance)
                                       : tr("%1 % more than planned: normal, a measurement may differ from the plan "
                                            "by up to %2 %.")
                                             .arg(over, tolerance));
  }
}

QString TierMemoryView::rowText(int tier) const { return words_[static_cast<std::size_t>(tier)]->text(); }

}  // namespace tiertune::gui
