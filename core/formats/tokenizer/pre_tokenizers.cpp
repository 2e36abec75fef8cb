// Pre-tokenization: the stages of tokenizer.json's pre_tokenizer, each applied to every word the
// previous stage produced (as the reference's PreTokenizerSequence does).
#include <utility>

#include "core/formats/tokenizer/bpe_model.h"
#include "core/formats/tokenizer/pipeline.h"

namespace tiertune::formats::tokenizer::detail {
namespace {

using unicode::decodeAt;
using unicode::isJsWhitespace;

// regexSplit() of the reference: the matches and the text between them, in order.
template <typename Matcher>
void splitWith(std::string_view text, Matcher match, bool keepMatches, bool keepGaps,
               std::vector<std::string_view>& out) {
  std::size_t gapStart = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = match(pos);
    if (length == 0) {
      pos += decodeAt(text, pos).length;
      continue;
    }
    if (keepGaps && gapStart < pos) out.push_back(text.substr(gapStart, pos - gapStart));
    if (keepMatches) out.push_back(text.substr(pos, length));
    pos += length;
    gapStart = pos;
  }
  if (keepGaps && gapStart < text.size()) out.push_back(text.substr(gapStart));
}

void splitRegex(SplitRegex regex, std::string_view text, std::vector<std::string_view>& out) {
  splitWith(text, [&](std::size_t pos) { return matchSplitRegex(regex, text, pos); }, true, true, out);
}

void applyStage(const PreTokenizer& stage, bool last, std::string_view word, std::size_t sectionIndex,
                Words& words, std::vector<std::string_view>& out) {
  switch (stage.kind) {
    case PreTokenizer::Kind::ByteLevel: {
      if (stage.addPrefixSpace && (word.empty() || word.front() != ' ')) {
        word = words.storage.emplace_back(" " + std::string(word));
      }
      const std::size_t first = out.size();
      if (stage.useRegex) {
        splitRegex(SplitRegex::Gpt2, word, out);
      } else {
        out.push_back(word);
      }
      if (!last) {  // a later stage reads the byte-level characters themselves
        for (std::size_t i = first; i < out.size(); ++i) {
          std::string mapped;
          for (const char c : out[i]) unicode::appendUtf8(mapped, byteLevelCharacter(static_cast<std::uint8_t>(c)));
          out[i] = words.storage.emplace_back(std::move(mapped));
        }
      }
      return;
    }
    case PreTokenizer::Kind::Split: {
      if (stage.regex) {
        const SplitRegex regex = *stage.regex;
        splitWith(word, [&](std::size_t pos) { return matchSplitRegex(regex, word, pos); },
                  stage.invert || !stage.removeDelimiters,
                  !stage.invert, out);
      } else {
        const std::string_view literal = stage.literal;
        splitWith(word, [&](std::size_t pos) { return word.compare(pos, literal.size(), literal) == 0 ? literal.size() : 0; },
                  true, !stage.invert, out);
      }
      return;
    }
    case PreTokenizer::Kind::Metaspace: {
      std::string replaced = replaceAll(word, " ", stage.replacement);
      const bool prepend = stage.prepend == PreTokenizer::Prepend::Always ||
                           (stage.prepend == PreTokenizer::Prepend::First && sectionIndex == 0);
      if (stage.addPrefixSpace && prepend && !replaced.starts_with(stage.replacement)) {
        replaced.insert(0, stage.replacement);
      }
      out.push_back(words.storage.emplace_back(std::move(replaced)));
      return;
    }
    case PreTokenizer::Kind::Digits: {
      const bool individual = stage.individualDigits;
      splitWith(word,
                [&](std::size_t pos) {
                  const auto isDigit = [&](std::size_t i) { return word[i] >= '0' && word[i] <= '9'; };
                  std::size_t end = pos;
                  if (isDigit(pos)) {
                    ++end;
                    while (!individual && end < word.size() && isDigit(end)) ++end;
                  } else {
                    while (end < word.size() && !isDigit(end)) ++end;
                  }
                  return end - pos;
                },
                true, true, out);
      return;
    }
    case PreTokenizer::Kind::WhitespaceSplit: {
      splitWith(word,
                [&](std::size_t pos) {
                  std::size_t end = pos;
                  while (end < word.size()) {
                    const unicode::CodePoint c = decodeAt(word, end);
                    if (isJsWhitespace(c.value)) break;
                    end += c.length;
                  }
                  return end - pos;
                },
                true, false, out);
      return;
    }
  }
}

}  // namespace

void preTokenize(const std::vector<PreTokenizer>& stages, std::string_view text, std::size_t sectionIndex,
                 Words& words) {
  words.list.clear();
  words.list.push_back(text);
  words.byteLevel = false;
  std::vector<std::string_view> next;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const bool last = s + 1 == stages.size();
    next.clear();
    for (const std::string_view word : words.list) applyStage(stages[s], last, word, sectionIndex, words, next);
    std::swap(words.list, next);
    words.byteLevel = last && stages[s].kind == PreTokenizer::Kind::ByteLevel;
  }
}

}  // namespace tiertune::formats::tokenizer::detail
