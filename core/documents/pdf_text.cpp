#include "core/documents/pdf_text.h"

#include <libxml/parser.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <regex>
#include <set>
#include <string>

#include "core/documents/markup_tree.h"
#include "core/util/child_process.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

namespace fs = std::filesystem;

namespace tiertune::documents {
namespace {

// ---- pdftotext -bbox-layout, read as it streams (SAX): <page width height><flow><block ...>
//      <line ...><word xMin yMin xMax yMax>text</word>

struct BboxReader {
  std::vector<PdfPage> pages;
  std::string word;
  bool inWord = false;
  std::uintmax_t textBytes = 0;
  std::uintmax_t maxTextBytes = 0;
  bool overLimit = false;
};

double attribute(const xmlChar** attributes, int count, std::string_view name) {
  // SAX2 attributes: (localname, prefix, URI, value, end) per attribute.
  for (int i = 0; i < count; ++i) {
    const xmlChar** a = attributes + 5 * i;
    if (name == reinterpret_cast<const char*>(a[0])) {
      const std::string value(reinterpret_cast<const char*>(a[3]), reinterpret_cast<const char*>(a[4]));
      return std::strtod(value.c_str(), nullptr);
    }
  }
  return 0;
}

void onStart(void* context, const xmlChar* localName, const xmlChar*, const xmlChar*, int, const xmlChar**,
             int attributeCount, int, const xmlChar** attributes) {
  auto& reader = *static_cast<BboxReader*>(context);
  const std::string_view name = reinterpret_cast<const char*>(localName);
  const auto box = [&](auto& into) {
    into.xMin = attribute(attributes, attributeCount, "xMin");
    into.yMin = attribute(attributes, attributeCount, "yMin");
    into.xMax = attribute(attributes, attributeCount, "xMax");
    into.yMax = attribute(attributes, attributeCount, "yMax");
  };
  if (name == "page") {
    PdfPage page;
    page.width = attribute(attributes, attributeCount, "width");
    page.height = attribute(attributes, attributeCount, "height");
    reader.pages.push_back(std::move(page));
  } else if (name == "block" && !reader.pages.empty()) {
    box(reader.pages.back().blocks.emplace_back());
  } else if (name == "line" && !reader.pages.empty() && !reader.pages.back().blocks.empty()) {
    box(reader.pages.back().blocks.back().lines.emplace_back());
  } else if (name == "word") {
    reader.inWord = true;
    reader.word.clear();
  }
}

void onEnd(void* context, const xmlChar* localName, const xmlChar*, const xmlChar*) {
  auto& reader = *static_cast<BboxReader*>(context);
  if (std::string_view(reinterpret_cast<const char*>(localName)) != "word" || !reader.inWord) return;
  reader.inWord = false;
  if (reader.word.empty() || reader.pages.empty() || reader.pages.back().blocks.empty() ||
      reader.pages.back().blocks.back().lines.empty()) {
    return;
  }
  PdfLine& line = reader.pages.back().blocks.back().lines.back();
  if (!line.text.empty()) line.text += ' ';
  line.text += reader.word;
  ++line.words;
  reader.textBytes += reader.word.size() + 1;
  if (reader.textBytes > reader.maxTextBytes) reader.overLimit = true;
}

void onCharacters(void* context, const xmlChar* characters, int length) {
  auto& reader = *static_cast<BboxReader*>(context);
  if (reader.inWord) reader.word.append(reinterpret_cast<const char*>(characters), static_cast<std::size_t>(length));
}

void ignoreStructuredError(void*, xmlErrorPtr) {}

std::string firstLine(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
  return std::string(text.substr(0, std::min(text.find('\n'), std::size_t{200})));
}

// What a failed pdfinfo or pdftotext means, in words.
[[noreturn]] void throwFailure(const fs::path& file, const std::string& program, const ChildResult& result,
                               const ReadLimits& limits) {
  const std::string name = file.filename().string();
  if (result.end == ChildResult::End::TimedOut) {
    throw Error(name + ": reading the PDF took longer than " + std::to_string(limits.pdfTimeout.count()) +
                " s; it may be damaged or very large.");
  }
  if (result.errors.find("Incorrect password") != std::string::npos ||
      result.errors.find("password") != std::string::npos) {
    throw Error(name + ": the PDF is encrypted: it needs a password to be read. Save an unprotected copy "
                       "and add that instead.");
  }
  const std::string why = firstLine(result.errors);
  throw Error(name + ": the file is damaged or is not a PDF (" + program + ": " +
              (why.empty() ? "exit code " + std::to_string(result.exitCode) : why) + ").");
}

void requirePoppler(const std::string& program) {
  if (findProgram(program).empty()) {
    throw Error("Reading PDF files needs poppler's " + program +
                ", which is not installed (Debian package poppler-utils: apt install poppler-utils).");
  }
}

struct PdfInfo {
  std::string title;
  int pages = 0;
};

PdfInfo readPdfInfo(const fs::path& file, const ReadLimits& limits) {
  requirePoppler("pdfinfo");
  std::string output;
  const ChildResult result = runChild(
      {"pdfinfo", "-enc", "UTF-8", file.string()},
      [&](std::string_view piece) {
        output.append(piece);
        return output.size() < (std::size_t{1} << 20);
      },
      {.timeout = limits.pdfTimeout});
  if (!result.succeeded()) throwFailure(file, "pdfinfo", result, limits);
  PdfInfo info;
  std::string_view rest = output;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (key == "Title") info.title = value;
    if (key == "Pages") info.pages = std::atoi(std::string(value).c_str());
  }
  // Office programs write the file's name as the title ("Microsoft Word - report.docx"): no title.
  static const std::regex fileNameTitle(R"(.*\.(docx?|odt|rtf|pdf|pptx?|xlsx?|txt|indd|tex)$)", std::regex::icase);
  if (std::regex_match(info.title, fileNameTitle)) info.title.clear();
  return info;
}

// ---- the layout

struct Item {  // a block of text or a table, on one page
  double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
  std::vector<PdfLine> lines;     // text
  std::vector<std::string> rows;  // table: cells joined by " | "
  bool table() const { return !rows.empty(); }
  std::string text() const {
    std::string out;
    for (const PdfLine& line : lines) {
      if (!out.empty()) out += '\n';
      out += line.text;
    }
    return out;
  }
};

double lineHeight(const PdfLine& line) { return line.yMax - line.yMin; }

// A block that could be one column of a table: several short lines.
bool tableColumnCandidate(const PdfBlock& block) {
  if (block.lines.size() < 2) return false;
  std::size_t words = 0, longest = 0;
  for (const PdfLine& line : block.lines) {
    words += line.words;
    longest = std::max(longest, line.words);
  }
  return longest <= 8 && words <= 4 * block.lines.size();
}

// How many lines of a and b sit on the same baseline.
std::size_t sharedRows(const PdfBlock& a, const PdfBlock& b) {
  std::size_t shared = 0;
  for (const PdfLine& x : a.lines) {
    for (const PdfLine& y : b.lines) {
      if (std::abs(x.yMax - y.yMax) <= 0.3 * std::min(lineHeight(x), lineHeight(y))) {
        ++shared;
        break;
      }
    }
  }
  return shared;
}

bool apartHorizontally(const PdfBlock& a, const PdfBlock& b) { return a.xMax < b.xMin || b.xMax < a.xMin; }

// Blocks into items: the columns of a table (blocks of short lines side by side whose lines share
// at least two baselines) merged into one item of rows; every other block an item of its own.
std::vector<Item> pageItems(const PdfPage& page) {
  const std::size_t n = page.blocks.size();
  std::vector<std::size_t> group(n);
  std::iota(group.begin(), group.end(), 0);
  const auto root = [&](std::size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!tableColumnCandidate(page.blocks[i])) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (tableColumnCandidate(page.blocks[j]) && apartHorizontally(page.blocks[i], page.blocks[j]) &&
          sharedRows(page.blocks[i], page.blocks[j]) >= 2) {
        group[root(j)] = root(i);
      }
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < n; ++i) members[root(i)].push_back(i);
  std::vector<Item> items;
  for (const auto& [first, blocks] : members) {
    Item item{page.blocks[blocks[0]].xMin, page.blocks[blocks[0]].yMin, page.blocks[blocks[0]].xMax,
              page.blocks[blocks[0]].yMax, {}, {}};
    std::vector<PdfLine> lines;
    for (const std::size_t b : blocks) {
      const PdfBlock& block = page.blocks[b];
      item.xMin = std::min(item.xMin, block.xMin);
      item.yMin = std::min(item.yMin, block.yMin);
      item.xMax = std::max(item.xMax, block.xMax);
      item.yMax = std::max(item.yMax, block.yMax);
      for (const PdfLine& line : block.lines) {
        if (line.words > 0) lines.push_back(line);
      }
    }
    if (lines.empty()) continue;
    if (blocks.size() == 1) {
      item.lines = std::move(lines);
      items.push_back(std::move(item));
      continue;
    }
    // Rows: lines by baseline, a new row where a baseline lies below the row's by half a line.
    std::sort(lines.begin(), lines.end(), [](const PdfLine& a, const PdfLine& b) {
      return a.yMax != b.yMax ? a.yMax < b.yMax : a.xMin < b.xMin;
    });
    std::vector<std::vector<const PdfLine*>> rows;
    double rowBaseline = -1e300;
    for (const PdfLine& line : lines) {
      if (rows.empty() || line.yMax - rowBaseline > 0.5 * lineHeight(line)) {
        rows.emplace_back();
        rowBaseline = line.yMax;
      }
      rows.back().push_back(&line);
    }
    for (auto& row : rows) {
      std::sort(row.begin(), row.end(), [](const PdfLine* a, const PdfLine* b) { return a->xMin < b->xMin; });
      std::string text;
      for (const PdfLine* cell : row) text += (text.empty() ? "" : " | ") + cell->text;
      item.rows.push_back(std::move(text));
    }
    items.push_back(std::move(item));
  }
  return items;
}

// Reading order by recursive XY cuts: a vertical gap that no item crosses splits the page into
// columns first (read left to right), else a horizontal gap into bands (top to bottom); items
// that no gap separates are read top to bottom, left to right.
void readingOrder(std::vector<Item*> items, std::vector<Item*>& out) {
  if (items.size() <= 1) {
    out.insert(out.end(), items.begin(), items.end());
    return;
  }
  const auto cutAt = [&](auto low, auto high) -> std::size_t {
    std::sort(items.begin(), items.end(), [&](const Item* a, const Item* b) { return low(a) < low(b); });
    double reach = high(items[0]);
    for (std::size_t i = 1; i < items.size(); ++i) {
      if (low(items[i]) > reach) return i;
      reach = std::max(reach, high(items[i]));
    }
    return 0;
  };
  std::size_t cut = cutAt([](const Item* i) { return i->xMin; }, [](const Item* i) { return i->xMax; });
  if (cut == 0) cut = cutAt([](const Item* i) { return i->yMin; }, [](const Item* i) { return i->yMax; });
  if (cut == 0) {
    std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
      return a->yMin != b->yMin ? a->yMin < b->yMin : a->xMin < b->xMin;
    });
    out.insert(out.end(), items.begin(), items.end());
    return;
  }
  readingOrder(std::vector<Item*>(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(cut)), out);
  readingOrder(std::vector<Item*>(items.begin() + static_cast<std::ptrdiff_t>(cut), items.end()), out);
}

// An item's text with digits as '#', lower case, single spaces: the same running header on every
// page ("Page 3 of 9", "Page 4 of 9") has one key.
std::string marginKey(const Item& item) {
  std::string key;
  for (const char c : item.table() ? item.rows.front() : item.text()) {
    const char k = (c >= '0' && c <= '9') ? '#' : (c == '\n' || c == '\t') ? ' ' : (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    if (k == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += k;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

bool pageNumberKey(const std::string& key) {
  static const std::regex number(R"((page|p\.|seite|pagina|página|s\.)? ?(#+|[ivxlc]+)( ?(of|/|von|de|sur) ?#+)?|- ?#+ ?-)");
  return std::regex_match(key, number);
}

// The items at a page's top and bottom edge (within 12 % of its height): where running headers,
// footers and page numbers live.
bool inMargin(const Item& item, double pageHeight) {
  return pageHeight > 0 && (item.yMax <= 0.12 * pageHeight || item.yMin >= 0.88 * pageHeight);
}

std::string pageList(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size() && i < 12; ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 12) out += ", ...";
  return out;
}

}  // namespace

SourceText layOutPdfPages(std::vector<PdfPage> pages, std::string_view title) {
  SourceText source;
  source.title = title;
  source.pages = static_cast<int>(pages.size());
  std::vector<std::vector<Item>> items(pages.size());
  std::vector<int> blankPages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    items[p] = pageItems(pages[p]);
    if (items[p].empty()) blankPages.push_back(static_cast<int>(p + 1));
  }
  const std::size_t pagesWithText = pages.size() - blankPages.size();

  // Running headers and footers: the same margin text on at least half the pages (two at least).
  std::map<std::string, std::set<std::size_t>> marginPages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const Item& item : items[p]) {
      if (inMargin(item, pages[p].height)) marginPages[marginKey(item)].insert(p);
    }
  }
  std::size_t runningRemoved = 0, numbersRemoved = 0;
  std::vector<std::string> runningTexts;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::erase_if(items[p], [&](const Item& item) {
      if (!inMargin(item, pages[p].height)) return false;
      const std::string key = marginKey(item);
      if (pageNumberKey(key)) {
        ++numbersRemoved;
        return true;
      }
      const std::size_t onPages = marginPages[key].size();
      if (onPages >= 2 && 2 * onPages >= pagesWithText) {
        if (std::find(runningTexts.begin(), runningTexts.end(), key) == runningTexts.end()) runningTexts.push_back(key);
        ++runningRemoved;
        return true;
      }
      return false;
    });
  }

  // Headings: an item of one or two lines set at least 1.2 times the body's line height.
  std::vector<double> heights;
  for (const auto& page : items) {
    for (const Item& item : page) {
      for (const PdfLine& line : item.lines) heights.insert(heights.end(), line.words, lineHeight(line));
    }
  }
  double bodyHeight = 0;
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
    bodyHeight = heights[heights.size() / 2];
  }
  const auto headingHeight = [&](const Item& item) -> double {
    if (item.table() || item.lines.empty() || item.lines.size() > 2 || bodyHeight <= 0) return 0;
    double smallest = 1e300;
    std::size_t words = 0;
    for (const PdfLine& line : item.lines) {
      smallest = std::min(smallest, lineHeight(line));
      words += line.words;
    }
    return smallest >= 1.2 * bodyHeight && words <= 24 ? std::round(smallest) : 0;
  };
  std::set<double, std::greater<>> headingSizes;
  for (const auto& page : items) {
    for (const Item& item : page) {
      if (const double size = headingHeight(item); size > 0) headingSizes.insert(size);
    }
  }

  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<Item*> pointers;
    for (Item& item : items[p]) pointers.push_back(&item);
    std::vector<Item*> ordered;
    readingOrder(std::move(pointers), ordered);
    const int page = static_cast<int>(p + 1);
    for (const Item* item : ordered) {
      if (item->table()) {
        for (const std::string& row : item->rows) source.blocks.push_back({SourceBlock::Kind::TableRow, row, 0, page, false});
        continue;
      }
      if (const double size = headingHeight(*item); size > 0) {
        const int level = 1 + static_cast<int>(std::distance(headingSizes.begin(), headingSizes.find(size)));
        source.blocks.push_back({SourceBlock::Kind::Heading, item->text(), std::min(level, 6), page, false});
        continue;
      }
      source.blocks.push_back({SourceBlock::Kind::Paragraph, item->text(), 0, page, false});
    }
  }

  if (!runningTexts.empty()) {
    std::string quoted;
    for (std::size_t i = 0; i < runningTexts.size() && i < 3; ++i) quoted += (i ? ", \"" : "\"") + runningTexts[i] + "\"";
    source.notes.push_back("Removed " + std::to_string(runningRemoved) + " running header or footer lines (" + quoted +
                           ").");
  }
  if (numbersRemoved > 0) source.notes.push_back("Removed " + std::to_string(numbersRemoved) + " page numbers.");
  if (!blankPages.empty() && pagesWithText > 0) {
    source.notes.push_back(std::to_string(blankPages.size()) + " of " + std::to_string(pages.size()) +
                           " pages have no text layer (scanned pages need OCR) and were skipped: page " +
                           pageList(blankPages) + ".");
  }
  return source;
}

SourceText readPdfText(const fs::path& file, const ReadLimits& limits) {
  const std::string name = file.filename().string();
  checkRegularFile(file, FileSizeLimit{limits.maxFileBytes, "a PDF file"});
  const PdfInfo info = readPdfInfo(file, limits);

  requirePoppler("pdftotext");
  BboxReader reader;
  reader.maxTextBytes = limits.maxTextBytes;
  xmlSAXHandler handler{};
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = onStart;
  handler.endElementNs = onEnd;
  handler.characters = onCharacters;
  handler.serror = ignoreStructuredError;
  const std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(
      xmlCreatePushParserCtxt(&handler, &reader, nullptr, 0, "pdftotext"), xmlFreeParserCtxt);
  if (!parser) throw Error(name + ": could not start the XML reader for the PDF's text.");
  xmlCtxtUseOptions(parser.get(), XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  bool xmlFailed = false;
  const ChildResult result = runChild(
      {"pdftotext", "-bbox-layout", "-enc", "UTF-8", file.string(), "-"},
      [&](std::string_view piece) {
        if (xmlParseChunk(parser.get(), piece.data(), static_cast<int>(piece.size()), 0) != 0) xmlFailed = true;
        return !xmlFailed && !reader.overLimit;
      },
      {.timeout = limits.pdfTimeout});
  if (reader.overLimit) {
    throw Error(name + ": the PDF holds more than " + markup::sizeWords(limits.maxTextBytes) +
                " of text, over the limit for one document; split it into parts.");
  }
  if (!result.succeeded()) throwFailure(file, "pdftotext", result, limits);
  if (!xmlFailed) xmlFailed = xmlParseChunk(parser.get(), nullptr, 0, 1) != 0;
  if (xmlFailed) throw Error(name + ": pdftotext's output could not be read (it is not the XML it should be).");

  const int pageCount = std::max(info.pages, static_cast<int>(reader.pages.size()));
  SourceText source = layOutPdfPages(std::move(reader.pages), info.title);
  source.pages = pageCount;
  if (source.blocks.empty()) {
    throw Error(name + ": no text to read: " +
                (pageCount > 0 ? "none of its " + std::to_string(pageCount) +
                                     " pages has a text layer (scanned pages need OCR first)."
                               : std::string("it has no pages.")));
  }
  return source;
}

}  // namespace tiertune::documents
