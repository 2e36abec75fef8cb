#include "core/data/utf8_file_stream.h"

#include <algorithm>

#include "core/util/error.h"
#include "core/util/read_file.h"

namespace tiertune::data {

namespace {
constexpr std::size_t kChunk = 1 << 16;
}

Utf8FileBuffer::Utf8FileBuffer(const std::filesystem::path& file)
    : path_(file), file_((checkRegularFile(file, kDataFileLimit), file), std::ios::binary) {
  if (!file_) throw Error(TIERTUNE_WORDS("Dataset files", "Cannot read %1."), {file.string()});
  std::error_code error;
  fileBytes_ = std::filesystem::file_size(file, error);
  std::string head(4096, '\0');
  file_.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file_.gcount()));
  encoding_ = detectEncoding(head);
  const std::size_t bom = byteOrderMarkLength(head);
  consumed_ = head.size();
  if (encoding_ == TextEncoding::Utf16LE || encoding_ == TextEncoding::Utf16BE) {
    utf16_ = std::make_unique<Utf16Decoder>(encoding_ == TextEncoding::Utf16BE);
    utf16_->decode(std::string_view(head).substr(bom), raw_);
  } else {
    raw_ = head.substr(bom);
  }
  setg(nullptr, nullptr, nullptr);
}

std::size_t Utf8FileBuffer::line() const {
  const char* start = buffer_.data();
  return linesBeforeBuffer_ + static_cast<std::size_t>(std::count(start, gptr() ? gptr() : start, '\n'));
}

void Utf8FileBuffer::refill() {
  linesBeforeBuffer_ += static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.end(), '\n'));
  buffer_.clear();
  while (buffer_.empty() && !finished_) {
    if (raw_.size() < kChunk && file_) {
      std::string chunk(kChunk, '\0');
      file_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      chunk.resize(static_cast<std::size_t>(file_.gcount()));
      consumed_ += chunk.size();
      if (utf16_) {
        utf16_->decode(chunk, raw_);
      } else {
        raw_ += chunk;
      }
    }
    const bool atEnd = !file_ || file_.eof();
    if (atEnd && utf16_) utf16_->finish(raw_);
    replaceInvalidBytes(atEnd);
    // Hand out everything but a sequence cut by the chunk's end.
    std::size_t cut = raw_.size();
    if (!atEnd) {
      std::size_t back = 0;
      while (back < 3 && back < raw_.size() && (static_cast<unsigned char>(raw_[raw_.size() - 1 - back]) & 0xC0) == 0x80) ++back;
      if (back < raw_.size() && (static_cast<unsigned char>(raw_[raw_.size() - 1 - back]) & 0x80) != 0) cut = raw_.size() - 1 - back;
    }
    buffer_.assign(raw_, 0, cut);
    raw_.erase(0, cut);
    if (atEnd && raw_.empty()) finished_ = true;
  }
}

std::optional<std::size_t> Utf8FileBuffer::firstNonUtf8LineIn(std::size_t first, std::size_t last) const {
  const auto found = std::lower_bound(nonUtf8Lines_.begin(), nonUtf8Lines_.end(), first);
  if (found == nonUtf8Lines_.end() || *found > last) return std::nullopt;
  return *found;
}

void Utf8FileBuffer::refuse(std::size_t line, std::size_t offset) const {
  throw Error(
      TIERTUNE_WORDS("Dataset files",
                     "%1 line %2: the file is not UTF-8 text; it looks like %3. Save it as "
                     "UTF-8 (in a spreadsheet program: \"CSV UTF-8\") and import it again."),
      {path_.string(), std::to_string(line), likelyLegacyEncoding(std::string_view(raw_).substr(offset, 4096))});
}

void Utf8FileBuffer::replaceInvalidBytes(bool atEnd) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::size_t from = 0;
  std::size_t line = linesBeforeBuffer_;  // of raw_[from]
  while (const auto found = firstInvalidUtf8(std::string_view(raw_).substr(from), !atEnd)) {
    const std::size_t at = from + *found;
    line += static_cast<std::size_t>(std::count(raw_.begin() + static_cast<std::ptrdiff_t>(from),
                                                raw_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    if (nonUtf8Lines_.empty()) {
      // The first bad line: is the file mostly another encoding, or one line pasted from elsewhere?
      // Judged on this chunk (64 KB or the whole file): refused when most of its lines with
      // anything but ASCII are not UTF-8.
      std::size_t nonAscii = 0, invalid = 0, lines = 0;
      for (std::size_t begin = 0; begin < raw_.size(); ++lines) {
        std::size_t end = raw_.find('\n', begin);
        if (end == std::string::npos) end = raw_.size();
        const std::string_view text = std::string_view(raw_).substr(begin, end - begin);
        if (std::any_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; })) {
          ++nonAscii;
          if (firstInvalidUtf8(text, !atEnd && end == raw_.size())) ++invalid;
        }
        begin = end + 1;
      }
      if (invalid * 2 > nonAscii) refuse(line, at);
      firstSampleLines_ = linesBeforeBuffer_ + lines;
      // Named from that line alone: the UTF-8 around it would mislead the guess.
      const std::size_t lineStart = at == 0 ? 0 : raw_.rfind('\n', at - 1) + 1;  // npos + 1 == 0
      const std::size_t lineEnd = std::min(raw_.find('\n', at), raw_.size());
      nonUtf8Encoding_ = likelyLegacyEncoding(std::string_view(raw_).substr(lineStart, lineEnd - lineStart));
    }
    if (nonUtf8Lines_.empty() || nonUtf8Lines_.back() != line) {
      nonUtf8Lines_.push_back(line);
      // Past the sample, the file turns out to be mostly another encoding after all.
      if (line > firstSampleLines_ && nonUtf8Lines_.size() * 2 > line) refuse(line, at);
    }
    raw_.replace(at, 1, kReplacement);
    from = at + kReplacement.size();
  }
}

Utf8FileBuffer::int_type Utf8FileBuffer::underflow() {
  if (gptr() != nullptr && gptr() < egptr()) return traits_type::to_int_type(*gptr());
  refill();
  if (buffer_.empty()) return traits_type::eof();
  char* begin = buffer_.data();
  setg(begin, begin, begin + buffer_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace tiertune::data
