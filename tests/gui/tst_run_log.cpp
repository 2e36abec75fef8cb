// What the monitor learns from a worker's log, without a process: LogFollower's bounded reads
// over a growing file (a line split across writes, a replaced file) and LiveRunState's reading
// of the events (plan, steps, evaluations, pause, a resume that repeats steps, failure, sample
// answers and why there are none).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "app/gui/runs/LiveRunState.h"
#include "app/gui/runs/LogFollower.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::gui;

namespace {

QByteArray samplesLine(int n, const QString& completion) {
  const QJsonArray samples{QJsonObject{{"prompt", "Question one?"}, {"completion", completion}},
                           QJsonObject{{"prompt", "Question two?"}, {"completion", completion + " too"}}};
  return QJsonDocument(QJsonObject{{"event", "samples"}, {"run", 3}, {"step", n}, {"samples", samples}})
      .toJson(QJsonDocument::Compact);
}

QByteArray jsonLine(const QJsonObject& fields) { return QJsonDocument(fields).toJson(QJsonDocument::Compact); }

QByteArray step(int n, double loss) {
  return jsonLine({{"event", "step"}, {"step", n}, {"total_steps", 10}, {"loss", loss}, {"lr", 0.001},
                {"tokens_per_s", 500.0}, {"eta_s", 4.0}, {"seconds", 0.5},
                {"memory", QJsonObject{{"device", 1000}, {"host", 5000}, {"disk", 0}}}});
}

void append(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::Append));
  file.write(bytes);
}

}  // namespace

class RunLogTest : public QObject {
  Q_OBJECT

 private slots:
  void followsAGrowingFileInBoundedChunks() {
    const auto scratch = test::makeScratchDir();
    const QString path = scratch->filePath(QStringLiteral("worker.log"));
    LogFollower follower(path);
    QVERIFY(follower.readLines().isEmpty());  // not written yet
    QVERIFY(follower.caughtUp());
    append(path, "first line\nsecond ");
    QCOMPARE(follower.readLines(), QList<QByteArray>({"first line"}));
    QCOMPARE(follower.position(), 11);
    append(path, "half\nthird\n");
    QCOMPARE(follower.readLines(), QList<QByteArray>({"second half", "third"}));
    // A long log comes in several reads, none larger than asked.
    QByteArray many;
    for (int i = 0; i < 1000; ++i) many += "line " + QByteArray::number(i) + "\n";
    append(path, many);
    int reads = 0, lines = 0;
    do {
      lines += static_cast<int>(follower.readLines(1024).size());
      ++reads;
    } while (!follower.caughtUp());
    QCOMPARE(lines, 1000);
    QVERIFY(reads >= many.size() / 1024);
    // A replaced (shorter) file is read from its start.
    QFile::remove(path);
    append(path, "new\n");
    QCOMPARE(follower.readLines(), QList<QByteArray>({"new"}));
  }

  void readsTheEventsOfARun() {
    LiveRunState state;
    QVERIFY(!state.apply("Run 3 has no checkpoint yet; it starts from the beginning."));
    QVERIFY(state.apply(jsonLine({{"event", "plan"}, {"summary", "Everything fits on the device."},
                               {"bottleneck", "compute"}, {"predicted_step_seconds", 0.25},
                               {"peak_bytes", QJsonObject{{"device", 2000}, {"host", 9000}, {"disk", 0}}}})));
    QCOMPARE(state.phase, RunPhase::Starting);
    QCOMPARE(state.predictedPeak[kHostTier], 9000);
    QVERIFY(state.apply(jsonLine({{"event", "start"}, {"step", 0}, {"total_steps", 10}, {"backend", "cpu"}})));
    QCOMPARE(state.phase, RunPhase::Running);
    QVERIFY(!state.device);  // a worker from before the device was logged
    QVERIFY(state.apply(jsonLine({{"event", "start"}, {"step", 0}, {"total_steps", 10}, {"backend", "CUDA"},
                                  {"device", QJsonObject{{"kind", "cuda"}, {"name", "NVIDIA L40S"},
                                                         {"memory_bytes", 48305799168.0}}}})));
    QCOMPARE(state.device, std::optional(catalog::TrainingDevice{catalog::TrainingDevice::Kind::Cuda, "NVIDIA L40S",
                                                                 48305799168}));
    for (int n = 1; n <= 6; ++n) state.apply(step(n, 3.0 - 0.1 * n));
    state.apply(jsonLine({{"event", "evaluation"}, {"step", 3}, {"val_loss", 2.9}}));
    state.apply(jsonLine({{"event", "evaluation"}, {"step", 6}, {"val_loss", 2.5}}));
    QCOMPARE(state.train.size(), 6u);
    QCOMPARE(state.validation.size(), 2u);
    QCOMPARE(state.step, 6);
    QCOMPARE(state.memoryInUse[kDeviceTier], 1000);
    QCOMPARE(state.trainingSeconds, 3.0);
    state.apply(jsonLine({{"event", "paused"}, {"step", 6}}));
    QCOMPARE(state.phase, RunPhase::Paused);
    state.apply(jsonLine({{"event", "resumed"}, {"step", 6}}));
    QCOMPARE(state.phase, RunPhase::Running);
    state.apply(jsonLine({{"event", "failed"}, {"error", "The disk is full."}}));
    QCOMPARE(state.phase, RunPhase::Failed);
    QCOMPARE(state.error, QStringLiteral("The disk is full."));
    // Resumed from the checkpoint of step 3: steps 4.. are done again and replace the old points,
    // and the evaluation of step 6 goes with them.
    state.apply(jsonLine({{"event", "plan"}, {"summary", "Everything fits on the device."}}));
    QCOMPARE(state.phase, RunPhase::Starting);
    QVERIFY(state.error.isEmpty());
    state.apply(step(4, 1.0));
    QCOMPARE(state.train.size(), 4u);
    QCOMPARE(state.train.back().value, 1.0);
    QCOMPARE(state.validation.size(), 1u);
    QCOMPARE(state.personLines, QStringList({"Run 3 has no checkpoint yet; it starts from the beginning."}));
    QCOMPARE(state.personLinesSeen, 1);
    // Another run that shares the output folder: its events are not this run's.
    state.runId = 3;
    QVERIFY(state.apply(jsonLine({{"event", "step"}, {"run", 4}, {"step", 9}, {"loss", 0.5}})));
    QCOMPARE(state.step, 4);
    QVERIFY(state.apply(jsonLine({{"event", "step"}, {"run", 3}, {"step", 5}, {"loss", 0.5}})));
    QCOMPARE(state.step, 5);
    // Broken JSON is a line for a person, not an event.
    QVERIFY(!state.apply("{\"event\": \"step\", \"step\": "));
    QCOMPARE(state.personLinesSeen, 2);
  }

  void readsTheSampleAnswersOfEachEvaluation() {
    LiveRunState state(3);
    for (int n = 1; n <= 6; ++n) state.apply(step(n, 2.0));
    QVERIFY(state.apply(samplesLine(3, QStringLiteral("early answer"))));
    QVERIFY(state.apply(samplesLine(6, QStringLiteral("later answer"))));
    QCOMPARE(state.samples.size(), 2u);
    QCOMPARE(state.samples.back().step, 6);
    QCOMPARE(state.samples.back().answers.size(), 2u);
    QCOMPARE(state.samples.back().answers[1].prompt, QStringLiteral("Question two?"));
    QCOMPARE(state.samples.back().answers[1].completion, QStringLiteral("later answer too"));
    const qint64 revision = state.samplesRevision;
    // Resumed from step 3: the answers of step 6 belong to the run before its resume.
    state.apply(step(4, 1.0));
    QCOMPARE(state.samples.size(), 1u);
    QCOMPARE(state.samples.back().step, 3);
    QVERIFY(state.samplesRevision > revision);
    // A run that writes none says why; the next worker's plan clears it until it says so again.
    state.apply(jsonLine({{"event", "samples_skipped"}, {"run", 3}, {"reason", "weights on the SSD"}}));
    QCOMPARE(state.samplesSkipped, QStringLiteral("weights on the SSD"));
    state.apply(jsonLine({{"event", "plan"}, {"run", 3}, {"summary", "Everything fits on the device."}}));
    QVERIFY(state.samplesSkipped.isEmpty());
    // At most kSampleRounds evaluations are kept, the newest.
    for (int n = 10; n < 10 + LiveRunState::kSampleRounds + 5; ++n) state.apply(samplesLine(n, QStringLiteral("x")));
    QCOMPARE(state.samples.size(), static_cast<std::size_t>(LiveRunState::kSampleRounds));
    QCOMPARE(state.samples.back().step, 10 + LiveRunState::kSampleRounds + 4);
  }
};

QTEST_GUILESS_MAIN(RunLogTest)
#include "tst_run_log.moc"
