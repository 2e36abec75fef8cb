// Fuzz target: the text of documents a user hands in, and the replies a generator model writes
// about them. The first byte picks the parser: HTML (libxml2's HTML parser and our walk), Markdown,
// plain text, or a question-answer reply; the rest is the input, and the clean-up runs on what
// came out. Every input must give blocks, passages, pairs or a tiertune::Error; never a crash, a
// hang, invalid UTF-8 out of the clean-up, or half a reply kept.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/documents/html_text.h"
#include "core/documents/markdown_text.h"
#include "core/documents/qa_reply.h"
#include "core/documents/text_cleanup.h"
#include "core/formats/tokenizer/unicode.h"
#include "core/util/error.h"
#include "fuzz/fuzz_target.h"

namespace {

void checkCleaned(const tiertune::documents::SourceText& source) {
  const tiertune::documents::Document document = tiertune::documents::cleanDocument(source, "fuzz.txt", "text");
  for (const tiertune::documents::Passage& passage : document.passages) {
    if (passage.text.empty() ||
        tiertune::formats::tokenizer::unicode::findInvalidUtf8(passage.text) != std::string_view::npos) {
      std::abort();  // an empty passage, or invalid UTF-8 out of the clean-up
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  tiertune::documents::ReadLimits limits;
  limits.maxTextBytes = 1 << 20;
  limits.maxNestingDepth = 64;
  try {
    switch (data[0] % 4) {
      case 0: checkCleaned(tiertune::documents::readHtmlText(input, "fuzz.html", limits)); break;
      case 1: checkCleaned(tiertune::documents::markdownBlocks(input)); break;
      case 2: checkCleaned(tiertune::documents::plainTextBlocks(input)); break;
      default: {
        const tiertune::documents::QaReply reply = tiertune::documents::parseQaReply(input, 2);
        if (reply.problem && !reply.pairs.empty()) std::abort();  // half a reply kept
        if (!reply.problem && reply.pairs.size() != 2) std::abort();
        break;
      }
    }
  } catch (const tiertune::Error&) {
  }
  return 0;
}
