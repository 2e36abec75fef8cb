// The documents wizard's third page: what kind of dataset to make. Text, for continued
// pre-training: the documents cut into parts of a length in tokens, consecutive parts sharing an
// overlap. Or questions and answers that a chat model writes about each part: the model, how many
// questions per part, the part length and the instruction it reads (editable, with its placeholders
// explained and the default a click away). The part lengths stay within the models' contexts.
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace tiertune::gui {

class AppContext;
class RangeNote;
struct DocumentsDraft;

class DatasetKindPage : public QWizardPage {
  Q_OBJECT

 public:
  DatasetKindPage(AppContext& context, DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  bool validatePage() override;
  int nextId() const override;

 private:
  // The part lengths' ranges follow the models' contexts; a length chosen by default follows the
  // new default, one chosen by hand is lowered with a word when it no longer fits.
  void fitLengths();
  void fitOverlap();
  void showKind();
  void showGenerator();
  void store();

  AppContext& context_;
  DocumentsDraft& draft_;
  QRadioButton* textKind_;
  QRadioButton* questionsKind_;
  QWidget* textOptions_;
  QSpinBox* textTokens_;
  QSpinBox* overlap_;
  QWidget* questionOptions_;
  QComboBox* generator_;
  QLabel* generatorNote_;
  QSpinBox* questions_;
  QSpinBox* questionTokens_;
  QPlainTextEdit* prompt_;
  QPushButton* restorePrompt_;
  RangeNote* note_;
  QLabel* error_;
  int textTokensDefault_ = 0;      // the default the text length had when last fitted
  int questionTokensDefault_ = 0;  // the same for the question parts
  int overlapDefault_ = 0;
};

}  // namespace tiertune::gui
