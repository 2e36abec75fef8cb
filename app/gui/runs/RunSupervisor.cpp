#include "app/gui/runs/RunSupervisor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>
#include <algorithm>
#include <csignal>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "core/train/run_config.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace {

// How often live workers are checked and logs read when the file watcher stays quiet (some file
// systems do not report appends).
constexpr int kPollMilliseconds = 400;
// How many of the log's last lines for a person go into a failure's reason.
constexpr int kReasonLines = 8;

// Installed, and in the build tree (CMake puts every program in bin/), the two sit side by side.
QString defaultWorkerProgram() {
  return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tiertune-cli"));
}

}  // namespace

struct RunSupervisor::Followed {
  Followed(catalog::Id runId, const QString& logFile) : log(logFile), state(runId) {}
  LogFollower log;
  LiveRunState state;
  std::optional<ProcessIdentity> worker;  // the live worker; none when the run is not executing
  bool checkName = true;     // false for a worker we launched: it may not have exec'd yet
  bool awaitVerdict = false; // the worker is gone: decide once the log is read to its end
  qint64 segmentStart = 0;   // log position at launch: earlier final events are an older worker's
  qint64 lastFinalAt = -1;   // log position of the last final event read
};

RunSupervisor::RunSupervisor(AppContext& context, QObject* parent)
    : QObject(parent),
      context_(context),
      workerProgram_(defaultWorkerProgram()),
      watcher_(new QFileSystemWatcher(this)),
      timer_(new QTimer(this)) {
  timer_->setInterval(kPollMilliseconds);
  connect(timer_, &QTimer::timeout, this, &RunSupervisor::poll);
  connect(watcher_, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
    for (auto& [id, run] : runs_) {
      if (run->log.path() == path) readLog(id, *run, false);
    }
  });
}

RunSupervisor::~RunSupervisor() = default;

const LiveRunState* RunSupervisor::state(catalog::Id runId) const {
  const auto found = runs_.find(runId);
  return found == runs_.end() ? nullptr : &found->second->state;
}

bool RunSupervisor::isLive(catalog::Id runId) const {
  const auto found = runs_.find(runId);
  return found != runs_.end() && found->second->worker.has_value();
}

bool RunSupervisor::caughtUp(catalog::Id runId) const {
  const auto found = runs_.find(runId);
  return found != runs_.end() && found->second->log.caughtUp();
}

std::optional<QString> RunSupervisor::logFileOf(const catalog::RunRecord& run, QString* problemText) const {
  try {
    const train::RunConfig config =
        train::parseRunConfig(run.configJson, "/", "the configuration of run " + std::to_string(run.id));
    if (config.outputFolder.empty()) throw Error("The configuration of the run names no output folder.");
    return QString::fromStdString((config.outputFolder / train::kWorkerLogFileName).string());
  } catch (const std::exception& error) {
    if (problemText) *problemText = errorText(error);
    return std::nullopt;
  }
}

RunSupervisor::Followed* RunSupervisor::followRun(catalog::Id runId, const QString& logFile) {
  auto& slot = runs_[runId];
  if (!slot) slot = std::make_unique<Followed>(runId, logFile);
  // The watcher needs the file to exist; the timer covers the time before the worker writes it.
  if (QFileInfo::exists(logFile) && !watcher_->files().contains(logFile)) watcher_->addPath(logFile);
  if (!timer_->isActive()) timer_->start();
  return slot.get();
}

void RunSupervisor::follow(catalog::Id runId) {
  if (runs_.count(runId)) return;
  catalog::Catalog* store = context_.catalog();
  const std::optional<catalog::RunRecord> run = store ? store->run(runId) : std::nullopt;
  if (!run) return;
  if (const auto logFile = logFileOf(*run, nullptr)) readLog(runId, *followRun(runId, *logFile), false);
}

bool RunSupervisor::startRun(catalog::Id runId) {
  catalog::Catalog* store = context_.catalog();
  const std::optional<catalog::RunRecord> run = store ? store->run(runId) : std::nullopt;
  if (run && run->status != catalog::RunStatus::Queued) {
    // Starting again would train from the beginning over the run's history.
    emit problem(runId, tr("The run “%1” has already started; resume it to continue from its last checkpoint.")
                            .arg(QString::fromStdString(run->name)));
    return false;
  }
  return launch(runId, {QStringLiteral("train"), QStringLiteral("--run"), QString::number(runId)});
}

bool RunSupervisor::resumeRun(catalog::Id runId) {
  return launch(runId, {QStringLiteral("resume"), QString::number(runId)});
}

bool RunSupervisor::launch(catalog::Id runId, const QStringList& arguments) {
  catalog::Catalog* store = context_.catalog();
  if (!store) {
    emit problem(runId, tr("The run cannot start: the catalog is not open. %1").arg(context_.catalogError()));
    return false;
  }
  const std::optional<catalog::RunRecord> run = store->run(runId);
  if (!run) {
    emit problem(runId, tr("There is no run %1 in the catalog.").arg(runId));
    return false;
  }
  if (isLive(runId)) {
    emit problem(runId, tr("The run “%1” is already executing.").arg(QString::fromStdString(run->name)));
    return false;
  }
  QString why;
  const std::optional<QString> logFile = logFileOf(*run, &why);
  if (!logFile) {
    emit problem(runId, tr("The run “%1” cannot start: %2").arg(QString::fromStdString(run->name), why));
    return false;
  }
  if (!QDir().mkpath(QFileInfo(*logFile).absolutePath())) {
    emit problem(runId, tr("The output folder %1 of the run could not be created.").arg(QFileInfo(*logFile).absolutePath()));
    return false;
  }
  QProcess process;
  process.setProgram(workerProgram_);
  process.setArguments(arguments);
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  // The worker reads the same settings, hence the same catalog, as this window.
  environment.insert(QString::fromLatin1(settings::kSettingsFileVariable),
                     QString::fromStdString(std::filesystem::absolute(context_.settingsFile()).string()));
  process.setProcessEnvironment(environment);
  process.setStandardInputFile(QProcess::nullDevice());
  process.setStandardOutputFile(*logFile, QIODevice::Append);
  process.setStandardErrorFile(*logFile, QIODevice::Append);
  Followed* followed = followRun(runId, *logFile);
  const qint64 logSize = followed->log.fileSize();
  qint64 pid = 0;
  if (!process.startDetached(&pid)) {
    emit problem(runId, tr("Tiertune could not start its training program %1: %2")
                            .arg(workerProgram_, process.errorString()));
    return false;
  }
  followed->segmentStart = logSize;
  followed->worker = processIdentity(pid);
  followed->checkName = false;
  followed->awaitVerdict = !followed->worker;  // it ended already: judge it by its log
  if (!watcher_->files().contains(*logFile)) watcher_->addPath(*logFile);
  emit runStatusChanged(runId);
  return true;
}

void RunSupervisor::attachToRunningRuns() {
  catalog::Catalog* store = context_.catalog();
  if (!store) return;
  const QString name = QFileInfo(workerProgram_).fileName();
  for (const catalog::RunRecord& run : store->runs()) {
    if (run.status != catalog::RunStatus::Running && run.status != catalog::RunStatus::Paused) continue;
    if (isLive(run.id)) continue;
    const std::optional<QString> logFile = logFileOf(run, nullptr);
    Followed* followed = followRun(run.id, logFile.value_or(QString()));
    if (run.worker && isProcessAlive(*run.worker, name.toStdString())) {
      followed->worker = run.worker;
    } else {
      followed->awaitVerdict = true;  // decided once its log is read, with its last lines
    }
  }
}

void RunSupervisor::poll() {
  for (auto& [id, run] : runs_) {
    readLog(id, *run, false);
    checkWorker(id, *run);
  }
}

void RunSupervisor::readLog(catalog::Id runId, Followed& run, bool toTheEnd) {
  const RunPhase before = run.state.phase;
  bool read = false;
  do {
    qint64 at = run.log.position();
    const QList<QByteArray> lines = run.log.readLines();
    for (const QByteArray& line : lines) {
      if (run.state.apply(line) && hasEnded(run.state.phase)) run.lastFinalAt = at;
      at += line.size() + 1;
      read = true;
    }
  } while (toTheEnd && !run.log.caughtUp());
  if (!watcher_->files().contains(run.log.path()) && QFileInfo::exists(run.log.path())) {
    watcher_->addPath(run.log.path());
  }
  const bool endedNow = hasEnded(run.state.phase) && run.lastFinalAt >= run.segmentStart;
  if (endedNow && run.worker) {
    run.worker.reset();  // its final event is written; the catalog says how it ended
    run.awaitVerdict = false;
  }
  if (read) emit runUpdated(runId);
  if (run.state.phase != before) {
    emit runStatusChanged(runId);
    context_.notifyCatalogChanged();  // the history shows the new status
  }
}

void RunSupervisor::checkWorker(catalog::Id runId, Followed& run) {
  if (run.worker) {
    const bool alive = run.checkName
                           ? isProcessAlive(*run.worker, QFileInfo(workerProgram_).fileName().toStdString())
                           : processIdentity(run.worker->pid) == run.worker;
    if (alive) return;
    run.worker.reset();
    run.awaitVerdict = true;
    readLog(runId, run, true);  // what it wrote before it went
  }
  if (!run.awaitVerdict || !run.log.caughtUp()) return;
  run.awaitVerdict = false;
  const bool endedNormally = hasEnded(run.state.phase) && run.lastFinalAt >= run.segmentStart;
  if (!endedNormally) markWorkerLost(runId, run);
}

void RunSupervisor::markWorkerLost(catalog::Id runId, Followed& run) {
  catalog::Catalog* store = context_.catalog();
  const std::optional<catalog::RunRecord> record = store ? store->run(runId) : std::nullopt;
  // A worker that wrote its ending to the catalog but not to its log did end as it says.
  if (!record || record->status == catalog::RunStatus::Completed || record->status == catalog::RunStatus::Stopped) {
    return;
  }
  QString reason = tr("The training process ended unexpectedly.");
  const QStringList& lines = run.state.personLines;
  if (!lines.isEmpty()) {
    reason += QLatin1Char(' ') + tr("The last lines of its log:") + QLatin1Char('\n') +
              lines.mid(std::max<qsizetype>(0, lines.size() - kReasonLines)).join(QLatin1Char('\n'));
  }
  try {
    store->setRunWorker(runId, std::nullopt);
    store->setRunStatus(runId, catalog::RunStatus::Failed, reason.toStdString());
  } catch (const std::exception& error) {
    emit problem(runId, errorText(error));
  }
  run.state.phase = RunPhase::Failed;
  run.state.error = reason;
  emit runStatusChanged(runId);
  context_.notifyCatalogChanged();
}

void RunSupervisor::signalWorker(catalog::Id runId, int signal) {
  const auto found = runs_.find(runId);
  if (found == runs_.end() || !found->second->worker) {
    emit problem(runId, tr("Run %1 is not executing.").arg(runId));
    return;
  }
  const ProcessIdentity& worker = *found->second->worker;
  // Never signal a stranger that took over the pid of a worker that died since the last check.
  if (processIdentity(worker.pid) != worker) {
    checkWorker(runId, *found->second);
    return;
  }
  ::kill(static_cast<pid_t>(worker.pid), signal);
}

void RunSupervisor::pauseRun(catalog::Id runId) { signalWorker(runId, SIGUSR1); }
void RunSupervisor::continueRun(catalog::Id runId) { signalWorker(runId, SIGUSR2); }
void RunSupervisor::stopRun(catalog::Id runId) { signalWorker(runId, SIGTERM); }

}  // namespace tiertune::gui
