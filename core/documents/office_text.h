// Text out of word-processor documents: DOCX (Office Open XML: word/document.xml) and ODT
// (OpenDocument: content.xml), both a zip of XML read with libzip and libxml2. Headings by their
// outline level, paragraphs, table rows; the title from the document's properties. Every part is
// checked against ReadLimits by its declared size before it is inflated, and counted while it is
// (a zip bomb is refused by name, never inflated).
#pragma once

#include <filesystem>

#include "core/documents/document.h"

namespace tiertune::documents {

// Throws tiertune::Error naming the file and what is wrong ("not a DOCX file: word/document.xml
// is missing", "the file is damaged: ...", "a part would inflate to 3.2 GB, over the 64 MB limit").
SourceText readDocxText(const std::filesystem::path& file, const ReadLimits& limits);
SourceText readOdtText(const std::filesystem::path& file, const ReadLimits& limits);

}  // namespace tiertune::documents
