// Decoding: tokenizer.json's decoder chain over the token strings of the ids.
#include <cstdint>

#include "core/formats/tokenizer/bpe_model.h"
#include "core/formats/tokenizer/pipeline.h"

namespace tiertune::formats::tokenizer::detail {
namespace {

using unicode::decodeAt;

int hexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// The byte of a "<0xHH>" token as the reference reads it: six UTF-16 units, and parseInt(HH, 16)
// of the two in the middle (leading white space, a sign, and trailing junk allowed), modulo 256.
std::optional<std::uint8_t> fallbackByte(std::string_view token) {
  if (!token.starts_with("<0x") || !token.ends_with(">") || token.size() < 6) return std::nullopt;
  const std::string_view middle = token.substr(3, token.size() - 4);
  std::vector<char32_t> units;
  for (std::size_t pos = 0; pos < middle.size();) {
    const unicode::CodePoint c = decodeAt(middle, pos);
    if (c.value >= 0x10000) return std::nullopt;  // two UTF-16 units: no digits there
    units.push_back(c.value);
    pos += c.length;
  }
  if (units.size() != 2) return std::nullopt;
  std::size_t i = 0;
  while (i < units.size() && unicode::isJsWhitespace(units[i])) ++i;
  int sign = 1;
  if (i < units.size() && (units[i] == '+' || units[i] == '-')) sign = units[i++] == '-' ? -1 : 1;
  int value = 0, digits = 0;
  for (; i < units.size() && hexValue(units[i]) >= 0; ++i, ++digits) value = value * 16 + hexValue(units[i]);
  if (digits == 0) return std::nullopt;
  return static_cast<std::uint8_t>((sign * value) & 0xFF);
}

void byteFallback(std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  std::vector<std::uint8_t> pending;
  const auto flush = [&] {
    if (pending.empty()) return;
    std::string text;
    unicode::appendUtf8Lossy(text, pending, false);
    out.push_back(std::move(text));
    pending.clear();
  };
  for (std::string& token : tokens) {
    if (const auto byte = fallbackByte(token)) {
      pending.push_back(*byte);
      continue;
    }
    flush();
    out.push_back(std::move(token));
  }
  flush();
  tokens = std::move(out);
}

void byteLevel(std::vector<std::string>& tokens, const std::unordered_set<std::string>& addedTokens) {
  std::vector<std::string> out;
  std::vector<std::uint8_t> bytes;
  const auto flush = [&] {
    if (bytes.empty()) return;
    std::string text;
    unicode::appendUtf8Lossy(text, bytes, true);
    out.push_back(std::move(text));
    bytes.clear();
  };
  for (std::string& token : tokens) {
    if (addedTokens.contains(token)) {
      flush();
      out.push_back(std::move(token));
      continue;
    }
    for (std::size_t pos = 0; pos < token.size();) {
      const unicode::CodePoint c = decodeAt(token, pos);
      const int byte = byteLevelByte(c.value);
      bytes.push_back(static_cast<std::uint8_t>(byte < 0 ? 0 : byte));  // the reference's undefined -> 0
      pos += c.length;
    }
  }
  flush();
  tokens = std::move(out);
}

// The first code point of content, when content is one UTF-16 unit (the reference compares
// units; a longer content never matches).
std::optional<char32_t> singleUnit(std::string_view content) {
  if (content.empty()) return std::nullopt;
  const unicode::CodePoint c = decodeAt(content, 0);
  if (c.length != content.size() || c.value >= 0x10000) return std::nullopt;
  return c.value;
}

void strip(std::vector<std::string>& tokens, std::string_view content, std::size_t start, std::size_t stop) {
  const std::optional<char32_t> unit = singleUnit(content);
  if (!unit) return;
  for (std::string& token : tokens) {
    std::string_view view = token;
    for (std::size_t i = 0; i < start && !view.empty(); ++i) {
      const unicode::CodePoint c = decodeAt(view, 0);
      if (c.value != *unit) break;
      view.remove_prefix(c.length);
    }
    for (std::size_t i = 0; i < stop && !view.empty(); ++i) {
      const std::size_t last = unicode::previousStart(view, view.size());
      if (decodeAt(view, last).value != *unit) break;
      view.remove_suffix(view.size() - last);
    }
    token = std::string(view);
  }
}

}  // namespace

void decodeChain(const Decoder& decoder, std::vector<std::string>& tokens,
                 const std::unordered_set<std::string>& addedTokens) {
  switch (decoder.kind) {
    case Decoder::Kind::Sequence:
      for (const Decoder& child : decoder.children) decodeChain(child, tokens, addedTokens);
      return;
    case Decoder::Kind::ByteLevel:
      byteLevel(tokens, addedTokens);
      return;
    case Decoder::Kind::Replace:
      for (std::string& token : tokens) token = replaceAll(token, decoder.pattern, decoder.content);
      return;
    case Decoder::Kind::ByteFallback:
      byteFallback(tokens);
      return;
    case Decoder::Kind::Fuse: {
      std::string all;
      for (const std::string& token : tokens) all += token;
      tokens.assign(1, std::move(all));
      return;
    }
    case Decoder::Kind::Strip:
      strip(tokens, decoder.content, decoder.start, decoder.stop);
      return;
    case Decoder::Kind::Metaspace:
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        tokens[i] = replaceAll(tokens[i], decoder.replacement, " ");
        if (decoder.addPrefixSpace && i == 0 && tokens[i].starts_with(' ')) tokens[i].erase(0, 1);
      }
      return;
  }
}

}  // namespace tiertune::formats::tokenizer::detail
