// exports::exportRun, the export path the CLI and the GUI share, on a catalogued tiny LoRA
// checkpoint: a GGUF made through the temporary fp32 merged model (progress from 0 to 1 over both
// stages, the catalog row with the folder's content hash, the temporary folder gone), a cancel in
// either stage leaving nothing (no export, no staging or temporary folder, no row), and the
// refusals that come before any work.
#include <QTest>
#include <filesystem>

#include "core/export/export_folder.h"
#include "core/export/run_export.h"
#include "core/util/error.h"
#include "export/export_fixture.h"

using namespace tiertune;
using namespace tiertune::exports;
namespace fs = std::filesystem;

namespace {

// Nothing but what the fixture wrote: no hidden staging or temporary folder beside the outputs.
bool noHiddenEntries(const fs::path& folder) {
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().starts_with(".")) return false;
  }
  return true;
}

RunExportRequest ggufRequest(const test::CataloguedAdapterCheckpoint& run, const fs::path& output) {
  RunExportRequest request;
  request.runId = run.runId;
  request.format = ExportFormat::Gguf;
  request.output = output;
  request.gguf.fileType = GgufFileType::Q8_0;
  return request;
}

}  // namespace

class RunExportTest : public QObject {
  Q_OBJECT

 private slots:
  void ggufThroughTheMergedModel() {
    test::CataloguedAdapterCheckpoint run;
    test::makeTinyTokenizerByteLevel(run.checkpoint.fixture.modelFolder);
    catalog::Catalog store = catalog::Catalog::open(run.catalogFile);
    std::vector<double> fractions;
    const ExportProgress progress{[&](double fraction, const std::string&) { fractions.push_back(fraction); }, {}};
    const RunExportResult result = exportRun(store, ggufRequest(run, run.root / "gguf"), progress);

    QVERIFY(result.kind == catalog::ExportKind::Gguf);
    QCOMPARE(result.checkpoint.step, run.checkpoint.source.step);
    QCOMPARE(result.files.size(), std::size_t{2});
    QCOMPARE(result.files[0].path, fs::absolute(run.root / "gguf" / "tiny-llama-run1-step5-Q8_0.gguf"));
    QCOMPARE(result.files[1].path.filename().string(), std::string("Modelfile"));
    QVERIFY(noHiddenEntries(run.root));  // the fp32 merged model is gone
    for (std::size_t i = 1; i < fractions.size(); ++i) QVERIFY(fractions[i] >= fractions[i - 1]);
    QVERIFY(fractions.front() < 0.1);
    QCOMPARE(fractions.back(), 1.0);

    const auto rows = run.exports();
    QCOMPARE(rows.size(), std::size_t{1});
    QCOMPARE(rows[0].id, result.exportId);
    QVERIFY(rows[0].kind == catalog::ExportKind::Gguf);
    QCOMPARE(rows[0].path, fs::absolute(run.root / "gguf").string());
    QCOMPARE(rows[0].sha256, folderContentSha256(run.root / "gguf"));
  }

  void cancelInEitherStageLeavesNothing_data() {
    QTest::addColumn<double>("cancelAfter");
    QTest::newRow("while merging") << 0.0;
    QTest::newRow("while writing the GGUF") << 0.7;
  }

  void cancelInEitherStageLeavesNothing() {
    QFETCH(double, cancelAfter);
    test::CataloguedAdapterCheckpoint run;
    test::makeTinyTokenizerByteLevel(run.checkpoint.fixture.modelFolder);
    catalog::Catalog store = catalog::Catalog::open(run.catalogFile);
    double reached = -1;
    const ExportProgress progress{[&](double fraction, const std::string&) { reached = fraction; },
                                  [&] { return reached > cancelAfter; }};
    QVERIFY_THROWS_EXCEPTION(ExportCancelled, exportRun(store, ggufRequest(run, run.root / "gguf"), progress));
    QVERIFY(reached < 1);
    QVERIFY(test::leftNothing(run.root / "gguf"));
    QVERIFY(noHiddenEntries(run.root));
    QVERIFY(run.exports().empty());
  }

  void refusalsComeFirst() {
    test::CataloguedAdapterCheckpoint run;
    catalog::Catalog store = catalog::Catalog::open(run.catalogFile);
    RunExportRequest request = ggufRequest(run, run.root / "gguf");
    request.checkpoint = "step-9";
    QVERIFY_THROWS_EXCEPTION(Error, exportRun(store, request));
    request.checkpoint = "latest";
    request.runId = run.runId + 1;
    QVERIFY_THROWS_EXCEPTION(Error, exportRun(store, request));
    request.runId = run.runId;
    // A taken export folder is refused before the merge.
    fs::create_directories(run.root / "gguf");
    test::makeTinyTokenizerByteLevel(run.checkpoint.fixture.modelFolder);
    QVERIFY_THROWS_EXCEPTION(Error, exportRun(store, request));
    QVERIFY(fs::is_empty(run.root / "gguf"));
    QVERIFY(noHiddenEntries(run.root));
    QVERIFY(run.exports().empty());
  }
};

QTEST_GUILESS_MAIN(RunExportTest)
#include "tst_run_export.moc"
