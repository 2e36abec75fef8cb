// The application's view follows the catalog while other processes change it (a training worker
// started from a shell, an export, another window): the Runs page, a run's details and its monitor
// show a new status, checkpoints and exports without a restart, and keep the user's selection. The
// window's own connection never ends up on a deleted WAL or shared-memory file, however many
// processes open, commit and exit beside it, and what it saves reaches the file at once.
#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/history/RunHistoryModel.h"
#include "app/gui/pages/ActiveRunsPanel.h"
#include "app/gui/pages/HomePage.h"
#include "app/gui/pages/RunsPage.h"
#include "app/gui/runs/RunMonitor.h"
#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "support/catalog_files.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

// How long another process's change may take to appear (the window looks once a second).
constexpr int kFollowTimeoutMs = 20000;

// Runs catalog_writer (tests/catalog) on the window's catalog, as another process.
QByteArray writer(const fs::path& catalog, const QStringList& arguments) {
  QProcess process;
  process.start(QStringLiteral(CATALOG_WRITER_PATH), QStringList{QString::fromStdString(catalog.string())} + arguments);
  if (!process.waitForFinished(120000) || process.exitCode() != 0) {
    qWarning("catalog_writer %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
             process.readAllStandardError().constData());
    return QByteArrayLiteral("<failed>");
  }
  return process.readAllStandardOutput();
}

int tableRows(QWidget* dialog, const QString& accessibleName) {
  for (auto* table : dialog->findChildren<QTableWidget*>()) {
    if (table->accessibleName() == accessibleName) return table->rowCount();
  }
  return -1;
}

}  // namespace

class CatalogFollowTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    catalogFile_ = settings::defaultSettings().catalogFile();
    fs::remove_all(catalogFile_.parent_path());
    context_ = std::make_unique<gui::AppContext>(settings::settingsFile());
    QVERIFY2(context_->catalog(), qPrintable(context_->catalogError()));
    window_ = std::make_unique<gui::MainWindow>(*context_);
    window_->resize(1200, 760);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    page_ = window_->findChild<gui::RunsPage*>(QStringLiteral("runsPage"));
    QVERIFY(page_);
  }

  void cleanup() {
    window_.reset();
    context_.reset();
  }

  void theWindowShowsWhatOtherProcessesChange() {
    catalog::Catalog& store = *context_->catalog();
    const catalog::Id modelId = store.addModel(test::tinyModelRecord());
    const catalog::Id first = store.createRun({"first run", modelId, std::nullopt, "lora", "", "{}"});
    const catalog::Id second = store.createRun({"second run", modelId, std::nullopt, "lora", "", "{}"});
    context_->notifyCatalogChanged();
    window_->showPage(gui::MainWindow::Page::Runs);
    auto* model = qobject_cast<gui::RunHistoryModel*>(page_->table()->model());
    QVERIFY(model);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kFollowTimeoutMs);
    auto rowOf = [&](catalog::Id id) {
      for (int row = 0; row < model->rowCount(); ++row) {
        if (model->run(row).id == id) return row;
      }
      return -1;
    };
    page_->table()->selectRow(rowOf(first));
    auto* details = page_->openDetails(first);
    QTRY_VERIFY_WITH_TIMEOUT(details->isLoaded(), kFollowTimeoutMs);
    QCOMPARE(tableRows(details, QStringLiteral("Checkpoints")), 0);
    gui::RunMonitor* monitor = page_->openMonitor(first);
    QVERIFY(monitor);
    QCOMPARE(monitor->statusText(), QStringLiteral("Queued"));

    // A worker in another process starts the run, saves a checkpoint; an export is recorded.
    QCOMPARE(writer(catalogFile_, {QStringLiteral("status"), QString::number(first), QStringLiteral("running")}),
             QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(model->run(rowOf(first)).status, catalog::RunStatus::Running, kFollowTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(monitor->statusText(), QStringLiteral("Running"), kFollowTimeoutMs);
    QCOMPARE(writer(catalogFile_, {QStringLiteral("checkpoint"), QString::number(first), QStringLiteral("40"),
                                   QStringLiteral("/runs/first/step-00000040")}),
             QByteArray());
    QCOMPARE(writer(catalogFile_, {QStringLiteral("export"), QString::number(first), QStringLiteral("/exports/first")}),
             QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(tableRows(details, QStringLiteral("Checkpoints")), 1, kFollowTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(tableRows(details, QStringLiteral("Exports")), 1, kFollowTimeoutMs);

    // Metrics arrive every step while a run trains: the table is refreshed in place, the selection stays.
    for (int batch = 0; batch < 3; ++batch) {
      QCOMPARE(writer(catalogFile_, {QStringLiteral("metrics"), QString::number(first), QString::number(batch * 8),
                                     QStringLiteral("8")}),
               QByteArray());
      QTest::qWait(1200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(model->run(rowOf(first)).stepsDone, std::int64_t{23}, kFollowTimeoutMs);
    QCOMPARE(page_->selectedRunIds(), std::vector<catalog::Id>{first});

    // It ends; the other run starts: a new order resets the table, the selection is kept by run.
    QCOMPARE(writer(catalogFile_, {QStringLiteral("status"), QString::number(first), QStringLiteral("completed")}),
             QByteArray());
    QCOMPARE(writer(catalogFile_, {QStringLiteral("status"), QString::number(second), QStringLiteral("running")}),
             QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(monitor->statusText(), QStringLiteral("Completed"), kFollowTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->run(rowOf(second)).status, catalog::RunStatus::Running, kFollowTimeoutMs);
    QCOMPARE(page_->selectedRunIds(), std::vector<catalog::Id>{first});
    // The columns were sized for "Queued"; a longer status is not cut.
    for (int column : {gui::RunHistoryModel::Name, gui::RunHistoryModel::Status}) {
      QVERIFY2(page_->table()->columnWidth(column) >= static_cast<QAbstractItemView*>(page_->table())->sizeHintForColumn(column),
               qPrintable(QStringLiteral("column %1 is narrower than its content").arg(column)));
    }

    const auto deleted = test::deletedCatalogFiles(catalogFile_);
    QVERIFY2(deleted.empty(), deleted.empty() ? "" : deleted.front().c_str());
  }

  // Notes saved in the window are in the file for every other process at once, not when it closes.
  void savedNotesReachOtherProcessesAtOnce() {
    catalog::Catalog& store = *context_->catalog();
    const catalog::Id run = store.createRun({"noted", store.addModel(test::tinyModelRecord()), std::nullopt, "lora", "", "{}"});
    // Processes that come and go first (the situation in which the window once lost its log).
    for (int i = 0; i < 4; ++i) {
      QCOMPARE(writer(catalogFile_, {QStringLiteral("metrics"), QString::number(run), QString::number(i * 8),
                                     QStringLiteral("8")}),
               QByteArray());
    }
    window_->showPage(gui::MainWindow::Page::Runs);
    auto* details = page_->openDetails(run);
    QTRY_VERIFY_WITH_TIMEOUT(details->isLoaded(), kFollowTimeoutMs);
    auto* notes = details->findChild<QPlainTextEdit*>(QStringLiteral("runNotes"));
    QVERIFY(notes);
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("learning rate too high"));
    QTest::mouseClick(details->findChild<QPushButton*>(QStringLiteral("saveRunButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(writer(catalogFile_, {QStringLiteral("notes"), QString::number(run)}),
                              QByteArrayLiteral("learning rate too high"), kFollowTimeoutMs);
    QCOMPARE(writer(catalogFile_, {QStringLiteral("metrics"), QString::number(run), QStringLiteral("100"),
                                   QStringLiteral("8")}),
             QByteArray());
    const auto deleted = test::deletedCatalogFiles(catalogFile_);
    QVERIFY2(deleted.empty(), deleted.empty() ? "" : deleted.front().c_str());
  }

  // A run training in another process is on Home with one click to its monitor; closing the window
  // says that it goes on, and lets the user keep the window.
  void homeListsRunsTrainingElsewhereAndClosingSaysTheyGoOn() {
    catalog::Catalog& store = *context_->catalog();
    const catalog::Id run = store.createRun({"overnight", store.addModel(test::tinyModelRecord()), std::nullopt,
                                             "lora", "", "{}"});
    auto* home = window_->findChild<gui::HomePage*>(QStringLiteral("homePage"));
    QVERIFY(home);
    window_->showPage(gui::MainWindow::Page::Home);
    QCOMPARE(home->activeRuns()->runCount(), 0);
    QVERIFY(!home->activeRuns()->isVisible());
    QCOMPARE(writer(catalogFile_, {QStringLiteral("status"), QString::number(run), QStringLiteral("running")}),
             QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(home->activeRuns()->runCount(), 1, kFollowTimeoutMs);
    QVERIFY(home->activeRuns()->isVisible());
    auto* watch = home->activeRuns()->findChild<QPushButton*>(QStringLiteral("watchRunButton"));
    QVERIFY(watch);
    QTest::mouseClick(watch, Qt::LeftButton);
    QCOMPARE(window_->currentPage(), gui::MainWindow::Page::Runs);
    QTRY_VERIFY_WITH_TIMEOUT(window_->findChild<gui::RunMonitor*>(), kFollowTimeoutMs);

    // Close: the question comes; "Keep it open" keeps the window, "Close the window" closes it.
    for (const QString& answer : {QStringLiteral("Keep it open"), QStringLiteral("Close the window")}) {
      QString asked;
      QTimer::singleShot(0, this, [&] {
        auto* question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!question) return;
        asked = question->text() + QLatin1Char(' ') + question->informativeText();
        for (QAbstractButton* button : question->buttons()) {
          if (button->text() == answer) button->click();
        }
      });
      window_->close();
      QVERIFY2(asked.startsWith(QStringLiteral("Training goes on after this window closes. Runs training now: 1.")),
               qPrintable(asked));
      QCOMPARE(window_->isVisible(), answer == QStringLiteral("Keep it open"));
    }
  }

  // While a run trains, its line on Home says each new step in place: a Watch button that has the
  // keyboard focus keeps it (the row is not made anew every step), and says the new step to a
  // screen reader too.
  void aWatchButtonKeepsItsFocusWhileItsRunTrains() {
    catalog::Catalog& store = *context_->catalog();
    const catalog::Id modelId = store.addModel(test::tinyModelRecord());
    const catalog::Id run = store.createRun({"overnight", modelId, std::nullopt, "lora", "", "{}"});
    store.setRunStatus(run, catalog::RunStatus::Running);
    auto* home = window_->findChild<gui::HomePage*>(QStringLiteral("homePage"));
    QVERIFY(home);
    window_->showPage(gui::MainWindow::Page::Home);
    home->activeRuns()->refresh();
    QCOMPARE(home->activeRuns()->runCount(), 1);
    QPointer<QPushButton> watch = home->activeRuns()->findChild<QPushButton*>(QStringLiteral("watchRunButton"));
    QVERIFY(watch);
    watch->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(watch->hasFocus());
    for (std::int64_t step = 1; step <= 3; ++step) {
      const catalog::MetricPoint point{step, catalog::kTrainLossMetric, 2.0};
      store.appendMetrics(run, std::span(&point, 1));
      home->activeRuns()->refresh();
      QVERIFY2(watch, "the Watch button was made anew");
      QVERIFY(watch->hasFocus());
      QVERIFY2(watch->accessibleName().endsWith(QStringLiteral("step %1").arg(step)), qPrintable(watch->accessibleName()));
    }
    const QList<QLabel*> labels = home->activeRuns()->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](const QLabel* label) { return label->text().endsWith(QStringLiteral("step 3")); }));
    // Another run starting changes the list: the rows are made anew, one per run.
    const catalog::Id second = store.createRun({"second", modelId, std::nullopt, "lora", "", "{}"});
    store.setRunStatus(second, catalog::RunStatus::Running);
    home->activeRuns()->refresh();
    QCOMPARE(home->activeRuns()->runCount(), 2);
    QCOMPARE(home->activeRuns()->findChildren<QPushButton*>(QStringLiteral("watchRunButton")).size(), 2);
  }

 private:
  fs::path catalogFile_;
  std::unique_ptr<gui::AppContext> context_;
  std::unique_ptr<gui::MainWindow> window_;
  gui::RunsPage* page_ = nullptr;
};

QTEST_MAIN(CatalogFollowTest)
#include "tst_catalog_follow.moc"
