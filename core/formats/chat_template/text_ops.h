// Text operations of the chat-template language on UTF-8 strings, with the semantics of the
// reference renderer (@huggingface/jinja, which works on JavaScript strings): JavaScript's idea of
// whitespace, trimming, UTF-16 lengths, case mapping, JSON string quoting. Used by the lexer, the
// filters and the string methods.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/utf8.h"

namespace tiertune::formats::jinja {

// Decodes the code point at `position` and advances past it; an invalid or truncated sequence
// gives U+FFFD and advances by one byte.
char32_t decodeUtf8(std::string_view text, std::size_t& position);
using tiertune::appendUtf8;
// The code points of text, each as its own UTF-8 string (JavaScript's Array.from(string)).
std::vector<std::string> splitCodePoints(std::string_view text);

// JavaScript's \s: the ASCII blanks, NBSP, the Unicode space separators, LS, PS and BOM.
bool isJsWhitespace(char32_t codePoint);
// Length in bytes of the JavaScript whitespace that starts (ends) text at `position`, 0 if none.
std::size_t jsWhitespaceAt(std::string_view text, std::size_t position);
std::size_t jsWhitespaceBefore(std::string_view text, std::size_t end);

// String.prototype.trim / trimStart / trimEnd.
std::string_view trimJs(std::string_view text);
std::string_view trimStartJs(std::string_view text);
std::string_view trimEndJs(std::string_view text);
// Python's str.strip(chars): removes any of the code points of `chars` from the ends.
std::string_view stripChars(std::string_view text, std::string_view chars, bool front, bool back);

// String.prototype.length: UTF-16 code units.
std::size_t utf16Length(std::string_view text);
// String.prototype.at(index) (negative from the end) on UTF-16 code units; a half of a surrogate
// pair gives U+FFFD. Returns false when the index is outside the string.
bool utf16At(std::string_view text, long long index, std::string& out);

// toUpperCase / toLowerCase for Latin (incl. Vietnamese), Greek, Cyrillic, Armenian and fullwidth
// Latin letters, with the special cases ß → SS, İ → i̇ and the final sigma; other scripts unchanged.
std::string toUpperJs(std::string_view text);
std::string toLowerJs(std::string_view text);
// The reference's title(): every ASCII word character that follows a non-word character (or
// starts the string) is upper-cased, nothing is lower-cased.
std::string titleJs(std::string_view text);
// charAt(0).toUpperCase() + slice(1).
std::string capitalizeJs(std::string_view text);

// JSON.stringify(string): quotes, backslash and control characters escaped, other characters kept.
// With ensureAscii every UTF-16 unit from U+007F up is written as \uXXXX, as the reference does.
void appendJsonString(std::string& out, std::string_view text, bool ensureAscii);

// HTML escaping as Jinja's escape filter does it: & < > " '.
std::string htmlEscape(std::string_view text);

}  // namespace tiertune::formats::jinja
