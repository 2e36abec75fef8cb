#include "core/documents/text_cleanup.h"

#include <cstdint>
#include <span>
#include <utility>

#include "core/formats/tokenizer/unicode.h"

namespace tiertune::documents {
namespace {

namespace unicode = formats::tokenizer::unicode;

// What one code point becomes: itself, a replacement, a space, or nothing.
void appendClean(std::string& out, char32_t cp) {
  switch (cp) {
    case 0xFB00: out += "ff"; return;
    case 0xFB01: out += "fi"; return;
    case 0xFB02: out += "fl"; return;
    case 0xFB03: out += "ffi"; return;
    case 0xFB04: out += "ffl"; return;
    case 0xFB05:
    case 0xFB06: out += "st"; return;
    case 0x00AD:                                   // soft hyphen: a place a word may break
    case 0x200B: case 0x200C: case 0x200D:         // zero-width space and joiners
    case 0x2060: case 0xFEFF:                      // word joiner, byte order mark
      return;
    case 0x2028: case 0x2029: case '\n':
      out += '\n';
      return;
    case '\r':
      return;  // "\r\n" is "\n"; a lone carriage return is a line end in no file we read
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || unicode::isJsWhitespace(cp)) {
    out += ' ';
    return;
  }
  appendUtf8(out, cp);
}

std::string cleanCharacters(std::string_view text) {
  std::string valid;
  if (unicode::findInvalidUtf8(text) != std::string_view::npos) {
    unicode::appendUtf8Lossy(valid, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), false);
    text = valid;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const unicode::CodePoint point = unicode::decodeAt(text, at);
    appendClean(out, point.value);
    at += point.length;
  }
  return out;
}

bool startsLowerCase(std::string_view line) {
  if (line.empty()) return false;
  const unicode::CodePoint first = unicode::decodeAt(line, 0);
  if (!unicode::isLetter(first.value)) return false;
  const std::string_view letter = line.substr(0, first.length);
  return unicode::toLower(letter) == letter;
}

// A line that ends in a hyphen right after a letter ("hyphen-"), with the hyphen's length in
// bytes (ASCII '-' or U+2010 HYPHEN).
std::size_t trailingHyphen(std::string_view line) {
  std::size_t length = 0;
  if (line.ends_with('-')) length = 1;
  else if (line.ends_with("\u2010")) length = 3;
  if (length == 0 || line.size() == length) return 0;
  const std::size_t before = unicode::previousStart(line, line.size() - length);
  return unicode::isLetter(unicode::decodeAt(line, before).value) ? length : 0;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

void appendCollapsed(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
}

}  // namespace

std::string cleanText(std::string_view text) {
  const std::string characters = cleanCharacters(text);
  std::string out;
  std::string_view rest = characters;
  bool joinWithoutSpace = false;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = trimmed(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.empty()) continue;
    if (!out.empty() && !joinWithoutSpace) out += ' ';
    if (joinWithoutSpace && !startsLowerCase(line)) {
      out += '-';  // "Jean-\nPierre": the hyphen belongs to the name
      joinWithoutSpace = false;
    }
    const std::size_t hyphen = rest.empty() ? 0 : trailingHyphen(line);
    joinWithoutSpace = hyphen != 0;
    appendCollapsed(out, line.substr(0, line.size() - hyphen));
  }
  if (joinWithoutSpace) out += '-';
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string cleanPreformatted(std::string_view text) {
  const std::string characters = cleanCharacters(text);
  std::string out;
  std::string_view rest = characters;
  std::size_t blankLines = 0;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty()) {
      ++blankLines;
      continue;
    }
    if (!out.empty()) out.append(blankLines + 1, '\n');
    blankLines = 0;
    out += line;
  }
  return out;
}

Document cleanDocument(SourceText source, std::filesystem::path file, std::string format) {
  Document document;
  document.file = std::move(file);
  document.format = std::move(format);
  document.pages = source.pages;
  document.notes = std::move(source.notes);
  std::string section;
  std::string firstTopHeading;
  int topLevel = 0;
  for (const SourceBlock& block : source.blocks) {
    std::string text = block.preformatted ? cleanPreformatted(block.text) : cleanText(block.text);
    if (text.empty()) continue;
    if (block.kind == SourceBlock::Kind::TableRow) {
      Passage* last = document.passages.empty() ? nullptr : &document.passages.back();
      if (last != nullptr && last->kind == Passage::Kind::Table && last->page == block.page) {
        last->text += '\n';
        last->text += text;
      } else {
        document.passages.push_back({Passage::Kind::Table, std::move(text), block.page, section});
      }
      continue;
    }
    if (block.kind == SourceBlock::Kind::Heading) {
      if (topLevel == 0 || block.level < topLevel) {
        topLevel = block.level;
        firstTopHeading = text;
      }
      section = text;
      document.passages.push_back({Passage::Kind::Heading, std::move(text), block.page, section});
      continue;
    }
    document.passages.push_back({Passage::Kind::Paragraph, std::move(text), block.page, section});
  }
  document.title = cleanText(source.title);
  if (document.title.empty()) document.title = firstTopHeading;
  if (document.title.empty()) document.title = document.file.stem().string();
  return document;
}

}  // namespace tiertune::documents
