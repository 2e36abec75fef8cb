#include "core/documents/markdown_text.h"

#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "core/data/text_documents.h"
#include "core/documents/markup_tree.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

namespace fs = std::filesystem;

namespace tiertune::documents {
namespace {

std::vector<std::string_view> linesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool blank(std::string_view line) { return trim(line).empty(); }

// Inline markup to its text: images and links keep their text, code spans and emphasis lose
// their marks, autolinks their brackets, HTML tags and escapes go.
std::string inlineText(std::string_view text) {
  static const std::regex image(R"(!\[([^\]]*)\]\([^)]*\))");
  static const std::regex link(R"(\[([^\]]+)\]\([^)]*\))");
  static const std::regex reference(R"(\[([^\]]+)\]\[[^\]]*\])");
  static const std::regex autolink(R"(<((https?|mailto):[^>\s]+)>)");
  static const std::regex tag(R"(</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>)");
  static const std::regex strong(R"((\*\*|__)(\S(.*?\S)?)\1)");
  static const std::regex emphasis(R"((^|[^\w*])([*_])(\S(.*?\S)?)\2(?=$|[^\w*]))");
  static const std::regex code(R"(`+([^`]+)`+)");
  static const std::regex strike(R"(~~(\S(.*?\S)?)~~)");
  std::string out(text);
  out = std::regex_replace(out, image, "$1");
  out = std::regex_replace(out, link, "$1");
  out = std::regex_replace(out, reference, "$1");
  out = std::regex_replace(out, autolink, "$1");
  out = std::regex_replace(out, code, "$1");
  out = std::regex_replace(out, tag, "");
  out = std::regex_replace(out, strong, "$2");
  out = std::regex_replace(out, emphasis, "$1$3");
  out = std::regex_replace(out, strike, "$1");
  std::string unescaped;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\\' && i + 1 < out.size() && std::ispunct(static_cast<unsigned char>(out[i + 1]))) ++i;
    unescaped += out[i];
  }
  return unescaped;
}

bool tableSeparator(std::string_view line) {
  static const std::regex separator(R"(\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*)");
  return std::regex_match(line.begin(), line.end(), separator);
}

std::vector<std::string> tableCells(std::string_view line) {
  line = trim(line);
  if (line.starts_with('|')) line.remove_prefix(1);
  if (line.ends_with('|') && !line.ends_with("\\|")) line.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(inlineText(trim(cell)));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  cells.push_back(inlineText(trim(cell)));
  return cells;
}

}  // namespace

SourceText markdownBlocks(std::string_view text) {
  static const std::regex atx(R"(\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*)");
  static const std::regex listItem(R"(\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*))");
  static const std::regex fence(R"(\s{0,3}(```+|~~~+).*)");
  static const std::regex rule(R"(\s{0,3}([-*_])(\s*\1){2,}\s*)");
  SourceText source;
  const std::vector<std::string_view> lines = linesOf(text);
  std::size_t i = 0;
  // A YAML front matter: dropped, its title kept.
  if (!lines.empty() && trim(lines[0]) == "---") {
    for (std::size_t j = 1; j < lines.size(); ++j) {
      if (trim(lines[j]) == "---" || trim(lines[j]) == "...") {
        for (std::size_t k = 1; k < j; ++k) {
          const std::string_view line = trim(lines[k]);
          if (line.starts_with("title:")) {
            std::string_view title = trim(line.substr(6));
            if (title.size() >= 2 && (title.front() == '"' || title.front() == '\'') && title.back() == title.front()) {
              title = title.substr(1, title.size() - 2);
            }
            source.title = title;
          }
        }
        i = j + 1;
        break;
      }
    }
  }
  std::string paragraph;
  const auto endParagraph = [&] {
    if (!trim(paragraph).empty()) source.blocks.push_back({SourceBlock::Kind::Paragraph, inlineText(paragraph), 0, 0, false});
    paragraph.clear();
  };
  std::match_results<std::string_view::const_iterator> match;
  bool inComment = false;
  for (; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (inComment || trim(line).starts_with("<!--")) {
      inComment = line.find("-->") == std::string_view::npos;
      continue;
    }
    if (blank(line)) {
      endParagraph();
      continue;
    }
    if (std::regex_match(line.begin(), line.end(), match, fence)) {
      endParagraph();
      const std::string marker = match[1].str();
      std::string code;
      for (++i; i < lines.size() && !trim(lines[i]).starts_with(marker); ++i) code += std::string(lines[i]) + '\n';
      if (!code.empty()) source.blocks.push_back({SourceBlock::Kind::Paragraph, code, 0, 0, true});
      continue;
    }
    if (std::regex_match(line.begin(), line.end(), match, atx)) {
      endParagraph();
      source.blocks.push_back(
          {SourceBlock::Kind::Heading, inlineText(match[2].str()), static_cast<int>(match[1].length()), 0, false});
      continue;
    }
    // Setext: a paragraph's line underlined with === (level 1) or --- (level 2).
    if (!paragraph.empty() && paragraph.find('\n') == paragraph.size() - 1 && !line.empty()) {
      const std::string_view underline = trim(line);
      if (underline.find_first_not_of('=') == std::string_view::npos ||
          underline.find_first_not_of('-') == std::string_view::npos) {
        source.blocks.push_back({SourceBlock::Kind::Heading, inlineText(trim(paragraph)), underline[0] == '=' ? 1 : 2, 0, false});
        paragraph.clear();
        continue;
      }
    }
    if (std::regex_match(line.begin(), line.end(), rule)) {
      endParagraph();
      continue;
    }
    if (line.find('|') != std::string_view::npos && i + 1 < lines.size() && tableSeparator(lines[i + 1])) {
      endParagraph();
      source.blocks.push_back({SourceBlock::Kind::TableRow, markup::joinCells(tableCells(line)), 0, 0, false});
      for (i += 2; i < lines.size() && !blank(lines[i]) && lines[i].find('|') != std::string_view::npos; ++i) {
        source.blocks.push_back({SourceBlock::Kind::TableRow, markup::joinCells(tableCells(lines[i])), 0, 0, false});
      }
      --i;
      continue;
    }
    if (std::regex_match(line.begin(), line.end(), match, listItem)) {
      endParagraph();
      paragraph = match[2].str() + '\n';
      continue;
    }
    std::string_view content = line;
    const std::string_view trimmed = trim(line);
    if (trimmed.starts_with('>')) content = trim(trimmed.substr(1));
    paragraph += std::string(content) + '\n';
  }
  endParagraph();
  return source;
}

SourceText plainTextBlocks(std::string_view text) {
  SourceText source;
  std::string paragraph;
  for (const std::string_view line : linesOf(text)) {
    if (blank(line)) {
      if (!paragraph.empty()) source.blocks.push_back({SourceBlock::Kind::Paragraph, paragraph, 0, 0, false});
      paragraph.clear();
    } else {
      paragraph += std::string(line) + '\n';
    }
  }
  if (!paragraph.empty()) source.blocks.push_back({SourceBlock::Kind::Paragraph, paragraph, 0, 0, false});
  return source;
}

namespace {

std::string readText(const fs::path& file, const ReadLimits& limits) {
  checkRegularFile(file, FileSizeLimit{limits.maxFileBytes, "a text document"});
  std::string text;
  bool overLimit = false;
  data::readTextBlocks(file, [&](std::string_view block, std::uintmax_t) {
    text.append(block);
    overLimit = text.size() > limits.maxTextBytes;
    return !overLimit;
  });
  if (overLimit) {
    throw Error(file.filename().string() + ": holds more than " + markup::sizeWords(limits.maxTextBytes) +
                " of text, over the limit for one document; split it into parts.");
  }
  return text;
}

}  // namespace

SourceText readMarkdownText(const fs::path& file, const ReadLimits& limits) { return markdownBlocks(readText(file, limits)); }
SourceText readPlainText(const fs::path& file, const ReadLimits& limits) { return plainTextBlocks(readText(file, limits)); }

}  // namespace tiertune::documents
