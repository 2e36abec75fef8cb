// The New fine-tune wizard's goal page: Quick LoRA, Balanced LoRA, Smallest memory (QLoRA) or Full
// fine-tune, each with when to pick it. Next puts the goal in the draft and, when the model,
// dataset or goal changed, fills every setting in from it (the Advanced page shows them).
#pragma once

#include <QWizardPage>

#include "core/train/goal_presets.h"

class QButtonGroup;
class QLabel;

namespace tiertune::gui {

struct RunDraft;

class GoalChoicePage : public QWizardPage {
  Q_OBJECT

 public:
  explicit GoalChoicePage(RunDraft& draft, QWidget* parent = nullptr);

  // The goal's name as the page shows it ("Balanced LoRA").
  static QString goalName(train::GoalPreset preset);

  void choose(train::GoalPreset preset);
  bool validatePage() override;

 signals:
  // The goal filled the draft's settings in anew.
  void settingsPrefilled();

 private:
  RunDraft& draft_;
  QButtonGroup* goals_;
  QLabel* error_;
};

}  // namespace tiertune::gui
