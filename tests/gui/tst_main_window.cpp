// The main window as a person meets it, on the offscreen platform: first start on an empty
// catalog, every page visited through the navigation pane, records listed, the hardware check
// and its disk speed test, settings saved, and a damaged catalog explained instead of a crash.
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "app/gui/AppContext.h"
#include "app/gui/GpuText.h"
#include "app/gui/MainWindow.h"
#include "app/gui/history/RunHistoryModel.h"
#include "app/gui/pages/CatalogListPage.h"
#include "app/gui/pages/EmptyState.h"
#include "app/gui/pages/HardwareCheckPanel.h"
#include "app/gui/pages/HomePage.h"
#include "app/gui/pages/RunsPage.h"
#include "core/catalog/catalog.h"
#include "core/settings/paths.h"
#include "core/settings/settings.h"
#include "support/scratch.h"

using tiertune::gui::AppContext;
using tiertune::gui::CatalogListPage;
using tiertune::gui::HardwareCheckPanel;
using tiertune::gui::MainWindow;
using tiertune::gui::RunsPage;

namespace {

QString defaultCatalogPath() {
  return qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune/catalog.sqlite");
}

void clickNavigation(MainWindow& window, int row) {
  auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
  QVERIFY(navigation);
  const QRect rect = navigation->visualItemRect(navigation->item(row));
  QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
}

QWidget* currentPage(MainWindow& window) {
  auto* stack = window.findChild<QStackedWidget*>();
  return stack ? stack->currentWidget() : nullptr;
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    // Every test starts as a first start: no settings, no catalog.
    QFile::remove(QString::fromStdString(tiertune::settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
  }

  void firstStartCreatesAnEmptyCatalogInTheDefaultDataFolder() {
    QVERIFY(!QFile::exists(defaultCatalogPath()));
    AppContext context(tiertune::settings::settingsFile());
    QVERIFY2(context.catalog(), qPrintable(context.catalogError()));
    QCOMPARE(QString::fromStdString(context.catalog()->file().string()), defaultCatalogPath());
    QVERIFY(QFile::exists(defaultCatalogPath()));
    QVERIFY(context.catalog()->models().empty());
  }

  void visitsEveryPageThroughTheNavigation() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(currentPage(window)->objectName(), QStringLiteral("homePage"));

    const QStringList expected = {"homePage", "modelsPage", "datasetsPage", "runsPage", "playgroundPage", "settingsPage"};
    for (int row = expected.size() - 1; row >= 0; --row) {
      clickNavigation(window, row);
      QCOMPARE(currentPage(window)->objectName(), expected[row]);
      QVERIFY(currentPage(window)->isVisible());
    }
    // The lists are empty on a first start and tell a newcomer what belongs there.
    for (const char* name : {"modelsPage", "datasetsPage"}) {
      auto* page = window.findChild<CatalogListPage*>(QLatin1String(name));
      QVERIFY(page);
      page->refresh();
      QVERIFY2(page->showsEmptyState(), name);
      QVERIFY(page->emptyState()->text().size() > 80);
    }
    auto* runs = window.findChild<RunsPage*>(QStringLiteral("runsPage"));
    QVERIFY(runs);
    QTRY_VERIFY(runs->showsEmptyState());  // the history is read off the GUI thread
    QVERIFY(runs->emptyState()->text().size() > 80);
    QVERIFY(window.statusBar()->findChild<QLabel*>() != nullptr);
  }

  // Issue 27 item 5: the window opens within the screen's available area, whatever its size.
  void opensWithinTheScreen() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.geometry()),
             qPrintable(QStringLiteral("%1x%2 at %3,%4 on %5x%6").arg(window.width()).arg(window.height())
                            .arg(window.x()).arg(window.y()).arg(available.width()).arg(available.height())));
  }

  void listsWhatTheCatalogHolds() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    auto& catalog = *context.catalog();
    tiertune::catalog::NewModel model;
    model.name = "Tiny-Llama-Test";
    model.path = "/models/tiny-llama";
    model.architecture = "LlamaForCausalLM";
    model.parameterCount = 1'100'000'000;
    model.contextLength = 2048;
    model.vocabSize = 32000;
    model.dtype = "bfloat16";
    model.sizeBytes = 2'200'000'000;
    const auto modelId = catalog.addModel(model);
    tiertune::catalog::NewRun run;
    run.name = "first-try";
    run.modelId = modelId;
    run.method = "lora";
    run.preset = "quick-lora";
    const auto runId = catalog.createRun(run);
    catalog.setRunStatus(runId, tiertune::catalog::RunStatus::Failed, "out of memory on the GPU");
    context.notifyCatalogChanged();

    auto* models = window.findChild<CatalogListPage*>(QStringLiteral("modelsPage"));
    QCOMPARE(models->rowCount(), 1);
    QVERIFY(!models->showsEmptyState());
    QCOMPARE(models->table()->item(0, 0)->text(), QStringLiteral("Tiny-Llama-Test"));
    QCOMPARE(models->table()->item(0, 1)->text(), QStringLiteral("LlamaForCausalLM"));

    auto* runs = window.findChild<RunsPage*>(QStringLiteral("runsPage"));
    window.showPage(MainWindow::Page::Runs);
    QTRY_COMPARE(runs->model()->rowCount(), 1);
    QStringList cells;
    for (int column = 0; column < runs->model()->columnCount(); ++column) {
      cells << runs->model()->data(runs->model()->index(0, column)).toString();
    }
    QVERIFY2(cells.contains(QStringLiteral("first-try")), qPrintable(cells.join('|')));
    QVERIFY(cells.contains(QStringLiteral("Tiny-Llama-Test")));
    QVERIFY(cells.contains(QStringLiteral("Failed")));
    QVERIFY(cells.contains(QStringLiteral("out of memory on the GPU")));
    QVERIFY2(cells.contains(QStringLiteral("Quick LoRA")), qPrintable(cells.join('|')));  // not "quick-lora"

    // Issue 27 item 5: columns fit their content, and a column with nothing in it (no validation
    // loss yet) stays narrow instead of taking the room of the names and pushing "Problem" away.
    using tiertune::gui::RunHistoryModel;
    QAbstractItemView* table = runs->table();
    QHeaderView* header = runs->table()->horizontalHeader();
    for (int column : {RunHistoryModel::Name, RunHistoryModel::Status, RunHistoryModel::Model, RunHistoryModel::Method,
                       RunHistoryModel::Problem}) {
      QVERIFY2(header->sectionSize(column) >= table->sizeHintForColumn(column),
               qPrintable(QStringLiteral("column %1: %2 px for %3 px of content")
                              .arg(column).arg(header->sectionSize(column)).arg(table->sizeHintForColumn(column))));
    }
    // The empty loss column is narrow, and its short header is shown whole (not clipped).
    QVERIFY2(header->sectionSize(RunHistoryModel::BestLoss) >= header->sectionSizeHint(RunHistoryModel::BestLoss) &&
                 header->sectionSize(RunHistoryModel::BestLoss) <
                     header->fontMetrics().horizontalAdvance(QStringLiteral("Best validation loss")),
             qPrintable(QString::number(header->sectionSize(RunHistoryModel::BestLoss))));
    QCOMPARE(runs->model()->headerData(RunHistoryModel::BestLoss, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Best validation loss"));

    auto* datasets = window.findChild<CatalogListPage*>(QStringLiteral("datasetsPage"));
    QVERIFY(datasets->showsEmptyState());
  }

  void hardwareCheckShowsTheMachineAndMeasuresTheDisk() {
    auto scratch = tiertune::test::makeScratchDir();
    AppContext context(tiertune::settings::settingsFile());
    auto updated = context.settings();
    updated.offloadFolder = scratch->path().toStdString();
    context.apply(updated);

    MainWindow window(context);
    window.show();
    auto* panel = window.findChild<HardwareCheckPanel*>();
    QVERIFY(panel);
    QSignalSpy probed(panel, &HardwareCheckPanel::probed);
    QVERIFY(probed.wait(30000));
    QVERIFY(panel->report().has_value());
    const auto* cpu = panel->findChild<QLabel*>(QStringLiteral("cpuValue"));
    QVERIFY(cpu->text().contains(QString::number(panel->report()->cpu.logicalCores)));
    // The matrix kernels in use, named as OpenBLAS names them.
    const auto* kernels = panel->findChild<QLabel*>(QStringLiteral("kernelsValue"));
    QVERIFY2(kernels->text().startsWith(QString::fromStdString(panel->report()->blas.core) + QStringLiteral(", ")),
             qPrintable(kernels->text()));
    const auto* gpu = panel->findChild<QLabel*>(QStringLiteral("gpuValue"));
    QVERIFY(!gpu->text().isEmpty());
    if (panel->report()->gpu.status != tiertune::kernels::GpuReport::Status::Found) {
      QVERIFY2(gpu->text().contains(QStringLiteral("CPU")), qPrintable(gpu->text()));
    }
    // Where a run would train, in the same words the plan page uses.
    const auto* training = panel->findChild<QLabel*>(QStringLiteral("trainingValue"));
    QCOMPARE(training->text(), tiertune::gui::describeTrainingChoice(panel->report()->training));
    QVERIFY2(training->text().startsWith(QStringLiteral("Training runs on the")), qPrintable(training->text()));
    const auto* offload = panel->findChild<QLabel*>(QStringLiteral("offloadValue"));
    QVERIFY(offload->text().contains(scratch->path()));

    tiertune::hardware::DiskSpeedOptions small;
    small.maxBytes = 8u << 20;
    small.blockBytes = 1u << 20;
    panel->setSpeedOptions(small);
    QSignalSpy measured(panel, &HardwareCheckPanel::speedMeasured);
    auto* measure = panel->findChild<QPushButton*>(QStringLiteral("measureSpeed"));
    QVERIFY(measure->isEnabled());
    QTest::mouseClick(measure, Qt::LeftButton);
    QVERIFY(panel->isMeasuring());
    QVERIFY(panel->findChild<QProgressBar*>(QStringLiteral("speedProgress"))->isVisible());
    QVERIFY(measured.wait(60000));
    QVERIFY(!panel->isMeasuring());
    QVERIFY(panel->report()->diskSpeed.has_value());
    QCOMPARE(panel->report()->diskSpeed->bytesRead, std::uint64_t{8u << 20});
    const auto* speed = panel->findChild<QLabel*>(QStringLiteral("speedValue"));
    QVERIFY2(speed->text().contains(QStringLiteral("write")), qPrintable(speed->text()));
    QVERIFY(QDir(scratch->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());

    // The measurement is kept for the planner, and the next window shows it without measuring.
    QVERIFY(QFile::exists(QString::fromStdString(context.settings().diskSpeedFile().string())));
    HardwareCheckPanel later(context);
    QSignalSpy laterProbed(&later, &HardwareCheckPanel::probed);
    QVERIFY(laterProbed.wait(30000));
    const QString laterText = later.findChild<QLabel*>(QStringLiteral("speedValue"))->text();
    QVERIFY2(laterText.contains(QStringLiteral("measured")), qPrintable(laterText));
  }

  void cancellingTheDiskSpeedTestStopsIt() {
    auto scratch = tiertune::test::makeScratchDir();
    AppContext context(tiertune::settings::settingsFile());
    auto updated = context.settings();
    updated.offloadFolder = scratch->path().toStdString();
    context.apply(updated);
    HardwareCheckPanel panel(context);
    QSignalSpy probed(&panel, &HardwareCheckPanel::probed);
    QVERIFY(probed.wait(30000));

    tiertune::hardware::DiskSpeedOptions slow;
    slow.maxBytes = 4ull << 30;  // more than the few seconds the test waits
    slow.maxSecondsPerPhase = 30;
    panel.setSpeedOptions(slow);
    QSignalSpy measured(&panel, &HardwareCheckPanel::speedMeasured);
    panel.measureDiskSpeed();
    QTest::qWait(200);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("cancelSpeed")), Qt::LeftButton);
    QVERIFY(measured.wait(30000));
    QVERIFY(panel.report()->diskSpeed.has_value());
    QVERIFY(panel.report()->diskSpeed->cancelled);
    QVERIFY(panel.report()->diskSpeed->bytesWritten < slow.maxBytes);
    QVERIFY(QDir(scratch->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
  }

  void settingsPageSavesAndReopensTheCatalog() {
    auto scratch = tiertune::test::makeScratchDir();
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    window.showPage(MainWindow::Page::Settings);
    auto* data = window.findChild<QLineEdit*>(QStringLiteral("dataFolder"));
    auto* offload = window.findChild<QLineEdit*>(QStringLiteral("offloadFolder"));
    auto* save = window.findChild<QPushButton*>(QStringLiteral("saveSettings"));
    auto* message = window.findChild<QLabel*>(QStringLiteral("settingsMessage"));
    QCOMPARE(data->text(), qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune"));
    QVERIFY(!save->isEnabled());  // nothing changed yet

    data->setText(QStringLiteral("relative/folder"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("full path")), qPrintable(message->text()));
    QCOMPARE(QString::fromStdString(context.settings().dataFolder.string()),
             qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune"));

    // A folder that cannot hold the offloaded state is refused in words, and nothing is saved.
    data->setText(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune"));
    offload->setText(QStringLiteral("/proc"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("/proc is not on a disk")), qPrintable(message->text()));
    QCOMPARE(QString::fromStdString(tiertune::settings::loadSettings().offloadFolder.string()),
             QString::fromStdString(context.settings().offloadFolder.string()));
    QVERIFY(context.settings().offloadFolder != std::filesystem::path("/proc"));

    const QString newData = scratch->filePath(QStringLiteral("data"));
    const QString newOffload = scratch->filePath(QStringLiteral("offload"));
    data->setText(newData);
    offload->setText(newOffload);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(context.catalog(), qPrintable(message->text()));
    QCOMPARE(QString::fromStdString(context.catalog()->file().string()),
             newData + QStringLiteral("/catalog.sqlite"));
    QVERIFY(QDir(newOffload).exists());
    const auto reloaded = tiertune::settings::loadSettings();
    QCOMPARE(QString::fromStdString(reloaded.dataFolder.string()), newData);
    QCOMPARE(QString::fromStdString(reloaded.offloadFolder.string()), newOffload);
    QVERIFY(!save->isEnabled());
  }

  void damagedCatalogIsExplainedAndLeftAlone() {
    QVERIFY(QDir().mkpath(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")));
    QFile garbage(defaultCatalogPath());
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    const QByteArray bytes(16384, '\x5a');
    garbage.write(bytes);
    garbage.close();

    AppContext context(tiertune::settings::settingsFile());
    QVERIFY(context.catalog() == nullptr);
    QVERIFY(context.catalogError().contains(defaultCatalogPath()));
    MainWindow window(context);
    window.show();
    window.showPage(MainWindow::Page::Runs);
    auto* runs = window.findChild<RunsPage*>(QStringLiteral("runsPage"));
    QVERIFY(runs->showsError());
    QVERIFY(runs->errorState()->text().contains(defaultCatalogPath()));
    QVERIFY(garbage.open(QIODevice::ReadOnly));
    QCOMPARE(garbage.readAll(), bytes);
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
