// Plain-text and Markdown documents for continued pre-training: one file, or every .txt/.md file
// under a folder, read as a stream of blocks that end at paragraph breaks (never whole), and cut
// into training samples of a fixed number of tokens that overlap, so no text is lost at a cut.
// Used by the dataset import.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace tiertune::data {

// A folder, or a file named .txt, .text, .md or .markdown.
bool isTextDocumentSource(const std::filesystem::path& path);

// The documents of a source: the file itself, or the text files under the folder in name order.
// Throws tiertune::Error naming the folder when it holds none.
std::vector<std::filesystem::path> textDocuments(const std::filesystem::path& source);

// Calls onBlock with consecutive pieces of the document's UTF-8 text (a UTF-16 file converted),
// each ending at a blank line where one comes within a few MiB, and the bytes of the file read so
// far; onBlock returns false to stop. Throws tiertune::Error naming the file and line for text
// that is not UTF-8 or UTF-16.
bool readTextBlocks(const std::filesystem::path& file,
                    const std::function<bool(std::string_view block, std::uintmax_t bytesRead)>& onBlock);

// Cuts a stream of token ids into windows of `length` tokens, each starting `length - overlap`
// after the previous; the last window of a document holds what remains (when it is more than the
// overlap, or the document is shorter than one window).
class TokenWindows {
 public:
  TokenWindows(std::size_t length, std::size_t overlap);
  using Emit = std::function<void(std::span<const std::int32_t>)>;
  void add(std::span<const std::int32_t> ids, const Emit& emit);
  void finishDocument(const Emit& emit);

 private:
  std::size_t length_, stride_;
  std::vector<std::int32_t> pending_;
  bool emittedInDocument_ = false;
};

}  // namespace tiertune::data
