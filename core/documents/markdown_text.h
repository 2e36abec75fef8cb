// Markdown and plain text into blocks. Markdown: ATX (#) and setext (=== / ---) headings, paragraphs,
// list items, block quotes, fenced and indented code, pipe tables as rows; inline markup dropped
// (emphasis, code spans, links and images keep their text), HTML comments and a YAML front matter
// dropped (its title: kept as the title). Plain text: paragraphs at blank lines. Read as the
// dataset import reads text (UTF-8, or UTF-16 converted; errors name the file and line).
#pragma once

#include <filesystem>
#include <string_view>

#include "core/documents/document.h"

namespace tiertune::documents {

SourceText readMarkdownText(const std::filesystem::path& file, const ReadLimits& limits);
SourceText readPlainText(const std::filesystem::path& file, const ReadLimits& limits);

// The same on text in memory (tests, and Markdown from other sources).
SourceText markdownBlocks(std::string_view text);
SourceText plainTextBlocks(std::string_view text);

}  // namespace tiertune::documents
