// What encoding a dataset file is in, decided from its first bytes: UTF-8 (with or without BOM)
// is read as is; UTF-16 (by its BOM, or by the zero bytes of mostly-ASCII text) is converted to
// UTF-8 on the fly; anything else is named in an error instead of being guessed at. Used by every
// importer before parsing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tiertune::data {

enum class TextEncoding { Utf8, Utf8WithBom, Utf16LE, Utf16BE };

// From a file's first bytes (a few KB are plenty). Never fails: bytes that are none of the above
// are reported by validateUtf8 when the text is read.
TextEncoding detectEncoding(std::string_view head);
// Bytes of the byte order mark that starts head (0 when it has none; UTF-16 may come without).
std::size_t byteOrderMarkLength(std::string_view head);
const char* encodingName(TextEncoding encoding);

// The offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code
// points above U+10FFFF are invalid), or nullopt when all of text is valid. A sequence cut by the
// end of text counts as valid when allowTruncatedEnd (streaming in chunks).
std::optional<std::size_t> firstInvalidUtf8(std::string_view text, bool allowTruncatedEnd = false);

// What a file that is not UTF-8 most likely is, for the error message: "Windows-1252 or Latin-1",
// "Shift JIS", "GBK", "EUC-KR" or "an unknown 8-bit encoding".
std::string likelyLegacyEncoding(std::string_view sample);

// Converts UTF-16 code units (little or big endian) to UTF-8; carries a high surrogate split
// across calls in pendingHighSurrogate. Unpaired surrogates become U+FFFD and are counted.
class Utf16Decoder {
 public:
  explicit Utf16Decoder(bool bigEndian) : bigEndian_(bigEndian) {}
  // Appends the UTF-8 of bytes to out; an odd trailing byte is kept for the next call.
  void decode(std::string_view bytes, std::string& out);
  // Ends the stream; a dangling byte or surrogate becomes U+FFFD.
  void finish(std::string& out);
  std::size_t replacedUnits() const { return replaced_; }

 private:
  bool bigEndian_;
  std::string carry_;
  std::uint16_t pendingHigh_ = 0;
  std::size_t replaced_ = 0;
};

}  // namespace tiertune::data
