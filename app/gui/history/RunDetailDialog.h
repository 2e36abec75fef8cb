// One run in full: its facts, loss chart, configuration, checkpoints, exports and log, with
// rename, notes, export (ExportDialog), run again with changes, chat in the playground and delete.
// Everything is read and written through the history worker; deleting
// is handed to the page (deleteRequested), which asks for confirmation with the list of files.
#pragma once

#include <QDialog>

#include "app/gui/history/RunHistoryTypes.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace tiertune::gui {

class LossChart;
class RunHistoryWorker;

class RunDetailDialog : public QDialog {
  Q_OBJECT

 public:
  RunDetailDialog(RunHistoryWorker& worker, catalog::Id runId, QWidget* parent = nullptr);

  catalog::Id runId() const { return runId_; }
  bool isLoaded() const { return loaded_; }
  // Reads the run again (its status, checkpoints and exports changed elsewhere); a name or notes
  // being edited are kept.
  void reload();

 signals:
  void deleteRequested(qint64 runId);
  // "Run again with changes": the page opens the New fine-tune wizard prefilled from this run.
  void runAgainRequested(qint64 runId);
  void chatRequested(qint64 runId);

 private:
  void onDetail(const RunDetail& detail);
  void save();
  void showSaveStatus(const QString& text);  // "Saving…", "Saved." or why not: until the next edit
  bool editedSinceSave() const;
  void openExportDialog();
  QWidget* overviewTab();
  QTableWidget* table(const QStringList& headers);

  RunHistoryWorker& worker_;
  catalog::Id runId_;
  bool loaded_ = false;
  QString savedName_;
  QString savedNotes_;
  bool saveStatusShown_ = false;  // status_ speaks of the last save
  QTabWidget* tabs_;
  QLabel* status_;
  QLineEdit* name_;
  QPlainTextEdit* notes_;
  QLabel* facts_;
  QPushButton* save_;
  QPushButton* export_;
  QPushButton* chat_;
  RunDetail detail_;  // as last fetched: the export dialog's checkpoints and catalog file
  LossChart* chart_;
  QPlainTextEdit* config_;
  QTableWidget* checkpoints_;
  QTableWidget* exports_;
  QTableWidget* log_;
};

}  // namespace tiertune::gui
