// Run detail → Export…: which checkpoint (the latest by default), which form (a PEFT adapter, a
// merged Hugging Face folder, or GGUF for llama.cpp, Ollama and LM Studio) with that form's options,
// and where. The export runs off the GUI thread (ExportJob) with a progress bar and Cancel; the
// dialog then says where it went, or what went wrong in words.
#pragma once

#include <QDialog>
#include <memory>
#include <vector>

#include "core/catalog/records.h"
#include "core/export/run_export.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class ExportJob;

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  // checkpoints: the run's, as the catalog lists them (oldest first); those whose folders are gone
  // are not offered. adapterRun: the run trained a LoRA adapter; a full fine-tune has no adapter
  // to export, so it is offered the merged folder and GGUF only.
  ExportDialog(QString catalogFile, catalog::Id runId, const std::vector<catalog::CheckpointRecord>& checkpoints,
               bool adapterRun, QWidget* parent = nullptr);
  ~ExportDialog() override;

  bool isExporting() const { return job_ != nullptr; }
  // Names the run in the title, as the user knows it (not its number in the catalog).
  void setRunName(const QString& name);

 signals:
  // A new export of the run is in the catalog.
  void exported(qint64 runId);
  // The export ended: done, failed or cancelled (for the tests and the detail dialog).
  void finished();

 protected:
  void reject() override;  // while exporting: cancels first

 private:
  void onFormatChanged();  // the precision back to the form's default, then updateChoices
  void updateChoices();    // rows shown for the form, Export enabled when it can start
  void chooseOutput();
  void startExport();
  void endExport(const QString& message);
  void setChoicesEnabled(bool enabled);  // everything the user chooses; off while exporting
  exports::RunExportRequest request() const;
  QString defaultFolderName() const;

  QString catalogFile_;
  catalog::Id runId_;
  QFormLayout* form_;
  QComboBox* checkpoint_;
  QComboBox* format_;
  QComboBox* dtype_;
  QComboBox* ggufType_;
  QComboBox* layout_;
  QLineEdit* publisher_;
  QCheckBox* modelfile_;
  QLineEdit* output_;
  QPushButton* browse_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* export_;
  QPushButton* cancel_;
  std::unique_ptr<ExportJob> job_;
};

}  // namespace tiertune::gui
