#include "app/gui/newrun/NewRunWizard.h"

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/WizardHeader.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/newrun/AdvancedSettingsPage.h"
#include "app/gui/newrun/DatasetChoicePage.h"
#include "app/gui/newrun/GoalChoicePage.h"
#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/newrun/ModelChoicePage.h"
#include "app/gui/newrun/ReviewStartPage.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

NewRunWizard::NewRunWizard(AppContext& context, QWidget* parent) : QWizard(parent), context_(context) {
  setObjectName(QStringLiteral("newRunWizard"));
  setWindowTitle(tr("New fine-tune"));
  setWizardStyle(QWizard::ModernStyle);
  keepSubTitleWhole(this);
  setButtonText(QWizard::FinishButton, tr("Start"));
  setMinimumSize(820, 640);
  enablePageHelp(this);
  modelPage_ = new ModelChoicePage(context_, draft_);
  datasetPage_ = new DatasetChoicePage(context_, draft_, *modelPage_);
  goalPage_ = new GoalChoicePage(draft_);
  advancedPage_ = new AdvancedSettingsPage(draft_);
  planPage_ = new MemoryPlanPage(context_, draft_);
  reviewPage_ = new ReviewStartPage(context_, draft_, *planPage_);
  setPage(ModelPage, modelPage_);
  setPage(DatasetPage, datasetPage_);
  setPage(GoalPage, goalPage_);
  setPage(AdvancedPage, advancedPage_);
  setPage(PlanPage, planPage_);
  setPage(ReviewPage, reviewPage_);
  connect(goalPage_, &GoalChoicePage::settingsPrefilled, advancedPage_, &AdvancedSettingsPage::load);
  connect(planPage_, &MemoryPlanPage::settingsChanged, advancedPage_, &AdvancedSettingsPage::load);
  connect(reviewPage_, &ReviewStartPage::runCreated, this, &NewRunWizard::runCreated);
}

NewRunWizard::NewRunWizard(AppContext& context, const catalog::RunRecord& run, QWidget* parent)
    : NewRunWizard(context, parent) {
  prefillFrom(run);
}

NewRunWizard::~NewRunWizard() = default;

std::filesystem::path NewRunWizard::outputFolder() const { return reviewPage_->outputFolder(); }

std::optional<catalog::Id> NewRunWizard::createdRunId() const { return reviewPage_->createdRunId(); }

void NewRunWizard::prefillFrom(const catalog::RunRecord& run) {
  setWindowTitle(tr("Run again with changes: %1").arg(QString::fromStdString(run.name)));
  catalog::Catalog* store = context_.catalog();
  if (!store) return;
  try {
    draft_.config = train::parseRunConfig(run.configJson, "/", "the settings of run " + std::to_string(run.id));
  } catch (const std::exception& error) {
    modelPage_->showProblem(
        tr("The settings of run “%1” could not be read, so the goal's defaults are used instead: %2")
            .arg(QString::fromStdString(run.name), errorText(error)));
    return;
  }
  draft_.model = store->model(run.modelId);
  if (run.datasetId) draft_.dataset = store->dataset(*run.datasetId);
  draft_.preset = train::presetFromKey(run.preset).value_or(draft_.config.lora ? train::GoalPreset::BalancedLora
                                                                             : train::GoalPreset::FullFineTune);
  draft_.prefilledFor = draft_.basis();  // the stored settings, not the goal's defaults
  if (draft_.model) modelPage_->choose(draft_.model->id);
  if (draft_.dataset) datasetPage_->choose(draft_.dataset->id);
  goalPage_->choose(draft_.preset);
  advancedPage_->load();
  reviewPage_->setRunName(tr("%1 (again)").arg(QString::fromStdString(run.name)));
}

}  // namespace tiertune::gui
