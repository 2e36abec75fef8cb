// The wizard's Memory plan page: where each part of the training state will live on this machine
// (TierBars), the predicted step time, the time to finish and what bounds it; or, when the run
// cannot fit, the planner's reason and one-click fixes that change the settings and plan again.
// The plan (hardware probe, compute speed, planner) and the dataset's tokens for the model are
// prepared on a background thread while a busy indicator shows.
#pragma once

#include <QWizardPage>
#include <functional>
#include <optional>

#include "app/gui/BackgroundJob.h"
#include "core/train/machine_plan.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace tiertune::gui {

class AppContext;
class TierBars;
struct RunDraft;

class MemoryPlanPage : public QWizardPage {
  Q_OBJECT

 public:
  MemoryPlanPage(AppContext& context, RunDraft& draft, QWidget* parent = nullptr);
  ~MemoryPlanPage() override;

  void initializePage() override;
  bool isComplete() const override;
  bool validatePage() override;

  bool isPlanning() const { return planning_; }
  // The last plan, when one was made.
  const std::optional<train::MachinePlan>& plan() const { return plan_; }
  // The fix buttons on show (object names "fix…"), for tests.
  QList<QPushButton*> fixButtons() const;
  // A run's predicted length: "under a second", "about 45 s", "about 3 h 05 min".
  static QString durationText(double seconds);
  // "In all about 2 min: 40 optimizer steps of about 2.1 s each, …", with the busy range.
  static QString runTimeText(const train::RunTimeEstimate& time);

 signals:
  void planReady();
  // A fix changed the draft's settings (the Advanced page shows them again).
  void settingsChanged();

 private:
  struct Outcome;
  void replan();
  void showOutcome(const Outcome& outcome);
  void showPlan();
  void showFixes();
  void addFix(const char* name, const QString& text, const std::function<void()>& change);

  AppContext& context_;
  RunDraft& draft_;
  QProgressBar* busy_;
  QLabel* busyText_;
  QLabel* verdict_;
  QLabel* device_;  // where the run trains (the GPU, or the processor and why)
  TierBars* bars_;
  QLabel* timing_;
  QLabel* bottleneck_;
  QLabel* notes_;
  QLabel* problem_;
  QWidget* fixes_;
  QVBoxLayout* fixesLayout_;
  std::optional<train::MachinePlan> plan_;
  bool planning_ = false;
  int generation_ = 0;  // a result for older settings is dropped
  BackgroundJob job_;
};

}  // namespace tiertune::gui
