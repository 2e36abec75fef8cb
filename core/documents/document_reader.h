// Which documents a user's selection holds and reading them: files as given, folders walked (in
// name order, links not followed, bounded), each file read by the reader of its format, in
// parallel, with progress and cancel. A file that cannot be read is listed with its reason,
// never dropped in silence and never imported as empty.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/documents/document.h"

namespace tiertune::documents {

enum class DocumentFormat { Pdf, Docx, Odt, Html, Markdown, Text };

// By the file's extension (case ignored): .pdf, .docx, .odt, .html/.htm/.xhtml, .md/.markdown,
// .txt/.text; nullopt for anything else.
std::optional<DocumentFormat> documentFormatOf(const std::filesystem::path& file);
// "pdf", "docx", "odt", "html", "markdown", "text": Document::format.
const char* formatName(DocumentFormat format);

// One document, read and cleaned. Throws tiertune::Error naming the file: a format Tiertune does
// not read, not a regular file, over a limit, damaged, encrypted, or no text at all.
Document readDocument(const std::filesystem::path& file, const ReadLimits& limits = {});

struct DocumentFailure {
  std::filesystem::path file;
  std::string reason;  // the whole message, naming the file
};

struct DocumentSelection {
  std::vector<std::filesystem::path> files;  // to read, in order
  std::vector<DocumentFailure> refused;      // named by the user but not readable as documents
  std::size_t otherFiles = 0;                // in the folders, not documents (images, ...): skipped
};

inline constexpr std::size_t kMaxDocumentFiles = 10000;
inline constexpr int kMaxFolderDepth = 32;

// Files named are taken when their format is known (else refused with the reason); folders are
// walked to kMaxFolderDepth, their documents taken in name order, links and other files skipped.
// Throws tiertune::Error when the selection holds more than kMaxDocumentFiles documents or a
// source does not exist.
DocumentSelection selectDocuments(const std::vector<std::filesystem::path>& sources);

struct ReadProgress {
  std::size_t done = 0, total = 0;
  std::filesystem::path file;  // the last one finished
};

struct DocumentSet {
  std::vector<Document> documents;       // in the selection's order
  std::vector<DocumentFailure> failures;  // the selection's refused ones first
  bool cancelled = false;
};

// Reads the selection on up to `threads` threads (0: the machine's cores, at most 8); progress is
// called from the calling thread after each file; a stop request ends it after the files being read.
DocumentSet readDocuments(const DocumentSelection& selection, const ReadLimits& limits = {},
                          const std::function<void(const ReadProgress&)>& progress = {}, std::stop_token stop = {},
                          unsigned threads = 0);

}  // namespace tiertune::documents
