// Dataset import end to end on small files: every unusable row in the report, the kept rows in
// token shards that read back as the encoder made them, a seeded split, and no trace at all of an
// import that fails, is cancelled, or finds nothing usable.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <functional>
#include <utility>
#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/data/token_shards.h"
#include "core/util/error.h"
#include "support/byte_tokenizer.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::data;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A model folder with the byte tokenizer; chat template and end token unless told otherwise.
fs::path writeModel(const fs::path& folder, bool withTemplate = true) {
  write(folder / "tokenizer.json", test::byteTokenizerJson());
  write(folder / "tokenizer_config.json", R"({"eos_token": "</s>", "bos_token": "<s>"})");
  if (withTemplate) write(folder / "chat_template.jinja", test::kChatMlTemplate);
  return folder;
}

std::string chatLine(const std::string& question, const std::string& answer) {
  return nlohmann::json({{"messages", {{{"role", "user"}, {"content", question}}, {{"role", "assistant"}, {"content", answer}}}}})
             .dump() +
         "\n";
}

// Everything under datasets/ except what a finished import leaves.
std::vector<std::string> datasetEntries(const fs::path& dataFolder) {
  std::vector<std::string> names;
  if (!fs::exists(dataFolder / "datasets")) return names;
  for (const auto& entry : fs::directory_iterator(dataFolder / "datasets")) names.push_back(entry.path().filename().string());
  return names;
}

struct Fixture {
  std::unique_ptr<QTemporaryDir> scratch = test::makeScratchDir();
  fs::path root = scratch->path().toStdString();
  fs::path dataFolder = root / "data";
  catalog::Catalog store = catalog::Catalog::open(root / "catalog.sqlite");
  fs::path model = writeModel(root / "model");
};

}  // namespace

class DatasetImportTest : public QObject {
  Q_OBJECT

 private slots:
  void reportsEveryUnusableRowAndStoresTheRest() {
    Fixture f;
    std::string text;
    for (int i = 0; i < 40; ++i) text += chatLine("question " + std::to_string(i), "answer " + std::to_string(i));
    text += "{not json\n";                                                           // row 41
    text += R"({"messages": [{"role": "user", "content": "only a question"}]})" "\n";  // row 42
    text += chatLine("question 3", "answer 3");                                     // row 43 repeats row 4
    text += chatLine("long " + std::string(300, 'x'), "long answer");               // row 44: too long
    text += R"({"messages": [{"role": "wizard", "content": "hm"}, {"role": "assistant", "content": "a"}]})" "\n";
    write(f.root / "chat.jsonl", text);

    ImportRequest request;
    request.file = f.root / "chat.jsonl";
    request.name = "chats";
    request.modelFolder = f.model;
    request.validationShare = 0.2;
    request.encode.maxTokens = 200;
    request.encode.tooLong = TooLongPolicy::Skip;
    std::size_t progressCalls = 0;
    const ImportResult result = importDataset(f.store, f.dataFolder, request, [&](const ImportProgress&) { ++progressCalls; });

    QVERIFY2(result.dataset.has_value(), result.failure.c_str());
    QCOMPARE(result.shape, RecordShape::Messages);
    QCOMPARE(result.report.total(), std::size_t(5));
    QCOMPARE(result.report.count(RowProblemKind::InvalidJson), std::size_t(1));
    QCOMPARE(result.report.count(RowProblemKind::EmptyResponse), std::size_t(1));
    QCOMPARE(result.report.count(RowProblemKind::Duplicate), std::size_t(1));
    QCOMPARE(result.report.count(RowProblemKind::TooLong), std::size_t(1));
    QCOMPARE(result.report.count(RowProblemKind::UnknownRole), std::size_t(1));
    const auto& problems = result.report.problems();
    QCOMPARE(problems[0].row, std::size_t(41));
    QCOMPARE(problems[2].detail.english(), std::string("the same as row 4"));
    QCOMPARE(result.train.rows + result.validation.rows, std::size_t(40));
    QVERIFY(result.validation.rows > 0 && result.validation.rows < 20);
    QVERIFY(progressCalls > 0);

    // A dry run of the same file (the wizard's check) reports the same and adds nothing, even
    // under a name that is taken.
    ImportRequest check = request;
    check.dryRun = true;
    const ImportResult dry = importDataset(f.store, f.dataFolder, check);
    QVERIFY(!dry.dataset);
    QCOMPARE(dry.report.total(), result.report.total());
    QCOMPARE(dry.train.rows, result.train.rows);
    QCOMPARE(f.store.datasets().size(), std::size_t(1));

    // The catalog row, the files, and shards that read back as the encoder wrote them.
    const auto row = f.store.dataset(*result.dataset);
    QVERIFY(row.has_value());
    QCOMPARE(row->trainRows, static_cast<std::int64_t>(result.train.rows));
    QCOMPARE(datasetFolder(f.dataFolder, *row), result.folder);
    QVERIFY(fs::exists(result.folder / "report.csv"));
    const auto stats = nlohmann::json::parse(row->statsJson);
    const fs::path tokens = result.folder / stats["tokens_folder"].get<std::string>();
    const TokenShard train = TokenShard::open(tokens, "train");
    QCOMPARE(train.size(), result.train.rows);
    QCOMPARE(train.tokens(), result.train.tokens);
    std::uint64_t trained = 0;
    for (std::size_t i = 0; i < train.size(); ++i) {
      QCOMPARE(train.ids(i).size(), train.mask(i).size());
      QCOMPARE(train.ids(i).front(), test::kByteImStart);
      for (const std::uint8_t m : train.mask(i)) trained += m;
    }
    QCOMPARE(trained, result.train.trainedTokens);
    std::ifstream examples(result.folder / "examples.jsonl");
    std::size_t lines = 0;
    for (std::string line; std::getline(examples, line);) ++lines;
    QCOMPARE(lines, std::size_t(40));
    QCOMPARE(datasetEntries(f.dataFolder), std::vector<std::string>{result.folder.filename().string()});
  }

  void theSplitFollowsTheSeed() {
    Fixture f;
    std::string text;
    for (int i = 0; i < 200; ++i) text += chatLine("q" + std::to_string(i), "a" + std::to_string(i));
    write(f.root / "chat.jsonl", text);
    ImportRequest request;
    request.file = f.root / "chat.jsonl";
    request.modelFolder = f.model;
    request.validationShare = 0.1;
    std::vector<std::size_t> validationRows;
    for (const std::string name : {"first", "second"}) {
      request.name = name;
      validationRows.push_back(importDataset(f.store, f.dataFolder, request).validation.rows);
    }
    QCOMPARE(validationRows[0], validationRows[1]);
    QVERIFY(validationRows[0] >= 8 && validationRows[0] <= 35);  // 10% of 200, give or take chance
    request.name = "third";
    request.seed = 99;
    const ImportResult other = importDataset(f.store, f.dataFolder, request);
    QCOMPARE(other.train.rows + other.validation.rows, std::size_t(200));
  }

  void failuresLeaveNoTrace() {
    Fixture f;
    write(f.root / "bad.jsonl", "{nope\n{\"messages\": []}\n");
    ImportRequest request;
    request.file = f.root / "bad.jsonl";
    request.name = "bad";
    request.modelFolder = f.model;
    request.shape = RecordShape::Messages;
    const ImportResult nothing = importDataset(f.store, f.dataFolder, request);
    QVERIFY(!nothing.dataset);
    QVERIFY(nothing.failure.find("no row could be used") != std::string::npos);
    QCOMPARE(nothing.report.total(), std::size_t(2));
    QVERIFY(f.store.datasets().empty());
    QVERIFY(datasetEntries(f.dataFolder).empty());

    // Cancelled halfway: no row, no folder.
    std::string text;
    for (int i = 0; i < 3000; ++i) text += chatLine("q" + std::to_string(i), "a");
    write(f.root / "many.jsonl", text);
    request.file = f.root / "many.jsonl";
    request.shape.reset();
    std::stop_source stop;
    const ImportResult cancelled =
        importDataset(f.store, f.dataFolder, request, [&](const ImportProgress& p) { if (p.rows > 1000) stop.request_stop(); },
                      stop.get_token());
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.dataset);
    QVERIFY(f.store.datasets().empty());
    QVERIFY(datasetEntries(f.dataFolder).empty());

    // What a killed import leaves (a staging folder of a process that is gone) goes at the next.
    fs::create_directories(f.dataFolder / "datasets" / ".staging-999999999-d-dead");
    request.name = "good";
    const ImportResult good = importDataset(f.store, f.dataFolder, request);
    QVERIFY(good.dataset);
    QCOMPARE(datasetEntries(f.dataFolder), std::vector<std::string>{good.folder.filename().string()});

    // A name that is taken, and chats for a model without a template: refused before any file.
    QVERIFY_THROWS_EXCEPTION(Error, importDataset(f.store, f.dataFolder, request));
    request.name = "no template";
    request.modelFolder = writeModel(f.root / "base-model", false);
    try {
      importDataset(f.store, f.dataFolder, request);
      QFAIL("chats were imported for a model without a chat template");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("no usable chat template") != std::string::npos, error.what());
    }
    QCOMPARE(f.store.datasets().size(), std::size_t(1));
  }

  // Issue 20 item 15: a source file that changes during the import is refused in words, leaving
  // nothing, whether its size changes or only its content (the modification time put back).
  void aSourceThatChangesDuringTheImportIsRefused() {
    Fixture f;
    std::string text;
    for (int i = 0; i < 3000; ++i) text += chatLine("q" + std::to_string(i), "a");
    ImportRequest request;
    request.name = "moving";
    request.modelFolder = f.model;
    bool changed = false;
    const auto refused = [&](const std::function<void()>& change) {
      changed = false;
      try {
        importDataset(f.store, f.dataFolder, request, [&](const ImportProgress&) {
          if (!std::exchange(changed, true)) change();
        });
        QFAIL("a file that changed during the import was imported");
      } catch (const Error& error) {
        const std::string message = error.what();
        QVERIFY2(message.find(request.file.string() + " changed while it was being imported") != std::string::npos, error.what());
      }
      QVERIFY(changed);
      QVERIFY(f.store.datasets().empty());
      QVERIFY(datasetEntries(f.dataFolder).empty());
    };
    request.file = f.root / "growing.jsonl";
    write(request.file, text);
    refused([&] { std::ofstream(request.file, std::ios::app) << chatLine("late", "row"); });

    request.file = f.root / "quiet.jsonl";
    write(request.file, text);
    const auto modified = fs::last_write_time(request.file);
    refused([&] {
      std::fstream file(request.file, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(static_cast<std::streamoff>(text.find("\"q1\"") + 1));
      file << 'Q';
      file.close();
      fs::last_write_time(request.file, modified);
    });
  }

  void completionsAndTextsNeedNoTemplate() {
    Fixture f;
    const fs::path base = writeModel(f.root / "base", false);
    write(f.root / "qa.csv", "question,answer\n\"What is 2+2?\",4\n\"Capital of France?\",\"Paris\"\n");
    ImportRequest request;
    request.file = f.root / "qa.csv";
    request.name = "qa";
    request.modelFolder = base;
    request.validationShare = 0;
    request.shape = RecordShape::PromptCompletion;
    request.mapping = FieldMapping::parse("prompt=question,completion=answer");
    const ImportResult result = importDataset(f.store, f.dataFolder, request);
    QVERIFY2(result.dataset.has_value(), result.failure.c_str());
    QCOMPARE(result.train.rows, std::size_t(2));
    const auto stats = nlohmann::json::parse(f.store.dataset(*result.dataset)->statsJson);
    const TokenShard train = TokenShard::open(result.folder / stats["tokens_folder"].get<std::string>(), "train");
    const auto ids = train.ids(0);
    QCOMPARE(ids.back(), test::kByteEos);
    QCOMPARE(std::string(ids.begin(), ids.end() - 1), std::string("What is 2+2?4"));
    QCOMPARE(train.mask(0)[0], std::uint8_t(0));
    QCOMPARE(train.mask(0)[ids.size() - 2], std::uint8_t(1));
  }

  // Text documents for continued pre-training: every .md/.txt file of a folder, cut into
  // overlapping windows; an unreadable or empty file is reported, the others are used.
  void textFoldersAreCutIntoOverlappingWindows() {
    Fixture f;
    const fs::path docs = f.root / "docs";
    std::string long150(149, 'a');
    long150 += '\n';
    write(docs / "a-long.md", long150);
    write(docs / "b-short.txt", "short note\n");
    write(docs / "c-empty.txt", "");
    write(docs / "sub" / "d-latin1.txt", "caf\xe9 cr\xe8me\n");
    write(docs / "ignored.jsonl", "{}\n");
    ImportRequest request;
    request.file = docs;
    request.name = "docs";
    request.modelFolder = f.model;
    request.validationShare = 0;
    request.encode.maxTokens = 64;
    request.chunkOverlap = 16;
    const ImportResult result = importDataset(f.store, f.dataFolder, request);
    QVERIFY2(result.dataset.has_value(), result.failure.c_str());
    QCOMPARE(result.shape, RecordShape::Text);
    // 150 bytes + </s> = 151 tokens: windows at 0, 48 and 96 (the last 55 long); "short note\n" + </s>.
    const auto stats = nlohmann::json::parse(f.store.dataset(*result.dataset)->statsJson);
    const TokenShard train = TokenShard::open(result.folder / stats["tokens_folder"].get<std::string>(), "train");
    QCOMPARE(train.size(), std::size_t(4));
    QCOMPARE(train.ids(0).size(), std::size_t(64));
    QCOMPARE(train.ids(1).size(), std::size_t(64));
    QCOMPARE(train.ids(2).size(), std::size_t(55));
    QCOMPARE(train.ids(2).back(), test::kByteEos);
    QCOMPARE(train.ids(3).size(), std::size_t(12));
    QVERIFY(std::equal(train.ids(0).begin() + 48, train.ids(0).end(), train.ids(1).begin()));  // the overlap
    QCOMPARE(result.report.count(RowProblemKind::EmptyField), std::size_t(1));
    QCOMPARE(result.report.count(RowProblemKind::UnreadableFile), std::size_t(1));
    const RowProblem& unreadable = result.report.problems().back();
    QVERIFY2(unreadable.detail.english().find("d-latin1.txt") != std::string::npos,
             unreadable.detail.english().c_str());
  }

  // Training another model on a dataset builds that model's tokens from the stored examples: the
  // same samples an import for that model makes, and again when the folder went missing.
  void tokensAreRebuiltForAnotherModel() {
    Fixture f;
    std::string text;
    for (int i = 0; i < 50; ++i) text += chatLine("question " + std::to_string(i), "answer " + std::to_string(i));
    write(f.root / "chat.jsonl", text);
    // Another tokenizer: the byte tokenizer with a merge ("a" "n" -> "an" = 260).
    nlohmann::json other = nlohmann::json::parse(test::byteTokenizerJson());
    other["model"]["vocab"]["an"] = 260;
    other["model"]["merges"].push_back("a n");
    const fs::path otherModel = writeModel(f.root / "other-model");
    write(otherModel / "tokenizer.json", other.dump());

    ImportRequest request;
    request.file = f.root / "chat.jsonl";
    request.name = "for the first";
    request.modelFolder = f.model;
    request.validationShare = 0.2;
    const ImportResult first = importDataset(f.store, f.dataFolder, request);
    request.name = "for the other";
    request.modelFolder = otherModel;
    const ImportResult direct = importDataset(f.store, f.dataFolder, request);

    const fs::path rebuilt = ensureTokenFolder(f.dataFolder, *f.store.dataset(*first.dataset), otherModel);
    QVERIFY(rebuilt.parent_path() == first.folder);
    const auto directStats = nlohmann::json::parse(f.store.dataset(*direct.dataset)->statsJson);
    for (const std::string split : {"train", "validation"}) {
      const TokenShard a = TokenShard::open(rebuilt, split);
      const TokenShard b = TokenShard::open(direct.folder / directStats["tokens_folder"].get<std::string>(), split);
      QCOMPARE(a.size(), b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY(std::equal(a.ids(i).begin(), a.ids(i).end(), b.ids(i).begin(), b.ids(i).end()));
        QVERIFY(std::equal(a.mask(i).begin(), a.mask(i).end(), b.mask(i).begin(), b.mask(i).end()));
      }
    }
    bool merged = false;
    const TokenShard rebuiltTrain = TokenShard::open(rebuilt, "train");  // the ids are views into its mapping
    for (const std::int32_t id : rebuiltTrain.ids(0)) merged |= id == 260;
    QVERIFY(merged);  // "answer" went through the other tokenizer

    fs::remove_all(rebuilt);
    QCOMPARE(ensureTokenFolder(f.dataFolder, *f.store.dataset(*first.dataset), otherModel), rebuilt);
    QCOMPARE(TokenShard::open(rebuilt, "train").size(), direct.train.rows);
  }
};

QTEST_GUILESS_MAIN(DatasetImportTest)
#include "tst_dataset_import.moc"
