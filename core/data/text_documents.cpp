#include "core/data/text_documents.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/data/utf8_file_stream.h"
#include "core/util/error.h"

namespace tiertune::data {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBlockBytes = 1 << 20;     // a block ends at the first blank line after this
constexpr std::size_t kMaxBlockBytes = 4 << 20;  // or here, when there is none

bool isTextFileName(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".txt" || extension == ".text" || extension == ".md" || extension == ".markdown";
}

}  // namespace

bool isTextDocumentSource(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error) || isTextFileName(path);
}

std::vector<fs::path> textDocuments(const fs::path& source) {
  std::error_code error;
  if (!fs::is_directory(source, error)) return {source};
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(source, fs::directory_options::skip_permission_denied, error)) {
    if (entry.is_regular_file() && isTextFileName(entry.path())) files.push_back(entry.path());
  }
  if (error)
    throw Error(TIERTUNE_WORDS("Dataset files", "%1: cannot be read (%2)"), {source.string(), error.message()});
  std::sort(files.begin(), files.end());
  if (files.empty())
    throw Error(TIERTUNE_WORDS("Dataset files", "%1: the folder has no .txt or .md files"), {source.string()});
  return files;
}

bool readTextBlocks(const fs::path& file, const std::function<bool(std::string_view, std::uintmax_t)>& onBlock) {
  Utf8FileStream stream(file);
  std::string block, line;
  while (std::getline(stream, line)) {
    block += line;
    block += '\n';
    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if ((block.size() >= kBlockBytes && blank) || block.size() >= kMaxBlockBytes) {
      if (!onBlock(block, stream.buffer().bytesConsumed())) return false;
      block.clear();
    }
  }
  // getline adds a '\n' the file may not have had at its end; the tokens of a final newline are
  // the same either way for the purpose of training on the text.
  if (!block.empty() && !onBlock(block, stream.buffer().bytesConsumed())) return false;
  return true;
}

TokenWindows::TokenWindows(std::size_t length, std::size_t overlap) : length_(length), stride_(length - overlap) {
  if (length == 0 || overlap >= length) {
    throw Error(TIERTUNE_WORDS("Dataset files", "the overlap of text samples must be smaller than their length"), {});
  }
}

void TokenWindows::add(std::span<const std::int32_t> ids, const Emit& emit) {
  pending_.insert(pending_.end(), ids.begin(), ids.end());
  std::size_t start = 0;
  while (pending_.size() - start >= length_) {
    emit(std::span<const std::int32_t>(pending_.data() + start, length_));
    emittedInDocument_ = true;
    start += stride_;
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(start));
}

void TokenWindows::finishDocument(const Emit& emit) {
  const std::size_t overlap = length_ - stride_;
  // After a full window, the first `overlap` pending tokens were already trained on.
  if (!pending_.empty() && (!emittedInDocument_ || pending_.size() > overlap)) emit(pending_);
  pending_.clear();
  emittedInDocument_ = false;
}

}  // namespace tiertune::data
