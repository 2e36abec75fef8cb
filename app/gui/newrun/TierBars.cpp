#include "app/gui/newrun/TierBars.h"

#include <QPainter>
#include <algorithm>

#include "app/gui/Appearance.h"
#include "app/gui/NumberText.h"

namespace tiertune::gui {

namespace {

constexpr int kBarHeight = 22;
constexpr int kStripHeight = 6;
constexpr int kRowHeight = kBarHeight + 3 + kStripHeight;
constexpr int kRowGap = 12;
constexpr int kNameWidth = 150;
constexpr int kLegendHeight = 22;

// Distinct in colour and in lightness, so that neighbours stay apart for colour-blind readers too.
QColor segmentColor(StateSegment segment) {
  switch (segment) {
    case StateSegment::FrozenWeights: return QColor(0x4e, 0x79, 0xa7);
    case StateSegment::TrainedWeights: return QColor(0xf2, 0x8e, 0x2b);
    case StateSegment::Gradients: return QColor(0xe1, 0x57, 0x59);
    case StateSegment::AdamMoments: return QColor(0x76, 0xb7, 0xb2);
    case StateSegment::Activations: return QColor(0x59, 0xa1, 0x4f);
    case StateSegment::Buffers: return QColor(0xba, 0xb0, 0xac);
  }
  return Qt::gray;
}

StateSegment segmentOf(tiers::StateGroup group) {
  switch (group) {
    case tiers::StateGroup::FrozenWeights: return StateSegment::FrozenWeights;
    case tiers::StateGroup::WorkingWeights:
    case tiers::StateGroup::MasterWeights: return StateSegment::TrainedWeights;
    case tiers::StateGroup::Gradients: return StateSegment::Gradients;
    case tiers::StateGroup::AdamFirstMoment:
    case tiers::StateGroup::AdamSecondMoment: return StateSegment::AdamMoments;
    case tiers::StateGroup::ActivationCheckpoints: return StateSegment::Activations;
    case tiers::StateGroup::WorkingBuffers: return StateSegment::Buffers;
  }
  return StateSegment::Buffers;
}

}  // namespace

QString segmentName(StateSegment segment) {
  switch (segment) {
    case StateSegment::FrozenWeights: return TierBars::tr("Frozen weights");
    case StateSegment::TrainedWeights: return TierBars::tr("Trained weights");
    case StateSegment::Gradients: return TierBars::tr("Gradients");
    case StateSegment::AdamMoments: return TierBars::tr("Optimizer state");
    case StateSegment::Activations: return TierBars::tr("Activations");
    case StateSegment::Buffers: return TierBars::tr("Working buffers");
  }
  return {};
}

std::vector<TierUse> tierUses(const tiers::Plan& plan, const tiers::MachineBudget& budget) {
  std::vector<TierUse> uses(3);
  uses[0].name = budget.hasGpu ? TierBars::tr("GPU memory") : TierBars::tr("Processor memory");
  uses[1].name = TierBars::tr("RAM");
  uses[2].name = TierBars::tr("SSD (offload)");
  const std::uint64_t budgets[3] = {budget.deviceBytes, budget.hostBytes, budget.diskBytes};
  for (int tier = 0; tier < 3; ++tier) {
    uses[tier].tier = static_cast<tiers::Tier>(tier);
    uses[tier].budgetBytes = budgets[tier];
  }
  for (const tiers::Placement& placement : plan.placements) {
    uses[static_cast<int>(placement.tier)].segmentBytes[static_cast<int>(segmentOf(placement.group))] += placement.bytes;
  }
  for (int tier = 0; tier < 3; ++tier) {
    TierUse& use = uses[tier];
    std::uint64_t placed = 0;
    for (const std::uint64_t bytes : use.segmentBytes) placed += bytes;
    use.peakBytes = std::max(placed, plan.peakBytes[tier]);
    use.segmentBytes[static_cast<int>(StateSegment::Buffers)] += use.peakBytes - placed;
  }
  return uses;
}

TierBars::TierBars(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("tierBars"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setAccessibleName(tr("Memory per tier"));
}

void TierBars::setTiers(std::vector<TierUse> tiers) {
  tiers_ = std::move(tiers);
  setAccessibleDescription(description());
  updateGeometry();
  update();
}

QString TierBars::amountText(const TierUse& use) {
  if (use.peakBytes > use.budgetBytes) {
    return tr("%1 needed, %2 allowed").arg(byteSizeText(use.peakBytes), byteSizeText(use.budgetBytes));
  }
  return tr("%1 of %2").arg(byteSizeText(use.peakBytes), byteSizeText(use.budgetBytes));
}

// What the picture shows, in words, for a screen reader: one sentence per tier.
QString TierBars::description() const {
  QStringList sentences;
  for (const TierUse& use : tiers_) {
    QStringList parts;
    for (int s = 0; s < kStateSegmentCount; ++s) {
      if (use.segmentBytes[s] == 0) continue;
      parts << tr("%1 %2").arg(segmentName(static_cast<StateSegment>(s)), byteSizeText(use.segmentBytes[s]));
    }
    sentences << (parts.isEmpty() ? tr("%1: %2.").arg(use.name, amountText(use))
                                  : tr("%1: %2, made of %3.").arg(use.name, amountText(use), parts.join(QStringLiteral(", "))));
  }
  return sentences.join(QLatin1Char(' '));
}

QSize TierBars::sizeHint() const {
  const int rows = static_cast<int>(std::max<std::size_t>(tiers_.size(), 3));
  return {kNameWidth + 260 + 240, rows * (kRowHeight + kRowGap) + 3 * kLegendHeight + 8};
}

void TierBars::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QColor text = palette().color(QPalette::WindowText);
  const QColor trough = palette().color(QPalette::Base).darker(108);
  const QColor overColor = meaningColors(palette()).problemText;
  const QFontMetrics metrics(font());
  int amountWidth = 0;
  for (const TierUse& use : tiers_) amountWidth = std::max(amountWidth, metrics.horizontalAdvance(amountText(use)) + 12);
  const int barLeft = kNameWidth;
  const int barWidth = std::max(80, width() - kNameWidth - amountWidth);
  const auto drawSegments = [&](const TierUse& use, const QRectF& area, double scale) {
    double x = area.left();
    for (int s = 0; s < kStateSegmentCount; ++s) {
      if (use.segmentBytes[s] == 0) continue;
      const double w = std::max(static_cast<double>(use.segmentBytes[s]) * scale, 2.0);  // a sliver stays visible
      painter.fillRect(QRectF(x, area.top(), std::min(w, area.right() - x), area.height()),
                       segmentColor(static_cast<StateSegment>(s)));
      x += w;
      if (x >= area.right()) break;
    }
  };

  int y = 0;
  for (const TierUse& use : tiers_) {
    const bool over = use.peakBytes > use.budgetBytes;
    painter.setPen(text);
    painter.drawText(QRect(0, y, kNameWidth - 8, kBarHeight), Qt::AlignVCenter | Qt::AlignLeft, use.name);

    // The bar: the peak against the budget, to scale. It spans the larger of the two, so a peak
    // over budget runs past the budget's mark.
    const double scale = static_cast<double>(barWidth) /
                         static_cast<double>(std::max<std::uint64_t>({use.budgetBytes, use.peakBytes, 1}));
    const QRectF bar(barLeft, y, barWidth, kBarHeight);
    const QRectF budget(barLeft, y, static_cast<double>(use.budgetBytes) * scale, kBarHeight);
    painter.fillRect(budget, trough);
    drawSegments(use, bar, scale);
    painter.setPen(QPen(over ? overColor : text.lighter(150), over ? 2 : 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(budget);
    if (over) painter.drawLine(QPointF(budget.right(), y - 3), QPointF(budget.right(), y + kBarHeight + 3));
    painter.setPen(over ? overColor : text);
    painter.drawText(QRect(barLeft + barWidth + 10, y, amountWidth, kBarHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     amountText(use));

    // The strip below: what the used part holds, across the whole width (a few megabytes of a
    // large budget would otherwise be a sliver).
    if (use.peakBytes > 0) {
      drawSegments(use, QRectF(barLeft, y + kBarHeight + 3, barWidth, kStripHeight),
                   static_cast<double>(barWidth) / static_cast<double>(use.peakBytes));
    }
    y += kRowHeight + kRowGap;
  }

  // Legend: a swatch and the name of each group, in rows that fit the width.
  int x = barLeft;
  for (int s = 0; s < kStateSegmentCount; ++s) {
    const auto segment = static_cast<StateSegment>(s);
    const QString name = segmentName(segment);
    const int entryWidth = 14 + 6 + metrics.horizontalAdvance(name) + 18;
    if (x + entryWidth > width() && x > barLeft) {
      x = barLeft;
      y += kLegendHeight;
    }
    painter.fillRect(QRect(x, y + (kLegendHeight - 12) / 2, 14, 12), segmentColor(segment));
    painter.setPen(text);
    painter.drawText(QRect(x + 20, y, entryWidth, kLegendHeight), Qt::AlignVCenter | Qt::AlignLeft, name);
    x += entryWidth;
  }
  y += kLegendHeight;
  painter.drawText(QRect(barLeft, y, width() - barLeft, kLegendHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   tr("Each bar: the peak against what the tier may hold. The thin strip below it: what that peak "
                      "is made of."));
}

}  // namespace tiertune::gui
