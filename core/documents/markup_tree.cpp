#include "core/documents/markup_tree.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <new>

#include "core/util/error.h"

namespace tiertune::documents::markup {
namespace {

struct FreeParserContext {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool isBlank(std::string_view text) {
  for (const char c : text) {
    if (!isSpace(c)) return false;
  }
  return true;
}

constexpr std::size_t kLibxmlMaxDepth = 256;  // xmlParserMaxDepth without XML_PARSE_HUGE

[[noreturn]] void tooDeep(const std::string& name, const std::string& part, std::size_t maxDepth) {
  throw Error(name + ": " + part + " nests elements more than " + std::to_string(maxDepth) +
              " deep, deeper than a real document does: refusing it (the file is damaged or made to harm)");
}

}  // namespace

void initLibxml() {
  static const bool ready = [] {
    xmlInitParser();
    return true;
  }();
  (void)ready;
}

XmlTree parseXml(std::string_view bytes, const std::string& name, const std::string& part, const ReadLimits& limits) {
  initLibxml();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(name + ": " + part + " is " + sizeWords(bytes.size()) + ", more than can be read as XML");
  }
  const std::unique_ptr<xmlParserCtxt, FreeParserContext> context(xmlNewParserCtxt());
  if (context == nullptr) throw std::bad_alloc();
  // Not XML_PARSE_NOENT (it would substitute entities, external ones included), nor DTDLOAD,
  // DTDATTR, DTDVALID, XINCLUDE or HUGE.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  XmlTree tree(
      xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), part.c_str(), nullptr, options));
  if (tree == nullptr || context->wellFormed == 0) {
    const xmlError& error = context->lastError;
    std::string reason = error.message != nullptr ? error.message : "it is not well-formed XML";
    while (!reason.empty() && isSpace(reason.back())) reason.pop_back();
    if (error.code == XML_ERR_INTERNAL_ERROR && reason.find("depth") != std::string::npos) {
      tooDeep(name, part, nestingLimit(limits));
    }
    const std::string line = error.line > 0 ? " line " + std::to_string(error.line) : std::string();
    if (error.code == XML_ERR_ENTITY_LOOP) {  // libxml2's words for entities that expand too far
      throw Error(name + ": the file is damaged: " + part + line +
                  " declares XML entities that expand without end or far too much: refusing a possible entity bomb");
    }
    throw Error(name + ": the file is damaged: " + part + line + ": " + reason);
  }
  const xmlNode* root = xmlDocGetRootElement(tree.get());
  if (root == nullptr) throw Error(name + ": the file is damaged: " + part + " is empty");
  checkNesting(root, nestingLimit(limits), name, part);
  return tree;
}

std::size_t nestingLimit(const ReadLimits& limits) { return std::min(limits.maxNestingDepth, kLibxmlMaxDepth); }

void checkNesting(const xmlNode* root, std::size_t maxDepth, const std::string& name, const std::string& part) {
  const xmlNode* node = root;
  std::size_t depth = 1;
  while (true) {
    if (node->type == XML_ELEMENT_NODE) {
      if (depth > maxDepth) tooDeep(name, part, maxDepth);
      if (node->children != nullptr) {
        node = node->children;
        ++depth;
        continue;
      }
    }
    while (node != root && node->next == nullptr) {
      node = node->parent;
      --depth;
    }
    if (node == root) return;
    node = node->next;
  }
}

bool isElement(const xmlNode* node, const char* ns, const char* local) {
  if (node->type != XML_ELEMENT_NODE || std::strcmp(reinterpret_cast<const char*>(node->name), local) != 0) {
    return false;
  }
  if (ns == nullptr) return node->ns == nullptr;
  return node->ns != nullptr && node->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0;
}

std::optional<std::string> attribute(const xmlNode* node, const char* local, const xmlChar* ns) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (!xmlStrEqual(attr->name, reinterpret_cast<const xmlChar*>(local))) continue;
    if (ns == nullptr ? attr->ns != nullptr : attr->ns == nullptr || !xmlStrEqual(attr->ns->href, ns)) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, attr->children, 1);
    std::string text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
  }
  return std::nullopt;
}

std::string textContent(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != nullptr) {
      text += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      text += textContent(child);
    }
  }
  return text;
}

void appendCollapsed(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (!isSpace(c)) {
      out += c;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      out += ' ';
    }
  }
}

std::string joinCells(const std::vector<std::string>& cells) {
  std::size_t end = cells.size();
  while (end > 0 && isBlank(cells[end - 1])) --end;
  std::string row;
  for (std::size_t at = 0; at < end; ++at) {
    if (at > 0) row += " | ";
    for (const char c : cells[at]) row += c == '\n' || c == '\r' ? ' ' : c;
  }
  return row;
}

std::string sizeWords(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  static const char* const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  double value = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, value < 9.95 ? "%.1f" : "%.0f", value);
  std::string words = text;
  if (words.ends_with(".0")) words.resize(words.size() - 2);
  return words + " " + units[unit];
}

void BlockCollector::add(SourceBlock::Kind kind, std::string text, int level, bool preformatted) {
  if (isBlank(text)) return;
  checkRoom(text.size());
  textBytes_ += text.size();
  SourceBlock block;
  block.kind = kind;
  block.text = std::move(text);
  block.level = kind == SourceBlock::Kind::Heading ? level : 0;
  block.preformatted = preformatted && kind == SourceBlock::Kind::Paragraph;
  blocks_.push_back(std::move(block));
}

void BlockCollector::checkRoom(std::size_t more) const {
  if (textBytes_ + more > limits_.maxTextBytes) {
    throw Error(name_ + ": holds more than " + sizeWords(limits_.maxTextBytes) +
                " of text, over the limit for one document; split it into smaller documents");
  }
}

std::vector<SourceBlock> BlockCollector::take(const std::string& why) {
  if (blocks_.empty()) throw Error(name_ + ": no text to read: " + why);
  return std::move(blocks_);
}

}  // namespace tiertune::documents::markup
