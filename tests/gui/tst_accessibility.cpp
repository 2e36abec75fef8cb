// Keyboard and screen-reader audit of the main window's pages and the import wizard: each visible
// control has a name assistive technology reads, takes focus with Tab in reading order, and each
// picture has a name (support/accessibility_audit.h); each wizard page has help. Pages are audited
// with content (a model, a dataset and runs in the catalog), so that their tables and buttons are
// the ones shown, not the empty states. The audit itself is tested first: it must be able to fail.
// The New fine-tune wizard and the other windows: tst_accessibility_new_run, tst_accessibility_windows.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QWizard>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/importdataset/ImportDatasetWizard.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/settings/settings.h"
#include "support/accessibility_audit.h"
#include "support/wizard_help.h"
#include "support/chat_model.h"
#include "support/scratch.h"

using tiertune::gui::AppContext;
using tiertune::gui::MainWindow;

namespace {

void fillCatalog(tiertune::catalog::Catalog& catalog) {
  tiertune::catalog::NewModel model;
  model.name = "Tiny";
  model.path = "/models/tiny";
  model.architecture = "LlamaForCausalLM";
  const auto modelId = catalog.addModel(model);
  tiertune::catalog::NewDataset dataset;
  dataset.name = "Example";
  const auto datasetId = catalog.addDataset(dataset);
  for (const char* name : {"First", "Second"}) {
    tiertune::catalog::NewRun run;
    run.name = name;
    run.modelId = modelId;
    run.datasetId = datasetId;
    run.method = "lora";
    run.preset = "quick-lora";
    catalog.createRun(run);
  }
}

}  // namespace

class TestAccessibility : public QObject {
  Q_OBJECT

 private slots:
  void init() {  // a first start each time: no settings, no catalog
    QFile::remove(QString::fromStdString(tiertune::settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
  }

  // A window with one offender of each kind, and one control of each kind done right.
  void theAuditReportsWhatIsWrong() {
    QWidget window;
    auto* layout = new QFormLayout(&window);
    auto* unnamed = new QLineEdit;
    unnamed->setObjectName(QStringLiteral("unnamedField"));
    layout->addRow(QString(), unnamed);
    auto* labelled = new QLineEdit;
    layout->addRow(QStringLiteral("Name:"), labelled);  // the form's label is its buddy
    auto* iconOnly = new QPushButton;
    iconOnly->setObjectName(QStringLiteral("iconOnlyButton"));
    layout->addRow(iconOnly);
    auto* mouseOnly = new QPushButton(QStringLiteral("Mouse only"));
    mouseOnly->setObjectName(QStringLiteral("mouseOnlyButton"));
    mouseOnly->setFocusPolicy(Qt::ClickFocus);
    layout->addRow(mouseOnly);
    auto* bar = new QProgressBar;
    bar->setObjectName(QStringLiteral("unnamedBar"));
    layout->addRow(bar);
    auto* namedBar = new QProgressBar;
    namedBar->setAccessibleName(QStringLiteral("Progress"));
    layout->addRow(namedBar);
    // Three buttons shown first, second, third but made first, third, second: Tab goes down to the
    // third, up to the second, and round to the first.
    auto* first = new QPushButton(QStringLiteral("First"));
    layout->addRow(first);
    auto* third = new QPushButton(QStringLiteral("Third"));
    third->setObjectName(QStringLiteral("thirdButton"));
    layout->addRow(third);
    auto* second = new QPushButton(QStringLiteral("Second"));
    second->setObjectName(QStringLiteral("secondButton"));
    layout->insertRow(layout->rowCount() - 1, second);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QStringList unnamedControls = tiertune::test::unnamedControls(&window);
    QCOMPARE(unnamedControls, QStringList({QStringLiteral("QLineEdit#unnamedField"), QStringLiteral("QPushButton#iconOnlyButton")}));
    QCOMPARE(tiertune::test::unreachableControls(&window),
             QStringList({QStringLiteral("QPushButton#mouseOnlyButton \"Mouse only\"")}));
    QCOMPARE(tiertune::test::unnamedPictures(&window), QStringList({QStringLiteral("QProgressBar#unnamedBar")}));
    const QStringList order = tiertune::test::tabOrderAgainstReading(&window);
    QCOMPARE(order.size(), 2);
    QVERIFY2(order.front().startsWith(QStringLiteral("QPushButton#thirdButton")) &&
                 order.front().contains(QStringLiteral("\u2192 QPushButton#secondButton")),
             qPrintable(order.join(QLatin1Char('\n'))));
    QVERIFY(!tiertune::test::accessibilityProblems(&window, QStringLiteral("window")).isEmpty());

    // Named, reachable and in order: nothing to report.
    unnamed->setAccessibleName(QStringLiteral("Unnamed no more"));
    iconOnly->setAccessibleName(QStringLiteral("Icon"));
    mouseOnly->setFocusPolicy(Qt::StrongFocus);
    bar->setAccessibleName(QStringLiteral("Busy"));
    QWidget::setTabOrder(second, third);
    QCOMPARE(tiertune::test::accessibilityProblems(&window, QStringLiteral("window")), QString());
  }

  void everyPageOfTheMainWindow() {
    AppContext context(tiertune::settings::settingsFile());
    QVERIFY2(context.catalog(), qPrintable(context.catalogError()));
    fillCatalog(*context.catalog());
    context.notifyCatalogChanged();
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    for (auto page : {MainWindow::Page::Home, MainWindow::Page::Models, MainWindow::Page::Datasets,
                      MainWindow::Page::Runs, MainWindow::Page::Playground, MainWindow::Page::Settings}) {
      window.showPage(page);
      QCoreApplication::processEvents();
      auto* pages = window.findChild<QStackedWidget*>();
      QWidget* shown = pages ? pages->currentWidget() : &window;
      // The runs table fills from a worker thread: wait for its rows before auditing.
      if (page == MainWindow::Page::Runs) QTest::qWait(200);
      const QString found = tiertune::test::accessibilityProblems(shown, shown->objectName());
      if (!found.isEmpty()) problems << found;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  void everyPageOfTheImportWizard() {
    AppContext context(tiertune::settings::settingsFile());
    const auto scratch = tiertune::test::makeScratchDir();
    tiertune::test::registerTinyChatModel(*context.catalog(), scratch->filePath("chat-model").toStdString(), "Chat model");
    MainWindow window(context);
    window.showPage(MainWindow::Page::Datasets);
    auto* datasets = window.findChild<tiertune::gui::DatasetsPage*>();
    QVERIFY(datasets);
    tiertune::gui::ImportDatasetWizard* wizard = datasets->tryExample();
    QVERIFY(wizard);
    QStringList problems;
    QList<int> audited;
    for (int visited = 0; visited < 8; ++visited) {
      QVERIFY(QTest::qWaitForWindowExposed(wizard));
      audited << wizard->currentId();
      const QString where = QStringLiteral("import wizard page %1").arg(wizard->currentId());
      const QString found = tiertune::test::accessibilityProblems(wizard, where);
      if (!found.isEmpty()) problems << found;
      const QString help = tiertune::test::pageHelpProblem(wizard);
      if (!help.isEmpty()) problems << where + QStringLiteral(": ") + help;
      QAbstractButton* next = wizard->button(QWizard::NextButton);
      if (!next->isVisible()) break;
      const int before = wizard->currentId();
      // Pages read and check the file off the GUI thread; the import page moves on by itself.
      QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled() || wizard->currentId() != before, 60000);
      if (wizard->currentId() == before) next->click();
      if (wizard->currentId() == before) break;
    }
    wizard->reject();
    QVERIFY2(audited.size() >= 4, qPrintable(QStringLiteral("only %1 pages were reached").arg(audited.size())));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
