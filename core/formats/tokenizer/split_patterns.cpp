#include "core/formats/tokenizer/split_patterns.h"

#include "core/formats/tokenizer/unicode.h"

namespace tiertune::formats::tokenizer {
namespace {

using unicode::decodeAt;
using unicode::isJsWhitespace;
using unicode::isLetter;
using unicode::isNumber;

constexpr std::string_view kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr std::string_view kLlama3Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// [^\s\p{L}\p{N}]
bool isOther(char32_t cp) { return !isJsWhitespace(cp) && !(unicode::categoryBits(cp) & (unicode::kLetter | unicode::kNumber)); }
bool isNewline(char32_t cp) { return cp == '\r' || cp == '\n'; }

template <typename Predicate>
std::size_t runEnd(std::string_view text, std::size_t pos, Predicate predicate) {
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      if (!predicate(static_cast<char32_t>(text[pos]))) break;
      ++pos;
      continue;
    }
    const unicode::CodePoint c = decodeAt(text, pos);
    if (!predicate(c.value)) break;
    pos += c.length;
  }
  return pos;
}

char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// 's|'t|'re|'ve|'m|'ll|'d at text[pos] == '\'', optionally ignoring ASCII case.
std::size_t contraction(std::string_view text, std::size_t pos, bool ignoreCase) {
  const auto at = [&](std::size_t i) -> char {
    if (pos + i >= text.size()) return 0;
    return ignoreCase ? asciiLower(text[pos + i]) : text[pos + i];
  };
  const char first = at(1);
  if (first == 's' || first == 't' || first == 'm' || first == 'd') return 2;
  if ((first == 'r' || first == 'v') && at(2) == 'e') return 3;
  if (first == 'l' && at(2) == 'l') return 3;
  return 0;
}

// \s*[\r\n]+ | \s+(?!\S) | \s+ at a whitespace code point; newlines decides whether the first
// alternative takes part.
std::size_t whitespaceMatch(std::string_view text, std::size_t pos, bool newlines) {
  const std::size_t end = runEnd(text, pos, isJsWhitespace);
  if (newlines) {
    for (std::size_t i = end; i > pos; --i) {
      if (isNewline(static_cast<unsigned char>(text[i - 1]))) return i - pos;
    }
  }
  if (end == text.size()) return end - pos;
  const std::size_t lastStart = unicode::previousStart(text, end);
  return lastStart > pos ? lastStart - pos : end - pos;
}

std::size_t matchGpt2(std::string_view text, std::size_t pos) {
  const unicode::CodePoint c = decodeAt(text, pos);
  if (c.value == '\'') {
    if (const std::size_t length = contraction(text, pos, false)) return length;
  }
  std::size_t start = pos;
  char32_t cp = c.value;
  if (cp == ' ' && pos + 1 < text.size()) {
    const char32_t next = decodeAt(text, pos + 1).value;
    if (!isJsWhitespace(next)) {
      start = pos + 1;
      cp = next;
    }
  }
  if (isLetter(cp)) return runEnd(text, start, [](char32_t x) { return isLetter(x); }) - pos;
  if (isNumber(cp)) return runEnd(text, start, [](char32_t x) { return isNumber(x); }) - pos;
  if (isOther(cp)) return runEnd(text, start, isOther) - pos;
  return whitespaceMatch(text, pos, false);
}

std::size_t matchLlama3(std::string_view text, std::size_t pos, std::size_t maxDigits) {
  const unicode::CodePoint c = decodeAt(text, pos);
  const char32_t cp = c.value;
  if (cp == '\'') {
    if (const std::size_t length = contraction(text, pos, true)) return length;
  }
  const auto letters = [](char32_t x) { return isLetter(x); };
  // [^\r\n\p{L}\p{N}]?\p{L}+
  if (isLetter(cp)) return runEnd(text, pos, letters) - pos;
  if (!isNewline(cp) && !isNumber(cp) && pos + c.length < text.size() &&
      isLetter(decodeAt(text, pos + c.length).value)) {
    return runEnd(text, pos + c.length, letters) - pos;
  }
  // \p{N}{1,maxDigits}
  if (isNumber(cp)) {
    std::size_t end = pos;
    for (std::size_t count = 0; count < maxDigits && end < text.size(); ++count) {
      const unicode::CodePoint d = decodeAt(text, end);
      if (!isNumber(d.value)) break;
      end += d.length;
    }
    return end - pos;
  }
  // ' ?[^\s\p{L}\p{N}]+[\r\n]*
  std::size_t start = pos;
  if (cp == ' ' && pos + 1 < text.size()) start = pos + 1;
  if (start < text.size() && isOther(decodeAt(text, start).value)) {
    const std::size_t end = runEnd(text, start, isOther);
    return runEnd(text, end, isNewline) - pos;
  }
  return whitespaceMatch(text, pos, true);
}

}  // namespace

std::optional<SplitRegex> recognizeSplitRegex(std::string_view pattern) {
  if (pattern == kGpt2Pattern) return SplitRegex::Gpt2;
  if (pattern == kLlama3Pattern) return SplitRegex::Llama3;
  if (pattern == kQwen2Pattern) return SplitRegex::Qwen2;
  return std::nullopt;
}

std::string_view splitRegexName(SplitRegex regex) {
  switch (regex) {
    case SplitRegex::Gpt2: return "GPT-2";
    case SplitRegex::Llama3: return "Llama 3";
    case SplitRegex::Qwen2: return "Qwen2";
  }
  return "?";
}

std::size_t matchSplitRegex(SplitRegex regex, std::string_view text, std::size_t pos) {
  switch (regex) {
    case SplitRegex::Gpt2: return matchGpt2(text, pos);
    case SplitRegex::Llama3: return matchLlama3(text, pos, 3);
    case SplitRegex::Qwen2: return matchLlama3(text, pos, 1);
  }
  return 0;
}

}  // namespace tiertune::formats::tokenizer
