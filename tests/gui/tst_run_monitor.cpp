// A real run on a tiny model, started, watched and controlled from the GUI: RunSupervisor
// launches `tiertune-cli` detached and the monitor's chart fills; Pause stops the steps until
// Continue; Stop saves a checkpoint; Resume finishes the run. A worker killed with SIGKILL is
// found dead and its run marked Failed with the reason and its log's last lines, and Resume
// finishes it. A second supervisor (the GUI started again) attaches to a live worker. The GUI
// uses a settings file of its own, which the worker must follow to find the same catalog. The
// Samples tab shows each evaluation's sample answers (the latest, or an earlier step chosen), as
// worker.log has them, and again in a monitor opened afresh after the run ended.
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/Language.h"
#include "app/gui/history/LossChart.h"
#include "app/gui/runs/LiveRunState.h"
#include "app/gui/runs/RunMonitor.h"
#include "app/gui/runs/RunSupervisor.h"
#include "app/gui/runs/SamplesView.h"
#include "app/gui/runs/TierMemoryView.h"
#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_folder.h"
#include "core/settings/settings.h"
#include "core/train/run_config.h"
#include "support/accessibility_audit.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::gui;
namespace fs = std::filesystem;

namespace {

constexpr int kLong = 120000;  // ms: generous limits for a loaded test machine

// A scratch world: a settings file outside the XDG folders naming its own data folder, a tiny
// model, a token file and a GUI context.
struct World {
  std::unique_ptr<QTemporaryDir> scratch = test::makeScratchDir();
  fs::path root = scratch->path().toStdString();
  fs::path settingsFile = root / "team-settings.json";
  std::unique_ptr<AppContext> context;

  World() {
    settings::saveSettings({root / "team-data", root / "team-data" / "offload", {}, {}}, settingsFile);
    test::writeRandomModelFolder(root / "tiny-llama", test::kTinyLlamaConfig, 3);
    test::writeTokenFile(root / "train.jsonl", 60, 64, 4);
    context = std::make_unique<AppContext>(settingsFile);
  }
  // A test that failed half-way leaves no worker behind (they are detached: nobody else ends them).
  ~World() {
    for (const catalog::RunRecord& run : store().runs()) {
      if (run.worker && processIdentity(run.worker->pid) == run.worker && processName(run.worker->pid) == "tiertune-cli") {
        ::kill(static_cast<pid_t>(run.worker->pid), SIGKILL);
      }
    }
  }
  catalog::Catalog& store() { return *context->catalog(); }

  catalog::Id createRun(const std::string& name, int steps) {
    const std::string json = R"({"model":"tiny-llama","train_data":"train.jsonl","output":")" + name +
                             R"(","method":"lora","lora_rank":4,"micro_batch":2,"max_steps":)" + std::to_string(steps) +
                             R"(,"checkpoint_every":25,"eval_every":25,"validation_ratio":0.1,"learning_rate":0.005,
                                 "threads":1,"sequence_length":16})";
    const train::RunConfig config = train::parseRunConfig(json, root);
    const auto models = store().models();
    const catalog::Id modelId = models.empty() ? catalog::registerModelFolder(store(), formats::inspectModelFolder(root / "tiny-llama"))
                             : models.front().id;
    return store().createRun({name, modelId, std::nullopt, "lora", "custom", train::toJson(config)});
  }

  catalog::RunStatus status(catalog::Id runId) { return store().run(runId)->status; }
};

// The "samples" lines of a worker.log by step, read here on their own: each prompt and answer.
std::map<qint64, QStringList> samplesInLog(const fs::path& log) {
  std::map<qint64, QStringList> rounds;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) {
    const QJsonObject event = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
    if (event[QStringLiteral("event")].toString() != QLatin1String("samples")) continue;
    QStringList& texts = rounds[event[QStringLiteral("step")].toInteger()];
    for (const QJsonValue& sample : event[QStringLiteral("samples")].toArray()) {
      texts << sample[QStringLiteral("prompt")].toString() << sample[QStringLiteral("completion")].toString();
    }
  }
  return rounds;
}

void requireShown(const SamplesView& view, const QStringList& texts) {
  QVERIFY(!texts.isEmpty());
  for (const QString& text : texts) QVERIFY2(view.shownText().contains(text), qPrintable(text));
}

void useBuiltWorker(RunSupervisor& supervisor) { supervisor.setWorkerProgram(QStringLiteral(TIERTUNE_CLI_PATH)); }

}  // namespace

class RunMonitorTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    // The worker must find the catalog through the settings file the GUI hands it, not here.
    qunsetenv(settings::kSettingsFileVariable);
  }

  // Issue 27 item 5: the monitor fits the screen it opens on (it once ran past the bottom of a
  // 1000-pixel-high screen), and the device bar is not an alarm for a peak a hair over the plan.
  void fitsTheScreenAndMarksOnlyAPeakWellOverThePlan() {
    World world;
    RunSupervisor supervisor(*world.context);
    RunMonitor monitor(*world.context, supervisor, world.createRun("fits", 5));
    monitor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&monitor));
    const QRect available = monitor.screen()->availableGeometry();
    QVERIFY2(available.contains(monitor.geometry()),
             qPrintable(QStringLiteral("%1x%2 at %3,%4 on a %5x%6 screen")
                            .arg(monitor.width()).arg(monitor.height()).arg(monitor.x()).arg(monitor.y())
                            .arg(available.width()).arg(available.height())));

    TierMemoryView view;
    auto* device = view.findChild<QProgressBar*>(QStringLiteral("tierMemoryBar0"));
    QVERIFY(device);
    const QColor overPlan = meaningColors(QApplication::palette()).overPlan;
    LiveRunState state;
    state.predictedPeak = {1'000'000'000, 2'000'000'000, 0};
    state.memoryInUse = {1'010'000'000, 1'000'000'000, 0};  // plan + 1 %: what a measurement differs by
    view.display(state);
    QVERIFY(device->palette().color(QPalette::Highlight) != overPlan);
    QVERIFY2(device->toolTip().contains(QStringLiteral("1 % more than planned: normal")), qPrintable(device->toolTip()));
    state.memoryInUse[0] = 1'200'000'000;  // plan + 20 %
    view.display(state);
    QCOMPARE(device->palette().color(QPalette::Highlight), overPlan);
    QVERIFY2(device->toolTip().contains(QStringLiteral("20 % more than planned")), qPrintable(device->toolTip()));
    state.memoryInUse[0] = 900'000'000;
    view.display(state);
    QVERIFY(device->palette().color(QPalette::Highlight) != overPlan);
    QCOMPARE(device->toolTip(), QStringLiteral("Within the plan."));
  }

  void pauseContinueStopAndResumeARun() {
    World world;
    const catalog::Id runId = world.createRun("watched", 600);
    RunSupervisor supervisor(*world.context);
    useBuiltWorker(supervisor);
    QVERIFY(supervisor.startRun(runId));
    RunMonitor monitor(*world.context, supervisor, runId);
    monitor.show();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.chart()->largestSeries() >= 3, kLong);  // the chart fills
    QVERIFY(monitor.progressText().contains(QStringLiteral("of 600")));
    QVERIFY(monitor.memory()->rowText(kDeviceTier).contains(QStringLiteral("now of")));
    QCOMPARE(world.status(runId), catalog::RunStatus::Running);
    QVERIFY(world.store().run(runId)->worker);
    // Where it trains, as the worker recorded it in the catalog and said in its log.
    const std::optional<catalog::TrainingDevice> device = world.store().run(runId)->device;
    QVERIFY(device && !device->name.empty() && device->memoryBytes > 0);
    const QString planWords = monitor.findChild<QLabel*>(QStringLiteral("monitorPlan"))->text();
    QVERIFY2(planWords.startsWith(QStringLiteral("Trains on ") + QString::fromStdString(device->name)),
             qPrintable(planWords));
    QVERIFY(monitor.logText().contains(QStringLiteral("training on ")));

    QTRY_VERIFY_WITH_TIMEOUT(monitor.pauseButton()->isEnabled(), kLong);
    QVERIFY(!monitor.resumeButton()->isEnabled());
    QTest::mouseClick(monitor.pauseButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Paused, kLong);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.continueButton()->isEnabled(), kLong);
    QCOMPARE(monitor.statusText(), QStringLiteral("Paused"));
    const qint64 pausedAt = supervisor.state(runId)->step;
    QTest::qWait(1500);
    QCOMPARE(supervisor.state(runId)->step, pausedAt);  // no step while paused
    QCOMPARE(world.store().metrics(runId, catalog::kTrainLossMetric).back().step, pausedAt);

    QTest::mouseClick(monitor.continueButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.state(runId)->step > pausedAt, kLong);
    QCOMPARE(world.status(runId), catalog::RunStatus::Running);

    QTRY_VERIFY_WITH_TIMEOUT(monitor.stopButton()->isEnabled(), kLong);
    QTest::mouseClick(monitor.stopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Stopped, kLong);
    QTRY_VERIFY_WITH_TIMEOUT(!supervisor.isLive(runId), kLong);
    const auto checkpoints = world.store().checkpoints(runId);
    QVERIFY(!checkpoints.empty());
    QCOMPARE(checkpoints.back().step, supervisor.state(runId)->step);  // stop saved the last step
    QVERIFY(supervisor.state(runId)->step < 600);
    QVERIFY(!world.store().run(runId)->worker);

    QTRY_VERIFY_WITH_TIMEOUT(monitor.resumeButton()->isEnabled(), kLong);
    QTest::mouseClick(monitor.resumeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Completed, kLong);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(runId)->step, 600, kLong);
    QTRY_COMPARE_WITH_TIMEOUT(monitor.progressText(), QStringLiteral("Step 600 of 600"), kLong);
    // The catalog says Completed a moment before the log's last lines are read.
    QTRY_VERIFY_WITH_TIMEOUT(monitor.logText().contains(QStringLiteral("finished after step 600")), kLong);
    // The log kept following: its last line is in view. Long lines (checkpoint folders, as long as
    // the checkout's path) wrap instead of scrolling sideways.
    const auto* log = monitor.findChild<QPlainTextEdit*>(QStringLiteral("monitorLog"));
    QVERIFY(log);
    QVERIFY(!log->horizontalScrollBar()->isVisible());
    QVERIFY(log->verticalScrollBar()->maximum() > 0);
    QCOMPARE(log->verticalScrollBar()->value(), log->verticalScrollBar()->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(!monitor.pauseButton()->isEnabled(), kLong);
    QVERIFY(!monitor.resumeButton()->isEnabled());
    QVERIFY(!monitor.stopButton()->isEnabled());
    QVERIFY(monitor.errorText().isEmpty());
  }

  void aKilledWorkerFailsTheRunWhichResumes() {
    World world;
    const catalog::Id runId = world.createRun("killed", 600);
    RunSupervisor supervisor(*world.context);
    useBuiltWorker(supervisor);
    QVERIFY(supervisor.startRun(runId));
    RunMonitor monitor(*world.context, supervisor, runId);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.state(runId) && supervisor.state(runId)->checkpointStep > 0, kLong);
    const std::optional<ProcessIdentity> worker = world.store().run(runId)->worker;
    QVERIFY(worker);
    ::kill(static_cast<pid_t>(worker->pid), SIGKILL);

    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Failed, kLong);
    const catalog::RunRecord failed = *world.store().run(runId);
    QVERIFY2(failed.errorText.find("The training process ended unexpectedly") != std::string::npos,
             failed.errorText.c_str());
    QVERIFY2(failed.errorText.find("step ") != std::string::npos, failed.errorText.c_str());  // the log's tail
    QVERIFY(!failed.worker);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.errorText().contains(QStringLiteral("ended unexpectedly")), kLong);
    QVERIFY(monitor.resumeButton()->isEnabled());

    QTest::mouseClick(monitor.resumeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Completed, kLong);
    QVERIFY(world.store().run(runId)->errorText.empty());
    QTRY_VERIFY_WITH_TIMEOUT(monitor.errorText().isEmpty(), kLong);
  }

  // A run that fails inside its worker keeps why as words, and the monitor says it in the window's
  // language: here its checkpoints cannot be written, as a file sits where their folder would be.
  void aFailureIsSaidInTheWindowsLanguage() {
    World world;
    const catalog::Id runId = world.createRun("blocked", 40);
    fs::create_directories(world.root / "blocked");
    std::ofstream(world.root / "blocked" / "checkpoints") << "not a folder";
    const InstalledTranslations japanese(resolveLanguage("ja"));
    RunSupervisor supervisor(*world.context);
    useBuiltWorker(supervisor);
    QVERIFY(supervisor.startRun(runId));
    RunMonitor monitor(*world.context, supervisor, runId);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Failed, kLong);
    const catalog::RunRecord failed = *world.store().run(runId);
    QVERIFY2(failed.errorText.find("Cannot create the checkpoint folder") != std::string::npos,
             failed.errorText.c_str());
    QVERIFY(failed.errorWords);
    QCOMPARE(failed.errorWords->english(), failed.errorText);
    const QString folder = QString::fromStdString((world.root / "blocked" / "checkpoints").string());
    QTRY_VERIFY_WITH_TIMEOUT(monitor.errorText().contains(QStringLiteral("チェックポイントのフォルダー ") + folder),
                             kLong);
    QVERIFY2(!monitor.errorText().contains(QStringLiteral("Cannot create")), qPrintable(monitor.errorText()));
  }

  void samplesShowAfterEachEvaluation() {
    SamplesView empty;
    empty.display(LiveRunState{});
    QVERIFY(empty.noteText().contains(QStringLiteral("after the first evaluation")));

    // Issue 27: a run without validation samples continues training samples, and the tab says so.
    LiveRunState noValidation(7);
    QVERIFY(noValidation.apply(R"({"event":"start","run":7,"step":0,"total_steps":10,"train_samples":12,)"
                               R"("validation_samples":0,"backend":"cpu"})"));
    SamplesView trainingPrompts;
    trainingPrompts.display(noValidation);
    QVERIFY2(trainingPrompts.aboutText().contains(QStringLiteral("no validation samples")) &&
                 trainingPrompts.aboutText().contains(QStringLiteral("from the training samples")),
             qPrintable(trainingPrompts.aboutText()));
    LiveRunState withValidation(7);
    QVERIFY(withValidation.apply(R"({"event":"start","run":7,"step":0,"total_steps":10,"train_samples":12,)"
                                 R"("validation_samples":2,"backend":"cpu"})"));
    trainingPrompts.display(withValidation);
    QVERIFY(trainingPrompts.aboutText().contains(QStringLiteral("from the validation samples")));

    World world;
    const catalog::Id runId = world.createRun("sampled", 30);  // evaluations at steps 25 and 30
    RunSupervisor supervisor(*world.context);
    useBuiltWorker(supervisor);
    QVERIFY(supervisor.startRun(runId));
    RunMonitor monitor(*world.context, supervisor, runId);
    monitor.show();
    monitor.details()->setCurrentWidget(monitor.samples());
    SamplesView* view = monitor.samples();
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Completed, kLong);
    QTRY_COMPARE_WITH_TIMEOUT(view->shownStep(), 30, kLong);  // the latest evaluation
    QCOMPARE(view->stepSelector()->count(), 2);
    QVERIFY(view->noteText().isEmpty());
    const auto logged = samplesInLog(world.root / "sampled" / "worker.log");
    QCOMPARE(logged.size(), std::size_t(2));
    requireShown(*view, logged.at(30));
    const QString latest = view->shownText();
    QVERIFY(latest.contains(QStringLiteral("Prompt 1")) && latest.contains(QStringLiteral("Answer")));
    // An earlier evaluation, chosen by the person.
    view->stepSelector()->setCurrentIndex(0);
    QCOMPARE(view->shownStep(), 25);
    requireShown(*view, logged.at(25));
    QVERIFY2(test::unnamedControls(&monitor).isEmpty(), qPrintable(test::unnamedControls(&monitor).join(", ")));
    QVERIFY2(test::unreachableControls(&monitor).isEmpty(), qPrintable(test::unreachableControls(&monitor).join(", ")));

    // The GUI started again: a monitor of the finished run shows the latest samples from its log.
    AppContext again(world.settingsFile);
    RunSupervisor second(again);
    useBuiltWorker(second);
    RunMonitor reopened(again, second, runId);
    reopened.show();
    QTRY_COMPARE_WITH_TIMEOUT(reopened.samples()->shownStep(), 30, kLong);
    QCOMPARE(reopened.samples()->shownText(), latest);
  }

  // "Close the window and start again": a new supervisor finds the live worker in the catalog,
  // follows its log from the start and controls it; a run whose worker is gone is marked Failed.
  void aNewSupervisorAttachesToALiveWorker() {
    World world;
    const catalog::Id runId = world.createRun("attached", 600);
    const catalog::Id orphan = world.createRun("orphan", 300);
    world.store().setRunWorker(orphan, ProcessIdentity{currentProcessIdentity().pid, 1});  // not its start time
    world.store().setRunStatus(orphan, catalog::RunStatus::Running);
    {
      RunSupervisor first(*world.context);
      useBuiltWorker(first);
      QVERIFY(first.startRun(runId));
      QTRY_VERIFY_WITH_TIMEOUT(first.state(runId)->step >= 2, kLong);
    }  // the window closes; the worker goes on

    AppContext again(world.settingsFile);
    RunSupervisor second(again);
    useBuiltWorker(second);
    second.attachToRunningRuns();
    QVERIFY(second.isLive(runId));
    QTRY_VERIFY_WITH_TIMEOUT(second.state(runId)->train.size() >= 2, kLong);  // history from the log
    QTRY_COMPARE_WITH_TIMEOUT(again.catalog()->run(orphan)->status, catalog::RunStatus::Failed, kLong);
    QVERIFY(again.catalog()->run(orphan)->errorText.find("ended unexpectedly") != std::string::npos);

    second.stopRun(runId);
    QTRY_COMPARE_WITH_TIMEOUT(world.status(runId), catalog::RunStatus::Stopped, kLong);
    QTRY_VERIFY_WITH_TIMEOUT(!second.isLive(runId), kLong);
  }
};

QTEST_MAIN(RunMonitorTest)
#include "tst_run_monitor.moc"
