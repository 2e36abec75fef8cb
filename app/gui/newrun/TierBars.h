// The memory plan as a picture: one bar per tier (the GPU, or the training arena on the CPU
// backend; RAM; the SSD offload folder) showing the predicted peak against the tier's budget,
// split into the state groups that live there, with a legend. Used by the wizard's plan page.
#pragma once

#include <QString>
#include <QWidget>
#include <array>
#include <cstdint>
#include <vector>

#include "core/tiers/planner.h"

namespace tiertune::gui {

// The planner's groups as a person thinks of them.
enum class StateSegment { FrozenWeights, TrainedWeights, Gradients, AdamMoments, Activations, Buffers };
inline constexpr int kStateSegmentCount = 6;
QString segmentName(StateSegment segment);

struct TierUse {
  tiers::Tier tier = tiers::Tier::Device;
  QString name;
  std::uint64_t budgetBytes = 0;
  std::uint64_t peakBytes = 0;
  std::array<std::uint64_t, kStateSegmentCount> segmentBytes{};  // sums to peakBytes
};

// Sums the plan's placements by tier and segment; what the peak holds beyond the placements (the
// streaming slots on the device, the staging room in RAM) counts as buffers.
std::vector<TierUse> tierUses(const tiers::Plan& plan, const tiers::MachineBudget& budget);

class TierBars : public QWidget {
  Q_OBJECT

 public:
  explicit TierBars(QWidget* parent = nullptr);

  void setTiers(std::vector<TierUse> tiers);
  const std::vector<TierUse>& tiers() const { return tiers_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return sizeHint(); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  static QString amountText(const TierUse& use);
  QString description() const;

  std::vector<TierUse> tiers_;
};

}  // namespace tiertune::gui
