// The live view of one run: loss chart (training and validation), step n of N with a progress
// bar, learning rate, tokens/s, elapsed and time left, memory per tier against the plan, the
// plan's summary, and in tabs the worker's log and the sample answers of each evaluation, with Pause / Continue / Stop / Resume enabled by the run's
// state. Everything comes from RunSupervisor, which reads the worker's log in bounded chunks; the
// view redraws at most a few times a second, so a run of thousands of steps never freezes it.
// The Runs page opens one window per run.
#pragma once

#include <QWidget>

#include "core/catalog/records.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace tiertune::gui {

class AppContext;
class LossChart;
class RunSupervisor;
class SamplesView;
class TierMemoryView;

class RunMonitor : public QWidget {
  Q_OBJECT

 public:
  RunMonitor(AppContext& context, RunSupervisor& supervisor, catalog::Id runId, QWidget* parent = nullptr);

  catalog::Id runId() const { return runId_; }
  // For tests: what a person sees.
  LossChart* chart() const { return chart_; }
  TierMemoryView* memory() const { return memory_; }
  SamplesView* samples() const { return samples_; }
  QTabWidget* details() const { return details_; }  // the log and the samples
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* continueButton() const { return continue_; }
  QPushButton* stopButton() const { return stop_; }
  QPushButton* resumeButton() const { return resume_; }
  QString statusText() const;
  QString progressText() const;
  QString errorText() const;
  QString logText() const;

 private:
  void scheduleRedraw();
  void redraw();
  void refreshRecord();
  void updateButtons();

  AppContext& context_;
  RunSupervisor& supervisor_;
  catalog::Id runId_;
  catalog::RunRecord record_;
  bool haveRecord_ = false;
  QString problem_;  // the supervisor's words when a button's action failed
  qint64 shownLogLines_ = 0;  // personLinesSeen when the log view was last filled
  bool logFollows_ = true;  // the log shows its newest line (see the constructor)
  QTimer* redrawTimer_;
  QLabel* title_;
  QLabel* status_;
  QLabel* error_;
  QLabel* progressWords_;
  QProgressBar* progress_;
  QLabel* figures_;
  LossChart* chart_;
  TierMemoryView* memory_;
  QLabel* plan_;
  QPlainTextEdit* log_;
  SamplesView* samples_;
  QTabWidget* details_;
  QPushButton* pause_;
  QPushButton* continue_;
  QPushButton* stop_;
  QPushButton* resume_;
};

}  // namespace tiertune::gui
