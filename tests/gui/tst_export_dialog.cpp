// Run detail → Export… as a person uses it, on the offscreen platform: a tiny LoRA checkpoint (the
// real checkpoint writer, tests/export/export_fixture.h) in a catalog of its own, exported as a
// PEFT adapter through the dialog (files, catalog row with its content hash, the exports tab
// refreshed), as GGUF in LM Studio's layout (the form's rows follow the choice), and a cancelled
// export that leaves no folder and no row.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <filesystem>

#include "app/gui/history/ExportDialog.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/history/RunHistoryWorker.h"
#include "core/catalog/catalog.h"
#include "core/export/export_folder.h"
#include "export/export_fixture.h"
#include "support/gui_helpers.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

constexpr int kExportTimeoutMs = 120000;  // a slow shared machine; the tiny export takes milliseconds

struct CataloguedCheckpoint : test::CataloguedAdapterCheckpoint {
  QString file() const { return QString::fromStdString(catalogFile.string()); }
};

template <typename Widget>
Widget* child(QObject* parent, const char* name) {
  auto* widget = parent->findChild<Widget*>(QString::fromLatin1(name));
  if (!widget) qFatal("no %s", name);
  return widget;
}

}  // namespace

class TestExportDialog : public QObject {
  Q_OBJECT

 private slots:
  void exportsAnAdapterFromTheRunDetail() {
    const CataloguedCheckpoint run;
    gui::RunHistoryWorker worker;
    worker.requestOpen(run.file());
    gui::RunDetailDialog detail(worker, run.runId);
    detail.show();
    QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), kExportTimeoutMs);
    auto* exportButton = child<QPushButton>(&detail, "exportRunButton");
    QVERIFY(exportButton->isEnabled());
    exportButton->click();

    auto* dialog = child<gui::ExportDialog>(&detail, "exportDialog");
    QVERIFY(dialog->isVisible());
    QCOMPARE(child<QComboBox>(dialog, "exportCheckpoint")->currentText(), QStringLiteral("Step 5 (latest)"));
    QCOMPARE(child<QComboBox>(dialog, "exportFormat")->currentIndex(), 0);  // PEFT adapter
    QVERIFY(!child<QPushButton>(dialog, "exportButton")->isEnabled());     // nowhere to put it yet
    const fs::path output = run.root / "adapter";
    child<QLineEdit>(dialog, "exportOutput")->setText(QString::fromStdString(output.string()));
    auto* dtype = child<QComboBox>(dialog, "exportDtype");
    const int bf16 = dtype->findData(static_cast<int>(formats::Dtype::BF16));
    dtype->setCurrentIndex(bf16);  // not PEFT's default (fp32, as trained)
    QSignalSpy finished(dialog, &gui::ExportDialog::finished);
    QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    QVERIFY(finished.wait(kExportTimeoutMs));
    const QString status = child<QLabel>(dialog, "exportStatus")->text();
    QVERIFY2(status.startsWith(QStringLiteral("Exported to")), qPrintable(status));
    QCOMPARE(dtype->currentIndex(), bf16);  // the precision chosen stays for the next export
    test::snapshot(dialog, QStringLiteral("export-dialog-done"));

    QVERIFY(fs::exists(output / "adapter_config.json"));
    QVERIFY(fs::exists(output / "adapter_model.safetensors"));
    const auto exported = run.exports();
    QCOMPARE(exported.size(), std::size_t{1});
    QVERIFY(exported[0].kind == catalog::ExportKind::PeftAdapter);
    QCOMPARE(exported[0].path, fs::absolute(output).string());
    QCOMPARE(exported[0].sha256, exports::folderContentSha256(output));
    // The run's exports tab shows the new row.
    auto* tabs = detail.findChild<QTabWidget*>();
    auto* exportsTable = qobject_cast<QTableWidget*>(tabs->widget(4));
    QVERIFY(exportsTable && tabs->tabText(4) == QStringLiteral("Exports"));
    QTRY_COMPARE_WITH_TIMEOUT(exportsTable->rowCount(), 1, kExportTimeoutMs);
  }

  void aFullFineTuneIsNotOfferedAnAdapterExport() {
    const CataloguedCheckpoint run;
    const auto checkpoints = catalog::Catalog::open(run.catalogFile).checkpoints(run.runId);
    gui::ExportDialog adapter(run.file(), run.runId, checkpoints, /*adapterRun=*/true);
    gui::ExportDialog full(run.file(), run.runId, checkpoints, /*adapterRun=*/false);
    const auto* adapterForms = child<QComboBox>(&adapter, "exportFormat");
    const auto* fullForms = child<QComboBox>(&full, "exportFormat");
    const int peft = static_cast<int>(exports::ExportFormat::PeftAdapter);
    QCOMPARE(adapterForms->count(), 3);
    QCOMPARE(adapterForms->currentData().toInt(), peft);
    QCOMPARE(fullForms->count(), 2);
    QCOMPARE(fullForms->findData(peft), -1);
    QCOMPARE(fullForms->currentData().toInt(), static_cast<int>(exports::ExportFormat::MergedModel));
  }

  void ggufInLmStudioLayout() {
    const CataloguedCheckpoint run;
    test::makeTinyTokenizerByteLevel(run.checkpoint.fixture.modelFolder);  // a tokenizer GGUF can carry
    gui::ExportDialog dialog(run.file(), run.runId, catalog::Catalog::open(run.catalogFile).checkpoints(run.runId),
                             /*adapterRun=*/true);
    dialog.show();
    auto* dtype = child<QComboBox>(&dialog, "exportDtype");
    auto* publisher = child<QLineEdit>(&dialog, "exportPublisher");
    QVERIFY(dtype->isVisible() && !publisher->isVisible());
    child<QComboBox>(&dialog, "exportFormat")->setCurrentIndex(2);  // GGUF
    child<QComboBox>(&dialog, "exportGgufType")->setCurrentIndex(2);  // Q8_0
    child<QComboBox>(&dialog, "exportLayout")->setCurrentIndex(1);  // LM Studio
    QVERIFY(!dtype->isVisible() && publisher->isVisible());
    publisher->setText(QStringLiteral("acme"));
    child<QLineEdit>(&dialog, "exportOutput")->setText(QString::fromStdString((run.root / "models").string()));
    test::snapshot(&dialog, QStringLiteral("export-dialog-gguf"));
    QSignalSpy finished(&dialog, &gui::ExportDialog::finished);
    child<QPushButton>(&dialog, "exportButton")->click();
    QVERIFY(finished.wait(kExportTimeoutMs));
    const fs::path folder = run.root / "models" / "acme" / "tiny-llama-run1-step5";
    const QString status = child<QLabel>(&dialog, "exportStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("tiny-llama-run1-step5-Q8_0.gguf")), qPrintable(status));
    QVERIFY(fs::exists(folder / "tiny-llama-run1-step5-Q8_0.gguf"));
    QVERIFY(fs::exists(folder / "Modelfile"));
    const auto exported = run.exports();
    QCOMPARE(exported.size(), std::size_t{1});
    QVERIFY(exported[0].kind == catalog::ExportKind::Gguf);
    QCOMPARE(exported[0].sha256, exports::folderContentSha256(folder));
  }

  void cancelLeavesNothing() {
    const CataloguedCheckpoint run;
    gui::ExportDialog dialog(run.file(), run.runId, catalog::Catalog::open(run.catalogFile).checkpoints(run.runId),
                             /*adapterRun=*/true);
    dialog.show();
    child<QComboBox>(&dialog, "exportFormat")->setCurrentIndex(1);  // merged model
    const fs::path output = run.root / "merged";
    child<QLineEdit>(&dialog, "exportOutput")->setText(QString::fromStdString(output.string()));
    QSignalSpy finished(&dialog, &gui::ExportDialog::finished);
    // Cancel right after the start, before the export thread has opened the catalog and the
    // checkpoint: the core sees the cancel before its first tensor.
    child<QPushButton>(&dialog, "exportButton")->click();
    QVERIFY(dialog.isExporting());
    child<QPushButton>(&dialog, "cancelExportButton")->click();
    QVERIFY(finished.wait(kExportTimeoutMs));
    const QString status = child<QLabel>(&dialog, "exportStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("cancelled")), qPrintable(status));
    QVERIFY(test::leftNothing(output));
    QVERIFY(run.exports().empty());
    QVERIFY(!dialog.isExporting());
  }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
