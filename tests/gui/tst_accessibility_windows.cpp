// Keyboard and screen-reader audit (support/accessibility_audit.h) of the windows beyond the main
// pages and the wizards: the Add model dialog, the Playground in each mode with a model loaded (side by side included),
// a finished run's monitor, the run detail dialog on each of its tabs, the export dialog, the
// compare view and the confirmation the Runs page builds before deleting a run. The catalog holds
// a tiny chat model (byte tokenizer, ChatML) and two LoRA runs, the first with a checkpoint
// written by the real checkpoint writer (tests/export/export_fixture.h).
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/dialogs/AddModelDialog.h"
#include "app/gui/history/ExportDialog.h"
#include "app/gui/history/RunCompareDialog.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/history/RunHistoryWorker.h"
#include "app/gui/pages/RunsPage.h"
#include "app/gui/playground/ChatColumn.h"
#include "app/gui/playground/PlaygroundPage.h"
#include "app/gui/runs/RunMonitor.h"
#include "app/gui/runs/RunSupervisor.h"
#include "core/settings/settings.h"
#include "export/export_fixture.h"
#include "support/accessibility_audit.h"
#include "support/chat_model.h"
#include "support/default_catalog.h"

using namespace tiertune;
using gui::PlaygroundPage;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = 120000;  // a slow shared machine; the tiny model loads in milliseconds

// The tiny Llama with the byte tokenizer's vocabulary, so that the playground can chat with it.
std::string chatModelConfig() {
  std::string config = test::kTinyLlamaConfig;
  config.replace(config.find("\"vocab_size\":64"), 15, "\"vocab_size\":300");
  return config;
}

template <typename T>
T* named(QObject* parent, const char* name) {
  T* found = parent->findChild<T*>(QLatin1String(name));
  if (!found) qFatal("no widget %s", name);
  return found;
}

}  // namespace

class TestAccessibilityWindows : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  std::unique_ptr<test::ExportFixture> fixture_;
  catalog::Id checkpointRun_ = 0;
  catalog::Id secondRun_ = 0;
  std::unique_ptr<gui::AppContext> context_;
  QStringList problems_;

  void audit(QWidget* root, const QString& where) {
    const QString found = test::accessibilityProblems(root, where);
    if (!found.isEmpty()) problems_ << found;
  }

 private slots:
  void initTestCase() {
    scratch_ = test::makeScratchDir();
    fixture_ = std::make_unique<test::ExportFixture>(fs::path(scratch_->path().toStdString()), chatModelConfig());
    test::writeChatTokenizerFiles(fixture_->modelFolder);
    const fs::path checkpoint = fixture_->writeCheckpoint(fixture_->randomAdapter(), true, 7);

    {
      catalog::Catalog store = catalog::Catalog::open(test::freshDefaultCatalog());
      const catalog::Id modelId = test::addChatModelRecord(store, fixture_->modelFolder, "tiny-chat");
      const std::string config = train::toJson(fixture_->runConfig(true));
      checkpointRun_ = store.createRun({"tiny lora", modelId, std::nullopt, "lora", "custom", config});
      store.addCheckpoint({checkpointRun_, 7, checkpoint.string(), {}, 0});
      store.setRunStatus(checkpointRun_, catalog::RunStatus::Completed);
      secondRun_ = store.createRun({"second lora", modelId, std::nullopt, "lora", "custom", config});
      store.setRunStatus(secondRun_, catalog::RunStatus::Stopped);
    }
    context_ = std::make_unique<gui::AppContext>(settings::settingsFile());
    QVERIFY2(context_->catalog(), qPrintable(context_->catalogError()));
  }

  void init() { problems_.clear(); }

  void thePlaygroundInEachMode() {
    PlaygroundPage page(*context_);
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    audit(&page, QStringLiteral("playground, nothing loaded"));
    const struct {
      PlaygroundPage::Mode mode;
      const char* name;
    } modes[] = {{PlaygroundPage::Mode::BaseModel, "base model"},
                 {PlaygroundPage::Mode::Checkpoint, "checkpoint"},
                 {PlaygroundPage::Mode::SideBySide, "side by side"}};
    for (const auto& mode : modes) {
      page.setMode(mode.mode);
      auto* load = named<QPushButton>(&page, "loadButton");
      QVERIFY2(load->isEnabled(), mode.name);
      load->click();
      QTRY_VERIFY_WITH_TIMEOUT(page.column()->state() != gui::ChatColumn::State::Loading &&
                                   page.baseColumn()->state() != gui::ChatColumn::State::Loading,
                               kTimeoutMs);
      QCOMPARE(page.column()->state(), gui::ChatColumn::State::Ready);
      audit(&page, QStringLiteral("playground, %1 loaded").arg(QLatin1String(mode.name)));
    }
    QVERIFY(page.baseColumn()->isVisible());  // the last mode shows both columns
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }

  void theMonitorOfAFinishedRun() {
    gui::RunSupervisor supervisor(*context_);
    gui::RunMonitor monitor(*context_, supervisor, checkpointRun_);
    monitor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&monitor));
    QTRY_COMPARE_WITH_TIMEOUT(monitor.statusText(), QStringLiteral("Completed"), kTimeoutMs);
    audit(&monitor, QStringLiteral("run monitor"));
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }

  void theRunDetailExportAndCompareWindows() {
    gui::RunHistoryWorker worker;
    worker.requestOpen(QString::fromStdString(context_->settings().catalogFile().string()));
    gui::RunDetailDialog detail(worker, checkpointRun_);
    detail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&detail));
    QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), kTimeoutMs);
    auto* tabs = detail.findChild<QTabWidget*>();
    QVERIFY(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
      tabs->setCurrentIndex(tab);
      audit(&detail, QStringLiteral("run detail, tab %1").arg(tabs->tabText(tab)));
    }

    named<QPushButton>(&detail, "exportRunButton")->click();
    auto* exportDialog = named<gui::ExportDialog>(&detail, "exportDialog");
    QVERIFY(QTest::qWaitForWindowExposed(exportDialog));
    for (int format = 0; format < named<QComboBox>(exportDialog, "exportFormat")->count(); ++format) {
      named<QComboBox>(exportDialog, "exportFormat")->setCurrentIndex(format);
      audit(exportDialog, QStringLiteral("export dialog, format %1").arg(format));
    }
    exportDialog->close();

    gui::RunCompareDialog compare(worker, {checkpointRun_, secondRun_});
    compare.show();
    QVERIFY(QTest::qWaitForWindowExposed(&compare));
    QTRY_VERIFY_WITH_TIMEOUT(compare.isReady(), kTimeoutMs);
    audit(&compare, QStringLiteral("compare view"));
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }

  // "Add model folder" while it checks the folder (its busy bar) and once it has (the facts).
  void theAddModelDialog() {
    gui::AddModelDialog dialog(*context_, QString::fromStdString(fixture_->modelFolder.string()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    audit(&dialog, QStringLiteral("add model dialog, checking"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.inspectionFinished(), kTimeoutMs);
    QVERIFY2(dialog.canAdd(), qPrintable(dialog.problemsText()));
    audit(&dialog, QStringLiteral("add model dialog, checked"));
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }

  // The Runs page builds its own box for deleting a run (a Delete button, the list of files).
  void theDeleteConfirmation() {
    gui::RunsPage page(*context_);
    page.show();
    bool audited = false;
    std::function<void()> auditBox = [&] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box || !box->isVisible()) {
        QTimer::singleShot(10, auditBox);  // the page asks once the worker has listed the files
        return;
      }
      audit(box, QStringLiteral("delete run confirmation"));
      audited = true;
      box->button(QMessageBox::Cancel)->click();
    };
    QTimer::singleShot(0, auditBox);
    page.deleteRun(secondRun_);
    QTRY_VERIFY_WITH_TIMEOUT(audited, kTimeoutMs);
    QVERIFY(context_->catalog()->run(secondRun_));  // cancelled: the run stays
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }
};

QTEST_MAIN(TestAccessibilityWindows)
#include "tst_accessibility_windows.moc"
