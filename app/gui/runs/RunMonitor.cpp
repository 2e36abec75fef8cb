#include "app/gui/runs/RunMonitor.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextOption>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/GpuText.h"
#include "app/gui/NumberText.h"
#include "app/gui/WindowSize.h"
#include "app/gui/history/LossChart.h"
#include "app/gui/history/RunText.h"
#include "app/gui/runs/LiveRunState.h"
#include "app/gui/runs/RunSupervisor.h"
#include "app/gui/runs/SamplesView.h"
#include "app/gui/runs/TierMemoryView.h"

namespace tiertune::gui {

namespace {

// The chart redraws at most this often, however fast steps arrive.
constexpr int kRedrawMilliseconds = 250;

// Every k-th point, so that a chart never holds more than kMaxCurvePoints; the last one always.
std::vector<catalog::MetricPoint> thinned(const std::vector<catalog::MetricPoint>& points) {
  if (points.size() <= static_cast<std::size_t>(kMaxCurvePoints)) return points;
  const std::size_t stride = (points.size() + kMaxCurvePoints - 1) / kMaxCurvePoints;
  std::vector<catalog::MetricPoint> result;
  for (std::size_t i = 0; i < points.size(); i += stride) result.push_back(points[i]);
  if (result.back().step != points.back().step) result.push_back(points.back());
  return result;
}

QString lossText(double value) {
  return std::isnan(value) ? QStringLiteral("\u2013") : QLocale().toString(value, 'g', 4);
}

}  // namespace

RunMonitor::RunMonitor(AppContext& context, RunSupervisor& supervisor, catalog::Id runId, QWidget* parent)
    : QWidget(parent, Qt::Window),
      context_(context),
      supervisor_(supervisor),
      runId_(runId),
      redrawTimer_(new QTimer(this)),
      title_(new QLabel),
      status_(new QLabel),
      error_(new QLabel),
      progressWords_(new QLabel),
      progress_(new QProgressBar),
      figures_(new QLabel),
      chart_(new LossChart),
      memory_(new TierMemoryView),
      plan_(new QLabel),
      log_(new QPlainTextEdit),
      samples_(new SamplesView),
      details_(new QTabWidget),
      pause_(new QPushButton(tr("Pause"))),
      continue_(new QPushButton(tr("Continue"))),
      stop_(new QPushButton(tr("Stop"))),
      resume_(new QPushButton(tr("Resume from the last checkpoint"))) {
  setObjectName(QStringLiteral("runMonitor"));
  resizeWithinScreen(this, QSize(980, 820));
  QFont titleFont = title_->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
  titleFont.setBold(true);
  title_->setFont(titleFont);
  title_->setWordWrap(true);
  status_->setObjectName(QStringLiteral("monitorStatus"));
  error_->setObjectName(QStringLiteral("monitorError"));
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  showAsProblem(error_);
  error_->hide();
  progress_->setTextVisible(false);
  progress_->setAccessibleName(tr("Progress of the run"));
  figures_->setTextFormat(Qt::PlainText);
  plan_->setObjectName(QStringLiteral("monitorPlan"));
  plan_->setWordWrap(true);
  plan_->setTextFormat(Qt::PlainText);
  log_->setObjectName(QStringLiteral("monitorLog"));
  log_->setReadOnly(true);
  log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  log_->setMaximumBlockCount(LiveRunState::kLogLines);
  // Long lines (a checkpoint's folder) wrap, anywhere if they must: a sideways scroll would hide the
  // start of every line.
  log_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  log_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  log_->setAccessibleName(tr("Log of the training process"));
  // The log follows the newest line until the reader scrolls up, and again once they scroll back
  // to the end. The range grows after the append, when the document is laid out (a wrapped line
  // takes several), so the end is kept in view as the range changes.
  QScrollBar* lines = log_->verticalScrollBar();
  connect(lines, &QScrollBar::rangeChanged, this, [this, lines](int, int maximum) {
    if (logFollows_) lines->setValue(maximum);
  });
  connect(lines, &QScrollBar::valueChanged, this,
          [this, lines](int value) { logFollows_ = value >= lines->maximum(); });
  pause_->setToolTip(tr("Pause after the current step; the run keeps its memory and waits."));
  stop_->setToolTip(tr("Save a checkpoint after the current step, then end the run. You can resume it later."));
  resume_->setToolTip(tr("Continue a stopped or failed run from its newest checkpoint."));
  pause_->setObjectName(QStringLiteral("pauseRunButton"));
  continue_->setObjectName(QStringLiteral("continueRunButton"));
  stop_->setObjectName(QStringLiteral("stopRunButton"));
  resume_->setObjectName(QStringLiteral("resumeRunButton"));

  auto* heading = new QHBoxLayout;
  heading->addWidget(title_, 1);
  heading->addWidget(status_);

  auto* progressRow = new QHBoxLayout;
  progressRow->addWidget(progressWords_);
  progressRow->addWidget(progress_, 1);

  auto* memoryBox = new QGroupBox(tr("Memory per tier"));
  auto* memoryLayout = new QVBoxLayout(memoryBox);
  memoryLayout->addWidget(memory_);
  memoryLayout->addWidget(plan_);

  details_->setObjectName(QStringLiteral("monitorDetails"));
  details_->addTab(log_, tr("Log"));
  details_->addTab(samples_, tr("Samples"));

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  for (QPushButton* button : {pause_, continue_, stop_, resume_}) buttons->addWidget(button);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(18, 14, 18, 14);
  layout->addLayout(heading);
  layout->addWidget(error_);
  layout->addLayout(progressRow);
  layout->addWidget(figures_);
  layout->addWidget(chart_, 3);
  layout->addWidget(memoryBox);
  layout->addWidget(details_, 1);
  layout->addLayout(buttons);

  redrawTimer_->setSingleShot(true);
  redrawTimer_->setInterval(kRedrawMilliseconds);
  connect(redrawTimer_, &QTimer::timeout, this, &RunMonitor::redraw);
  connect(&supervisor_, &RunSupervisor::runUpdated, this, [this](qint64 id) {
    if (id == runId_) scheduleRedraw();
  });
  connect(&supervisor_, &RunSupervisor::runStatusChanged, this, [this](qint64 id) {
    if (id != runId_) return;
    refreshRecord();
    scheduleRedraw();
  });
  // The status the catalog holds, also when another process (a worker started by tiertune-cli, another
  // window) changes it.
  connect(&context_, &AppContext::catalogChanged, this, &RunMonitor::refreshRecord);
  connect(&supervisor_, &RunSupervisor::problem, this, [this](qint64 id, const QString& message) {
    if (id != runId_) return;
    problem_ = message;
    updateButtons();
  });
  connect(pause_, &QPushButton::clicked, this, [this] {
    pause_->setEnabled(false);  // until the worker says it paused
    supervisor_.pauseRun(runId_);
  });
  connect(continue_, &QPushButton::clicked, this, [this] {
    continue_->setEnabled(false);
    supervisor_.continueRun(runId_);
  });
  connect(stop_, &QPushButton::clicked, this, [this] {
    stop_->setEnabled(false);
    pause_->setEnabled(false);
    supervisor_.stopRun(runId_);
  });
  connect(resume_, &QPushButton::clicked, this, [this] {
    resume_->setEnabled(false);
    problem_.clear();
    supervisor_.resumeRun(runId_);
    refreshRecord();
  });

  supervisor_.follow(runId_);
  refreshRecord();
  redraw();
}

void RunMonitor::scheduleRedraw() {
  if (!redrawTimer_->isActive()) redrawTimer_->start();
}

void RunMonitor::refreshRecord() {
  catalog::Catalog* store = context_.catalog();
  const std::optional<catalog::RunRecord> record = store ? store->run(runId_) : std::nullopt;
  haveRecord_ = record.has_value();
  if (record) record_ = *record;
  const QString name = haveRecord_ ? QString::fromStdString(record_.name) : tr("Run %1").arg(runId_);
  title_->setText(name);
  setWindowTitle(tr("%1 — Tiertune").arg(name));
  status_->setText(haveRecord_ ? RunText::status(record_.status) : tr("Not in the catalog"));
  updateButtons();
}

void RunMonitor::redraw() {
  const LiveRunState* state = supervisor_.state(runId_);
  if (!state) {
    updateButtons();
    return;
  }
  const QLocale locale;
  if (state->totalSteps > 0) {
    progressWords_->setText(tr("Step %1 of %2").arg(locale.toString(state->step), locale.toString(state->totalSteps)));
    progress_->setRange(0, static_cast<int>(std::min<qint64>(state->totalSteps, 1 << 30)));
    progress_->setValue(static_cast<int>(std::min<qint64>(state->step, 1 << 30)));
  } else {
    progressWords_->setText(state->sawEvent ? tr("Preparing the run…") : tr("No progress recorded yet"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
  }
  const QString eta = state->etaSeconds >= 0 && state->phase == RunPhase::Running
                          ? RunText::duration(state->etaSeconds)
                          : QStringLiteral("\u2013");
  figures_->setText(tr("Training loss %1   ·   Validation loss %2   ·   Learning rate %3   ·   %4 tokens/s   ·   "
                       "Training time %5   ·   Time left %6")
                        .arg(lossText(state->loss), lossText(state->validationLoss),
                             std::isnan(state->learningRate) ? QStringLiteral("\u2013")
                                                             : locale.toString(state->learningRate, 'g', 3),
                             locale.toString(state->tokensPerSecond, 'f', 0),
                             state->trainingSeconds > 0 ? RunText::duration(state->trainingSeconds)
                                                        : QStringLiteral("\u2013"),
                             eta));
  RunCurves curves;
  curves.runId = runId_;
  curves.runName = haveRecord_ ? QString::fromStdString(record_.name) : QString();
  curves.train = thinned(state->train);
  curves.validation = thinned(state->validation);
  chart_->setCurves({curves});
  memory_->display(*state);
  if (!state->planSeen) {
    plan_->setText(tr("The memory plan appears when the run starts."));
  } else {
    // The plan's figures in the window's words (the worker's own sentence is English, for its log).
    const auto bytes = [](qint64 value) { return byteSizeText(static_cast<quint64>(std::max<qint64>(value, 0))); };
    const QString device = !state->device                                              ? tr("in training memory")
                           : state->device->kind == catalog::TrainingDevice::Kind::Cuda ? tr("on the graphics card")
                                                                                        : tr("in the processor's working memory");
    QString words = state->predictedPeak[0] < 0
                        ? tr("The memory plan has no figures yet.")
                        : tr("Memory plan: at most %1 %2, %3 in RAM and %4 on the SSD.")
                              .arg(bytes(state->predictedPeak[0]), device, bytes(state->predictedPeak[1]),
                                   bytes(state->predictedPeak[2]));
    if (state->device) words = tr("Trains on %1.").arg(describeTrainingDevice(*state->device)) + QLatin1Char('\n') + words;
    plan_->setText(words);
  }
  const qint64 fresh = std::min<qint64>(state->personLinesSeen - shownLogLines_, state->personLines.size());
  for (qint64 i = state->personLines.size() - fresh; i < state->personLines.size(); ++i) {
    log_->appendPlainText(state->personLines[static_cast<qsizetype>(i)]);
  }
  shownLogLines_ = state->personLinesSeen;
  samples_->display(*state);
  updateButtons();
}

void RunMonitor::updateButtons() {
  const LiveRunState* state = supervisor_.state(runId_);
  const bool live = supervisor_.isLive(runId_);
  const RunPhase phase = state ? state->phase : RunPhase::Starting;
  pause_->setEnabled(live && phase == RunPhase::Running);
  continue_->setEnabled(live && phase == RunPhase::Paused);
  stop_->setEnabled(live && !hasEnded(phase));
  const bool resumable = haveRecord_ && (record_.status == catalog::RunStatus::Stopped ||
                                         record_.status == catalog::RunStatus::Failed);
  resume_->setEnabled(!live && resumable);
  // The run's own error (in the catalog) first; else what went wrong with the last button.
  QString problem = problem_;
  if (haveRecord_ && record_.status == catalog::RunStatus::Failed) {
    problem = record_.errorText.empty() ? tr("The run failed.") : failureText(record_.errorText, record_.errorWords);
  }
  error_->setText(problem);
  error_->setVisible(!problem.isEmpty());
}

QString RunMonitor::statusText() const { return status_->text(); }
QString RunMonitor::progressText() const { return progressWords_->text(); }
QString RunMonitor::errorText() const { return error_->isHidden() ? QString() : error_->text(); }
QString RunMonitor::logText() const { return log_->toPlainText(); }

}  // namespace tiertune::gui
