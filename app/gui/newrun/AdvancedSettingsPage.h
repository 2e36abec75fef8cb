// The wizard's Advanced page: every hyperparameter of the run with a short explanation and a safe
// range (spin boxes with limits), prefilled from the goal preset. It shows the draft's settings
// (load) and writes them back when the person goes on (validatePage), after checking what the
// limits of the boxes cannot: the sequence against the model's context, the batch against the
// dataset, at least one LoRA target. An entry outside a box's limits is refused in words
// (RangeSpinBox), and many steps over few examples are warned about beside the steps.
#pragma once

#include <QWizardPage>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace tiertune::gui {

class RangeNote;
struct RunDraft;

class AdvancedSettingsPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit AdvancedSettingsPage(RunDraft& draft, QWidget* parent = nullptr);

  // Shows the draft's configuration in the boxes.
  void load();
  bool validatePage() override;

 private:
  void addRow(QGridLayout* grid, const QString& label, QWidget* field, const QString& explanation);
  void updateMethod();
  void updateBackend();  // the GPU's number means nothing on the processor
  void updateLength();   // the epochs box and the warning about repeating few examples
  QString problem() const;  // empty when the values are consistent
  void store();

  RunDraft& draft_;
  QComboBox* method_;
  QSpinBox* rank_;
  QDoubleSpinBox* alpha_;
  QDoubleSpinBox* dropout_;
  std::vector<QCheckBox*> targets_;  // by model::LinearModule
  QDoubleSpinBox* learningRate_;
  QSpinBox* epochs_;
  QSpinBox* maxSteps_;
  QSpinBox* sequenceLength_;
  QSpinBox* microBatch_;
  QSpinBox* accumulation_;
  QComboBox* schedule_;
  QSpinBox* warmupSteps_;
  QDoubleSpinBox* warmupRatio_;
  QDoubleSpinBox* minLrRatio_;
  QDoubleSpinBox* maxGradNorm_;
  QDoubleSpinBox* weightDecay_;
  QDoubleSpinBox* beta1_;
  QDoubleSpinBox* beta2_;
  QDoubleSpinBox* epsilon_;
  QSpinBox* evalEvery_;
  QSpinBox* evalSamples_;
  QSpinBox* evalSampleTokens_;
  QSpinBox* checkpointEvery_;
  QSpinBox* keepCheckpoints_;
  QSpinBox* seed_;
  QSpinBox* threads_;
  QComboBox* backend_;
  QSpinBox* device_;  // -1: the usable card with the most memory
  QCheckBox* activationCheckpointing_;
  QDoubleSpinBox* deviceLimit_;
  QDoubleSpinBox* ramLimit_;
  QDoubleSpinBox* diskLimit_;
  QLabel* repeats_;  // many steps over few examples
  RangeNote* rangeNote_;  // what a box refused
  QLabel* error_;
};

}  // namespace tiertune::gui
