// "Add model folder": checks a chosen Hugging Face folder in the background (inspectModelFolder),
// shows what it found — or, in words, what is wrong with it — and registers it in the catalog
// when the person confirms.
#pragma once

#include <QDialog>
#include <optional>

#include "app/gui/BackgroundJob.h"
#include "core/formats/model_folder.h"

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace tiertune::gui {

class AppContext;

class AddModelDialog : public QDialog {
  Q_OBJECT

 public:
  // suggestedName: the name to offer (a downloaded model's Hub id); empty: the folder's name.
  AddModelDialog(AppContext& context, const QString& folder, QWidget* parent = nullptr, QString suggestedName = {});
  ~AddModelDialog() override;

  bool inspectionFinished() const { return facts_.has_value(); }
  bool canAdd() const;
  QString problemsText() const;

 signals:
  void inspected();
  void modelAdded(qint64 id);

 public slots:
  void accept() override;  // registers the model; stays open with the reason when that fails

 private:
  void takeFacts(formats::ModelFolderFacts facts);
  void showFacts();
  void fitToContents();

  AppContext& context_;
  QString suggestedName_;
  std::optional<formats::ModelFolderFacts> facts_;
  QLabel* folderLabel_;
  QProgressBar* busy_;
  QLineEdit* name_;
  QLabel* architecture_;
  QLabel* parameters_;
  QLabel* layers_;
  QLabel* contextLength_;
  QLabel* vocabulary_;
  QLabel* weights_;
  QLabel* tokenizer_;
  QLabel* chatTemplate_;
  QLabel* problems_;
  QLabel* notes_;
  QDialogButtonBox* buttons_;
  BackgroundJob inspection_;
};

}  // namespace tiertune::gui
