// The clean-up every reader's text goes through, Markdown and plain text into blocks, and the
// chunker: whole passages up to a token length with overlap, a long passage cut at sentences,
// headings kept with what follows, pages and sections carried, near-duplicates dropped. The byte
// tokenizer makes every byte a token, so expected lengths are written down from the text.
#include <QTest>

#include "core/documents/document_chunks.h"
#include "core/documents/markdown_text.h"
#include "core/documents/text_cleanup.h"
#include "core/util/error.h"
#include "support/byte_tokenizer.h"

using namespace tiertune;
using namespace tiertune::documents;
using Kind = SourceBlock::Kind;

namespace {

formats::tokenizer::Tokenizer byteTokenizer() {
  return formats::tokenizer::Tokenizer::fromJson(test::byteTokenizerJson(), "", "byte tokenizer");
}

Document documentOf(std::vector<Passage> passages) {
  Document document;
  document.passages = std::move(passages);
  return document;
}

std::string words(std::size_t count, const std::string& stem) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i ? " " : "") + stem + std::to_string(i);
  return out;
}

}  // namespace

class TestDocumentText : public QObject {
  Q_OBJECT

 private slots:
  void cleanTextJoinsLinesAndSpellsOutWhatTypesettingDid() {
    QCOMPARE(cleanText("The \xEF\xAC\x81nal  re\xC2\xADport\n  is   attached."), std::string("The final report is attached."));
    QCOMPARE(cleanText("an annu-\nal review"), std::string("an annual review"));
    QCOMPARE(cleanText("Jean-\nPierre wrote"), std::string("Jean-Pierre wrote"));
    QCOMPARE(cleanText("ends with a dash -\nnext"), std::string("ends with a dash - next"));
    QCOMPARE(cleanText("no\xC2\xA0" "break\xE2\x80\x8B" "here\r\nand\tthere"), std::string("no breakhere and there"));
    QCOMPARE(cleanText("e\xEF\xAC\x80" "ort, \xEF\xAC\x82oor, \xEF\xAC\x83" "ce, \xEF\xAC\x84" "e"),
             std::string("effort, floor, ffice, ffle"));
    QCOMPARE(cleanText("bad \xFF byte"), std::string("bad \xEF\xBF\xBD byte"));  // replaced, never passed on
    QCOMPARE(cleanText(" \n \n"), std::string());
    QCOMPARE(cleanPreformatted("\n  int x;  \n\n\n  return x;\n\n"), std::string("  int x;\n\n\n  return x;"));
  }

  void cleanDocumentMakesPassagesWithSectionsAndTables() {
    SourceText source;
    source.blocks = {{Kind::Paragraph, "Before any heading.", 0, 2, false},
                     {Kind::Heading, "Leave", 1, 2, false},
                     {Kind::TableRow, "Grade | Days", 0, 2, false},
                     {Kind::TableRow, "Junior | 20", 0, 2, false},
                     {Kind::Paragraph, "  ", 0, 3, false},
                     {Kind::TableRow, "Senior | 25", 0, 3, false},
                     {Kind::Heading, "Sick", 2, 3, false},
                     {Kind::Paragraph, "Call in.", 0, 3, false}};
    const Document document = cleanDocument(source, "policy.md", "markdown");
    QCOMPARE(document.title, std::string("Leave"));
    QCOMPARE(document.passages.size(), std::size_t{6});
    QCOMPARE(document.passages[0].section, std::string());
    QCOMPARE(document.passages[2].text, std::string("Grade | Days\nJunior | 20"));
    QCOMPARE(document.passages[2].section, std::string("Leave"));
    QCOMPARE(document.passages[3].text, std::string("Senior | 25"));  // another page: another table passage
    QCOMPARE(document.passages[3].page, 3);
    QCOMPARE(document.passages[5].section, std::string("Sick"));
    QCOMPARE(document.words(), std::size_t{13});
    QCOMPARE(cleanDocument({}, "dir/notes.txt", "text").title, std::string("notes"));
  }

  void markdownBecomesBlocks() {
    const SourceText source = markdownBlocks(
        "---\ntitle: \"Team Guide\"\nauthor: x\n---\n"
        "# Getting *started*\n\nRead the [guide](http://x.example) and **sign** the `form`.\nIt takes a day.\n\n"
        "Setext heading\n--------------\n\n"
        "- first item\n- second item\n  continues\n\n"
        "> a quote\n\n"
        "| Name | Days |\n|---|---:|\n| Alice | 12 |\n| Bob \\| Jr | 3 |\n\n"
        "<!-- a comment\nover lines -->\n"
        "```\ncode  line\n\n  indented\n```\n"
        "***\n"
        "![diagram](d.png) shows it.\n");
    QCOMPARE(source.title, std::string("Team Guide"));
    std::vector<std::tuple<Kind, std::string, int, bool>> got;
    for (const SourceBlock& block : source.blocks) got.emplace_back(block.kind, block.text, block.level, block.preformatted);
    const std::vector<std::tuple<Kind, std::string, int, bool>> expected = {
        {Kind::Heading, "Getting started", 1, false},
        {Kind::Paragraph, "Read the guide and sign the form.\nIt takes a day.\n", 0, false},
        {Kind::Heading, "Setext heading", 2, false},
        {Kind::Paragraph, "first item\n", 0, false},
        {Kind::Paragraph, "second item\n  continues\n", 0, false},
        {Kind::Paragraph, "a quote\n", 0, false},
        {Kind::TableRow, "Name | Days", 0, false},
        {Kind::TableRow, "Alice | 12", 0, false},
        {Kind::TableRow, "Bob | Jr | 3", 0, false},
        {Kind::Paragraph, "code  line\n\n  indented\n", 0, true},
        {Kind::Paragraph, "diagram shows it.\n", 0, false},
    };
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
      QCOMPARE(QString::fromStdString(std::get<1>(got[i])), QString::fromStdString(std::get<1>(expected[i])));
      QVERIFY2(got[i] == expected[i], ("block " + std::to_string(i)).c_str());
    }
    QCOMPARE(got.size(), expected.size());
  }

  void plainTextIsParagraphsAtBlankLines() {
    const SourceText source = plainTextBlocks("one\ntwo\n\n\nthree\r\n");
    QCOMPARE(source.blocks.size(), std::size_t{2});
    QCOMPARE(source.blocks[0].text, std::string("one\ntwo\n"));
    QCOMPARE(cleanText(source.blocks[1].text), std::string("three"));
  }

  void chunksPackWholePassagesWithOverlapAndProvenance() {
    // Six paragraphs of 30 bytes (tokens) on pages 1..3, chunks of 100 with an overlap of 40.
    std::vector<Passage> passages;
    for (int i = 0; i < 6; ++i) {
      passages.push_back({Passage::Kind::Paragraph, "Paragraph " + std::to_string(i) + " is thirty bytes...", 1 + i / 2,
                          i < 3 ? "A" : "B"});
    }
    QCOMPARE(passages[0].text.size(), std::size_t{30});
    const ChunkResult result = chunkDocuments({documentOf(passages)}, byteTokenizer(), {100, 40, 0.8});
    // 30 + 2 + 30 + 2 + 30 = 94 fits; a fourth would not. The next starts with the last paragraph
    // (30 <= 40 shared tokens).
    QCOMPARE(result.chunks.size(), std::size_t{3});
    QCOMPARE(result.chunks[0].text, passages[0].text + "\n\n" + passages[1].text + "\n\n" + passages[2].text);
    QCOMPARE(result.chunks[0].tokens, std::size_t{94});
    QCOMPARE(result.chunks[0].firstPage, 1);
    QCOMPARE(result.chunks[0].lastPage, 2);
    QCOMPARE(result.chunks[0].section, std::string("A"));
    QVERIFY(result.chunks[1].text.starts_with(passages[2].text));
    QCOMPARE(result.chunks[1].section, std::string("A"));
    QCOMPARE(result.chunks[2].text, passages[4].text + "\n\n" + passages[5].text);
    QCOMPARE(result.chunks[2].lastPage, 3);
    for (const Chunk& chunk : result.chunks) QVERIFY(chunk.tokens <= 100);
    QCOMPARE(result.nearDuplicates, std::size_t{0});
  }

  void aLongPassageIsCutAtSentencesAndAHeadingGoesWithItsText() {
    std::string paragraph;
    for (int i = 0; i < 8; ++i) paragraph += (i ? " " : "") + std::string("Sentence number ") + std::to_string(i) + " ends.";
    const std::vector<Passage> passages = {{Passage::Kind::Paragraph, std::string(60, 'x'), 0, ""},
                                           {Passage::Kind::Heading, "Heading", 0, "Heading"},
                                           {Passage::Kind::Paragraph, paragraph, 0, "Heading"}};
    const ChunkResult result = chunkDocuments({documentOf(passages)}, byteTokenizer(), {64, 8, 0.8});
    QVERIFY(result.chunks.size() >= 3);
    QCOMPARE(result.chunks[0].text, std::string(60, 'x'));  // the heading did not stay behind alone
    QVERIFY(result.chunks[1].text.starts_with("Heading\n\nSentence number 0 ends."));
    for (const Chunk& chunk : result.chunks) {
      QVERIFY2(chunk.tokens <= 64, chunk.text.c_str());
      QVERIFY2(chunk.text.ends_with("ends.") || chunk.text == std::string(60, 'x'), chunk.text.c_str());
    }
    // Every sentence is in some chunk.
    for (int i = 0; i < 8; ++i) {
      const std::string sentence = "Sentence number " + std::to_string(i) + " ends.";
      QVERIFY2(std::any_of(result.chunks.begin(), result.chunks.end(),
                           [&](const Chunk& c) { return c.text.find(sentence) != std::string::npos; }),
               sentence.c_str());
    }
  }

  void aSentenceLongerThanAChunkIsCutIntoTokenWindows() {
    std::string endless;
    for (int i = 0; i < 150; ++i) endless += static_cast<char>('a' + i % 26);
    const ChunkResult result =
        chunkDocuments({documentOf({{Passage::Kind::Paragraph, endless, 0, ""}})}, byteTokenizer(), {64, 8, 0.8});
    QStringList texts;
    for (const Chunk& chunk : result.chunks) texts << QString::fromStdString(chunk.text);
    const QString all = QString::fromStdString(endless);
    QCOMPARE(texts, (QStringList{all.left(64), all.mid(64, 64), all.mid(128)}));
  }

  void nearDuplicatesAreDroppedAfterTheFirst() {
    const std::string base = words(80, "w");
    std::string nearly = base;
    nearly.replace(nearly.find("w40"), 3, "CHANGED");  // one word in 80 differs
    const std::string other = words(80, "v");
    std::vector<Document> documents = {documentOf({{Passage::Kind::Paragraph, base, 1, ""}}),
                                       documentOf({{Passage::Kind::Paragraph, other, 1, ""}}),
                                       documentOf({{Passage::Kind::Paragraph, nearly, 4, ""}}),
                                       documentOf({{Passage::Kind::Paragraph, base, 2, ""}})};
    const ChunkResult result = chunkDocuments(documents, byteTokenizer(), {1024, 64, 0.8});
    QCOMPARE(result.nearDuplicates, std::size_t{2});
    QCOMPARE(result.chunks.size(), std::size_t{2});
    QCOMPARE(result.chunks[0].document, std::size_t{0});
    QCOMPARE(result.chunks[1].document, std::size_t{1});
    // With the bar at exact copies only, the near one stays.
    QCOMPARE(chunkDocuments(documents, byteTokenizer(), {1024, 64, 1.0}).chunks.size(), std::size_t{3});
  }

  void settingsOutOfRangeAreRefused() {
    const auto refused = [](ChunkSettings settings) {
      try {
        chunkDocuments({}, byteTokenizer(), settings);
      } catch (const Error&) {
        return true;
      }
      return false;
    };
    QVERIFY(refused({8, 0, 0.8}));
    QVERIFY(refused({100, 50, 0.8}));
    QVERIFY(!refused({100, 49, 0.8}));
  }
};

QTEST_GUILESS_MAIN(TestDocumentText)
#include "tst_document_text.moc"
