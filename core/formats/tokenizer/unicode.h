// The Unicode the tokenizer needs, with JavaScript's semantics (the reference tokenizer runs on
// Node.js): UTF-8 decoding and encoding, WHATWG TextDecoder's lossy decoding, the general
// categories \p{L}, \p{N}, \p{M} and \s of JavaScript regular expressions, the four normalization
// forms and lowercasing. The tables (unicode_tables.inc) are generated from the reference's own
// Node.js by generate_unicode_tables.mjs, so both sides agree on every code point.
// Used by the normalizers, pre-tokenizers and decoders of tokenizer.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/util/utf8.h"

namespace tiertune::formats::tokenizer::unicode {

// Bits of categoryBits(): \p{L}, \p{N}, \p{M}.
inline constexpr std::uint8_t kLetter = 1;
inline constexpr std::uint8_t kNumber = 2;
inline constexpr std::uint8_t kMark = 4;

std::uint8_t categoryBitsSlow(char32_t cp);

inline std::uint8_t categoryBits(char32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) - U'a' < 26) return kLetter;
    if (cp - U'0' < 10) return kNumber;
    return 0;
  }
  return categoryBitsSlow(cp);
}
inline bool isLetter(char32_t cp) { return (categoryBits(cp) & kLetter) != 0; }
inline bool isNumber(char32_t cp) { return (categoryBits(cp) & kNumber) != 0; }

// \s of JavaScript regular expressions (WhiteSpace and LineTerminator), also what trim() removes.
inline bool isJsWhitespace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// The code point starting at text[pos] of valid UTF-8 and its length in bytes (1 to 4).
struct CodePoint {
  char32_t value;
  std::size_t length;
};
inline CodePoint decodeAt(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
  const char32_t first = byte(0);
  if (first < 0x80) return {first, 1};
  if (first < 0xE0) return {((first & 0x1F) << 6) | (byte(1) & 0x3F), 2};
  if (first < 0xF0) return {((first & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
  return {((first & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F), 4};
}
// The start of the code point that ends at text[end - 1] (valid UTF-8, end > 0).
inline std::size_t previousStart(std::string_view text, std::size_t end) {
  std::size_t pos = end - 1;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

using tiertune::appendUtf8;

// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values above
// U+10FFFF included), or npos when the text is valid.
std::size_t findInvalidUtf8(std::string_view text);

// TextDecoder("utf-8") of JavaScript: each maximal invalid subpart becomes U+FFFD; a leading
// byte order mark is dropped unless keepByteOrderMark (the decoder's ignoreBOM option).
void appendUtf8Lossy(std::string& out, std::span<const std::uint8_t> bytes, bool keepByteOrderMark);

enum class NormalForm { Nfc, Nfd, Nfkc, Nfkd };
// String.prototype.normalize of valid UTF-8 text.
std::string normalize(std::string_view text, NormalForm form);
// String.prototype.toLowerCase of valid UTF-8 text (without the Final_Sigma context rule).
std::string toLower(std::string_view text);
// Removes every \p{M} code point (StripAccents).
std::string removeMarks(std::string_view text);

// JavaScript's trimStart(), trimEnd() of valid UTF-8 text.
std::string_view trimStart(std::string_view text);
std::string_view trimEnd(std::string_view text);

}  // namespace tiertune::formats::tokenizer::unicode
