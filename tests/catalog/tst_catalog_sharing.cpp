// The catalog shared as the application shares it: one long-lived connection (the window's),
// connections that come and go in other threads of the same process (pages, export and import
// jobs), and processes that start, commit and exit (training workers, imports) at random moments.
// After every round: no connection of this process refers to a deleted catalog, WAL or shared-memory
// file (a process that closed last would have deleted the log under a live connection), every
// committed row is visible to every connection, and integrity_check passes.
//
// TIERTUNE_SHARING_ROUNDS sets the number of rounds (default 12); the seed of each run is printed
// so a failing interleaving can be replayed with TIERTUNE_SHARING_SEED. TIERTUNE_CATALOG_WRITER
// names another copy of the writer program.
#include <unistd.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "core/util/error.h"
#include "support/catalog_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::catalog;
namespace fs = std::filesystem;

namespace {

// The writer program: the one built beside this test, unless TIERTUNE_CATALOG_WRITER names a copy
// (a long loop of this test keeps its own while the tree is rebuilt).
QString writerProgram() {
  const QString chosen = qEnvironmentVariable("TIERTUNE_CATALOG_WRITER");
  return chosen.isEmpty() ? QStringLiteral(CATALOG_WRITER_PATH) : chosen;
}

std::vector<MetricPoint> points(std::int64_t first, int count, const std::string& name) {
  std::vector<MetricPoint> result;
  for (int i = 0; i < count; ++i) result.push_back({first + i, name, 0.5});
  return result;
}

}  // namespace

class CatalogSharingTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { scratch_ = test::makeScratchDir(); }

  // The situation of the bug: a page of the window opens and closes its own connection while the
  // window's stays open, then a worker process ends. The worker must not believe it is alone.
  void aThreadsConnectionClosingKeepsTheWindowsLocks() {
    const fs::path file = fs::path(scratch_->path().toStdString()) / "one" / settings::kCatalogFileName;
    Catalog window = Catalog::open(file);
    const Id runId = window.createRun({"r", window.addModel(test::tinyModelRecord()), std::nullopt, "", "", "{}"});
    std::thread page([&] { Catalog own = Catalog::open(file); (void)own.runs(); });
    page.join();
    runWriter(file, runId, 0, 16);
    QVERIFY(test::openCatalogFiles(file, false).size() >= 2);  // the window's database, WAL and shared-memory files
    const auto deleted = test::deletedCatalogFiles(file);
    QVERIFY2(deleted.empty(), deleted.empty() ? "" : deleted.front().c_str());
    QCOMPARE(window.metrics(runId, "train/loss").size(), 16u);
    window.logEvent(EventLevel::Info, "run", runId, "the window still writes to the shared log");
    Catalog fresh = Catalog::open(file);
    QCOMPARE(fresh.events(10).front().message, std::string("the window still writes to the shared log"));
  }

  void connectionsAndProcessesComeAndGo() {
    const int rounds = qEnvironmentVariableIsSet("TIERTUNE_SHARING_ROUNDS")
                           ? qEnvironmentVariableIntValue("TIERTUNE_SHARING_ROUNDS")
                           : 12;
    const quint32 seed = qEnvironmentVariableIsSet("TIERTUNE_SHARING_SEED")
                             ? static_cast<quint32>(qEnvironmentVariableIntValue("TIERTUNE_SHARING_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u, %d rounds", seed, rounds);
    QRandomGenerator random(seed);

    const fs::path file = fs::path(scratch_->path().toStdString()) / "many" / settings::kCatalogFileName;
    Catalog window = Catalog::open(file);
    const Id runId = window.createRun({"r", window.addModel(test::tinyModelRecord()), std::nullopt, "", "", "{}"});
    std::int64_t nextStep = 0;        // steps written by writer processes
    std::int64_t windowPoints = 0;    // points the window wrote itself
    std::atomic<int> threadEvents{0};
    std::vector<std::string> threadFailures;
    std::mutex failureMutex;
    int eventsBefore = static_cast<int>(window.events(100000).size());

    for (int round = 0; round < rounds; ++round) {
      // Writer processes, started at random moments; threads open and close connections meanwhile.
      std::vector<std::unique_ptr<QProcess>> writers;
      std::vector<std::jthread> pages;
      const int processes = 2 + static_cast<int>(random.bounded(3u));
      for (int p = 0; p < processes; ++p) {
        const int count = 1 + static_cast<int>(random.bounded(40u));
        auto writer = std::make_unique<QProcess>();
        writer->start(writerProgram(),
                      {QString::fromStdString(file.string()), QStringLiteral("metrics"), QString::number(runId),
                       QString::number(nextStep), QString::number(count)});
        nextStep += count;
        writers.push_back(std::move(writer));
        if (random.bounded(2u) == 0) {
          const int opens = 1 + static_cast<int>(random.bounded(3u));
          const unsigned pause = random.bounded(3000u);
          pages.emplace_back([&file, &threadEvents, &threadFailures, &failureMutex, runId, opens, pause] {
            try {
              for (int i = 0; i < opens; ++i) {
                Catalog own = Catalog::open(file);
                (void)own.runs();
                own.logEvent(EventLevel::Info, "run", runId, "a page's connection");
                ++threadEvents;
                usleep(pause);
              }
            } catch (const std::exception& failure) {
              const std::lock_guard lock(failureMutex);
              threadFailures.push_back(failure.what());
            }
          });
        }
        window.appendMetrics(runId, points(windowPoints, 1, "window/points"));
        ++windowPoints;
        usleep(random.bounded(5000u));
      }
      for (auto& writer : writers) {
        QVERIFY(writer->waitForFinished(120000));
        QVERIFY2(writer->exitStatus() == QProcess::NormalExit && writer->exitCode() == 0,
                 writer->readAllStandardError().constData());
      }
      pages.clear();  // joins
      QVERIFY2(threadFailures.empty(), threadFailures.empty() ? "" : threadFailures.front().c_str());

      const auto deleted = test::deletedCatalogFiles(file);
      QVERIFY2(deleted.empty(),
               qPrintable(QStringLiteral("round %1: this process uses the deleted file %2")
                              .arg(round)
                              .arg(QString::fromStdString(deleted.empty() ? "" : deleted.front()))));
      // Every commit of every process and thread, seen by the long-lived connection and a new one.
      QCOMPARE(window.metrics(runId, "train/loss").size(), static_cast<std::size_t>(nextStep));
      QCOMPARE(window.metrics(runId, "window/points").size(), static_cast<std::size_t>(windowPoints));
      const int expectedEvents = eventsBefore + static_cast<int>(writers.size()) + threadEvents.load();
      eventsBefore += static_cast<int>(writers.size()) + threadEvents.exchange(0);
      QCOMPARE(static_cast<int>(window.events(100000).size()), expectedEvents);
      QCOMPARE(window.integrityCheck(), std::string("ok"));
      Catalog fresh = Catalog::open(file);
      QCOMPARE(fresh.metrics(runId, "train/loss").size(), static_cast<std::size_t>(nextStep));
      QCOMPARE(fresh.integrityCheck(), std::string("ok"));
    }
  }

 private:
  static void runWriter(const fs::path& file, Id runId, std::int64_t first, int count) {
    QProcess writer;
    writer.start(writerProgram(),
                 {QString::fromStdString(file.string()), QStringLiteral("metrics"), QString::number(runId),
                  QString::number(first), QString::number(count)});
    QVERIFY(writer.waitForFinished(120000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
  }

  std::unique_ptr<QTemporaryDir> scratch_;
};

QTEST_GUILESS_MAIN(CatalogSharingTest)
#include "tst_catalog_sharing.moc"
