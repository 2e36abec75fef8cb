// The clean-up a person would otherwise do by hand on text read out of documents: ligatures
// spelled out, no-break and odd spaces made plain, soft hyphens and zero-width characters dropped,
// words hyphenated across lines joined, lines of a paragraph joined, runs of whitespace made one
// space. Turns a reader's SourceText into a Document's passages with their sections.
#pragma once

#include <string>
#include <string_view>

#include "core/documents/document.h"

namespace tiertune::documents {

// One block's text made plain: the character clean-up above, then its lines joined into one
// (a word hyphenated across a line break joined without its hyphen when the next line goes on
// in lower case). Valid UTF-8 in, valid UTF-8 out.
std::string cleanText(std::string_view text);

// Preformatted text (code): the character clean-up line by line, trailing spaces and blank lines
// at either end dropped, the line breaks kept.
std::string cleanPreformatted(std::string_view text);

// The passages of a document (consecutive table rows make one Table passage), each with the
// section it falls under; empty blocks dropped.
Document cleanDocument(SourceText source, std::filesystem::path file, std::string format);

}  // namespace tiertune::documents
