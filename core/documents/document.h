// A document read for training: its cleaned text in passages, each knowing the page or section it
// came from. The readers (pdf_text, office_text, html_text, markdown_text) hand what they found to
// the clean-up (text_cleanup) as SourceText; document_reader picks the reader for a file and bounds
// what it may cost. Used by the chunker (document_chunks), the question-answer generation (qa_*)
// and the import (document_dataset), from the wizard and from `tiertune-cli dataset from-documents`.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tiertune::documents {

// What reading one document may cost at most. A file over a limit is refused by name with the
// limit it broke, never read in part.
struct ReadLimits {
  std::uintmax_t maxFileBytes = std::uintmax_t{512} << 20;     // the file itself
  std::uintmax_t maxPartBytes = std::uintmax_t{64} << 20;      // one inflated part of a zip (DOCX, ODT)
  std::uintmax_t maxInflatedBytes = std::uintmax_t{256} << 20; // every part read from one zip
  double maxCompressionRatio = 200;                            // inflated / stored, per part
  std::size_t maxNestingDepth = 256;                           // XML and HTML elements
  std::uintmax_t maxTextBytes = std::uintmax_t{64} << 20;      // the text a document yields
  std::chrono::seconds pdfTimeout{300};                        // the PDF text extractor, per file
};

// What a format reader found, in reading order, before the clean-up.
struct SourceBlock {
  enum class Kind { Heading, Paragraph, TableRow };
  Kind kind = Kind::Paragraph;
  // Heading, Paragraph: the text; a '\n' where the source broke a line (PDF), so that the clean-up
  // can join words hyphenated across lines. TableRow: the cells, joined by " | ".
  std::string text;
  int level = 0;  // Heading: 1 for the top level
  int page = 0;   // 1-based page of a paged source (PDF); 0 for a flowing one
  bool preformatted = false;  // Paragraph: code or <pre>: its line breaks are kept, not joined
};

struct SourceText {
  std::string title;                // from the document's own metadata; empty when it has none
  int pages = 0;                    // paged sources
  std::vector<SourceBlock> blocks;  // in reading order
  std::vector<std::string> notes;   // what the reader noticed and handled ("2 running header lines removed")
};

// One piece of cleaned text: a heading, a paragraph (one line, or the lines of preformatted text),
// or a table (its rows, one per line, cells joined by " | ").
struct Passage {
  enum class Kind { Heading, Paragraph, Table };
  Kind kind = Kind::Paragraph;
  std::string text;
  int page = 0;         // 1-based page, or 0 where the format has none
  std::string section;  // the nearest heading above it, empty before the first
};

struct Document {
  std::filesystem::path file;
  std::string format;  // "pdf", "docx", "odt", "html", "markdown", "text"
  std::string title;   // the metadata's, else the first top heading, else the file's name
  int pages = 0;       // paged formats; 0 otherwise
  std::vector<Passage> passages;
  std::vector<std::string> notes;  // SourceText::notes and the clean-up's own
  std::size_t words() const;
};

}  // namespace tiertune::documents
