#include "app/gui/newrun/GoalChoicePage.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/newrun/RunDraft.h"

namespace tiertune::gui {

GoalChoicePage::GoalChoicePage(RunDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("What do you want?"));
  setSubTitle(tr("The goal fills in every setting for this model and dataset; the next page shows them."));
  setPageHelp(this, tr("Choose the goal that matches what you want; it fills in every setting with values that suit "
                       "this model and dataset. When unsure, choose Balanced LoRA. Use the arrow keys to move between "
                       "the goals. You can change any setting on the next page."));
  setPageHelpTopic(this, HelpTopic::LoraOrFull);
  goals_ = new QButtonGroup(this);
  auto* layout = new QVBoxLayout(this);
  const struct {
    train::GoalPreset preset;
    const char* name;
    QString when;
  } goals[] = {
      {train::GoalPreset::QuickLora, "goalQuick",
       tr("Pick this to try an idea fast or to teach a style or format: small adapters on the attention layers, "
          "one pass, shorter sequences. Finishes soonest and needs the least memory.")},
      {train::GoalPreset::BalancedLora, "goalBalanced",
       tr("Pick this for most work: adapters on every layer, enough passes for the dataset's size. The result is a "
          "small adapter file next to the unchanged model.")},
      {train::GoalPreset::SmallestMemory, "goalSmallestMemory",
       tr("Pick this when the model is too large for this computer: the same adapters as Balanced LoRA, with the "
          "model kept in 4 bits while it trains (QLoRA). Its weights take about a quarter of the memory; steps are a "
          "little slower and the results close to Balanced LoRA's.")},
      {train::GoalPreset::FullFineTune, "goalFull",
       tr("Pick this when the model must learn much new knowledge and this machine has the memory: every weight "
          "is trained, with a ten times lower learning rate. Needs about 16 bytes per parameter and produces a "
          "whole new model.")},
  };
  for (const auto& goal : goals) {
    auto* button = new QRadioButton(goalName(goal.preset));
    button->setObjectName(QString::fromLatin1(goal.name));
    QFont bold = button->font();
    bold.setBold(true);
    button->setFont(bold);
    goals_->addButton(button, static_cast<int>(goal.preset));
    QLabel* words = wrappedLabel();
    words->setText(goal.when);
    words->setContentsMargins(24, 0, 0, 10);
    layout->addWidget(button);
    layout->addWidget(words);
  }
  goals_->button(static_cast<int>(train::GoalPreset::BalancedLora))->setChecked(true);
  error_ = errorLabel("goalError");
  layout->addStretch();
  layout->addWidget(error_);
}

QString GoalChoicePage::goalName(train::GoalPreset preset) {
  switch (preset) {
    case train::GoalPreset::QuickLora: return tr("Quick LoRA");
    case train::GoalPreset::BalancedLora: return tr("Balanced LoRA");
    case train::GoalPreset::SmallestMemory: return tr("Smallest memory (QLoRA)");
    case train::GoalPreset::FullFineTune: return tr("Full fine-tune");
  }
  return {};
}

void GoalChoicePage::choose(train::GoalPreset preset) { goals_->button(static_cast<int>(preset))->setChecked(true); }

bool GoalChoicePage::validatePage() {
  if (goals_->checkedId() < 0) {
    showError(error_, tr("Choose one of the three goals."));
    return false;
  }
  showError(error_, {});
  draft_.preset = static_cast<train::GoalPreset>(goals_->checkedId());
  if (draft_.prefillIfChanged()) emit settingsPrefilled();
  return true;
}

}  // namespace tiertune::gui
