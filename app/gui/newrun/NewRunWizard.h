// "New fine-tune": base model → dataset (with its size) → goal (Quick LoRA, Balanced LoRA, Full
// fine-tune) → Advanced (every hyperparameter, prefilled from the goal and kept while going back
// and forth unless the model, dataset or goal changes) → Memory plan (MemoryPlanPage) → Review
// (everything in words, the run's name and output folder) → Start. Every page checks its input
// before Next. Start creates the run in the catalog (status Queued, the configuration as
// train::toJson) and emits runCreated; whoever opened the wizard starts the worker.
// "Run again with changes" opens it prefilled from a run's stored configuration.
#pragma once

#include <QWizard>
#include <filesystem>
#include <optional>
#include <set>

#include "app/gui/newrun/RunDraft.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace tiertune::gui {

class AppContext;
class AdvancedSettingsPage;
class MemoryPlanPage;

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
  std::optional<catalog::Id> createdRunId() const { return created_; }

  bool validateCurrentPage() override;
  void initializePage(int id) override;

 signals:
  void runCreated(qint64 runId);

 private:
  QWizardPage* makeChoicePage(const QString& title, const QString& subTitle, const QString& label, QComboBox* choice,
                              QLabel* facts, QLabel* error);
  QWizardPage* makeModelPage();
  QWizardPage* makeDatasetPage();
  QWizardPage* makeGoalPage();
  QWizardPage* makeReviewPage();
  void fillChoices();
  void prefillFrom(const catalog::RunRecord& run);
  void showDatasetFacts();
  void showModelFacts();
  QString reviewText() const;
  bool startRun();
  void fail(QLabel* label, const QString& text);

  AppContext& context_;
  RunDraft draft_;
  // Model page
  QComboBox* model_;
  QLabel* modelFacts_;
  QLabel* modelError_;
  // Dataset page
  QComboBox* dataset_;
  QLabel* datasetFacts_;
  QLabel* datasetError_;
  // Goal page
  QButtonGroup* goals_;
  QLabel* goalError_;
  AdvancedSettingsPage* advancedPage_;
  MemoryPlanPage* planPage_;
  // Review page
  QLabel* review_;
  QLineEdit* name_;
  QLabel* output_;
  QLabel* reviewError_;
  QString folderStamp_;  // when the Review page was shown; part of the output folder's name
  std::set<std::filesystem::path> catalogFolders_;  // the catalog's runs' output folders, read then
  std::optional<catalog::Id> created_;
};

}  // namespace tiertune::gui
