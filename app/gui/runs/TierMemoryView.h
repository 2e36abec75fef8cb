// Memory per tier of a live run: for the device, RAM and the SSD, what the worker holds now
// against the peak the memory plan predicted, as a bar and in words. Part of RunMonitor.
#pragma once

#include <QWidget>
#include <array>

class QLabel;
class QProgressBar;

namespace tiertune::gui {

struct LiveRunState;

class TierMemoryView : public QWidget {
  Q_OBJECT

 public:
  explicit TierMemoryView(QWidget* parent = nullptr);

  void display(const LiveRunState& state);
  // The words of one tier's row, e.g. "12.3 MB now of 20.1 MB planned" (tests).
  QString rowText(int tier) const;

  // A device peak up to this much over its plan is measurement, not a warning (allocator rounding,
  // a library's own buffers): the bar turns to the over-plan colour only past it.
  static constexpr double kOverPlanTolerance = 0.10;

 private:
  std::array<QLabel*, 3> names_{};
  std::array<QProgressBar*, 3> bars_{};
  std::array<QLabel*, 3> words_{};
};

}  // namespace tiertune::gui
