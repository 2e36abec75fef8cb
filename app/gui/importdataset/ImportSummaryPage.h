// The Import dataset wizard's last page: what was imported in numbers, and the lengths of the
// training examples as a histogram (LengthHistogram), against which a run's sequence length is
// chosen.
#pragma once

#include <QWizardPage>

class QLabel;

namespace tiertune::gui {

class LengthHistogram;
struct ImportDraft;

class ImportSummaryPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit ImportSummaryPage(ImportDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;

 private:
  ImportDraft& draft_;
  QLabel* summary_;
  LengthHistogram* histogram_;
};

}  // namespace tiertune::gui
