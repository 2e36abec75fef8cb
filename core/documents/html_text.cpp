#include "core/documents/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/markup_tree.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

namespace tiertune::documents {
namespace {

using markup::attribute;
using markup::BlockCollector;

struct FreeHtmlContext {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The encoding to decode with: a byte order mark, else a <meta> charset among the first bytes
// (both <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">),
// else UTF-8. As browsers do, a meta that says ISO-8859-1 or ASCII means windows-1252, and one
// that says UTF-16 in bytes that were readable means UTF-8. A name libxml2 does not know gives a
// note and UTF-8.
std::string htmlEncoding(std::string_view html, std::vector<std::string>& notes) {
  if (html.starts_with("\xEF\xBB\xBF")) return "UTF-8";
  if (html.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (html.starts_with("\xFE\xFF")) return "UTF-16BE";
  const std::string head = lower(html.substr(0, 4096));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    const std::size_t end = std::min(head.find('>', meta), head.size());
    const std::size_t charset = head.find("charset", meta);
    if (charset == std::string::npos || charset > end) continue;
    std::size_t at = charset + 7;
    while (at < end && (head[at] == ' ' || head[at] == '=' || head[at] == '"' || head[at] == '\'')) ++at;
    std::size_t stop = at;
    while (stop < end &&
           (std::isalnum(static_cast<unsigned char>(head[stop])) || std::strchr("-_.:", head[stop]) != nullptr)) {
      ++stop;
    }
    const std::string name = head.substr(at, stop - at);
    if (name.empty()) continue;
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii") return "windows-1252";
    if (name.starts_with("utf-16") || name == "utf-8" || name == "utf8") return "UTF-8";
    xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(name.c_str());
    if (handler == nullptr) {
      notes.push_back("the page says its characters are in " + name + ", an encoding not known here; read as UTF-8");
      return "UTF-8";
    }
    xmlCharEncCloseFunc(handler);
    return name;
  }
  return "UTF-8";
}

bool isOneOf(const char* name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* one) { return std::strcmp(name, one) == 0; });
}

// Not the page's text: code, styles, navigation, page furniture, forms, embedded documents. (The
// walker keeps a <header> inside an article, section or main: that one holds the article's title.)
bool isDropped(const char* name) {
  return isOneOf(name, {"head",   "script", "style",  "noscript", "template", "nav", "header", "footer",
                        "aside",  "form",   "button", "select",   "textarea", "svg", "math",   "iframe",
                        "object", "embed",  "canvas", "video",    "audio",    "map", "dialog"});
}

bool isSectioning(const char* name) { return isOneOf(name, {"article", "section", "main"}); }

bool isHidden(const xmlNode* element) {
  if (attribute(element, "hidden", nullptr)) return true;
  if (lower(attribute(element, "aria-hidden", nullptr).value_or("")) == "true") return true;
  std::string style = lower(attribute(element, "style", nullptr).value_or(""));
  std::erase_if(style, [](unsigned char c) { return std::isspace(c) != 0; });
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// Elements that end the paragraph before them and start a new one.
bool isBlock(const char* name) {
  return isOneOf(name, {"p",    "li",      "blockquote", "dd",      "dt",       "dl",     "figcaption", "figure",
                        "div",  "section", "article",    "main",    "ul",       "ol",     "menu",       "address",
                        "hr",   "center",  "details",    "summary", "fieldset", "legend", "hgroup",     "body",
                        "html", "caption", "tr",         "td",      "th",       "thead",  "tbody",      "tfoot"});
}

int headingLevel(const char* name) {
  return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0' ? name[1] - '0' : 0;
}

const char* nameOf(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

bool isText(const xmlNode* node) {
  return (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content != nullptr;
}

std::string_view contentOf(const xmlNode* node) { return reinterpret_cast<const char*>(node->content); }

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n\f") - first + 1));
}

// All the visible text under node as one line (a table cell, the <title>).
void appendFlatText(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (isText(child)) {
      markup::appendCollapsed(out, contentOf(child));
    } else if (child->type == XML_ELEMENT_NODE && !isDropped(nameOf(child)) && !isHidden(child)) {
      const bool block = isBlock(nameOf(child)) || headingLevel(nameOf(child)) != 0 ||
                         std::strcmp(nameOf(child), "br") == 0 || std::strcmp(nameOf(child), "table") == 0 ||
                         std::strcmp(nameOf(child), "pre") == 0;
      if (block && !out.empty() && out.back() != ' ') out += ' ';
      appendFlatText(child, out);
      if (block && !out.empty() && out.back() != ' ') out += ' ';
    }
  }
}

// The page in reading order: the text of inline elements gathers into the current paragraph (or
// heading), which a block element ends.
class HtmlWalker {
 public:
  explicit HtmlWalker(BlockCollector& blocks) : blocks_(blocks) {}

  void walk(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (isText(child)) {
        if (inPre_ > 0) {
          pending_ += contentOf(child);
        } else {
          markup::appendCollapsed(pending_, contentOf(child));
        }
      } else if (child->type == XML_ELEMENT_NODE) {
        element(child);
      }
    }
  }

  void flush() {
    std::string text = trimmed(pending_);
    pending_.clear();
    if (text.empty()) return;
    if (kind_ == SourceBlock::Kind::Heading && level_ == 1 && firstTopHeading_.empty()) firstTopHeading_ = text;
    blocks_.add(kind_, std::move(text), level_, inPre_ > 0);
  }

  const std::string& firstTopHeading() const { return firstTopHeading_; }

 private:
  void element(const xmlNode* node) {
    const char* name = nameOf(node);
    const bool articleHeader = std::strcmp(name, "header") == 0 && inSectioning_ > 0;
    if ((isDropped(name) && !articleHeader) || isHidden(node)) return;
    if (std::strcmp(name, "br") == 0) {
      while (!pending_.empty() && pending_.back() == ' ') pending_.pop_back();
      pending_ += '\n';
    } else if (const int level = headingLevel(name); level != 0) {
      flush();
      const SourceBlock::Kind outerKind = kind_;
      const int outerLevel = level_;
      kind_ = SourceBlock::Kind::Heading;
      level_ = level;
      walk(node);
      flush();
      kind_ = outerKind;
      level_ = outerLevel;
    } else if (std::strcmp(name, "table") == 0 && !isLayoutTable(node)) {
      flush();
      table(node);
    } else if (std::strcmp(name, "pre") == 0) {
      flush();
      ++inPre_;
      walk(node);
      flush();
      --inPre_;
    } else if (isBlock(name) || articleHeader || std::strcmp(name, "table") == 0) {
      const int sectioning = isSectioning(name) ? 1 : 0;
      flush();
      inSectioning_ += sectioning;
      walk(node);
      inSectioning_ -= sectioning;
      flush();
    } else {
      walk(node);  // inline: a, b, i, span, em, strong, code, ...
    }
  }

  // A table that says it only lays out the page: its cells are read as any other blocks.
  static bool isLayoutTable(const xmlNode* table) {
    const std::string role = lower(attribute(table, "role", nullptr).value_or(""));
    return role == "presentation" || role == "none";
  }

  void table(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || isHidden(child)) continue;
      const char* name = nameOf(child);
      if (std::strcmp(name, "tr") == 0) {
        row(child);
      } else if (isOneOf(name, {"thead", "tbody", "tfoot"})) {
        table(child);
      } else if (std::strcmp(name, "caption") == 0) {
        walk(child);
        flush();
      }
    }
  }

  void row(const xmlNode* node) {
    std::vector<std::string> cells;
    for (const xmlNode* cell = node->children; cell != nullptr; cell = cell->next) {
      if (cell->type != XML_ELEMENT_NODE || !isOneOf(nameOf(cell), {"td", "th"}) || isHidden(cell)) continue;
      std::string text;
      appendFlatText(cell, text);
      cells.push_back(trimmed(text));
    }
    blocks_.add(SourceBlock::Kind::TableRow, markup::joinCells(cells));
  }

  BlockCollector& blocks_;
  std::string pending_;
  SourceBlock::Kind kind_ = SourceBlock::Kind::Paragraph;
  int level_ = 0;
  int inPre_ = 0;
  int inSectioning_ = 0;  // inside article, section or main
  std::string firstTopHeading_;
};

const xmlNode* childElement(const xmlNode* node, const char* name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && std::strcmp(nameOf(child), name) == 0) return child;
  }
  return nullptr;
}

}  // namespace

SourceText readHtmlText(const std::filesystem::path& file, const ReadLimits& limits) {
  return readHtmlText(readWholeFile(file, {limits.maxFileBytes, "a document"}), file.string(), limits);
}

SourceText readHtmlText(std::string_view html, const std::string& name, const ReadLimits& limits) {
  if (html.size() > limits.maxFileBytes || html.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(name + ": is larger than " + markup::sizeWords(std::min<std::uintmax_t>(limits.maxFileBytes, INT_MAX)) +
                ", more than a document can be; check that this is the right file.");
  }
  if (trimmed(html).empty()) throw Error(name + ": no text to read: the file is empty");
  markup::initLibxml();
  SourceText source;
  const std::string encoding = htmlEncoding(html, source.notes);
  const std::unique_ptr<htmlParserCtxt, FreeHtmlContext> context(htmlNewParserCtxt());
  if (context == nullptr) throw std::bad_alloc();
  const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER;
  const markup::XmlTree tree(htmlCtxtReadMemory(context.get(), html.data(), static_cast<int>(html.size()), name.c_str(),
                                                encoding.c_str(), options));
  const xmlNode* root = tree != nullptr ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (root == nullptr) throw Error(name + ": the file is damaged: it cannot be read as HTML");
  markup::checkNesting(root, markup::nestingLimit(limits), name, "the page");

  BlockCollector blocks(name, limits);
  HtmlWalker walker(blocks);
  walker.walk(root);
  walker.flush();
  source.blocks = blocks.take("the page is empty, or shows its text through scripts or pictures");
  if (const xmlNode* head = childElement(root, "head")) {
    if (const xmlNode* title = childElement(head, "title")) {
      appendFlatText(title, source.title);
      source.title = trimmed(source.title);
    }
  }
  if (source.title.empty()) source.title = walker.firstTopHeading();
  return source;
}

}  // namespace tiertune::documents
