// Runs: the run history. Every run with status, model, dataset, method, steps, best validation
// loss and duration; search and filters; compare the loss curves of several runs; a run's detail
// view with rename, notes and delete; "New fine-tune…" opens the wizard; with a RunSupervisor, the
// live monitor of a run and Stop / Resume. All history queries happen on RunHistoryWorker's thread.
#pragma once

#include <QPointer>
#include <QSet>
#include <QWidget>
#include <map>
#include <vector>

#include "app/gui/history/RunHistoryTypes.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace tiertune::gui {

class AppContext;
class EmptyState;
class NewRunWizard;
class RunCompareDialog;
class RunDetailDialog;
class RunFilterBar;
class RunHistoryModel;
class RunHistoryWorker;
class RunMonitor;
class RunSupervisor;

class RunsPage : public QWidget {
  Q_OBJECT

 public:
  explicit RunsPage(AppContext& context, QWidget* parent = nullptr);
  ~RunsPage() override;

  RunHistoryModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  RunFilterBar* filters() const { return filters_; }
  EmptyState* emptyState() const { return empty_; }
  EmptyState* errorState() const { return error_; }
  bool showsEmptyState() const;
  bool showsNoMatch() const;
  bool showsError() const;
  std::vector<catalog::Id> selectedRunIds() const;
  // Shows Monitor, Stop and Resume, which act through supervisor (owned by the main window).
  void setSupervisor(RunSupervisor* supervisor);

  // The actions of the buttons, for the buttons and for tests.
  RunCompareDialog* compareSelected();
  RunDetailDialog* openDetails(catalog::Id runId);
  void deleteRun(catalog::Id runId);  // asks first, naming what goes
  // Opens the New fine-tune wizard, empty or prefilled from a run ("Run again with changes").
  NewRunWizard* newRun();
  NewRunWizard* runAgain(catalog::Id runId);
  // The run's monitor window (one per run: an open one is raised); null without a supervisor.
  RunMonitor* openMonitor(catalog::Id runId);

 public slots:
  void refresh();

 signals:
  // A run was deleted (problems: its folders that could not be removed).
  void runRemoved(qint64 runId, const QStringList& problems);
  // The wizard created a run (status Queued) that is ready to be started.
  void runCreated(qint64 runId);
  // "Chat with this checkpoint" in a run's detail dialog: the window opens the playground on it.
  void chatRequested(qint64 runId);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void onLoaded();
  void onRemovalPlanned(const catalog::RunRemovalPlan& plan);
  void onRunRemoved(qint64 runId, const QStringList& problems);
  void applyFilters();
  void updateButtons();
  void showProblem(const QString& message);
  void setControlsVisible(bool visible);
  void restoreSelection();
  void fitColumns();

  AppContext& context_;
  RunHistoryWorker* worker_;
  RunHistoryModel* model_;
  RunFilterBar* filters_;
  QWidget* controls_;  // the count and the action buttons
  QLabel* count_;
  QLabel* problem_;
  QPushButton* newRun_;
  QPushButton* compare_;
  QPushButton* details_;
  QPushButton* delete_;
  QPushButton* monitor_;
  QPushButton* stop_;
  QPushButton* resume_;
  RunSupervisor* supervisor_ = nullptr;
  std::map<catalog::Id, QPointer<RunMonitor>> monitors_;
  QStackedWidget* stack_;
  QTableView* table_;
  EmptyState* empty_;
  EmptyState* noMatch_;
  EmptyState* error_;
  QString openFile_;                // the catalog the worker reads
  std::vector<catalog::Id> keptSelection_;  // selected before the table was reset
  catalog::Id removing_ = 0;        // the run whose deletion plan we asked for
  bool sizedColumns_ = false;
  bool fittingColumns_ = false;     // the page itself is resizing columns, not the user
  QSet<int> userSizedColumns_;      // columns the user resized: left alone
};

}  // namespace tiertune::gui
