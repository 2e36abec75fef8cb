// The newcomer's first hour on the Home page: the four steps tick off as the catalog fills, the
// next one is the one that stands out, and each button takes the newcomer to the page that does it.
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/TimeText.h"
#include "app/gui/importdataset/ImportDatasetWizard.h"
#include "app/gui/newrun/NewRunWizard.h"
#include "app/gui/pages/GettingStartedPanel.h"
#include "app/gui/pages/HomePage.h"
#include "core/hardware/disk_speed_record.h"
#include "core/settings/settings.h"

using tiertune::gui::AppContext;
using tiertune::gui::GettingStartedPanel;
using tiertune::gui::MainWindow;

class TestGettingStarted : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    QFile::remove(QString::fromStdString(tiertune::settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
  }

  void stepsTickOffAsTheCatalogFills() {
    AppContext context(tiertune::settings::settingsFile());
    QVERIFY2(context.catalog(), qPrintable(context.catalogError()));
    MainWindow window(context);
    auto* guide = window.findChild<GettingStartedPanel*>(QStringLiteral("gettingStarted"));
    auto* summary = window.findChild<QLabel*>(QStringLiteral("gettingStartedSummary"));
    QVERIFY(guide && summary);
    QCOMPARE(guide->nextStep(), GettingStartedPanel::MeasureDisk);
    QVERIFY2(summary->text().contains(QStringLiteral("0 of 4")), qPrintable(summary->text()));
    QVERIFY(window.findChild<QPushButton*>(QStringLiteral("measureDiskStep"))->isDefault());

    // The disk measured (as the hardware check records it): the first step is done.
    tiertune::hardware::DiskSpeed speed;
    speed.writeBytesPerSecond = speed.readBytesPerSecond = 2e9;
    tiertune::hardware::saveDiskSpeed(context.settings().diskSpeedFile(), context.settings().offloadFolder, speed);
    guide->refresh();
    QVERIFY(guide->isDone(GettingStartedPanel::MeasureDisk));
    QCOMPARE(guide->nextStep(), GettingStartedPanel::AddModel);
    QVERIFY(window.findChild<QPushButton*>(QStringLiteral("addModelStep"))->isDefault());
    QVERIFY(!window.findChild<QPushButton*>(QStringLiteral("measureDiskStep"))->isDefault());

    // A model and a dataset in the catalog: told through catalogChanged, as every page is.
    tiertune::catalog::NewModel model;
    model.name = "Tiny";
    model.path = "/models/tiny";
    model.architecture = "LlamaForCausalLM";
    const auto modelId = context.catalog()->addModel(model);
    context.notifyCatalogChanged();
    QCOMPARE(guide->nextStep(), GettingStartedPanel::TryExample);
    tiertune::catalog::NewDataset dataset;
    dataset.name = "Example";
    context.catalog()->addDataset(dataset);
    context.notifyCatalogChanged();
    QCOMPARE(guide->nextStep(), GettingStartedPanel::StartRun);

    tiertune::catalog::NewRun run;
    run.name = "First";
    run.modelId = modelId;
    run.method = "lora";
    run.preset = "quick-lora";
    context.catalog()->createRun(run);
    context.notifyCatalogChanged();
    QCOMPARE(guide->nextStep(), GettingStartedPanel::StepCount);
    QVERIFY2(summary->text().contains(QStringLiteral("all done")), qPrintable(summary->text()));
  }

  void buttonsOpenThePagesThatDoTheStep() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("tryExampleStep")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Datasets);
    QTRY_VERIFY(window.findChild<tiertune::gui::ImportDatasetWizard*>() != nullptr);
    window.findChild<tiertune::gui::ImportDatasetWizard*>()->reject();

    // "Add a model…" asks for a folder first: the folder dialog opens over the Models page.
    window.showPage(MainWindow::Page::Home);
    bool askedForAFolder = false;
    QTimer::singleShot(0, this, [&askedForAFolder] {
      if (QWidget* modal = QApplication::activeModalWidget()) {
        askedForAFolder = true;
        modal->close();
      }
    });
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("addModelStep")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Models);
    QVERIFY(askedForAFolder);

    window.showPage(MainWindow::Page::Home);
    auto* newRun = window.findChild<QPushButton*>(QStringLiteral("newRunStep"));
    QTest::mouseClick(newRun, Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Runs);
    QTRY_VERIFY(window.findChild<tiertune::gui::NewRunWizard*>() != nullptr);
    // The step names the goal the wizard preselects (issue 27: it said Quick LoRA, the wizard Balanced).
    QString preselected;
    for (const QRadioButton* goal : window.findChild<tiertune::gui::NewRunWizard*>()->findChildren<QRadioButton*>()) {
      if (goal->isChecked()) preselected = goal->text();
    }
    QVERIFY(!preselected.isEmpty());
    QVERIFY2(newRun->accessibleName().contains(preselected), qPrintable(newRun->accessibleName() + " / " + preselected));
  }

  // A disk speed measured earlier says when in the reader's own date format, not as the record's
  // ISO timestamp.
  void anEarlierDiskMeasurementSaysWhenInLocalWords() {
    AppContext context(tiertune::settings::settingsFile());
    tiertune::hardware::DiskSpeed speed;
    speed.writeBytesPerSecond = speed.readBytesPerSecond = 2e9;
    tiertune::hardware::saveDiskSpeed(context.settings().diskSpeedFile(), context.settings().offloadFolder, speed);
    const auto record = tiertune::hardware::loadDiskSpeed(context.settings().diskSpeedFile(), context.settings().offloadFolder);
    QVERIFY(record && record->measuredAt.find('T') != std::string::npos);
    MainWindow window(context);
    auto* value = window.findChild<QLabel*>(QStringLiteral("speedValue"));
    QVERIFY(value);
    QTRY_VERIFY_WITH_TIMEOUT(value->text().contains(QStringLiteral("(measured")), 30000);
    QVERIFY2(value->text().contains(tiertune::gui::localTimeText(record->measuredAt)), qPrintable(value->text()));
    QVERIFY2(!value->text().contains(QString::fromStdString(record->measuredAt)), qPrintable(value->text()));
  }
};

QTEST_MAIN(TestGettingStarted)
#include "tst_getting_started.moc"
