// Keyboard and screen-reader audit of every page and dialog a newcomer meets: each visible control
// has a name assistive technology reads and takes focus with Tab (support/accessibility_audit.h).
// Pages are audited with content (a model, a dataset and runs in the catalog), so that their
// tables and buttons are the ones shown, not the empty states.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStackedWidget>
#include <QTest>
#include <QWizard>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/dialogs/ImportDatasetWizard.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/settings/settings.h"
#include "support/accessibility_audit.h"
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

QString report(const QString& where, const QStringList& unnamed, const QStringList& unreachable) {
  QString text = where + QLatin1Char(':');
  if (!unnamed.isEmpty()) text += QStringLiteral("\n  without an accessible name: ") + unnamed.join(QStringLiteral(", "));
  if (!unreachable.isEmpty()) text += QStringLiteral("\n  not reachable with Tab: ") + unreachable.join(QStringLiteral(", "));
  return text;
}

}  // namespace

class TestAccessibility : public QObject {
  Q_OBJECT

 private slots:
  void init() {  // a first start each time: no settings, no catalog
    QFile::remove(QString::fromStdString(tiertune::settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
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
      const QStringList unnamed = tiertune::test::unnamedControls(shown);
      const QStringList unreachable = tiertune::test::unreachableControls(shown);
      if (!unnamed.isEmpty() || !unreachable.isEmpty()) problems << report(shown->objectName(), unnamed, unreachable);
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
      const QStringList unnamed = tiertune::test::unnamedControls(wizard);
      const QStringList unreachable = tiertune::test::unreachableControls(wizard);
      if (!unnamed.isEmpty() || !unreachable.isEmpty()) {
        problems << report(QStringLiteral("import wizard page %1").arg(wizard->currentId()), unnamed, unreachable);
      }
      QAbstractButton* next = wizard->button(QWizard::NextButton);
      if (!next->isVisible()) break;
      QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 60000);  // pages read and check the file off the GUI thread
      const int before = wizard->currentId();
      next->click();
      if (wizard->currentId() == before) break;
    }
    wizard->reject();
    QVERIFY2(audited.size() >= 4, qPrintable(QStringLiteral("only %1 pages were reached").arg(audited.size())));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
