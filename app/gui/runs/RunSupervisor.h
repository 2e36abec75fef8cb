// Starts, follows and controls training runs. A run executes in its own `tiertune-cli` process,
// started detached so that closing the window does not stop it; its stdout and stderr go to the
// run's worker.log, which this class reads as it grows (a file watcher plus a timer; bounded
// reads, never a blocking wait). The worker records its pid and start time in the catalog, so at
// start the GUI attaches to runs still executing and marks those whose worker died as Failed
// (with the last lines of its log), which the user can then resume. Pause, continue and stop are
// signals to the worker (app/cli/worker_signals.h). One instance, owned by the main window.
#pragma once

#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>

#include "app/gui/runs/LiveRunState.h"
#include "app/gui/runs/LogFollower.h"
#include "core/catalog/records.h"
#include "core/util/process_identity.h"

class QFileSystemWatcher;
class QTimer;

namespace tiertune::gui {

class AppContext;

class RunSupervisor : public QObject {
  Q_OBJECT

 public:
  explicit RunSupervisor(AppContext& context, QObject* parent = nullptr);
  ~RunSupervisor() override;

  // The worker program: tiertune-cli next to the GUI's executable unless set (tests).
  void setWorkerProgram(const QString& path) { workerProgram_ = path; }
  const QString& workerProgram() const { return workerProgram_; }

  // Launch the worker for a queued run / a stopped or failed run (from its newest checkpoint).
  // False, with problem() emitted, when it cannot start.
  bool startRun(catalog::Id runId);
  bool resumeRun(catalog::Id runId);
  // Ask a live worker to pause after the current step, to continue, or to stop with a checkpoint.
  void pauseRun(catalog::Id runId);
  void continueRun(catalog::Id runId);
  void stopRun(catalog::Id runId);

  // Finds the runs the catalog says are Running or Paused: follows those whose worker lives and
  // marks the others Failed. Called once at application start.
  void attachToRunningRuns();
  // Reads the run's log into state(runId) (the monitor of a run that is not live, too).
  void follow(catalog::Id runId);

  // What the log says so far; null for a run not followed.
  const LiveRunState* state(catalog::Id runId) const;
  bool isLive(catalog::Id runId) const;
  // True once the whole log written so far has been read.
  bool caughtUp(catalog::Id runId) const;

 signals:
  void runUpdated(qint64 runId);        // new lines were read
  void runStatusChanged(qint64 runId);  // the phase or the catalog status changed
  void problem(qint64 runId, const QString& message);

 private:
  struct Followed;

  bool launch(catalog::Id runId, const QStringList& arguments);
  Followed* followRun(catalog::Id runId, const QString& logFile);
  void poll();
  void readLog(catalog::Id runId, Followed& run, bool toTheEnd);
  void checkWorker(catalog::Id runId, Followed& run);
  void markWorkerLost(catalog::Id runId, Followed& run);
  void signalWorker(catalog::Id runId, int signal);
  std::optional<QString> logFileOf(const catalog::RunRecord& run, QString* problemText) const;

  AppContext& context_;
  QString workerProgram_;
  std::map<catalog::Id, std::unique_ptr<Followed>> runs_;
  QFileSystemWatcher* watcher_;
  QTimer* timer_;
};

}  // namespace tiertune::gui
