// Text out of DOCX, ODT and HTML (core/documents/office_text, html_text): the blocks each reader
// finds, in order, with their kinds and levels, the title, and the cleaned document; what is not
// the document's text left out (running headers, footnotes, deleted changes, field codes, scripts,
// navigation, hidden elements); and every bad file refused by name with its reason: not a zip, a
// cut zip, a missing part, a zip bomb by its declared size and by a header that lies, XML nested
// too deep, external entities, a folder, a device, a FIFO. Every fixture is written here.
#include <QTest>
#include <sys/stat.h>
#include <zip.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/documents/html_text.h"
#include "core/documents/office_text.h"
#include "core/documents/text_cleanup.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::documents;
namespace fs = std::filesystem;

namespace {

struct Part {
  std::string name;
  std::string bytes;
  bool stored = false;  // ZIP_CM_STORE instead of deflate
};

void writeZip(const fs::path& file, const std::vector<Part>& parts) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  QVERIFY2(zip != nullptr, "zip_open");
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.bytes.data(), part.bytes.size(), 0);
    QVERIFY(source != nullptr);
    const zip_int64_t index = zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    QVERIFY(index >= 0);
    QCOMPARE(
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0),
        0);
  }
  QCOMPARE(zip_close(zip), 0);  // the buffers are read here
}

std::string readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

std::string errorOf(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The blocks one a line: "H2 text", "P text", "T a | b"; a line break inside a block as "\n".
QString dump(const SourceText& source) {
  std::string out;
  for (const SourceBlock& block : source.blocks) {
    switch (block.kind) {
      case SourceBlock::Kind::Heading:
        out += "H" + std::to_string(block.level) + " ";
        break;
      case SourceBlock::Kind::Paragraph:
        out += "P ";
        break;
      case SourceBlock::Kind::TableRow:
        out += "T ";
        break;
    }
    for (const char c : block.text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    out += '\n';
  }
  return QString::fromStdString(out);
}

QString passages(const Document& document) {
  std::string out;
  for (const Passage& passage : document.passages) {
    out += passage.kind == Passage::Kind::Heading ? "H " : passage.kind == Passage::Kind::Table ? "T " : "P ";
    out += "[" + passage.section + "] " + passage.text + "\n";
  }
  return QString::fromStdString(out);
}

// ---- DOCX parts

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

std::string wordDocument(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
         R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="">)"
         "<w:body>" +
         body + R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>)";
}

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string para(const std::string& text) { return "<w:p>" + run(text) + "</w:p>"; }
std::string styled(const std::string& style, const std::string& text) {
  return R"(<w:p><w:pPr><w:pStyle w:val=")" + style + R"("/></w:pPr>)" + run(text) + "</w:p>";
}
std::string cell(const std::string& content) {
  return "<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>" + content + "</w:tc>";
}

std::string coreProperties(const std::string& title) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
         R"(xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>)" +
         title + "</dc:title><dc:creator>A. Writer</dc:creator></cp:coreProperties>";
}

std::vector<Part> docxParts(const std::string& body) {
  return {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", wordDocument(body)}};
}

// ---- ODT parts

std::string odtContent(const std::string& text) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
         R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
         R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
         R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
         R"(xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" )"
         R"(xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">)"
         R"(<office:automatic-styles/><office:body><office:text>)" +
         text + "</office:text></office:body></office:document-content>";
}

std::string odtMeta(const std::string& title) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         R"(<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
         R"(xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>)" +
         title + "</dc:title></office:meta></office:document-meta>";
}

std::vector<Part> odtParts(const std::string& text,
                           const std::string& mimetype = "application/vnd.oasis.opendocument.text") {
  return {{"mimetype", mimetype, true}, {"content.xml", odtContent(text)}};
}

// ---- Patching a zip: the uncompressed size of a part, in its local header and in the central
// directory (libzip writes the sizes into the local header, no data descriptor, for a file).
void patchDeclaredSize(std::string& zip, const std::string& part, std::uint32_t size) {
  const auto put32 = [&](std::size_t at, std::uint32_t value) {
    for (int byte = 0; byte < 4; ++byte)
      zip[at + static_cast<std::size_t>(byte)] = static_cast<char>((value >> (8 * byte)) & 0xFF);
  };
  const auto get16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(zip[at]) |
                                    (static_cast<unsigned char>(zip[at + 1]) << 8));
  };
  int patched = 0;
  for (std::size_t at = 0; at + 46 < zip.size(); ++at) {
    if (zip.compare(at, 4, "PK\x03\x04") == 0 && zip.compare(at + 30, part.size(), part) == 0 &&
        get16(at + 26) == part.size()) {
      QVERIFY((get16(at + 6) & 0x8) == 0);  // no data descriptor
      put32(at + 22, size);
      ++patched;
    } else if (zip.compare(at, 4, "PK\x01\x02") == 0 && zip.compare(at + 46, part.size(), part) == 0 &&
               get16(at + 28) == part.size()) {
      put32(at + 24, size);
      ++patched;
    }
  }
  QCOMPARE(patched, 2);
}

}  // namespace

class OfficeHtmlTextTest : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder_;

  fs::path zipFile(const std::string& name, const std::vector<Part>& parts) {
    writeZip(folder_ / name, parts);
    return folder_ / name;
  }

  fs::path textFile(const std::string& name, const std::string& bytes) {
    writeBytes(folder_ / name, bytes);
    return folder_ / name;
  }

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    folder_ = scratch_->path().toStdString();
  }

  // ---- DOCX

  void docxBlocksInOrder() {
    const std::string body =
        styled("Heading1", "Leave policy") +
        // runs: a tab is a space, a break a line break, a non-breaking hyphen a hyphen, a soft hyphen
        // nothing; deleted text and field codes are not the text
        "<w:p><w:r><w:t>Staff</w:t><w:tab/><w:t>take</w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>no</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\"> paid</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space=\"preserve\"> leave in</w:t><w:br/><w:t>e</w:t><w:noBreakHyphen/><w:t>mail or</w:t>"
        "<w:cr/><w:t>week</w:t><w:softHyphen/><w:t>ends </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar "
        "w:fldCharType=\"end\"/></w:r>"
        "<w:hyperlink w:anchor=\"x\"><w:r><w:t xml:space=\"preserve\"> (see HR)</w:t></w:r></w:hyperlink>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
        styled("Heading2", "Days per year") +
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>"
        "<w:tr>" +
        cell(para("Name")) + cell(para("Days")) +
        "</w:tr>"
        "<w:tr>" +
        cell(para("Alice")) + cell(para("12")) +
        "</w:tr>"
        // a cell of two paragraphs, and a cell holding a table
        "<w:tr>" +
        cell(para("Bob") + para("(part time)")) +
        cell("<w:tbl><w:tr>" + cell(para("6")) + cell(para("+2")) + "</w:tr></w:tbl>" + para("")) +
        "</w:tr>"
        "<w:tr>" +
        cell(para("")) + cell(para("")) +
        "</w:tr>"  // an empty row
        "</w:tbl>" +
        // a content control around a paragraph, an outline level on the paragraph itself
        "<w:sdt><w:sdtPr><w:alias w:val=\"Note\"/></w:sdtPr><w:sdtContent>" + para("Ask your manager.") +
        "</w:sdtContent></w:sdt>"
        "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>" +
        run("Carry-over") + "</w:p>" + para("   ");
    std::vector<Part> parts = docxParts(body);
    parts.push_back({"docProps/core.xml", coreProperties("  Staff handbook ")});
    // running headers, footers and footnotes live in other parts: never read
    parts.push_back({"word/header1.xml", wordDocument(para("CONFIDENTIAL header"))});
    parts.push_back({"word/footer1.xml", wordDocument(para("Page footer"))});
    parts.push_back({"word/footnotes.xml", wordDocument(para("A footnote"))});
    const fs::path file = zipFile("handbook.docx", parts);

    const SourceText source = readDocxText(file, ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("H1 Leave policy\n"
                                          "P Staff take paid leave in\\ne-mail or\\nweekends 7 (see HR)\n"
                                          "H2 Days per year\n"
                                          "T Name | Days\n"
                                          "T Alice | 12\n"
                                          "T Bob (part time) | 6 +2\n"
                                          "P Ask your manager.\n"
                                          "H3 Carry-over\n"));
    QCOMPARE(source.title, std::string("Staff handbook"));
    QCOMPARE(source.pages, 0);

    const Document document = cleanDocument(source, file, "docx");
    QCOMPARE(document.title, std::string("Staff handbook"));
    QCOMPARE(passages(document),
             QStringLiteral("H [Leave policy] Leave policy\n"
                            "P [Leave policy] Staff take paid leave in e-mail or weekends 7 (see HR)\n"
                            "H [Days per year] Days per year\n"
                            "T [Days per year] Name | Days\nAlice | 12\nBob (part time) | 6 +2\n"
                            "P [Days per year] Ask your manager.\n"
                            "H [Carry-over] Carry-over\n"));
  }

  void docxTitleStyleIsTheTitleWithoutProperties() {
    const fs::path file = zipFile(
        "plan.docx", docxParts(styled("Title", "Project plan") + para("Scope.") + styled("Title", "Second title")));
    const SourceText source = readDocxText(file, ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("H1 Project plan\nP Scope.\nH1 Second title\n"));
    QCOMPARE(source.title, std::string("Project plan"));
    // an empty dc:title is no title
    std::vector<Part> parts = docxParts(styled("Title", "Project plan"));
    parts.push_back({"docProps/core.xml", coreProperties("")});
    QCOMPARE(readDocxText(zipFile("plan2.docx", parts), ReadLimits{}).title, std::string("Project plan"));
  }

  void docxLocalizedHeadingStyles() {
    // A German Word file: style ids are the localized names without their umlauts; w:name keeps
    // the built-in English name. Custom styles are headings by their outline level, or by the
    // style they are based on.
    const std::string styles =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
        R"(<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/>)"
        R"(<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Standard"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="MeinTitel"><w:name w:val="Mein Titel"/><w:basedOn w:val="berschrift2"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Zitat"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/></w:style>)"
        R"(<w:style w:type="character" w:styleId="Fett"><w:name w:val="Strong"/></w:style>)"
        R"(</w:styles>)";
    std::vector<Part> parts =
        docxParts(styled("Titel", "Jahresbericht") + styled("Verzeichnis1", "Einleitung\t3") +
                  styled("berschrift1", "Einleitung") + para("Text.") + styled("berschrift2", "Ziele") +
                  styled("Kapitel", "Kapitel drei") + styled("MeinTitel", "Abgeleitet") +
                  styled("Heading1", "Ein Zitat") + styled("Unbekannt", "Unbekannter Stil"));
    parts.push_back({"word/styles.xml", styles});
    const SourceText source = readDocxText(zipFile("bericht.docx", parts), ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("H1 Jahresbericht\nH1 Einleitung\nP Text.\nH2 Ziele\nH3 Kapitel drei\n"
                                          "H2 Abgeleitet\nP Ein Zitat\nP Unbekannter Stil\n"));
    QCOMPARE(source.title, std::string("Jahresbericht"));
  }

  void docxLeavesOutWhatIsNotText() {
    const std::string body =
        // a table of contents in its content control
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr>"
        "<w:sdtContent>" +
        para("Contents") + para("Introduction 1") + "</w:sdtContent></w:sdt>" +
        // hidden text, and a text box given twice (mc:Choice and its VML mc:Fallback)
        "<w:p>" + run("Shown") +
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t xml:space=\"preserve\"> also shown</w:t></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" +
        para("In a box") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
        para("In a box") + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" +
        // moved-away text of a tracked move
        "<w:p><w:moveFrom w:id=\"3\" w:author=\"A\">" + run("old place") + "</w:moveFrom>" +
        "<w:moveTo w:id=\"4\" w:author=\"A\">" + run("new place") + "</w:moveTo></w:p>";
    const SourceText source = readDocxText(zipFile("notes.docx", docxParts(body)), ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("P Shown also shown\\nIn a box\nP new place\n"));
    QCOMPARE(source.title, std::string());
  }

  void docxDamagedAndWrongFilesAreNamed() {
    const fs::path good = zipFile("report.docx", docxParts(para("Some text. ") + para(std::string(4000, 'x'))));
    const std::string bytes = readBytes(good);

    const fs::path cut = textFile("cut.docx", bytes.substr(0, bytes.size() / 2));
    const std::string cutError = errorOf([&] { readDocxText(cut, ReadLimits{}); });
    QVERIFY2(has(cutError, "cut.docx: the file is damaged") && has(cutError, "not a zip archive"), cutError.c_str());

    const fs::path text = textFile("letter.docx", "Dear team,\nthis is plain text saved as .docx.\n");
    const std::string textError = errorOf([&] { readDocxText(text, ReadLimits{}); });
    QVERIFY2(has(textError, "letter.docx: the file is damaged, or is not a DOCX file"), textError.c_str());

    // Word keeps a document saved with a password in an OLE compound file, as the old .doc format is.
    const fs::path locked =
        textFile("locked.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(4096, '\0'));
    const std::string lockedError = errorOf([&] { readDocxText(locked, ReadLimits{}); });
    QVERIFY2(has(lockedError, "locked.docx: the document is protected by a password, or is an older Word file (.doc)"),
             lockedError.c_str());

    const fs::path empty = textFile("empty.docx", "");
    QVERIFY(has(errorOf([&] { readDocxText(empty, ReadLimits{}); }), "not a DOCX file"));

    const fs::path noDocument =
        zipFile("parts.docx", {{"[Content_Types].xml", kContentTypes}, {"word/styles.xml", "<x/>"}});
    const std::string noDocumentError = errorOf([&] { readDocxText(noDocument, ReadLimits{}); });
    QVERIFY2(has(noDocumentError, "parts.docx: not a DOCX file: word/document.xml is missing"),
             noDocumentError.c_str());

    const fs::path odt = zipFile("really.docx", odtParts("<text:p>odt</text:p>"));
    QVERIFY(has(errorOf([&] { readDocxText(odt, ReadLimits{}); }), "word/document.xml is missing"));

    std::vector<Part> parts = docxParts("");
    parts[2].bytes = wordDocument(para("fine")).substr(0, 300) + "<w:p><w:r><w:t>unclosed";
    const fs::path malformed = zipFile("malformed.docx", parts);
    const std::string malformedError = errorOf([&] { readDocxText(malformed, ReadLimits{}); });
    QVERIFY2(has(malformedError, "malformed.docx: the file is damaged: word/document.xml line 1: "),
             malformedError.c_str());

    parts[2].bytes = R"(<?xml version="1.0"?><other xmlns="urn:x"><body/></other>)";
    const std::string wrongRootError = errorOf([&] { readDocxText(zipFile("wrong.docx", parts), ReadLimits{}); });
    QVERIFY2(has(wrongRootError, "wrong.docx: the file is damaged: word/document.xml has no document body"),
             wrongRootError.c_str());

    const std::string noTextError =
        errorOf([&] { readDocxText(zipFile("blank.docx", docxParts(para("") + para(" "))), ReadLimits{}); });
    QVERIFY2(has(noTextError, "blank.docx: no text to read"), noTextError.c_str());
  }

  void zipBombIsRefusedByItsDeclaredSize() {
    // 10 MiB of zeros deflate to about 10 KiB: over a 1 MiB part limit, and 1000 times its size.
    std::vector<Part> parts = docxParts(para("text"));
    parts.push_back({"word/styles.xml", std::string(10u << 20, '\0')});
    const fs::path bomb = zipFile("bomb.docx", parts);
    QVERIFY(fs::file_size(bomb) < 100'000);

    ReadLimits tight;
    tight.maxPartBytes = 1u << 20;
    const std::string partError = errorOf([&] { readDocxText(bomb, tight); });
    QVERIFY2(has(partError,
                 "bomb.docx: a part (word/styles.xml) would inflate to 10 MiB, over the 1 MiB limit for one "
                 "part: refusing a possible zip bomb"),
             partError.c_str());

    const std::string ratioError = errorOf([&] { readDocxText(bomb, ReadLimits{}); });
    QVERIFY2(has(ratioError, "bomb.docx: a part (word/styles.xml) would inflate to 10 MiB from ") &&
                 has(ratioError, "KiB stored, more than 200 times its size: refusing a possible zip bomb"),
             ratioError.c_str());

    // Every part read from one zip together: 600 KiB parts (under the ratio's floor) against 1 MiB.
    std::vector<Part> many = docxParts(para("text"));
    many.push_back({"word/styles.xml", "<x>" + std::string(600u << 10, ' ') + "</x>"});
    many.push_back({"docProps/core.xml", "<x>" + std::string(600u << 10, ' ') + "</x>"});
    ReadLimits document;
    document.maxInflatedBytes = 1u << 20;
    const std::string totalError = errorOf([&] { readDocxText(zipFile("many.docx", many), document); });
    QVERIFY2(
        has(totalError, "many.docx: a part (docProps/core.xml) would inflate to 600 KiB, which with the ") &&
            has(totalError, "read before it passes the 1 MiB limit for one document: refusing a possible zip bomb"),
        totalError.c_str());
  }

  void zipHeaderThatLiesIsCaughtWhileInflating() {
    // word/document.xml is about 2 MiB inflated; its local header and central directory say 1000 bytes.
    std::string paragraphs;
    for (int at = 0; at < 20000; ++at) paragraphs += para("Paragraph " + std::to_string(at) + " of a long report.");
    const fs::path honest = zipFile("honest.docx", docxParts(paragraphs));
    QCOMPARE(readDocxText(honest, ReadLimits{}).blocks.size(), std::size_t(20000));
    std::string bytes = readBytes(honest);
    patchDeclaredSize(bytes, "word/document.xml", 1000);
    const fs::path liar = textFile("liar.docx", bytes);
    const std::string error = errorOf([&] { readDocxText(liar, ReadLimits{}); });
    QVERIFY2(has(error,
                 "liar.docx: a part (word/document.xml) inflates to more than the 1000 bytes its zip entry "
                 "declares: refusing a possible zip bomb"),
             error.c_str());
  }

  void deepXmlIsRefused() {
    std::string nested = para("inside");
    for (int level = 0; level < 100; ++level) nested = "<w:customXml w:element=\"x\">" + nested + "</w:customXml>";
    const fs::path file = zipFile("deep.docx", docxParts(nested));
    QCOMPARE(dump(readDocxText(file, ReadLimits{})), QStringLiteral("P inside\n"));  // 105 deep: within 256
    ReadLimits shallow;
    shallow.maxNestingDepth = 50;
    const std::string error = errorOf([&] { readDocxText(file, shallow); });
    QVERIFY2(has(error, "deep.docx: word/document.xml nests elements more than 50 deep"), error.c_str());

    // libxml2 stops at 256 by itself, which a larger limit does not lift
    for (int level = 0; level < 300; ++level) nested = "<w:customXml w:element=\"x\">" + nested + "</w:customXml>";
    ReadLimits deep;
    deep.maxNestingDepth = 10000;
    const std::string libxmlError = errorOf([&] { readDocxText(zipFile("deeper.docx", docxParts(nested)), deep); });
    QVERIFY2(has(libxmlError, "deeper.docx: word/document.xml nests elements more than 256 deep"), libxmlError.c_str());
  }

  void entitiesAreNeverExpandedNorLoaded() {
    const auto withDoctype = [](const std::string& doctype, const std::string& text) {
      std::vector<Part> parts = docxParts("");
      parts[2].bytes = wordDocument(para(text));
      parts[2].bytes.insert(parts[2].bytes.find("<w:document"), "<!DOCTYPE w:document [" + doctype + "]>");
      return parts;
    };
    // An external entity is never loaded (a file here that libxml2 could read), an internal one
    // never substituted: Word and LibreOffice write neither.
    const fs::path secret = textFile("secret.txt", "SECRET-CONTENT");
    const std::vector<Part> external = withDoctype(
        "<!ENTITY xxe SYSTEM \"file://" + secret.string() + "\"><!ENTITY a \"internal\">", "before &xxe; &a; after");
    QCOMPARE(dump(readDocxText(zipFile("external.docx", external), ReadLimits{})),
             QStringLiteral("P before   after\n"));

    // "Billion laughs": libxml2 refuses the amplification while parsing, before any tree is built.
    std::string doctype = "<!ENTITY e0 \"lol\">";
    for (int level = 1; level <= 9; ++level) {
      doctype += "<!ENTITY e" + std::to_string(level) + " \"";
      for (int copy = 0; copy < 10; ++copy) doctype += "&e" + std::to_string(level - 1) + ";";
      doctype += "\">";
    }
    const std::string laughsError =
        errorOf([&] { readDocxText(zipFile("laughs.docx", withDoctype(doctype, "&e9;")), ReadLimits{}); });
    QVERIFY2(has(laughsError,
                 "laughs.docx: the file is damaged: word/document.xml line 1 declares XML entities that "
                 "expand without end or far too much"),
             laughsError.c_str());
  }

  void notRegularFilesAreRefused() {
    const std::string folderError = errorOf([&] { readDocxText(folder_, ReadLimits{}); });
    QVERIFY2(has(folderError, folder_.string() + ": is a folder, not a regular file"), folderError.c_str());

    fs::create_directory_symlink(folder_, folder_ / "link.docx");
    const std::string linkError = errorOf([&] { readOdtText(folder_ / "link.docx", ReadLimits{}); });
    QVERIFY2(has(linkError, "link.docx: is a folder, not a regular file"), linkError.c_str());

    fs::create_symlink("/dev/zero", folder_ / "zero.docx");
    const std::string deviceError = errorOf([&] { readDocxText(folder_ / "zero.docx", ReadLimits{}); });
    QVERIFY2(has(deviceError, "zero.docx: is a device, not a regular file"), deviceError.c_str());
    const std::string htmlDeviceError = errorOf([&] { readHtmlText(folder_ / "zero.docx", ReadLimits{}); });
    QVERIFY2(has(htmlDeviceError, "zero.docx: is a device, not a regular file"), htmlDeviceError.c_str());

    // a FIFO with no writer: refused at once, never waited on
    QCOMPARE(::mkfifo((folder_ / "pipe.odt").c_str(), 0600), 0);
    const std::string fifoError = errorOf([&] { readOdtText(folder_ / "pipe.odt", ReadLimits{}); });
    QVERIFY2(has(fifoError, "pipe.odt: is a pipe (FIFO), not a regular file"), fifoError.c_str());

    QVERIFY(
        has(errorOf([&] { readDocxText(folder_ / "missing.docx", ReadLimits{}); }), "missing.docx: cannot be read"));

    // A symlink to a document is read as the document, as every file of the core is.
    const fs::path real = zipFile("real.docx", docxParts(para("Linked.")));
    fs::create_symlink(real, folder_ / "alias.docx");
    QCOMPARE(dump(readDocxText(folder_ / "alias.docx", ReadLimits{})), QStringLiteral("P Linked.\n"));

    ReadLimits small;
    small.maxFileBytes = 100;
    QVERIFY(has(errorOf([&] { readDocxText(real, small); }), "real.docx: is larger than 100 bytes"));
  }

  // ---- ODT

  void odtBlocksInOrder() {
    const std::string text =
        "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" "
        "text:name=\"Table\"/></text:sequence-decls>"
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info/>"
        "<text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:table-of-content><text:index-body><text:p>Leave policy "
        "1</text:p></text:index-body></text:table-of-content>"
        "<text:h text:outline-level=\"1\">Leave <text:span>policy</text:span></text:h>"
        "<text:p>Staff<text:s text:c=\"3\"/>take<text:tab/>paid\n   leave<text:note text:note-class=\"footnote\">"
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>A "
        "footnote.</text:p></text:note-body></text:note>"
        " in<text:line-break/>e-mail<text:soft-page-break/> or<text:change text:change-id=\"c1\"/> "
        "<office:annotation><dc:creator>A</dc:creator><text:p>A comment</text:p></office:annotation>"
        "<text:a xlink:href=\"#x\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">weekends</text:a>.</text:p>"
        "<text:h text:outline-level=\"2\"><text:number>2.</text:number>Days per year</text:h>"
        "<text:list><text:list-item><text:p>First item</text:p><text:list><text:list-item><text:p>Nested item</text:p>"
        "</text:list-item></text:list></text:list-item><text:list-item><text:p>Second "
        "item</text:p></text:list-item></text:list>"
        "<table:table table:name=\"Days\"><table:table-column table:number-columns-repeated=\"3\"/>"
        "<table:table-header-rows><table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell>"
        "<table:table-cell><text:p>Days</text:p></table:table-cell>"
        "<table:table-cell table:number-columns-repeated=\"1000\"/></table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell><text:p>Alice</text:p></table:table-cell>"
        "<table:table-cell><text:p>12</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Bob</text:p><text:p>(part "
        "time)</text:p>"
        "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>x</text:p></table:table-cell></"
        "table:table-row>"
        "<table:table-row><table:table-cell "
        "table:number-columns-repeated=\"1000000\"><text:p>0</text:p></table:table-cell>"
        "</table:table-row>"
        "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell "
        "table:number-columns-repeated=\"1024\"/>"
        "</table:table-row></table:table>"
        "<text:section text:name=\"S\"><text:h>No level</text:h><text:p>In a section with a "
        "<draw:frame><draw:text-box><text:p>text box</text:p></draw:text-box><svg:title>Alt "
        "text</svg:title></draw:frame>"
        "</text:p></text:section>";
    std::vector<Part> parts = odtParts(text);
    parts.push_back({"meta.xml", odtMeta("Staff handbook")});
    parts.push_back({"styles.xml", odtContent("<text:p>Running header</text:p>")});
    const fs::path file = zipFile("handbook.odt", parts);

    const SourceText source = readOdtText(file, ReadLimits{});
    std::string zeros = "0";
    for (int copy = 1; copy < 20; ++copy) zeros += " | 0";
    QCOMPARE(dump(source), QStringLiteral("H1 Leave policy\n"
                                          "P Staff   take paid    leave in\\ne-mail or weekends.\n"
                                          "H2 Days per year\n"
                                          "P First item\n"
                                          "P Nested item\n"
                                          "P Second item\n"
                                          "T Name | Days\n"
                                          "T Alice | 12\n"
                                          "T Bob (part time) |  | x\n"
                                          "T ") +
                               QString::fromStdString(zeros) +
                               QStringLiteral("\n"
                                              "H1 No level\n"
                                              "P In a section with a \\ntext box\n"));
    QCOMPARE(source.title, std::string("Staff handbook"));

    const Document document = cleanDocument(source, file, "odt");
    QCOMPARE(document.title, std::string("Staff handbook"));
    QCOMPARE(document.passages.size(), std::size_t(9));
    QCOMPARE(document.passages[1].text, std::string("Staff take paid leave in e-mail or weekends."));
    QCOMPARE(document.passages[6].kind, Passage::Kind::Table);
    QCOMPARE(document.passages[6].section, std::string("Days per year"));
    QCOMPARE(document.passages[6].text, "Name | Days\nAlice | 12\nBob (part time) | | x\n" + zeros);
    QCOMPARE(document.passages[8].text, std::string("In a section with a text box"));
  }

  void odtWrongAndDamagedFiles() {
    const std::string spreadsheetError = errorOf([&] {
      readOdtText(
          zipFile("sheet.odt", odtParts("<text:p>x</text:p>", "application/vnd.oasis.opendocument.spreadsheet")),
          ReadLimits{});
    });
    QVERIFY2(has(spreadsheetError,
                 "sheet.odt: not an ODT file: it is application/vnd.oasis.opendocument.spreadsheet, not "
                 "a text document"),
             spreadsheetError.c_str());

    const std::string noContentError = errorOf([&] {
      readOdtText(zipFile("nocontent.odt", {{"mimetype", "application/vnd.oasis.opendocument.text", true}}),
                  ReadLimits{});
    });
    QVERIFY2(has(noContentError, "nocontent.odt: not an ODT file: content.xml is missing"), noContentError.c_str());

    std::vector<Part> locked = odtParts("<text:p>x</text:p>");
    locked.push_back({"META-INF/manifest.xml",
                      R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
                      R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">)"
                      R"(<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>)"
                      R"(</manifest:file-entry></manifest:manifest>)"});
    const std::string lockedError = errorOf([&] { readOdtText(zipFile("locked.odt", locked), ReadLimits{}); });
    QVERIFY2(has(lockedError, "locked.odt: the document is protected by a password"), lockedError.c_str());

    const std::string docxError =
        errorOf([&] { readOdtText(zipFile("word.odt", docxParts(para("x"))), ReadLimits{}); });
    QVERIFY2(has(docxError, "word.odt: not an ODT file: content.xml is missing"), docxError.c_str());

    const std::string textError = errorOf([&] { readOdtText(textFile("plain.odt", "just text"), ReadLimits{}); });
    QVERIFY2(has(textError, "plain.odt: the file is damaged, or is not an ODT file"), textError.c_str());

    std::vector<Part> parts = odtParts("<text:p>x</text:p>");
    parts[1].bytes = "<office:document-content><unclosed>";
    const std::string malformedError = errorOf([&] { readOdtText(zipFile("bad.odt", parts), ReadLimits{}); });
    QVERIFY2(has(malformedError, "bad.odt: the file is damaged: content.xml line 1: "), malformedError.c_str());

    ReadLimits text;
    text.maxTextBytes = 64;
    const std::string tooMuchError = errorOf(
        [&] { readOdtText(zipFile("long.odt", odtParts("<text:p>" + std::string(100, 'a') + "</text:p>")), text); });
    QVERIFY2(has(tooMuchError, "long.odt: holds more than 64 bytes of text"), tooMuchError.c_str());
  }

  // ---- HTML

  void htmlLeavesOutWhatIsNotText() {
    const std::string html = R"(<!DOCTYPE html>
<html lang="en"><head><title>  Leave
   policy | Intranet </title><meta charset="utf-8"><style>p { color: red }</style>
<script>var secret = "script text";</script></head>
<body>
<header><a href="/">Home</a> <span>Site header</span></header>
<nav><ul><li>Menu item</li></ul></nav>
<main>
  <h1>Leave <em>policy</em></h1>
  <p>Staff   take
     <b>paid</b> leave<br>in summer.<script>document.write("inline script")</script></p>
  <div>Loose text in a div <p>a paragraph inside</p> and text after it</div>
  <ul><li>First <a href="#">item</a><ul><li>Nested</li></ul></li><li>Second</li></ul>
  <p hidden>Hidden by attribute</p>
  <p aria-hidden="true">Hidden from readers</p>
  <div style="color: red; DISPLAY : none">Hidden by style</div>
  <noscript>Enable JavaScript</noscript>
  <template><p>Template text</p></template>
  <form><label>Name</label><input name="n"><button>Send</button></form>
  <blockquote>A quotation</blockquote>
  <dl><dt>Term</dt><dd>Definition</dd></dl>
  <h3>Caf&eacute; &amp; more</h3>
  <figure><img src="a.png" alt="picture"><figcaption>A caption</figcaption></figure>
  <svg><text>SVG text</text></svg>
  <!-- a comment -->
</main>
<aside>Related links</aside>
<footer>Copyright footer</footer>
</body></html>)";
    const SourceText source = readHtmlText(html, "leave.html", ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("H1 Leave policy\n"
                                          "P Staff take paid leave\\nin summer.\n"
                                          "P Loose text in a div\n"
                                          "P a paragraph inside\n"
                                          "P and text after it\n"
                                          "P First item\n"
                                          "P Nested\n"
                                          "P Second\n"
                                          "P A quotation\n"
                                          "P Term\n"
                                          "P Definition\n"
                                          "H3 Caf\u00e9 & more\n"
                                          "P A caption\n"));
    QCOMPARE(source.title, std::string("Leave policy | Intranet"));
  }

  void htmlTable() {
    const std::string html =
        "<html><body><h2>Days</h2><table><caption>Leave days</caption>"
        "<thead><tr><th>Name</th><th>Days</th></tr></thead>"
        "<tbody><tr><td>Alice</td><td> 12 </td></tr>"
        "<tr><td><p>Bob</p><p>(part time)</p></td><td>6<br>+2</td><td></td></tr>"
        "<tr><td>Carol</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr>"
        "<tr hidden><td>Hidden</td><td>row</td></tr><tr><td></td><td></td></tr></tbody></table>"
        "<p>After the table.</p></body></html>";
    const SourceText source = readHtmlText(html, "days.html", ReadLimits{});
    QCOMPARE(dump(source),
             QStringLiteral("H2 Days\nP Leave days\nT Name | Days\nT Alice | 12\nT Bob (part time) | 6 +2\n"
                            "T Carol | 1 2\nP After the table.\n"));
    QCOMPARE(source.title, std::string());  // no <title>, no <h1>

    const Document document = cleanDocument(source, "days.html", "html");
    QCOMPARE(passages(document),
             QStringLiteral("H [Days] Days\nP [Days] Leave days\n"
                            "T [Days] Name | Days\nAlice | 12\nBob (part time) | 6 +2\nCarol | 1 2\n"
                            "P [Days] After the table.\n"));
    QCOMPARE(document.title, std::string("Days"));  // the clean-up's own fallback: the first top heading
  }

  void htmlArticleHeaderAndLayoutTable() {
    // A <header> of the page is furniture; the <header> of an article holds its title.
    const std::string html =
        "<html><body><header><h1>Intranet</h1></header>"
        "<table role=\"presentation\"><tr><td><article><header><h2>Leave policy</h2><p>By HR</p></header>"
        "<p>Staff take paid leave.</p><footer>Share this</footer></article></td>"
        "<td><p>Right column</p></td></tr></table></body></html>";
    QCOMPARE(dump(readHtmlText(html, "layout.html", ReadLimits{})),
             QStringLiteral("H2 Leave policy\nP By HR\nP Staff take paid leave.\nP Right column\n"));
  }

  void htmlPreKeepsItsLines() {
    const std::string html =
        "<html><body><h1>Setup</h1><p>Run:</p><pre>\nmake  build\n  make test\n</pre>"
        "<pre><code>one\ntwo</code></pre></body></html>";
    const SourceText source = readHtmlText(html, "setup.html", ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("H1 Setup\nP Run:\nP make  build\\n  make test\nP one\\ntwo\n"));
    QCOMPARE(source.title, std::string("Setup"));  // the first <h1>, without a <title>
    QVERIFY(!source.blocks[1].preformatted);
    QVERIFY(source.blocks[2].preformatted);
    // The clean-up keeps a preformatted block's lines (and joins no hyphen across them).
    const Document document = cleanDocument(source, "setup.html", "html");
    QCOMPARE(document.passages[2].text, std::string("make  build\n  make test"));
    QCOMPARE(document.passages[3].text, std::string("one\ntwo"));
  }

  void htmlEncodings() {
    // a meta charset is honoured (ISO-8859-1 read as windows-1252, as browsers do) ...
    const std::string latin =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
        "</head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>";
    QCOMPARE(dump(readHtmlText(latin, "latin.html", ReadLimits{})), QStringLiteral("P Caf\u00e9 \u201cquoted\u201d\n"));
    // ... and without one the page is UTF-8 (libxml2 alone would take it for Latin-1)
    const std::string utf8 = "<html><body><p>Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac</p></body></html>";
    QCOMPARE(dump(readHtmlText(utf8, "utf8.html", ReadLimits{})), QStringLiteral("P Caf\u00e9 \u65e5\u672c\n"));
    // a byte order mark wins
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("<p>Caf\xE9</p>")) utf16 += std::string{c, '\0'};
    QCOMPARE(dump(readHtmlText(utf16, "utf16.html", ReadLimits{})), QStringLiteral("P Caf\u00e9\n"));
    const std::string unknown =
        "<html><head><meta charset=\"x-no-such-set\"></head><body><p>Caf\xc3\xa9</p></body></html>";
    const SourceText source = readHtmlText(unknown, "unknown.html", ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("P Caf\u00e9\n"));
    QCOMPARE(source.notes.size(), std::size_t(1));
    QVERIFY(has(source.notes[0], "x-no-such-set"));
  }

  void htmlBadFiles() {
    const std::string emptyError = errorOf([&] { readHtmlText("  \n", "empty.html", ReadLimits{}); });
    QVERIFY2(has(emptyError, "empty.html: no text to read"), emptyError.c_str());
    const std::string scriptsError = errorOf([&] {
      readHtmlText(
          "<html><head><title>Only a title</title><script>x()</script></head><body><nav>Menu</nav>"
          "<div hidden>secret</div></body></html>",
          "scripts.html", ReadLimits{});
    });
    QVERIFY2(has(scriptsError, "scripts.html: no text to read"), scriptsError.c_str());

    std::string deep = "text";
    for (int level = 0; level < 300; ++level) deep = "<div>" + deep + "</div>";
    ReadLimits limits;
    limits.maxNestingDepth = 100;
    const std::string deepError =
        errorOf([&] { readHtmlText("<html><body>" + deep + "</body></html>", "deep.html", limits); });
    QVERIFY2(has(deepError, "deep.html: the page nests elements more than 100 deep"), deepError.c_str());
    // Past 256 libxml2 stops the page where it is and keeps what came before: refused, not read in part.
    limits.maxNestingDepth = 100000;
    const std::string libxmlError =
        errorOf([&] { readHtmlText("<html><body>" + deep + "<p>after</p></body></html>", "deeper.html", limits); });
    QVERIFY2(has(libxmlError, "deeper.html: the page nests elements more than 256 deep"), libxmlError.c_str());
    std::string unclosed;
    for (int level = 0; level < 100000; ++level) unclosed += "<b>x";
    const std::string unclosedError = errorOf([&] { readHtmlText("<p>" + unclosed, "unclosed.html", ReadLimits{}); });
    QVERIFY2(has(unclosedError, "unclosed.html: the page nests elements more than 256 deep"), unclosedError.c_str());

    ReadLimits small;
    small.maxFileBytes = 10;
    QVERIFY(
        has(errorOf([&] { readHtmlText("<p>longer than ten</p>", "big.html", small); }), "big.html: is larger than"));
  }

  void htmlFromFile() {
    const fs::path file = textFile("page.html", "<!doctype html><title>T</title><p>From a file.</p>");
    const SourceText source = readHtmlText(file, ReadLimits{});
    QCOMPARE(dump(source), QStringLiteral("P From a file.\n"));
    QCOMPARE(source.title, std::string("T"));
    const Document document = cleanDocument(source, file, "html");
    QCOMPARE(document.title, std::string("T"));
    QCOMPARE(document.words(), std::size_t(3));
    const std::string folderError = errorOf([&] { readHtmlText(folder_, ReadLimits{}); });
    QVERIFY2(has(folderError, "is a folder, not a regular file"), folderError.c_str());
  }
};

QTEST_GUILESS_MAIN(OfficeHtmlTextTest)
#include "tst_office_html_text.moc"
