// What the readers of markup share (office_text: the XML parts of DOCX and ODT; html_text):
// libxml2 trees parsed with options that never load anything from outside the bytes given (no
// network, no DTD, no external entities), their nesting bounded, and the collection of the blocks
// found with the document's text bounded. Internal to core/documents: includes libxml2.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/documents/document.h"

namespace tiertune::documents::markup {

struct FreeXmlDoc {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlTree = std::unique_ptr<xmlDoc, FreeXmlDoc>;

// libxml2 set up once per process; safe to call from any thread, every time before parsing.
void initLibxml();

// An XML part from memory, parsed without network access, DTD loading or entity substitution
// (an entity reference stays an XML_ENTITY_REF_NODE, which the readers skip). `part` names the part
// in messages ("word/document.xml"). Throws tiertune::Error "NAME: the file is damaged: PART line
// N: REASON" for XML that is not well-formed, and checkNesting's error.
XmlTree parseXml(std::string_view bytes, const std::string& name, const std::string& part, const ReadLimits& limits);

// The nesting the readers allow: ReadLimits::maxNestingDepth, but at most libxml2's own bound
// (256 without XML_PARSE_HUGE, which we never set: it also lifts libxml2's other limits). Past its
// bound libxml2 refuses XML, and stops an HTML page where it is, keeping what came before: a tree
// checked against this bound is never a page read in part.
std::size_t nestingLimit(const ReadLimits& limits);

// Walks the tree under root without recursion; throws "NAME: PART nests elements more than N
// deep ..." when an element lies deeper than maxDepth (root is at depth 1). After it, readers may
// walk the tree recursively: their recursion is bounded by maxDepth.
void checkNesting(const xmlNode* root, std::size_t maxDepth, const std::string& name, const std::string& part);

// Whether node is the element `local` in the namespace `ns` (nullptr: in no namespace).
bool isElement(const xmlNode* node, const char* ns, const char* local);

// The value of node's attribute `local` in the namespace ns (nullptr: in no namespace), or none.
std::optional<std::string> attribute(const xmlNode* node, const char* local, const xmlChar* ns);

// The text of node and everything under it (entity references left out).
std::string textContent(const xmlNode* node);

// Appends text with each run of ASCII whitespace made one space, no space at the start of out or
// after a line break already there (markup's own line breaks are layout, not text).
void appendCollapsed(std::string& out, std::string_view text);

// A table row's text: the cells joined by " | ", a cell's own line breaks made spaces, empty cells
// at the row's end left out; empty when every cell is.
std::string joinCells(const std::vector<std::string>& cells);

// "812 bytes", "64 MiB", "3.2 GiB".
std::string sizeWords(std::uintmax_t bytes);

// The blocks a reader finds, in order; blank ones left out, and the text of all of them counted
// against ReadLimits::maxTextBytes as they come, so that a document that would yield too much text
// is refused before it is all in memory.
class BlockCollector {
 public:
  BlockCollector(std::string name, const ReadLimits& limits) : name_(std::move(name)), limits_(limits) {}

  // preformatted: a Paragraph whose line breaks are kept (<pre>).
  void add(SourceBlock::Kind kind, std::string text, int level = 0, bool preformatted = false);
  // Throws the text-limit error when `more` bytes beyond what was added would pass the limit (for
  // text a reader builds up before it adds it).
  void checkRoom(std::size_t more) const;
  // The blocks; throws "NAME: no text to read: WHY" when there are none (why: what may be the
  // cause, in the reader's words).
  std::vector<SourceBlock> take(const std::string& why);

 private:
  std::string name_;
  const ReadLimits& limits_;
  std::vector<SourceBlock> blocks_;
  std::uintmax_t textBytes_ = 0;
};

}  // namespace tiertune::documents::markup
