// Text out of HTML with libxml2's HTML parser: headings, paragraphs, list items and table rows in
// document order; scripts, styles, navigation, headers, footers, forms and hidden elements
// dropped; the title from <title>, else the first <h1>.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/documents/document.h"

namespace tiertune::documents {

// Throws tiertune::Error naming the file for a file that is not readable HTML or breaks a limit.
SourceText readHtmlText(const std::filesystem::path& file, const ReadLimits& limits);

// The same for HTML already in memory (name is used in messages).
SourceText readHtmlText(std::string_view html, const std::string& name, const ReadLimits& limits);

}  // namespace tiertune::documents
