// Documents into a dataset in the catalog: a PDF and a Markdown file read, cut into chunks with the
// model's tokenizer, written with their sources to the job's text.jsonl and imported through the
// dataset import, the provenance (each document's name, hash, pages, words; the chunk settings) in
// the row's statistics. A failed import leaves the catalog as it was.
#include <QTest>

#include <filesystem>
#include <fstream>

#include "core/documents/document_dataset.h"
#include "core/documents/markdown_text.h"
#include "core/documents/pdf_text.h"
#include "core/documents/qa_job.h"
#include "core/documents/qa_review.h"
#include "core/formats/model_config.h"
#include "core/infer/model_text.h"
#include "core/documents/text_cleanup.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "support/chat_model.h"
#include "support/pdf_writer.h"
#include "support/scratch.h"
#include "support/scripted_replies.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::documents;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

struct Fixture {
  std::unique_ptr<QTemporaryDir> scratch = test::makeScratchDir();
  fs::path root = scratch->path().toStdString();
  fs::path dataFolder = root / "data";
  catalog::Catalog store = catalog::Catalog::open(root / "catalog.sqlite");
  fs::path model = root / "model";
  Fixture() { test::writeTinyChatModel(model); }
};

std::vector<Document> readFixtureDocuments(const fs::path& root) {
  std::vector<test::PdfPageContent> pages(2);
  for (int p = 0; p < 2; ++p) {
    for (int line = 0; line < 6; ++line) {
      pages[p].runs.push_back({72, 700.0 - 14 * line, 11,
                               "Page " + std::to_string(p + 1) + " line " + std::to_string(line) +
                                   " says something about leave and travel."});
    }
  }
  std::ofstream(root / "policy.pdf", std::ios::binary) << test::pdfFile(pages, {.title = "Policy", .encrypted = false});
  std::ofstream(root / "guide.md") << "# Guide\n\nFirst read this. Then read that.\n\n## Tools\n\nUse the tools we give you.\n";
  return {cleanDocument(readPdfText(root / "policy.pdf", {}), root / "policy.pdf", "pdf"),
          cleanDocument(readMarkdownText(root / "guide.md", {}), root / "guide.md", "markdown")};
}

}  // namespace

class TestDocumentDataset : public QObject {
  Q_OBJECT

 private slots:
  void documentsBecomeATextDatasetWithTheirProvenance() {
    Fixture f;
    const std::vector<Document> documents = readFixtureDocuments(f.root);
    TextDatasetRequest request;
    request.name = "Handbook text";
    request.modelFolder = f.model;
    request.chunks = {200, 40, 0.8};
    request.validationShare = 0.2;
    const DocumentImportResult result = importDocumentText(f.store, f.dataFolder, documents, request);
    QVERIFY2(result.import.dataset.has_value(), result.import.failure.c_str());
    QCOMPARE(result.examplesFile, documentJobFolder(f.dataFolder, "Handbook text") / "text.jsonl");
    QCOMPARE(result.examplesFile.parent_path().filename().string(), std::string("Handbook-text"));

    // The examples file: one line per chunk, each naming its source and pages.
    std::ifstream lines(result.examplesFile);
    std::string line;
    std::size_t count = 0, fromPdf = 0;
    std::string allText;
    while (std::getline(lines, line)) {
      const json chunk = json::parse(line);
      ++count;
      allText += chunk["text"].get<std::string>() + "\n";
      QVERIFY(chunk["text"].get<std::string>().size() <= 200);  // the byte tokenizer: a token a byte
      if (chunk["source"] == "policy.pdf") {
        ++fromPdf;
        QVERIFY(chunk["pages"] == "1" || chunk["pages"] == "1-2" || chunk["pages"] == "2");
        QCOMPARE(chunk["title"].get<std::string>(), std::string("Policy"));
      } else {
        QCOMPARE(chunk["source"].get<std::string>(), std::string("guide.md"));
        QCOMPARE(chunk["pages"].get<std::string>(), std::string());
      }
    }
    QCOMPARE(count, result.chunks);
    QVERIFY(fromPdf >= 2);
    QVERIFY(allText.find("Page 2 line 5 says something about leave and travel.") != std::string::npos);
    QVERIFY(allText.find("Tools\n\nUse the tools we give you.") != std::string::npos);

    // The catalog row: every chunk a row, the provenance in the statistics.
    const auto row = f.store.dataset(*result.import.dataset);
    QVERIFY(row.has_value());
    QCOMPARE(row->name, std::string("Handbook text"));
    QCOMPARE(row->format, std::string("text"));
    QCOMPARE(static_cast<std::size_t>(row->trainRows + row->validationRows), result.chunks);
    const json stats = json::parse(row->statsJson);
    const json& provenance = stats["provenance"];
    QCOMPARE(provenance["kind"].get<std::string>(), std::string("documents as text"));
    QCOMPARE(provenance["chunks"].get<std::size_t>(), result.chunks);
    QCOMPARE(provenance["documents"].size(), std::size_t{2});
    QCOMPARE(provenance["documents"][0]["file"].get<std::string>(), std::string("policy.pdf"));
    QCOMPARE(provenance["documents"][0]["pages"].get<int>(), 2);
    QCOMPARE(provenance["documents"][0]["sha256"].get<std::string>(), sha256HexOfFile(f.root / "policy.pdf"));
    QCOMPARE(provenance["documents"][1]["words"].get<std::size_t>(), documents[1].words());
  }

  void aNameAlreadyTakenLeavesTheCatalogAsItWas() {
    Fixture f;
    const std::vector<Document> documents = readFixtureDocuments(f.root);
    TextDatasetRequest request;
    request.name = "Twice";
    request.modelFolder = f.model;
    request.chunks = {200, 40, 0.8};
    QVERIFY(importDocumentText(f.store, f.dataFolder, documents, request).import.dataset.has_value());
    const auto before = f.store.datasets().size();
    const fs::path examples = documentJobFolder(f.dataFolder, "Twice") / "text.jsonl";
    const std::string firstExamples = readWholeFile(examples, kDataFileLimit);
    request.chunks = {100, 20, 0.8};  // other chunks: the first dataset's file must not change
    try {
      importDocumentText(f.store, f.dataFolder, documents, request);
      QFAIL("no error");
    } catch (const Error& error) {
      QCOMPARE(QString(error.what()),
               QStringLiteral("A dataset named \"Twice\" exists already; choose another name or delete it first."));
    }
    QCOMPARE(f.store.datasets().size(), before);
    QCOMPARE(readWholeFile(examples, kDataFileLimit), firstExamples);
  }

  void reviewedQuestionsAndAnswersBecomeConversations() {
    Fixture f;
    const std::vector<Document> documents = readFixtureDocuments(f.root);
    const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(f.model);
    const ChunkResult chunking = chunkDocuments(documents, tokenizer, {300, 40, 0.8});
    const fs::path job = documentJobFolder(f.dataFolder, "Handbook Q&A");
    QaSettings settings;
    settings.modelFolder = f.model;
    settings.questionsPerChunk = 2;
    QaJob generation = QaJob::create(job, settings, qaChunks(documents, chunking.chunks));
    // Chunk by chunk: the first chunk's reply is noise twice (listed, nothing kept), the others
    // give two numbered pairs.
    std::size_t prompt = 0;
    test::ScriptedReplies model([&](const std::string&) -> std::string {
      const std::size_t n = prompt++;
      if (n < 2) return "Sure! Here are some questions.";
      return "[" + json{{"question", "Question " + std::to_string(n) + "?"}, {"answer", "Answer " + std::to_string(n)}}.dump() +
             "," + json{{"question", "Other " + std::to_string(n) + "?"}, {"answer", "More " + std::to_string(n)}}.dump() + "]";
    });
    const infer::ModelText text = infer::loadModelText(f.model, formats::parseModelConfig(test::kTinyLlamaConfig));
    QCOMPARE(generation.run(model, text), QaRunEnd::Complete);
    QVERIFY(chunking.chunks.size() >= 3);
    QaReview review = QaReview::open(job);
    QCOMPARE(review.failedChunks().size(), std::size_t{1});
    const std::size_t generated = review.pairs().size();
    QCOMPARE(generated, 2 * (chunking.chunks.size() - 1));
    const std::size_t rejectFirst[] = {0};
    review.reject(rejectFirst);
    review.edit(1, "What is edited?", "The user's answer.");

    QaDatasetRequest request;
    request.name = "Handbook Q&A";
    request.modelFolder = f.model;
    request.documents = documents;
    request.validationShare = 0;
    const DocumentImportResult result = importQaPairs(f.store, f.dataFolder, job, request);
    QVERIFY2(result.import.dataset.has_value(), result.import.failure.c_str());
    QCOMPARE(result.chunks, generated - 1);

    // The examples: the edit in place of the model's words, the rejected pair absent, sources kept.
    std::ifstream lines(result.examplesFile);
    std::string line;
    std::vector<json> rows;
    while (std::getline(lines, line)) rows.push_back(json::parse(line));
    QCOMPARE(rows.size(), generated - 1);
    QCOMPARE(rows[0]["messages"][0]["content"].get<std::string>(), std::string("What is edited?"));
    QCOMPARE(rows[0]["messages"][1]["content"].get<std::string>(), std::string("The user's answer."));
    QCOMPARE(rows[0]["messages"][1]["role"].get<std::string>(), std::string("assistant"));
    for (const json& row : rows) {
      QVERIFY(row["source"] == "policy.pdf" || row["source"] == "guide.md");
      QVERIFY(row["messages"][0]["content"] != "Question 2?");  // the rejected pair
    }

    const auto datasetRow = f.store.dataset(*result.import.dataset);
    QCOMPARE(datasetRow->format, std::string("messages"));
    QCOMPARE(static_cast<std::size_t>(datasetRow->trainRows), generated - 1);
    const json provenance = json::parse(datasetRow->statsJson)["provenance"];
    QCOMPARE(provenance["kind"].get<std::string>(), std::string("documents as questions and answers"));
    QCOMPARE(provenance["pairs_generated"].get<std::size_t>(), generated);
    QCOMPARE(provenance["pairs_kept"].get<std::size_t>(), generated - 1);
    QCOMPARE(provenance["pairs_edited"].get<std::size_t>(), std::size_t{1});
    QCOMPARE(provenance["pairs_rejected"].get<std::size_t>(), std::size_t{1});
    QCOMPARE(provenance["chunks_without_usable_reply"].get<std::size_t>(), std::size_t{1});
    QCOMPARE(provenance["documents"][0]["sha256"].get<std::string>(), sha256HexOfFile(f.root / "policy.pdf"));
  }

  void noKeptPairIsRefusedInWords() {
    Fixture f;
    const std::vector<Document> documents = readFixtureDocuments(f.root);
    const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(f.model);
    const fs::path job = documentJobFolder(f.dataFolder, "Nothing kept");
    QaSettings settings;
    settings.modelFolder = f.model;
    settings.questionsPerChunk = 1;
    QaJob generation = QaJob::create(job, settings, qaChunks(documents, chunkDocuments(documents, tokenizer, {300, 40, 0.8}).chunks));
    test::ScriptedReplies model([](const std::string&) { return std::string("no JSON here"); });
    QCOMPARE(generation.run(model, infer::loadModelText(f.model, formats::parseModelConfig(test::kTinyLlamaConfig))),
             QaRunEnd::Complete);
    QaDatasetRequest request;
    request.name = "Nothing kept";
    request.modelFolder = f.model;
    try {
      importQaPairs(f.store, f.dataFolder, job, request);
      QFAIL("no error");
    } catch (const Error& error) {
      QCOMPARE(QString(error.what()),
               QStringLiteral("No question-answer pair is kept: accept or edit some in the review before the import."));
    }
    QVERIFY(f.store.datasets().empty());
  }

  void noDocumentsIsRefusedInWords() {
    Fixture f;
    TextDatasetRequest request;
    request.name = "Empty";
    request.modelFolder = f.model;
    try {
      importDocumentText(f.store, f.dataFolder, {}, request);
      QFAIL("no error");
    } catch (const Error& error) {
      QCOMPARE(QString(error.what()), QStringLiteral("There are no documents to make a dataset of."));
    }
    QVERIFY(f.store.datasets().empty());
  }
};

QTEST_GUILESS_MAIN(TestDocumentDataset)
#include "tst_document_dataset.moc"
