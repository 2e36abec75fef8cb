#include "core/data/utf8_file_stream.h"

#include <algorithm>

#include "core/util/error.h"

namespace tiertune::data {

namespace {
constexpr std::size_t kChunk = 1 << 16;
}

Utf8FileBuffer::Utf8FileBuffer(const std::filesystem::path& file) : path_(file), file_(file, std::ios::binary) {
  if (!file_) throw Error("Cannot read " + file.string() + ".");
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
    if (const auto invalid = firstInvalidUtf8(raw_, !atEnd)) {
      const std::size_t lineOfError =
          linesBeforeBuffer_ + static_cast<std::size_t>(std::count(raw_.begin(), raw_.begin() + static_cast<std::ptrdiff_t>(*invalid), '\n'));
      throw Error(path_.string() + " line " + std::to_string(lineOfError) +
                  ": the file is not UTF-8 text; it looks like " + likelyLegacyEncoding(raw_.substr(*invalid, 4096)) +
                  ". Save it as UTF-8 (in a spreadsheet program: \"CSV UTF-8\") and import it again.");
    }
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

Utf8FileBuffer::int_type Utf8FileBuffer::underflow() {
  if (gptr() != nullptr && gptr() < egptr()) return traits_type::to_int_type(*gptr());
  refill();
  if (buffer_.empty()) return traits_type::eof();
  char* begin = buffer_.data();
  setg(begin, begin, begin + buffer_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace tiertune::data
