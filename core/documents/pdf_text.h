// Text out of PDF: poppler's pdftotext (Debian's poppler-utils) run as a separate program, which
// gives every word with its box (-bbox-layout), and our own layout on top of it: the blocks of a
// page in reading order by recursive XY cuts (columns before rows, so a two-column page reads
// column by column), a table's cells put back into rows, running headers, footers and page numbers
// found across pages and removed, headings told by their line height. pdfinfo gives the title,
// the page count and whether the file is encrypted.
//
// Why a separate program: poppler is GPL (a library linked into our proprietary program is not an
// option, MuPDF is AGPL), and a damaged or hostile PDF can at worst crash or stall that process.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/documents/document.h"

namespace tiertune::documents {

// Throws tiertune::Error naming the file: encrypted ("needs a password"), damaged, no text layer
// at all ("no text to read: scanned pages need OCR"), a limit broken, pdftotext not installed.
SourceText readPdfText(const std::filesystem::path& file, const ReadLimits& limits);

// The layout step on its own, for tests: words in boxes per page, as pdftotext -bbox-layout gives
// them, into blocks in reading order.
struct PdfLine {
  double xMin = 0, yMin = 0, xMax = 0, yMax = 0;  // points, y down from the page's top
  std::string text;                               // its words joined by spaces
  std::size_t words = 0;
};
struct PdfBlock {
  double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
  std::vector<PdfLine> lines;
};
struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfBlock> blocks;  // as pdftotext found them
};

// The pages' blocks as SourceText (running headers, footers and page numbers removed, tables as
// rows, headings by size), with notes for what was removed or skipped.
SourceText layOutPdfPages(std::vector<PdfPage> pages, std::string_view title);

}  // namespace tiertune::documents
