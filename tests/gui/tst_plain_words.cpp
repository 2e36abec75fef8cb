// What a newcomer reads (issue 27 item 6): the main pages, a trained run's monitor, details and
// export, and the memory plan's notes on this machine say nothing in the planner's or the command
// line's terms ("training arena", "Adam moments", "cpu backend", a tiertune-cli command, "schema
// version", the preset key "balanced-lora", a checkpoint's folder name, "Export run 1"). The
// technical words may stay in tooltips, which this test does not read.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <algorithm>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/history/ExportDialog.h"
#include "app/gui/history/RunHistoryModel.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/newrun/PlanText.h"
#include "app/gui/pages/RunsPage.h"
#include "app/gui/runs/RunMonitor.h"
#include "core/settings/settings.h"
#include "core/tiers/machine_budget.h"
#include "core/tiers/plan_words.h"
#include "support/trained_run.h"

using namespace tiertune;
using namespace tiertune::gui;

namespace {

const QStringList kInternalWords = {QStringLiteral("arena"),         QStringLiteral("Adam"),
                                    QStringLiteral("backend"),       QStringLiteral("tiertune-cli"),
                                    QStringLiteral("schema version"), QStringLiteral("quick-lora"),
                                    QStringLiteral("balanced-lora"), QStringLiteral("step-0"),
                                    QStringLiteral("Export run")};

// Every text window shows on screen: visible labels, buttons, group and tab titles, its title, and
// the cells and headers of its tables and lists.
QStringList shownTexts(QWidget* window) {
  QStringList texts{window->windowTitle()};
  for (QLabel* label : window->findChildren<QLabel*>()) {
    if (label->isVisibleTo(window)) texts << label->text();
  }
  for (QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
    if (button->isVisibleTo(window)) texts << button->text();
  }
  for (QGroupBox* box : window->findChildren<QGroupBox*>()) {
    if (box->isVisibleTo(window)) texts << box->title();
  }
  for (QTabWidget* tabs : window->findChildren<QTabWidget*>()) {
    for (int i = 0; i < tabs->count(); ++i) texts << tabs->tabText(i);
  }
  for (QAbstractItemView* view : window->findChildren<QAbstractItemView*>()) {
    const QAbstractItemModel* model = view->model();
    if (!view->isVisibleTo(window) || !model) continue;
    for (int column = 0; column < model->columnCount(); ++column) {
      texts << model->headerData(column, Qt::Horizontal).toString();
      for (int row = 0; row < std::min(model->rowCount(), 50); ++row) {
        texts << model->data(model->index(row, column)).toString();
      }
    }
  }
  return texts;
}

void requirePlainWords(const QStringList& texts, const char* where) {
  QVERIFY2(texts.size() > 3, where);
  for (const QString& text : texts) {
    for (const QString& word : kInternalWords) {
      QVERIFY2(!text.contains(word, Qt::CaseInsensitive),
               qPrintable(QStringLiteral("%1 shows “%2”: %3").arg(QLatin1String(where), word, text)));
    }
  }
}

}  // namespace

class TestPlainWords : public QObject {
  Q_OBJECT

 private slots:
  void theMemoryPlanSaysNoCommandOrBackend() {
    // Every note core writes about a machine without a GPU, with and without measurements...
    hardware::HardwareReport report;
    report.cpu.physicalCores = 4;
    report.memory.availableBytes = 8'000'000'000;
    std::vector<tiers::PlanNote> notes = tiers::assessMachine(report, std::nullopt).notes;
    const hardware::ComputeSpeed measured{"cpu", 1e10, 1e9};
    for (const tiers::PlanNote& note : tiers::assessMachine(report, std::nullopt, {}, measured).notes) notes.push_back(note);
    // ... and every kind there is, whoever writes it.
    for (int kind = 0; kind <= static_cast<int>(tiers::PlanNoteKind::TimeFromRates); ++kind) {
      notes.push_back({static_cast<tiers::PlanNoteKind>(kind), "a reason"});
    }
    QStringList texts;
    for (const tiers::PlanNote& note : notes) {
      texts << PlanText::note(note);
      QVERIFY2(!texts.back().isEmpty(), tiers::planNoteText(note).c_str());
    }
    // A plan that does not fit, either way, on the CPU and on a GPU, with every fix.
    tiers::Plan plan;
    plan.totalStateBytes = 90'000'000'000;
    plan.workingBytes = 9'000'000'000;
    plan.offeredBytes[0] = 4'000'000'000;
    plan.offeredBytes[1] = 6'000'000'000;
    plan.fixes = {{.kind = tiers::FixKind::SmallerBatchAndSequence, .sequenceLength = 512},
                  {.kind = tiers::FixKind::UseLora, .bytes = 3'000'000'000},
                  {.kind = tiers::FixKind::FreeDiskSpace, .bytes = 80'000'000'000}};
    for (const tiers::Shortfall shortfall : {tiers::Shortfall::WorkingMemory, tiers::Shortfall::TrainingState}) {
      for (const bool onGpu : {false, true}) {
        plan.shortfall = shortfall;
        plan.onGpu = onGpu;
        texts << PlanText::noFit(plan);
        QVERIFY(texts.back().contains(QStringLiteral("90.00 GB")) || texts.back().contains(QStringLiteral("9.00 GB")));
      }
    }
    requirePlainWords(texts, "the memory plan");
    QVERIFY(texts.join(QLatin1Char(' ')).contains(QStringLiteral("Measure disk speed")));
  }

  void aTrainedRunIsShownInPlainWords() {
    const test::TrainedRun trained;  // its catalog through XDG_DATA_HOME, which the window opens too
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    AppContext context(settings::settingsFile());
    QVERIFY(context.catalog());
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (MainWindow::Page page : {MainWindow::Page::Home, MainWindow::Page::Models, MainWindow::Page::Datasets,
                                  MainWindow::Page::Runs, MainWindow::Page::Settings}) {
      window.showPage(page);
      QTest::qWait(200);
      requirePlainWords(shownTexts(&window), "the main window");
    }

    const catalog::Id runId = trained.runId.toLongLong();
    auto* runs = window.findChild<RunsPage*>(QStringLiteral("runsPage"));
    window.showPage(MainWindow::Page::Runs);
    QTRY_VERIFY(runs->model()->rowCount() == 1);
    requirePlainWords(shownTexts(&window), "the Runs page");

    RunMonitor* monitor = runs->openMonitor(runId);
    QVERIFY(monitor);
    QTest::qWait(1000);  // the worker's log read and drawn
    requirePlainWords(shownTexts(monitor), "the run monitor");

    RunDetailDialog* details = runs->openDetails(runId);
    QTRY_VERIFY_WITH_TIMEOUT(details->isLoaded(), 30000);
    QTest::qWait(200);
    requirePlainWords(shownTexts(details), "the run's details");

    ExportDialog exporter(QString::fromStdString(context.catalog()->file().string()), runId, context.catalog()->checkpoints(runId), true);
    exporter.setRunName(QStringLiteral("tiny run"));
    QCOMPARE(exporter.windowTitle(), QStringLiteral("Export “tiny run”"));
  }
};

QTEST_MAIN(TestPlainWords)
#include "tst_plain_words.moc"
