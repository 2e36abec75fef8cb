#include "core/documents/office_text.h"

#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/documents/markup_tree.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

namespace tiertune::documents {
namespace {

namespace fs = std::filesystem;
using markup::attribute;
using markup::BlockCollector;
using markup::isElement;

// ---- The zip: every part's declared size checked before it is inflated, and its bytes counted
// while it is (a header may lie).

struct DiscardZip {
  void operator()(zip_t* zip) const { zip_discard(zip); }  // read only: nothing to write back
};
struct CloseZipFile {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Parts smaller than this may compress as well as they like: the part and document limits bound
// what they cost, and a small part of repeated markup compresses far better than a whole one.
constexpr std::uintmax_t kRatioCheckedFrom = std::uintmax_t{1} << 20;
constexpr std::size_t kReadChunk = 64 * 1024;

// The first bytes of an OLE compound file (.doc, and a DOCX encrypted with a password).
bool isCompoundFile(int fd) {
  static constexpr unsigned char kMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  unsigned char head[8] = {};
  return ::pread(fd, head, sizeof head, 0) == static_cast<ssize_t>(sizeof head) &&
         std::memcmp(head, kMagic, sizeof head) == 0;
}

std::string zipErrorWords(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string words = zip_error_strerror(&error);
  zip_error_fini(&error);
  return words;
}

class OfficeZip {
 public:
  // format: "DOCX" or "ODT", for the messages.
  OfficeZip(const fs::path& file, const char* format, const ReadLimits& limits)
      : name_(file.string()), format_(format), limits_(limits) {
    const int fd = openRegularFile(file, {limits.maxFileBytes, "a document"});
    int code = ZIP_ER_OK;
    zip_.reset(zip_fdopen(fd, ZIP_RDONLY, &code));  // takes the descriptor on success only
    if (zip_ == nullptr) {
      const bool compoundFile = isCompoundFile(fd);
      ::close(fd);
      if (code == ZIP_ER_NOZIP && compoundFile) {
        // Word saves a document with a password as an OLE compound file holding the encrypted zip.
        throw Error(name_ +
                    ": the document is protected by a password, or is an older Word file (.doc) renamed; "
                    "open it and save a copy as " +
                    format_ + " without a password, then choose that");
      }
      if (code == ZIP_ER_NOZIP) {
        const std::string article = format_[0] == 'O' ? "an " : "a ";
        throw Error(name_ + ": the file is damaged, or is not " + article + format_ +
                    " file: it is not a zip archive, as every " + format_ +
                    " file is (was it cut short while copied or downloaded?)");
      }
      if (code == ZIP_ER_READ || code == ZIP_ER_SEEK || code == ZIP_ER_OPEN) {
        throw Error(name_ + ": cannot be read (" + zipErrorWords(code) + ")");
      }
      damaged(zipErrorWords(code));
    }
  }

  const std::string& name() const { return name_; }

  // The bytes of the part, or none when the zip holds no part of that name.
  std::optional<std::string> read(const std::string& part) {
    const zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
        (stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
      damaged("the zip entry of " + part + " cannot be read");
    }
    checkDeclaredSize(part, stat.size, stat.comp_size);

    const std::unique_ptr<zip_file_t, CloseZipFile> in(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (in == nullptr) {
      const int code = zip_error_code_zip(zip_get_error(zip_.get()));
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
        throw Error(name_ + ": the document is protected by a password; save a copy without one and choose that");
      }
      damaged(part + ": " + zipErrorWords(code));
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(stat.size));  // within the limits, checked above
    std::array<char, kReadChunk> chunk;
    while (true) {
      const zip_int64_t got = zip_fread(in.get(), chunk.data(), chunk.size());
      if (got < 0) damaged(part + ": " + zip_error_strerror(zip_file_get_error(in.get())));
      if (got == 0) break;
      // The declared size passed the limits; more bytes than it says means the header lied.
      if (bytes.size() + static_cast<std::size_t>(got) > stat.size) {
        throw Error(name_ + ": a part (" + part + ") inflates to more than the " + markup::sizeWords(stat.size) +
                    " its zip entry declares: refusing a possible zip bomb (or a damaged file)");
      }
      bytes.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (bytes.size() != stat.size) damaged(part + " is shorter than its zip entry declares");
    inflated_ += bytes.size();
    return bytes;
  }

  [[noreturn]] void damaged(const std::string& why) const { throw Error(name_ + ": the file is damaged: " + why); }

 private:
  void checkDeclaredSize(const std::string& part, std::uintmax_t size, std::uintmax_t stored) const {
    const std::string head = name_ + ": a part (" + part + ") would inflate to " + markup::sizeWords(size);
    const std::string tail = ": refusing a possible zip bomb";
    if (size > limits_.maxPartBytes) {
      throw Error(head + ", over the " + markup::sizeWords(limits_.maxPartBytes) + " limit for one part" + tail);
    }
    if (size >= kRatioCheckedFrom &&
        static_cast<double>(size) >
            limits_.maxCompressionRatio * static_cast<double>(std::max<std::uintmax_t>(stored, 1))) {
      throw Error(head + " from " + markup::sizeWords(stored) + " stored, more than " +
                  std::to_string(static_cast<long long>(limits_.maxCompressionRatio)) + " times its size" + tail);
    }
    if (inflated_ + size > limits_.maxInflatedBytes) {
      throw Error(head + ", which with the " + markup::sizeWords(inflated_) + " read before it passes the " +
                  markup::sizeWords(limits_.maxInflatedBytes) + " limit for one document" + tail);
    }
  }

  std::string name_;
  const char* format_;
  const ReadLimits& limits_;
  std::unique_ptr<zip_t, DiscardZip> zip_;
  std::uintmax_t inflated_ = 0;
};

const xmlNode* firstChild(const xmlNode* node, const char* ns, const char* local) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (isElement(child, ns, local)) return child;
  }
  return nullptr;
}

std::string trimmed(std::string text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

// Markup's own whitespace inside a text run (a tab or line end from pretty-printing) is a space;
// line breaks come from elements.
void appendRunText(std::string& out, const xmlChar* content) {
  if (content == nullptr) return;
  for (const char* c = reinterpret_cast<const char*>(content); *c != '\0'; ++c) {
    out += *c == '\n' || *c == '\r' || *c == '\t' ? ' ' : *c;
  }
}

// dc:title of docProps/core.xml (DOCX) or meta.xml (ODT), under the root or one level below it.
constexpr const char* kDublinCoreNs = "http://purl.org/dc/elements/1.1/";

std::string dublinCoreTitle(const xmlNode* root) {
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (isElement(child, kDublinCoreNs, "title")) return trimmed(markup::textContent(child));
    if (child->type == XML_ELEMENT_NODE) {
      if (const xmlNode* title = firstChild(child, kDublinCoreNs, "title")) return trimmed(markup::textContent(title));
    }
  }
  return {};
}

// ---- DOCX: word/document.xml, its styles from word/styles.xml, its title from docProps/core.xml.

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kStrictWordNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kCompatibilityNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

bool isWord(const xmlNode* node, const char* local) {
  return isElement(node, kWordNs, local) || isElement(node, kStrictWordNs, local);
}

const xmlNode* wordChild(const xmlNode* node, const char* local) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (isWord(child, local)) return child;
  }
  return nullptr;
}

// w:val of a Word element (in the element's own namespace).
std::optional<std::string> wordValue(const xmlNode* node) {
  return node == nullptr ? std::nullopt : attribute(node, "val", node->ns != nullptr ? node->ns->href : nullptr);
}

// A toggle property (<w:vanish/>, <w:vanish w:val="false"/>).
bool isOn(const xmlNode* toggle) {
  if (toggle == nullptr) return false;
  const std::optional<std::string> value = wordValue(toggle);
  return !value || (*value != "0" && *value != "false" && *value != "off");
}

// Elements whose content is not the document's text: properties, deleted and moved-away text of
// tracked changes, field codes, and the fallback copy of content that mc:AlternateContent already
// gives in its mc:Choice.
bool isSkippedWordElement(const xmlNode* node) {
  static const char* const skipped[] = {"pPr",     "rPr",      "tblPr",     "tblGrid",      "trPr",
                                        "tcPr",    "sectPr",   "sdtPr",     "sdtEndPr",     "del",
                                        "delText", "moveFrom", "instrText", "delInstrText", "sym"};
  for (const char* local : skipped) {
    if (isWord(node, local)) return true;
  }
  return isElement(node, kCompatibilityNs, "Fallback");
}

// What a paragraph style makes of a paragraph.
struct StyleRole {
  enum class Kind { Body, Title, Heading, ContentsEntry };
  Kind kind = Kind::Body;
  int level = 0;  // Heading: 1..9
};

int parseLevel(const std::string& digits, int fallback) {
  if (digits.empty() || digits.size() > 2 ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return fallback;
  }
  return std::stoi(digits);
}

std::string lowerWithoutSpaces(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (c != ' ') out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// A style's English built-in name ("heading 2", "Title", "toc 1": Word keeps these names in the
// file whatever the language of its menus) or, where a file has no styles part, its id.
std::optional<StyleRole> roleByName(const std::string& name) {
  const std::string key = lowerWithoutSpaces(name);
  if (key == "title") return StyleRole{StyleRole::Kind::Title, 1};
  for (const auto& [prefix, kind] : {std::pair{std::string("heading"), StyleRole::Kind::Heading},
                                     std::pair{std::string("toc"), StyleRole::Kind::ContentsEntry}}) {
    if (key.size() == prefix.size() + 1 && key.starts_with(prefix)) {
      const int level = parseLevel(key.substr(prefix.size()), 0);
      if (level >= 1 && level <= 9) return StyleRole{kind, level};
    }
  }
  return std::nullopt;
}

// word/styles.xml: a paragraph style's role by its name, else by its outline level, else by the
// style it is based on.
class WordStyles {
 public:
  void read(const xmlNode* root) {
    for (const xmlNode* style = root->children; style != nullptr; style = style->next) {
      if (!isWord(style, "style")) continue;
      const xmlChar* ns = style->ns->href;
      const std::optional<std::string> id = attribute(style, "styleId", ns);
      if (!id || attribute(style, "type", ns).value_or("paragraph") != "paragraph") continue;
      Style& entry = styles_[*id];
      entry.name = wordValue(wordChild(style, "name")).value_or("");
      entry.basedOn = wordValue(wordChild(style, "basedOn")).value_or("");
      if (const xmlNode* properties = wordChild(style, "pPr")) {
        entry.outlineLevel = parseLevel(wordValue(wordChild(properties, "outlineLvl")).value_or(""), -1);
      }
    }
  }

  StyleRole role(std::string id) const {
    for (int step = 0; step < kMaxBasedOn && !id.empty(); ++step) {
      const auto found = styles_.find(id);
      if (found == styles_.end()) return roleByName(id).value_or(StyleRole{});
      const Style& style = found->second;
      if (const std::optional<StyleRole> role = roleByName(style.name)) return *role;
      if (style.outlineLevel >= 0 && style.outlineLevel < 9) return {StyleRole::Kind::Heading, style.outlineLevel + 1};
      if (style.outlineLevel == 9) return {};  // "body text", said outright
      id = style.basedOn;
    }
    return {};
  }

 private:
  static constexpr int kMaxBasedOn = 16;  // a chain of w:basedOn (a cycle in a damaged file ends here)
  struct Style {
    std::string name;
    std::string basedOn;
    int outlineLevel = -1;  // 0-based as in the file; -1: none
  };
  std::unordered_map<std::string, Style> styles_;
};

class DocxReader {
 public:
  DocxReader(const WordStyles& styles, BlockCollector& blocks) : styles_(styles), blocks_(blocks) {}

  // Block content: paragraphs and tables, and the containers they may sit in (content controls,
  // custom XML, tracked insertions).
  void readBlocks(const xmlNode* container) {
    for (const xmlNode* child = container->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedWordElement(child)) continue;
      if (isWord(child, "p")) {
        readParagraph(child);
      } else if (isWord(child, "tbl")) {
        readTable(child);
      } else if (!isTableOfContents(child)) {
        readBlocks(child);
      }
    }
  }

  const std::string& titleParagraph() const { return title_; }

 private:
  void readParagraph(const xmlNode* paragraph) {
    StyleRole role;
    if (const xmlNode* properties = wordChild(paragraph, "pPr")) {
      if (const std::optional<std::string> style = wordValue(wordChild(properties, "pStyle")))
        role = styles_.role(*style);
      // An outline level on the paragraph itself wins over its style's.
      if (const std::optional<std::string> outline = wordValue(wordChild(properties, "outlineLvl"))) {
        const int level = parseLevel(*outline, -1);
        if (level >= 0 && level < 9) role = {StyleRole::Kind::Heading, level + 1};
        if (level == 9) role = {};
      }
    }
    if (role.kind == StyleRole::Kind::ContentsEntry) return;  // a table of contents repeats the headings
    std::string text;
    appendInline(paragraph, text);
    if (role.kind == StyleRole::Kind::Title && title_.empty()) title_ = text;
    if (role.kind == StyleRole::Kind::Body) {
      blocks_.add(SourceBlock::Kind::Paragraph, std::move(text));
    } else {
      blocks_.add(SourceBlock::Kind::Heading, std::move(text), role.level);
    }
  }

  // The text of runs under node, in order: w:t, and the characters that elements stand for.
  void appendInline(const xmlNode* node, std::string& out) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedWordElement(child)) continue;
      if (isWord(child, "t")) {
        for (const xmlNode* text = child->children; text != nullptr; text = text->next) {
          if (text->type == XML_TEXT_NODE) appendRunText(out, text->content);
        }
      } else if (isWord(child, "tab") || isWord(child, "ptab")) {
        out += ' ';
      } else if (isWord(child, "br") || isWord(child, "cr")) {
        out += '\n';
      } else if (isWord(child, "noBreakHyphen")) {
        out += '-';
      } else if (isWord(child, "softHyphen")) {
        // a place the word may break: no character
      } else if (isWord(child, "r")) {
        const xmlNode* properties = wordChild(child, "rPr");
        if (properties == nullptr || !isOn(wordChild(properties, "vanish"))) appendInline(child, out);  // hidden text
      } else if (isWord(child, "p")) {
        // a paragraph of a text box inside this one
        if (!out.empty() && out.back() != '\n') out += '\n';
        appendInline(child, out);
      } else {
        appendInline(child, out);  // hyperlinks, fields, insertions, content controls, drawings' text boxes
      }
    }
  }

  void readTable(const xmlNode* table) {
    forEachWord(table, "tr", [&](const xmlNode* row) {
      std::vector<std::string> cells;
      forEachWord(row, "tc", [&](const xmlNode* cell) {
        std::string text;
        appendCellText(cell, text);
        cells.push_back(std::move(text));
      });
      blocks_.add(SourceBlock::Kind::TableRow, markup::joinCells(cells));
    });
  }

  // The paragraphs of a cell joined by spaces, nested tables' cells among them.
  void appendCellText(const xmlNode* node, std::string& out) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedWordElement(child)) continue;
      if (isWord(child, "p")) {
        std::string text;
        appendInline(child, text);
        if (text.find_first_not_of(" \n") == std::string::npos) continue;
        if (!out.empty()) out += ' ';
        out += text;
      } else {
        appendCellText(child, out);
      }
    }
  }

  // The elements `local` among node's children, or inside the containers between (w:sdt,
  // w:customXml) where they sit in.
  template <typename Visit>
  void forEachWord(const xmlNode* node, const char* local, const Visit& visit) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedWordElement(child)) continue;
      if (isWord(child, local)) {
        visit(child);
      } else if (!isWord(child, "tbl") && !isWord(child, "p")) {
        forEachWord(child, local, visit);
      }
    }
  }

  // A table of contents Word keeps in a content control: its entries repeat the headings.
  static bool isTableOfContents(const xmlNode* node) {
    if (!isWord(node, "sdt")) return false;
    const xmlNode* properties = wordChild(node, "sdtPr");
    const xmlNode* part = properties != nullptr ? wordChild(properties, "docPartObj") : nullptr;
    const xmlNode* gallery = part != nullptr ? wordChild(part, "docPartGallery") : nullptr;
    return wordValue(gallery).value_or("") == "Table of Contents";
  }

  const WordStyles& styles_;
  BlockCollector& blocks_;
  std::string title_;  // the first paragraph in the Title style
};

// ---- ODT: content.xml, its title from meta.xml.

constexpr const char* kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* kSvgNs = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

// table:number-columns-repeated and -rows-repeated are honoured up to this: a text document's
// table repeats a cell or row a few times; a spreadsheet pasted in repeats empty ones thousands.
constexpr long kMaxRepeat = 20;
constexpr long kMaxSpaces = 16;  // text:s text:c="..."; the clean-up makes a run of spaces one

long countAttribute(const xmlNode* node, const char* ns, const char* local, long bound) {
  const std::optional<std::string> value = attribute(node, local, reinterpret_cast<const xmlChar*>(ns));
  if (!value || value->empty() || value->size() > 9 ||
      !std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c); })) {
    return 1;
  }
  return std::clamp(std::stol(*value), 1L, bound);
}

bool isText(const xmlNode* node, const char* local) { return isElement(node, kTextNs, local); }
bool isTable(const xmlNode* node, const char* local) { return isElement(node, kTableNs, local); }

// Content that is not the document's running text: footnotes and endnotes, list numbers as last
// rendered (a DOCX's numbering is not in its text either), deleted text of tracked changes, comments, indexes and
// tables of contents (they repeat the text), declarations, and the titles and descriptions of drawings.
bool isSkippedOdtElement(const xmlNode* node) {
  static const char* const skippedText[] = {"note",
                                            "number",
                                            "tracked-changes",
                                            "soft-page-break",
                                            "table-of-content",
                                            "alphabetical-index",
                                            "illustration-index",
                                            "table-index",
                                            "object-index",
                                            "user-index",
                                            "bibliography",
                                            "sequence-decls",
                                            "variable-decls",
                                            "user-field-decls",
                                            "dde-connection-decls"};
  for (const char* local : skippedText) {
    if (isText(node, local)) return true;
  }
  return isElement(node, kOfficeNs, "annotation") || isElement(node, kOfficeNs, "forms") ||
         isElement(node, kSvgNs, "title") || isElement(node, kSvgNs, "desc") || isTable(node, "table-columns") ||
         isTable(node, "table-column") || isTable(node, "table-header-columns") || isTable(node, "table-column-group");
}

class OdtReader {
 public:
  explicit OdtReader(BlockCollector& blocks) : blocks_(blocks) {}

  void readBlocks(const xmlNode* container) {
    for (const xmlNode* child = container->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedOdtElement(child)) continue;
      if (isText(child, "h")) {
        std::string text;
        appendInline(child, text);
        const long level = countAttribute(child, kTextNs, "outline-level", 10);
        blocks_.add(SourceBlock::Kind::Heading, std::move(text), static_cast<int>(level));
      } else if (isText(child, "p")) {
        std::string text;
        appendInline(child, text);
        blocks_.add(SourceBlock::Kind::Paragraph, std::move(text));
      } else if (isTable(child, "table")) {
        readTable(child);
      } else {
        readBlocks(child);  // lists and their items, sections, frames
      }
    }
  }

 private:
  void appendInline(const xmlNode* node, std::string& out) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE) {
        appendRunText(out, child->content);
        continue;
      }
      if (child->type != XML_ELEMENT_NODE || isSkippedOdtElement(child)) continue;
      if (isText(child, "s")) {
        out.append(static_cast<std::size_t>(countAttribute(child, kTextNs, "c", kMaxSpaces)), ' ');
      } else if (isText(child, "tab")) {
        out += ' ';
      } else if (isText(child, "line-break")) {
        out += '\n';
      } else if (isText(child, "p") || isText(child, "h")) {
        // a paragraph of a text box inside this one
        if (!out.empty() && out.back() != '\n') out += '\n';
        appendInline(child, out);
      } else {
        appendInline(child, out);  // spans, links, fields, frames
      }
    }
  }

  void readTable(const xmlNode* table) {
    forEachRow(table, [&](const xmlNode* row) {
      std::vector<std::string> cells;
      std::size_t rowBytes = 0;
      for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
        // A covered cell is the place of a merged one: empty, it keeps the columns in line.
        if (!isTable(cell, "table-cell") && !isTable(cell, "covered-table-cell")) continue;
        std::string text;
        appendCellText(cell, text);
        const long repeat = countAttribute(cell, kTableNs, "number-columns-repeated", kMaxRepeat);
        rowBytes += static_cast<std::size_t>(repeat) * (text.size() + 3);
        blocks_.checkRoom(rowBytes);
        for (long copy = 1; copy < repeat; ++copy) cells.push_back(text);
        cells.push_back(std::move(text));
      }
      const std::string text = markup::joinCells(cells);
      const long repeat = countAttribute(row, kTableNs, "number-rows-repeated", kMaxRepeat);
      for (long copy = 0; copy < repeat; ++copy) blocks_.add(SourceBlock::Kind::TableRow, text);
    });
  }

  template <typename Visit>
  void forEachRow(const xmlNode* node, const Visit& visit) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedOdtElement(child)) continue;
      if (isTable(child, "table-row")) {
        visit(child);
      } else if (isTable(child, "table-header-rows") || isTable(child, "table-rows") ||
                 isTable(child, "table-row-group")) {
        forEachRow(child, visit);
      }
    }
  }

  // The paragraphs of a cell joined by spaces, nested tables' cells among them.
  void appendCellText(const xmlNode* node, std::string& out) const {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isSkippedOdtElement(child)) continue;
      if (isText(child, "p") || isText(child, "h")) {
        std::string text;
        appendInline(child, text);
        if (text.find_first_not_of(" \n") == std::string::npos) continue;
        if (!out.empty()) out += ' ';
        out += text;
      } else {
        appendCellText(child, out);
      }
    }
  }

  BlockCollector& blocks_;
};

}  // namespace

SourceText readDocxText(const fs::path& file, const ReadLimits& limits) {
  OfficeZip zip(file, "DOCX", limits);
  const std::string& name = zip.name();
  const std::optional<std::string> documentXml = zip.read("word/document.xml");
  if (!documentXml) throw Error(name + ": not a DOCX file: word/document.xml is missing");
  const markup::XmlTree document = markup::parseXml(*documentXml, name, "word/document.xml", limits);

  WordStyles styles;
  if (const std::optional<std::string> stylesXml = zip.read("word/styles.xml")) {
    const markup::XmlTree tree = markup::parseXml(*stylesXml, name, "word/styles.xml", limits);
    styles.read(xmlDocGetRootElement(tree.get()));
  }
  SourceText source;
  if (const std::optional<std::string> coreXml = zip.read("docProps/core.xml")) {
    const markup::XmlTree tree = markup::parseXml(*coreXml, name, "docProps/core.xml", limits);
    source.title = dublinCoreTitle(xmlDocGetRootElement(tree.get()));
  }

  const xmlNode* root = xmlDocGetRootElement(document.get());
  const xmlNode* body = isWord(root, "document") ? wordChild(root, "body") : nullptr;
  if (body == nullptr) zip.damaged("word/document.xml has no document body");
  BlockCollector blocks(name, limits);
  DocxReader reader(styles, blocks);
  reader.readBlocks(body);
  source.blocks = blocks.take("the document is empty, or holds only pictures");
  if (source.title.empty()) source.title = reader.titleParagraph();
  return source;
}

SourceText readOdtText(const fs::path& file, const ReadLimits& limits) {
  OfficeZip zip(file, "ODT", limits);
  const std::string& name = zip.name();
  // An OpenDocument spreadsheet or presentation is the same kind of zip; its mimetype says which.
  if (const std::optional<std::string> mimetype = zip.read("mimetype")) {
    const std::string type = trimmed(*mimetype);
    if (!type.starts_with("application/vnd.oasis.opendocument.text")) {
      throw Error(name + ": not an ODT file: it is " + (type.empty() ? std::string("of no declared type") : type) +
                  ", not a text document");
    }
  }
  // A document saved with a password keeps its parts encrypted; the manifest says so.
  if (const std::optional<std::string> manifest = zip.read("META-INF/manifest.xml")) {
    if (manifest->find("encryption-data") != std::string::npos) {
      throw Error(name +
                  ": the document is protected by a password; open it and save a copy without one, then choose "
                  "that");
    }
  }
  const std::optional<std::string> contentXml = zip.read("content.xml");
  if (!contentXml) throw Error(name + ": not an ODT file: content.xml is missing");
  const markup::XmlTree content = markup::parseXml(*contentXml, name, "content.xml", limits);

  SourceText source;
  if (const std::optional<std::string> metaXml = zip.read("meta.xml")) {
    const markup::XmlTree tree = markup::parseXml(*metaXml, name, "meta.xml", limits);
    source.title = dublinCoreTitle(xmlDocGetRootElement(tree.get()));
  }

  const xmlNode* root = xmlDocGetRootElement(content.get());
  const xmlNode* body = isElement(root, kOfficeNs, "document-content") ? firstChild(root, kOfficeNs, "body") : nullptr;
  const xmlNode* text = body != nullptr ? firstChild(body, kOfficeNs, "text") : nullptr;
  if (text == nullptr) {
    throw Error(name + ": not an ODT file: content.xml holds no text document (office:body/office:text)");
  }
  BlockCollector blocks(name, limits);
  OdtReader(blocks).readBlocks(text);
  source.blocks = blocks.take("the document is empty, or holds only pictures");
  return source;
}

}  // namespace tiertune::documents
