// Dataset files into records and examples: encodings (UTF-8 with and without BOM, UTF-16 both
// ways, legacy encodings named in the error), CSV/TSV as RFC 4180 says, JSON lines and streamed
// JSON arrays with row and line numbers, the five record shapes with their detection, and every
// row problem a file can have.
#include <QTest>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/data/csv_reader.h"
#include "core/data/record_reader.h"
#include "core/data/record_shape.h"
#include "core/data/text_encoding.h"
#include "core/data/validation_report.h"
#include "core/util/error.h"
#include "formats/safetensors_test_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::data;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

std::vector<RawRecord> readAll(const fs::path& file) {
  std::vector<RawRecord> records;
  readRecords(file, detectFileFormat(file), [&](RawRecord&& record, const ReadProgress&) {
    records.push_back(std::move(record));
    return true;
  });
  return records;
}

std::string utf16(const std::u16string& text, bool bigEndian, bool bom) {
  std::string bytes;
  auto put = [&](char16_t unit) {
    const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    bytes += bigEndian ? high : low;
    bytes += bigEndian ? low : high;
  };
  if (bom) put(0xFEFF);
  for (const char16_t unit : text) put(unit);
  return bytes;
}

}  // namespace

class DatasetReadersTest : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder_;

  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(folder_ / name, std::ios::binary) << bytes;
    return folder_ / name;
  }

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    folder_ = scratch_->path().toStdString();
  }

  void utf8Validation() {
    QVERIFY(!firstInvalidUtf8("plain, caf\xc3\xa9, \xe6\x97\xa5\xe6\x9c\xac, \xf0\x9f\x98\x80"));
    QCOMPARE(*firstInvalidUtf8("ab\xc0\xafz"), std::size_t(2));          // overlong "/"
    QCOMPARE(*firstInvalidUtf8("a\xed\xa0\x80"), std::size_t(1));        // a surrogate
    QCOMPARE(*firstInvalidUtf8("a\xf4\x90\x80\x80"), std::size_t(1));    // above U+10FFFF
    QCOMPARE(*firstInvalidUtf8("caf\xe9 au lait"), std::size_t(3));      // Latin-1
    QVERIFY(!firstInvalidUtf8("end \xe6\x97", true));                    // cut by the chunk end
    QVERIFY(firstInvalidUtf8("end \xe6\x97", false));
  }

  void utf16FilesAreConverted_data() {
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<bool>("bom");
    QTest::newRow("LE with BOM") << false << true;
    QTest::newRow("BE with BOM") << true << true;
    QTest::newRow("LE without BOM") << false << false;
    QTest::newRow("BE without BOM") << true << false;
  }
  void utf16FilesAreConverted() {
    QFETCH(bool, bigEndian);
    QFETCH(bool, bom);
    const fs::path file =
        write("chat.jsonl", utf16(u"{\"text\": \"caf\u00e9 \U0001F600 \u65e5\u672c\"}\n{\"text\": \"second\"}\n", bigEndian, bom));
    const FileFormat format = detectFileFormat(file);
    QVERIFY(format.encoding == (bigEndian ? TextEncoding::Utf16BE : TextEncoding::Utf16LE));
    const auto records = readAll(file);
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE((*records[0].value)["text"].get<std::string>(), std::string("caf\xc3\xa9 \xf0\x9f\x98\x80 \xe6\x97\xa5\xe6\x9c\xac"));
    QCOMPARE(records[1].line, std::size_t(2));
  }

  void legacyEncodingsAreNamed() {
    const fs::path latin = write("latin.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"caf\xe9 cr\xe8me br\xfbl\xe9\xe9\"}\n");
    const std::string latinError = test::errorOf([&] { readAll(latin); });
    QVERIFY2(latinError.find("latin.jsonl line 2: the file is not UTF-8 text; it looks like Windows-1252 or Latin-1") !=
                 std::string::npos,
             latinError.c_str());
    // "日本語のテキスト" in Shift JIS.
    const fs::path sjis = write("sjis.csv", "text\n\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\n");
    const std::string sjisError = test::errorOf([&] { readAll(sjis); });
    QVERIFY2(sjisError.find("Shift JIS") != std::string::npos, sjisError.c_str());
  }

  void csvFollowsRfc4180() {
    const fs::path file = write("data.csv",
                                "\xef\xbb\xbfprompt,completion\r\n"
                                "\"Hello, world\",\"Say \"\"hi\"\"\"\r\n"
                                "\"two\nlines\",plain\r\n"
                                "\r\n"
                                "a \"quoted\" word,x\r\n"
                                "\"closed\"tail,y\r\n"
                                "only one column\r\n"
                                "last,no newline at the end");
    const FileFormat format = detectFileFormat(file);
    QVERIFY(format.container == Container::Csv);
    QCOMPARE(format.delimiter, ',');
    QVERIFY(format.encoding == TextEncoding::Utf8WithBom);
    const auto records = readAll(file);
    QCOMPARE(records.size(), std::size_t(6));
    QCOMPARE((*records[0].value)["prompt"].get<std::string>(), std::string("Hello, world"));
    QCOMPARE((*records[0].value)["completion"].get<std::string>(), std::string("Say \"hi\""));
    QCOMPARE((*records[1].value)["prompt"].get<std::string>(), std::string("two\nlines"));
    QCOMPARE(records[1].line, std::size_t(3));
    QCOMPARE((*records[2].value)["prompt"].get<std::string>(), std::string("a \"quoted\" word"));
    QCOMPARE(records[2].line, std::size_t(6));  // the blank line 5 is skipped
    QVERIFY(records[3].problem && records[3].problem->kind == RowProblemKind::BadCsvRow);
    QVERIFY(records[4].problem && records[4].problem->detail.english().find("2 columns") == std::string::npos);
    QVERIFY(records[4].problem->detail.english().find("1 columns, the header 2") != std::string::npos);
    QCOMPARE((*records[5].value)["completion"].get<std::string>(), std::string("no newline at the end"));
  }

  void csvDelimitersAreSniffed() {
    QCOMPARE(*sniffDelimiter("a;b;c\n1;2;3\n4;\"5;6\";7\n"), ';');
    QCOMPARE(*sniffDelimiter("a\tb\n1,5\t2\n"), '\t');
    QCOMPARE(*sniffDelimiter("a|b\n1|2\n"), '|');
    QVERIFY(!sniffDelimiter("just a sentence\nand another\n"));
    const fs::path tsv = write("data.tsv", "instruction\tinput\toutput\nAdd\t1 2\t3\n");
    QCOMPARE(detectFileFormat(tsv).delimiter, '\t');
    QCOMPARE((*readAll(tsv)[0].value)["output"].get<std::string>(), std::string("3"));
  }

  void csvUnclosedQuoteNamesItsLine() {
    const fs::path file = write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
    const std::string error = test::errorOf([&] { readAll(file); });
    QVERIFY2(error.find("open.csv line 3: a quoted field is never closed") != std::string::npos, error.c_str());
  }

  void jsonLinesReportBadLines() {
    const fs::path file = write("data.jsonl", "{\"text\": \"a\"}\n\n{\"text\": \"b\",}\n[1, 2]\n{\"text\": \"c\"}\n");
    const auto records = readAll(file);
    QCOMPARE(records.size(), std::size_t(4));
    QVERIFY(records[1].problem);
    QCOMPARE(records[1].problem->kind, RowProblemKind::InvalidJson);
    QCOMPARE(records[1].line, std::size_t(3));
    QCOMPARE(records[1].row, std::size_t(2));
    QCOMPARE(records[3].line, std::size_t(5));
    QVERIFY(mapRecord(*records[2].value, RecordShape::Text, {}).problem->kind == RowProblemKind::NotAnObject);
  }

  void jsonArraysStreamElements() {
    const fs::path file = write("data.json",
                                "[\n  {\"instruction\": \"Add\", \"input\": \"1 2\", \"output\": \"3\"},\n"
                                "  {\"instruction\": \"Say\",\n   \"output\": \"hi\", \"nested\": {\"a\": [1, {\"b\": 2}]}}\n]\n");
    QVERIFY(detectFileFormat(file).container == Container::JsonArray);
    const auto records = readAll(file);
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE(records[0].line, std::size_t(2));
    QCOMPARE(records[1].line, std::size_t(3));
    QCOMPARE((*records[1].value)["nested"]["a"][1]["b"].get<int>(), 2);
    const fs::path cut = write("cut.json", "[\n{\"text\": \"a\"},\n{\"text\": \"b\"\n");
    const std::string error = test::errorOf([&] { readAll(cut); });
    QVERIFY2(error.find("cut.json line") != std::string::npos && error.find("malformed or cut off") != std::string::npos,
             error.c_str());
  }

  // One line pasted from another encoding into a UTF-8 file is a row problem with its line; the
  // rest is read. (A file mostly in another encoding is refused: legacyEncodingsAreNamed.)
  void aLineThatIsNotUtf8IsARowProblem() {
    std::string lines, csv = "prompt,completion\n";
    for (int i = 1; i <= 30; ++i) {
      const std::string text = i == 7 ? "caf\xe9 cr\xe8me" : "caf\xc3\xa9 " + std::to_string(i);
      lines += "{\"text\": \"" + text + "\"}\n";
      csv += "\"" + text + "\nsecond line\",x\n";
    }
    const auto records = readAll(write("mixed.jsonl", lines));
    QCOMPARE(records.size(), std::size_t(30));
    for (const RawRecord& record : records) QCOMPARE(bool(record.problem), record.line == 7);
    QCOMPARE(records[6].problem->kind, RowProblemKind::NotUtf8);
    QCOMPARE(records[6].problem->line, std::size_t(7));
    QVERIFY2(records[6].problem->detail.english().find("line 7 is not UTF-8 text (it looks like Windows-1252") !=
                 std::string::npos,
             records[6].problem->detail.english().c_str());
    QCOMPARE((*records[29].value)["text"].get<std::string>(), std::string("caf\xc3\xa9 30"));

    const auto rows = readAll(write("mixed.csv", csv));
    QCOMPARE(rows.size(), std::size_t(30));
    for (const RawRecord& record : rows) QCOMPARE(bool(record.problem), record.row == 7);
    QCOMPARE(rows[6].problem->kind, RowProblemKind::NotUtf8);
    QCOMPARE(rows[6].problem->line, std::size_t(14));  // the record's first line: 2 + 2 × 6
    QCOMPARE((*rows[7].value)["prompt"].get<std::string>(), std::string("caf\xc3\xa9 8\nsecond line"));
  }

  // A row over kMaxRowBytes is reported with its line and read past without being held whole; the
  // rows after it are read.
  void rowsOverTheLimitAreRowProblems() {
    const std::string huge(kMaxRowBytes + 10, 'x');
    const auto records = readAll(write("huge.jsonl", "{\"text\": \"a\"}\n{\"text\": \"" + huge + "\"}\n{\"text\": \"c\"}\n"));
    QCOMPARE(records.size(), std::size_t(3));
    QVERIFY(records[1].problem && !records[1].value);
    QCOMPARE(records[1].problem->kind, RowProblemKind::RowTooLarge);
    QCOMPARE(records[1].problem->line, std::size_t(2));
    QVERIFY2(records[1].problem->detail.english().find("at most 16 MiB") != std::string::npos,
             records[1].problem->detail.english().c_str());
    QCOMPARE((*records[2].value)["text"].get<std::string>(), std::string("c"));

    const auto rows = readAll(write("huge.csv", "prompt,completion\na,b\n\"" + huge + "\n\",y\nc,d\n"));
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1].problem->kind, RowProblemKind::RowTooLarge);
    QCOMPARE(rows[1].problem->line, std::size_t(3));
    QCOMPARE((*rows[2].value)["completion"].get<std::string>(), std::string("d"));
    QCOMPARE(rows[2].line, std::size_t(5));
  }

  // 400k keys in one JSON line, 400k columns in a CSV: quadratic building took 39 s and 108 s for
  // 100k (so minutes here, past the test's timeout); linear building takes about a second.
  void wideRecordsAreReadInLinearTime() {
    constexpr std::size_t kWidth = 400000;
    std::string line = "{", header, row;
    for (std::size_t i = 0; i < kWidth; ++i) {
      line += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
      header += (i ? ",c" : "c") + std::to_string(i);
      row += (i ? "," : "") + std::to_string(i);
    }
    const auto records = readAll(write("wide.jsonl", line + "}\n"));
    QCOMPARE(records.at(0).value->size(), kWidth);
    const auto rows = readAll(write("wide.csv", header + "\n" + row + "\n"));
    QCOMPARE(rows.at(0).value->size(), kWidth);
    QCOMPARE((*rows[0].value)["c399999"].get<std::string>(), std::string("399999"));
  }

  // Nesting that would overflow the stack later: a JSON line is a row problem; an element of a
  // JSON array stops the file with its line. A FIFO is refused instead of blocking.
  void deepNestingAndSpecialFilesAreRefused() {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto records = readAll(write("deep.jsonl", "{\"text\": \"a\"}\n{\"text\": " + deep + "}\n{\"text\": \"c\"}\n"));
    QCOMPARE(records.size(), std::size_t(3));
    QCOMPARE(records[1].problem->kind, RowProblemKind::InvalidJson);
    QVERIFY2(records[1].problem->detail.english().find("deeper than 256 levels") != std::string::npos,
             records[1].problem->detail.english().c_str());
    QVERIFY(records[2].value);
    const std::string error = test::errorOf([&] { readAll(write("deep.json", "[\n{\"text\": \"a\"},\n{\"text\": " + deep + "}]")); });
    QVERIFY2(error.find("deep.json line 3: the JSON nests") != std::string::npos, error.c_str());

    const fs::path fifo = folder_ / "fifo.jsonl";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string fifoError = test::errorOf([&] { (void)detectFileFormat(fifo); });
    QVERIFY2(fifoError.find("fifo.jsonl: is a pipe (FIFO), not a regular file") != std::string::npos, fifoError.c_str());
    const std::string readError = test::errorOf([&] { readRecords(fifo, FileFormat{}, [](RawRecord&&, const ReadProgress&) { return true; }); });
    QVERIFY2(readError.find("not a regular file") != std::string::npos, readError.c_str());
  }

  void readingCanBeCancelled() {
    std::string lines;
    for (int i = 0; i < 100; ++i) lines += "{\"text\": \"row " + std::to_string(i) + "\"}\n";
    const fs::path file = write("many.jsonl", lines);
    int seen = 0;
    const bool finished = readRecords(file, detectFileFormat(file), [&](RawRecord&&, const ReadProgress& progress) {
      [&] { QVERIFY(progress.bytesRead <= progress.fileBytes); }();
      return ++seen < 10;
    });
    QVERIFY(!finished);
    QCOMPARE(seen, 10);
  }

  void shapesBecomeExamples() {
    const auto alpaca = mapRecord(json::parse(R"({"instruction":"Add","input":"1 2","output":"3"})"), RecordShape::Alpaca, {});
    QVERIFY(alpaca.example);
    QCOMPARE(alpaca.example->messages.size(), std::size_t(2));
    QCOMPARE(alpaca.example->messages[0].content, std::string("Add\n\n1 2"));
    QCOMPARE(alpaca.example->messages[1].role, std::string("assistant"));

    const auto share = mapRecord(json::parse(R"({"conversations":[{"from":"system","value":"Be brief"},
        {"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"}]})"), RecordShape::ShareGpt, {});
    QVERIFY(share.example);
    QCOMPARE(share.example->messages[1].role, std::string("user"));
    QCOMPARE(share.example->messages[2].role, std::string("assistant"));

    const auto messages = mapRecord(json::parse(R"({"messages":[{"role":"user","content":"Q"},
        {"role":"assistant","content":"A"}]})"), RecordShape::Messages, {});
    QVERIFY(messages.example);

    FieldMapping mapping = FieldMapping::parse("prompt=question,completion=answer");
    const auto qa = mapRecord(json::parse(R"({"question":"Why?","answer":"Because."})"), RecordShape::PromptCompletion, mapping);
    QVERIFY(qa.example);
    QCOMPARE(qa.example->completion, std::string("Because."));
    QVERIFY(test::errorOf([] { FieldMapping::parse("answer=x"); }).find("\"answer\" is not a part") != std::string::npos);
  }

  void rowProblemsAreNamed_data() {
    QTest::addColumn<QString>("record");
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("missing") << R"({"instruction":"x"})" << int(RecordShape::Alpaca) << int(RowProblemKind::MissingField)
                             << "\"output\" is missing";
    QTest::newRow("empty output") << R"({"instruction":"x","output":"  "})" << int(RecordShape::Alpaca)
                                  << int(RowProblemKind::EmptyResponse) << "\"output\" is empty";
    QTest::newRow("empty instruction") << R"({"instruction":"","output":"y"})" << int(RecordShape::Alpaca)
                                       << int(RowProblemKind::EmptyField) << "\"instruction\" is empty";
    QTest::newRow("wrong type") << R"({"text":42})" << int(RecordShape::Text) << int(RowProblemKind::WrongType)
                                << "should be text";
    QTest::newRow("unknown role") << R"({"messages":[{"role":"narrator","content":"x"}]})" << int(RecordShape::Messages)
                                  << int(RowProblemKind::UnknownRole) << "\"narrator\"";
    QTest::newRow("no answer") << R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":""}]})"
                               << int(RecordShape::Messages) << int(RowProblemKind::EmptyResponse) << "no assistant turn";
    QTest::newRow("empty completion") << R"({"prompt":"p","completion":""})" << int(RecordShape::PromptCompletion)
                                      << int(RowProblemKind::EmptyResponse) << "\"completion\" is empty";
  }
  void rowProblemsAreNamed() {
    QFETCH(QString, record);
    QFETCH(int, shape);
    QFETCH(int, kind);
    QFETCH(QString, detail);
    const MappedRecord mapped = mapRecord(json::parse(record.toStdString()), static_cast<RecordShape>(shape), {});
    QVERIFY(!mapped.example);
    QVERIFY(mapped.problem);
    QCOMPARE(int(mapped.problem->kind), kind);
    QVERIFY2(mapped.problem->detail.english().find(detail.toStdString()) != std::string::npos,
             mapped.problem->detail.english().c_str());
  }

  void reportCountsAndExportsEveryProblem() {
    ValidationReport report;
    report.add({3, 4, RowProblemKind::InvalidJson, "not valid JSON at character 7"});
    report.add({5, 9, RowProblemKind::EmptyResponse, "the field \"output\" is empty, really"});
    report.add({6, 10, RowProblemKind::EmptyResponse, "x"});
    QCOMPARE(report.total(), std::size_t(3));
    QCOMPARE(report.count(RowProblemKind::EmptyResponse), std::size_t(2));
    QCOMPARE(report.count(RowProblemKind::Duplicate), std::size_t(0));
    const fs::path file = folder_ / "report.csv";
    report.saveCsv(file);
    const auto records = readAll(file);  // our own CSV reader reads it back
    QCOMPARE(records.size(), std::size_t(3));
    QCOMPARE((*records[1].value)["detail"].get<std::string>(), std::string("the field \"output\" is empty, really"));
    QCOMPARE((*records[1].value)["reason"].get<std::string>(), std::string("empty response"));
    QCOMPARE((*records[0].value)["line"].get<std::string>(), std::string("4"));
  }

  void duplicatesAreExact() {
    DuplicateFilter filter;
    std::size_t first = 0;
    Example a;
    a.messages = {{"user", "hi"}, {"assistant", "hello"}};
    Example b = a;
    Example c = a;
    c.messages[1].content = "hello ";
    Example d;
    d.messages = {{"user", "hihello"}};  // the same characters in other fields
    QVERIFY(filter.firstTime(a, 1, first));
    QVERIFY(!filter.firstTime(b, 2, first));
    QCOMPARE(first, std::size_t(1));
    QVERIFY(filter.firstTime(c, 3, first));
    QVERIFY(filter.firstTime(d, 4, first));
  }

  void shapesAreDetected() {
    std::vector<json> sample = {json::parse(R"({"instruction":"a","output":"b"})"),
                                json::parse(R"({"instruction":"c","input":"d","output":""})"),
                                json::parse(R"({"text":"stray"})")};
    const auto guess = detectShape(sample);
    QVERIFY(guess);
    QVERIFY(guess->shape == RecordShape::Alpaca);
    QVERIFY(std::abs(guess->confidence - 2.0 / 3.0) < 1e-9);
    const auto messages = detectShape({json::parse(R"({"messages":[{"role":"user","content":"q"}]})")});
    QVERIFY(messages && messages->shape == RecordShape::Messages);
    QVERIFY(!detectShape({json::parse(R"({"foo":1})")}));
  }
};

QTEST_GUILESS_MAIN(DatasetReadersTest)
#include "tst_dataset_readers.moc"
