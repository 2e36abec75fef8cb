// PDF into text: fixture PDFs written by the test (tests/support/pdf_writer.h) read through
// pdftotext and our layout: a two-column page read column by column, a table put back into rows,
// a running header and page numbers removed, a word hyphenated across lines and a ligature
// cleaned, headings by size, the title from the metadata; and every bad file with its reason:
// encrypted, no text layer, truncated, not a PDF. The layout step alone on boxes the test places.
#include <QTest>

#include <filesystem>
#include <fstream>

#include "core/documents/pdf_text.h"
#include "core/documents/text_cleanup.h"
#include "core/util/child_process.h"
#include "core/util/error.h"
#include "support/pdf_writer.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::documents;
using namespace tiertune::test;
namespace fs = std::filesystem;

namespace {

std::vector<PdfPageContent> handbookPages() {
  std::vector<PdfPageContent> pages(3);
  for (int p = 0; p < 3; ++p) {
    pages[p].runs.push_back({72, 760, 9, "Northwind Staff Handbook"});
    pages[p].runs.push_back({270, 30, 9, "Page " + std::to_string(p + 1) + " of 3"});
  }
  auto& one = pages[0].runs;
  one.push_back({72, 700, 18, "Leave Policy"});
  const char* left[] = {"Every employee receives twenty days of", "paid leave each year. Unused annu-",
                        "al leave carries over to the \x01nal", "quarter of the next year."};
  const char* right[] = {"Requests go to your manager at least", "two weeks ahead. Sick leave is sepa-",
                         "rate and needs no approval for the", "first three days."};
  for (int i = 0; i < 4; ++i) one.push_back({72, 660.0 - 14 * i, 11, left[i]});
  for (int i = 0; i < 4; ++i) one.push_back({320, 660.0 - 14 * i, 11, right[i]});
  const char* table[3][3] = {{"Grade", "Days", "Carry over"}, {"Junior", "20", "5"}, {"Senior", "25", "10"}};
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) one.push_back({72.0 + 130 * c, 560.0 - 14 * r, 11, table[r][c]});
  }
  pages[1].runs.push_back({72, 700, 14, "Remote Work"});
  pages[1].runs.push_back({72, 670, 11, "Staff may work from home two days a week."});
  pages[2].runs.push_back({72, 700, 11, "Questions go to hr@northwind.example."});
  return pages;
}

void writeFile(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

QString readError(const fs::path& file) {
  try {
    readPdfText(file, {});
  } catch (const Error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

PdfBlock block(double xMin, double yMin, double xMax, std::vector<std::string> lines, double lineHeight = 10) {
  PdfBlock out{xMin, yMin, xMax, yMin + lineHeight * static_cast<double>(lines.size()), {}};
  double y = yMin;
  for (std::string& text : lines) {
    std::size_t words = 1;
    for (const char c : text) words += c == ' ';
    out.lines.push_back({xMin, y, xMax, y + lineHeight, std::move(text), words});
    y += lineHeight + 2;
  }
  return out;
}

}  // namespace

class TestPdfText : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (findProgram("pdftotext").empty()) QFAIL("pdftotext is missing: installer/install-build-deps.sh installs poppler-utils");
  }

  void handbookReadsInOrderWithoutHeadersAndWithTableRows() {
    const auto scratch = makeScratchDir();
    const fs::path file = fs::path(scratch->path().toStdString()) / "handbook.pdf";
    writeFile(file, pdfFile(handbookPages(), {.title = "Staff Handbook", .encrypted = false}));
    const SourceText source = readPdfText(file, {});
    QCOMPARE(source.title, std::string("Staff Handbook"));
    QCOMPARE(source.pages, 3);
    const Document document = cleanDocument(source, file, "pdf");
    std::vector<std::tuple<Passage::Kind, std::string, int, std::string>> got;
    for (const Passage& passage : document.passages) got.emplace_back(passage.kind, passage.text, passage.page, passage.section);
    using K = Passage::Kind;
    const std::vector<std::tuple<Passage::Kind, std::string, int, std::string>> expected = {
        {K::Heading, "Leave Policy", 1, "Leave Policy"},
        {K::Paragraph,
         "Every employee receives twenty days of paid leave each year. Unused annual leave carries over to the "
         "final quarter of the next year.",
         1, "Leave Policy"},
        {K::Paragraph,
         "Requests go to your manager at least two weeks ahead. Sick leave is separate and needs no approval for "
         "the first three days.",
         1, "Leave Policy"},
        {K::Table, "Grade | Days | Carry over\nJunior | 20 | 5\nSenior | 25 | 10", 1, "Leave Policy"},
        {K::Heading, "Remote Work", 2, "Remote Work"},
        {K::Paragraph, "Staff may work from home two days a week.", 2, "Remote Work"},
        {K::Paragraph, "Questions go to hr@northwind.example.", 3, "Remote Work"},
    };
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
      QCOMPARE(std::get<1>(got[i]), std::get<1>(expected[i]));
      QVERIFY2(got[i] == expected[i], ("passage " + std::to_string(i) + ": kind, page or section differs").c_str());
    }
    QCOMPARE(got.size(), expected.size());
    // The headings' levels by size: 18 pt over 14 pt.
    QCOMPARE(source.blocks.front().level, 1);
    const auto remote = std::find_if(source.blocks.begin(), source.blocks.end(),
                                     [](const SourceBlock& b) { return b.text == "Remote Work"; });
    QVERIFY(remote != source.blocks.end());
    QCOMPARE(remote->level, 2);
    // What was removed is said.
    QCOMPARE(document.notes.size(), std::size_t{2});
    QVERIFY2(document.notes[0].find("Removed 3 running header or footer lines (\"northwind staff handbook\")") == 0,
             document.notes[0].c_str());
    QCOMPARE(document.notes[1], std::string("Removed 3 page numbers."));
  }

  void titleFallsBackToTheFirstTopHeadingThenTheFileName() {
    const auto scratch = makeScratchDir();
    const fs::path dir(scratch->path().toStdString());
    writeFile(dir / "untitled.pdf", pdfFile(handbookPages(), {.title = "Microsoft Word - handbook.docx", .encrypted = false}));
    QCOMPARE(cleanDocument(readPdfText(dir / "untitled.pdf", {}), dir / "untitled.pdf", "pdf").title,
             std::string("Leave Policy"));
    writeFile(dir / "plain-notes.pdf", pdfFile({{{{72, 700, 11, "Only body text here."}}}}));
    QCOMPARE(cleanDocument(readPdfText(dir / "plain-notes.pdf", {}), dir / "plain-notes.pdf", "pdf").title,
             std::string("plain-notes"));
  }

  void badFilesAreRefusedWithTheirReason() {
    const auto scratch = makeScratchDir();
    const fs::path dir(scratch->path().toStdString());
    writeFile(dir / "locked.pdf", pdfFile(handbookPages(), {.title = "", .encrypted = true}));
    QVERIFY2(readError(dir / "locked.pdf").contains("locked.pdf: the PDF is encrypted: it needs a password"),
             qPrintable(readError(dir / "locked.pdf")));

    PdfPageContent scan;
    scan.drawing = true;
    writeFile(dir / "scan.pdf", pdfFile({scan, scan}));
    QCOMPARE(readError(dir / "scan.pdf"),
             QStringLiteral("scan.pdf: no text to read: none of its 2 pages has a text layer (scanned pages need OCR "
                            "first)."));

    const std::string whole = pdfFile(handbookPages());
    writeFile(dir / "cut.pdf", whole.substr(0, 40));
    QVERIFY2(readError(dir / "cut.pdf").startsWith("cut.pdf: "), qPrintable(readError(dir / "cut.pdf")));
    QVERIFY2(readError(dir / "cut.pdf").contains("damaged") || readError(dir / "cut.pdf").contains("no text to read"),
             qPrintable(readError(dir / "cut.pdf")));

    writeFile(dir / "letter.pdf", "Dear team,\nthis is not a PDF at all.\n");
    QVERIFY2(readError(dir / "letter.pdf").startsWith("letter.pdf: the file is damaged or is not a PDF (pdfinfo: "),
             qPrintable(readError(dir / "letter.pdf")));

    fs::create_directory(dir / "folder.pdf");
    QVERIFY2(readError(dir / "folder.pdf").contains("not a regular file"), qPrintable(readError(dir / "folder.pdf")));

    ReadLimits tiny;
    tiny.maxFileBytes = 100;
    writeFile(dir / "big.pdf", whole);
    bool refused = false;
    try {
      readPdfText(dir / "big.pdf", tiny);
    } catch (const Error& error) {
      refused = std::string(error.what()).find("larger than") != std::string::npos;
    }
    QVERIFY(refused);
  }

  void aPdfWithSomeScannedPagesKeepsTheTextAndNamesThePages() {
    const auto scratch = makeScratchDir();
    const fs::path file = fs::path(scratch->path().toStdString()) / "mixed.pdf";
    PdfPageContent scan;
    scan.drawing = true;
    writeFile(file, pdfFile({{{{72, 700, 11, "The first page has words."}}}, scan}));
    const Document document = cleanDocument(readPdfText(file, {}), file, "pdf");
    QCOMPARE(document.passages.size(), std::size_t{1});
    QCOMPARE(document.notes.back(),
             std::string("1 of 2 pages have no text layer (scanned pages need OCR) and were skipped: page 2."));
  }

  void columnsAreReadBeforeRowsEvenWhereTheirParagraphsAlign() {
    PdfPage page{612, 792, {}};
    page.blocks.push_back(block(320, 150, 540, {"right two"}));
    page.blocks.push_back(block(72, 100, 290, {"left one a", "left one b"}));
    page.blocks.push_back(block(320, 100, 540, {"right one"}));
    page.blocks.push_back(block(72, 150, 290, {"left two"}));
    const SourceText source = layOutPdfPages({page}, "");
    std::vector<std::string> order;
    for (const SourceBlock& b : source.blocks) order.push_back(b.text);
    QCOMPARE(order, (std::vector<std::string>{"left one a\nleft one b", "left two", "right one", "right two"}));
  }

  void textColumnsWithLongLinesAreNotMistakenForATable() {
    PdfPage page{612, 792, {}};
    page.blocks.push_back(block(72, 100, 290, {"a long line of running text in the left column", "and its second line of words"}));
    page.blocks.push_back(block(320, 100, 540, {"a long line of running text in the right column", "and its own second line here"}));
    const SourceText source = layOutPdfPages({page}, "");
    QCOMPARE(source.blocks.size(), std::size_t{2});
    QVERIFY(source.blocks[0].kind == SourceBlock::Kind::Paragraph);
  }

  void pageNumbersInOtherFormsAreRemovedFromTheMarginsOnly() {
    std::vector<PdfPage> pages;
    const char* numbers[] = {"- 7 -", "iv", "Seite 3 von 9"};
    for (const char* number : numbers) {
      PdfPage page{612, 792, {}};
      page.blocks.push_back(block(72, 300, 540, {"Body text that stays."}));
      page.blocks.push_back(block(300, 760, 320, {number}));
      page.blocks.push_back(block(72, 400, 100, {"42"}));  // a number in the body stays
      pages.push_back(page);
    }
    const SourceText source = layOutPdfPages(pages, "");
    QCOMPARE(source.blocks.size(), std::size_t{6});
    for (const SourceBlock& b : source.blocks) QVERIFY2(b.text == "Body text that stays." || b.text == "42", b.text.c_str());
  }
};

QTEST_GUILESS_MAIN(TestPdfText)
#include "tst_pdf_text.moc"
