// `tiertune-cli dataset from-documents` as a user runs it: --print-text shows the cleaned text of a
// folder of documents and names the file it could not read; an import of the same folder records a
// text dataset with its provenance; --qa with the tiny random chat model writes noise, which the
// strict parser refuses: every part is listed without a usable reply and nothing is imported.
#include <QTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "support/chat_model.h"
#include "support/cli_process.h"
#include "support/default_catalog.h"
#include "support/pdf_writer.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

class TestCliDocuments : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    test::freshDefaultCatalog();  // the test's private HOME keeps the last run's datasets
    root_ = fs::path(scratch_->path().toStdString());
    fs::create_directories(root_ / "docs" / "nested");
    std::vector<test::PdfPageContent> pages(2);
    pages[0].runs.push_back({72, 700, 11, "The office opens at nine on weekdays."});
    pages[1].runs.push_back({72, 700, 11, "Parking is behind the building."});
    std::ofstream(root_ / "docs" / "office.pdf", std::ios::binary) << test::pdfFile(pages);
    std::ofstream(root_ / "docs" / "nested" / "faq.md") << "# FAQ\n\nAsk the front desk for a badge.\n";
    std::ofstream(root_ / "docs" / "broken.pdf") << "not a pdf";
    std::ofstream(root_ / "docs" / "photo.jpg") << "jpeg";
    test::writeTinyChatModel(root_ / "model");
  }

  void printTextShowsWhatWasReadAndWhatWasNot() {
    const test::Finished run = test::runCli({"dataset", "from-documents", QString::fromStdString((root_ / "docs").string()),
                                             "--print-text"});
    QCOMPARE(run.exitCode, 1);  // a file could not be read
    QVERIFY2(run.out.contains("==== office.pdf (pdf, 2 pages, 12 words): office"), run.out.constData());
    QVERIFY(run.out.contains("-- page 2\nParking is behind the building."));
    QVERIFY(run.out.contains("==== faq.md (markdown, 8 words): FAQ\n\n# FAQ\n\nAsk the front desk for a badge."));
    QVERIFY2(run.err.contains("not read: broken.pdf: the file is damaged or is not a PDF"), run.err.constData());
    QVERIFY(!run.out.contains("photo"));

    const test::Finished asJson = test::runCli({"dataset", "from-documents",
                                                QString::fromStdString((root_ / "docs" / "nested" / "faq.md").string()),
                                                "--print-text", "--json"});
    QCOMPARE(asJson.exitCode, 0);
    const json out = json::parse(asJson.out.toStdString());
    QCOMPARE(out["documents"][0]["passages"][1]["text"].get<std::string>(), std::string("Ask the front desk for a badge."));
    QCOMPARE(out["documents"][0]["passages"][1]["section"].get<std::string>(), std::string("FAQ"));
  }

  void importRecordsATextDatasetWithItsProvenance() {
    const test::Finished run = test::runCli({"dataset", "from-documents", QString::fromStdString((root_ / "docs").string()),
                                             "--model", QString::fromStdString((root_ / "model").string()), "--name",
                                             "office docs", "--chunk-tokens", "64", "--chunk-overlap", "8",
                                             "--validation-share", "0", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json out = json::parse(run.out.toStdString());
    QVERIFY(out["dataset"].is_number());
    QCOMPARE(out["documents"].size(), std::size_t{2});
    QCOMPARE(out["failures"].size(), std::size_t{1});
    const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
    const auto row = store.dataset(out["dataset"].get<catalog::Id>());
    QVERIFY(row.has_value());
    QCOMPARE(static_cast<std::size_t>(row->trainRows), out["chunks"].get<std::size_t>());
    const json provenance = json::parse(row->statsJson)["provenance"];
    QCOMPARE(provenance["documents"][0]["file"].get<std::string>(), std::string("faq.md"));  // in path order
    QCOMPARE(provenance["documents"][1]["file"].get<std::string>(), std::string("office.pdf"));
    QCOMPARE(provenance["chunk_tokens"].get<std::size_t>(), std::size_t{64});

    // The same name again is refused and changes nothing.
    const test::Finished again = test::runCli({"dataset", "from-documents", QString::fromStdString((root_ / "docs").string()),
                                               "--model", QString::fromStdString((root_ / "model").string()), "--name",
                                               "office docs"});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("exists already"), again.err.constData());
  }

  void questionsFromTheNoiseOfARandomModelAreAllRefused() {
    const QString model = QString::fromStdString((root_ / "model").string());
    const test::Finished run = test::runCli({"dataset", "from-documents", QString::fromStdString((root_ / "docs" / "nested").string()),
                                             "--model", model, "--name", "faq pairs", "--qa", "--generator", model,
                                             "--per-chunk", "1", "--max-new-tokens", "24"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("0 pairs from 1 parts; 1 parts gave no usable reply:"), run.out.constData());
    QVERIFY2(run.out.contains("  faq.md (pages (none)): "), run.out.constData());
    QVERIFY2(run.err.contains("No question-answer pair is kept"), run.err.constData());
    const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
    for (const catalog::DatasetRecord& dataset : store.datasets()) QVERIFY(dataset.name != "faq pairs");
    // The job stays, finished: running it again resumes with nothing left to generate.
    const test::Finished resumed = test::runCli({"dataset", "from-documents", QString::fromStdString((root_ / "docs" / "nested").string()),
                                                 "--model", model, "--name", "faq pairs", "--qa", "--generator", model,
                                                 "--per-chunk", "1", "--max-new-tokens", "24"});
    QVERIFY2(resumed.out.contains("Resuming the questions: 1 of 1 parts done before"), resumed.out.constData());
  }

  void wrongUsageIsExitCodeTwo() {
    QCOMPARE(test::runCli({"dataset", "from-documents"}).exitCode, 2);
    QCOMPARE(test::runCli({"dataset", "from-documents", "x.md"}).exitCode, 2);
    QCOMPARE(test::runCli({"dataset", "from-documents", "x.md", "--model", "m", "--qa"}).exitCode, 2);
    QCOMPARE(test::runCli({"dataset", "from-documents", "x.md", "--model", "m", "--generator", "g"}).exitCode, 2);
  }

 private:
  std::unique_ptr<QTemporaryDir> scratch_ = test::makeScratchDir();
  fs::path root_;
};

QTEST_GUILESS_MAIN(TestCliDocuments)
#include "tst_cli_documents.moc"
