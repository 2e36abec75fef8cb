// The Import dataset wizard's options page: the share of rows held back for validation and the
// seed that picks them, the longest example (at most the chosen model's context), what happens to
// longer ones, what the model learns, and whether exact duplicates are left out. A box that
// refuses an entry says so in words (RangeNote), and Next does not carry the person past it unseen.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace tiertune::gui {

class RangeNote;
struct ImportDraft;

class ImportOptionsPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit ImportOptionsPage(ImportDraft& draft, QWidget* parent = nullptr);

  bool validatePage() override;
  // The longest example: the model's context at most, and by default when it is under 2,048.
  void fitLongestExampleToModel();

 private:
  void store();

  ImportDraft& draft_;
  QDoubleSpinBox* validationShare_;
  QSpinBox* seed_;
  QSpinBox* maxTokens_;
  QComboBox* tooLong_;
  QComboBox* lossOn_;
  QCheckBox* removeDuplicates_;
  RangeNote* note_;              // what a box refused or changed
  int defaultMaxTokens_ = 2048;  // the longest example offered; a value the person chose is kept
};

}  // namespace tiertune::gui
