// A dataset file as a stream of valid UTF-8, read in chunks: the BOM removed, UTF-16 converted,
// and a file that is mostly another encoding stopped with an error that names the file, the line
// and the encoding it most likely is. A few lines that are not UTF-8 in a UTF-8 file (one pasted
// from elsewhere) do not stop it: their bad bytes pass as U+FFFD and their line numbers are kept,
// so that the reader reports their rows as row problems. Counts lines and bytes as they pass, for
// row numbers and progress.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "core/data/text_encoding.h"

namespace tiertune::data {

class Utf8FileBuffer : public std::streambuf {
 public:
  explicit Utf8FileBuffer(const std::filesystem::path& file);

  TextEncoding encoding() const { return encoding_; }
  std::uintmax_t fileBytes() const { return fileBytes_; }
  std::uintmax_t bytesConsumed() const { return consumed_; }  // of the file, for progress
  // The line of the next character to be read, from 1.
  std::size_t line() const;
  // The first line from first to last (both included, already read) that is not UTF-8, if any.
  std::optional<std::size_t> firstNonUtf8LineIn(std::size_t first, std::size_t last) const;
  // What the first such line most likely is ("Windows-1252 or Latin-1").
  const std::string& nonUtf8Encoding() const { return nonUtf8Encoding_; }

 protected:
  int_type underflow() override;

 private:
  void refill();
  // Replaces the bytes that are not UTF-8 in raw_ by U+FFFD, noting their lines; throws when the
  // file is mostly another encoding.
  void replaceInvalidBytes(bool atEnd);
  [[noreturn]] void refuse(std::size_t line, std::size_t offset) const;

  std::filesystem::path path_;
  std::ifstream file_;
  TextEncoding encoding_ = TextEncoding::Utf8;
  std::unique_ptr<Utf16Decoder> utf16_;
  std::uintmax_t fileBytes_ = 0;
  std::uintmax_t consumed_ = 0;
  std::string raw_;      // bytes read, UTF-8 not yet validated (a sequence cut by the chunk end)
  std::string buffer_;   // validated UTF-8 handed out
  std::size_t linesBeforeBuffer_ = 1;
  bool finished_ = false;
  std::vector<std::size_t> nonUtf8Lines_;  // ascending
  std::string nonUtf8Encoding_;
  std::size_t firstSampleLines_ = 0;       // lines of the sample the decision was made on

};

class Utf8FileStream : public std::istream {
 public:
  // Errors of the buffer (not UTF-8) reach the caller: badbit rethrows them instead of ending the
  // stream quietly.
  explicit Utf8FileStream(const std::filesystem::path& file) : std::istream(nullptr), buffer_(file) {
    rdbuf(&buffer_);
    exceptions(std::ios::badbit);
  }
  const Utf8FileBuffer& buffer() const { return buffer_; }

 private:
  Utf8FileBuffer buffer_;
};

}  // namespace tiertune::data
