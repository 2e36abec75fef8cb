// The Import dataset wizard's format page: what the rows hold, as guessed from the first rows, and
// the field names when the file calls them differently. Next reads the first rows with the format
// as chosen, for the preview page; a file that cannot be read is named here with the reason.
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tiertune::gui {

struct ImportDraft;

class ImportFormatPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit ImportFormatPage(ImportDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  bool validatePage() override;

 private:
  void store();

  ImportDraft& draft_;
  QComboBox* shape_;
  QLineEdit* mapping_;
  QLabel* detected_;
  QLabel* error_;
};

}  // namespace tiertune::gui
