// "New fine-tune": base model → dataset (with its size) → goal (Quick LoRA, Balanced LoRA, Full
// fine-tune) → Advanced (every hyperparameter, prefilled from the goal and kept while going back
// and forth unless the model, dataset or goal changes) → Memory plan (MemoryPlanPage) → Review
// (everything in words, the run's name and output folder) → Start. Every page checks its input
// before Next. Start creates the run in the catalog (status Queued, the configuration as
// train::toJson) and emits runCreated; whoever opened the wizard starts the worker.
// "Run again with changes" opens it prefilled from a run's stored configuration. Each step is a
// page of its own; they share the RunDraft this wizard owns.
#pragma once

#include <QWizard>
#include <filesystem>
#include <optional>

#include "app/gui/newrun/RunDraft.h"

namespace tiertune::gui {

class AppContext;
class AdvancedSettingsPage;
class DatasetChoicePage;
class GoalChoicePage;
class MemoryPlanPage;
class ModelChoicePage;
class ReviewStartPage;

class NewRunWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { ModelPage, DatasetPage, GoalPage, AdvancedPage, PlanPage, ReviewPage };

  explicit NewRunWizard(AppContext& context, QWidget* parent = nullptr);
  // Prefilled from run: its model, dataset, goal and every setting it was started with.
  NewRunWizard(AppContext& context, const catalog::RunRecord& run, QWidget* parent = nullptr);
  ~NewRunWizard() override;

  const RunDraft& draft() const { return draft_; }
  MemoryPlanPage* memoryPlanPage() const { return planPage_; }
  // The folder the run will write to (under the data folder's runs/), as the Review page shows it.
  std::filesystem::path outputFolder() const;
  // Set once Start created the run.
  std::optional<catalog::Id> createdRunId() const;

 signals:
  void runCreated(qint64 runId);

 private:
  void prefillFrom(const catalog::RunRecord& run);

  AppContext& context_;
  RunDraft draft_;
  ModelChoicePage* modelPage_;
  DatasetChoicePage* datasetPage_;
  GoalChoicePage* goalPage_;
  AdvancedSettingsPage* advancedPage_;
  MemoryPlanPage* planPage_;
  ReviewStartPage* reviewPage_;
};

}  // namespace tiertune::gui
