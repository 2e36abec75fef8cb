// The documents wizard's first page: the files and folders to read (chosen or dropped), the model
// the dataset is for (its tokenizer cuts the documents into parts and encodes them), and the
// dataset's name, which starts as the first source's and is refused while the catalog has it.
// Next needs a source, a model and a free name; from then on what the page says follows the input.
#pragma once

#include <QStringList>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tiertune::gui {

class AppContext;
class DocumentSourceList;
struct DocumentsDraft;

class DocumentSourcesPage : public QWizardPage {
  Q_OBJECT

 public:
  DocumentSourcesPage(AppContext& context, DocumentsDraft& draft, QWidget* parent = nullptr);

  // Adds files and folders as Add files…, Add folder… and a drop do.
  void addSources(const QStringList& paths);
  bool validatePage() override;

 private:
  QString problem() const;   // what stops Next but the name being taken; empty when nothing does
  bool nameTaken() const;    // by a dataset in the catalog
  QString nameNote() const;  // what the name field says under it
  void sourcesChanged();
  void store();
  void updateTexts();

  AppContext& context_;
  DocumentsDraft& draft_;
  DocumentSourceList* sources_;
  QPushButton* remove_;
  QComboBox* model_;
  QLineEdit* name_;
  QLabel* nameNote_;
  QLabel* error_;
  QString defaultName_;   // the name the first source gave; replaced while the name is still it
  bool checked_ = false;  // by Next: from then on error_ follows the input
};

}  // namespace tiertune::gui
