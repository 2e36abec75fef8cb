// The Import dataset wizard's first page: the file (or a folder of texts), the model the examples
// are prepared for, and the dataset's name. Next checks that the file exists, that there is a model
// and that the name is free; from then on what it says follows the input.
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tiertune::gui {

class AppContext;
struct ImportDraft;

class ImportFilePage : public QWizardPage {
  Q_OBJECT

 public:
  ImportFilePage(AppContext& context, ImportDraft& draft, QWidget* parent = nullptr);

  // The file to import, and its base name as the dataset's name.
  void setFile(const QString& file);
  bool validatePage() override;

 signals:
  // Another model was chosen (the draft has its name and context).
  void modelChanged();

 private:
  QString problem() const;  // empty when the page may be left
  void store();

  AppContext& context_;
  ImportDraft& draft_;
  QLineEdit* file_;
  QComboBox* model_;
  QLineEdit* name_;
  QLabel* error_;
  bool checked_ = false;  // by Next: from then on error_ follows the input
};

}  // namespace tiertune::gui
