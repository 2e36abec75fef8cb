// The documents wizard's last page: the new dataset's name, its training and validation examples
// and tokens, the near-duplicate parts left out, and where the examples file with every example's
// source document and pages is kept (with a button that opens its folder).
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace tiertune::gui {

struct DocumentsDraft;

class DocumentSummaryPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit DocumentSummaryPage(DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;

 private:
  DocumentsDraft& draft_;
  QLabel* summary_;
  QLabel* examples_;
  QPushButton* openFolder_;
};

}  // namespace tiertune::gui
