// The regular expressions of Split pre-tokenizers, as hand-written matchers: the exact patterns
// that GPT-2 (also ByteLevel's use_regex), Llama 3 and Qwen2/Qwen3 ship are recognized by their
// text and matched with the semantics of JavaScript's RegExp with the u flag (what the reference
// tokenizer runs); any other pattern is refused when the tokenizer loads. No regex engine runs
// on the hot path. Used by pre_tokenizers.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tiertune::formats::tokenizer {

enum class SplitRegex {
  Gpt2,    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
  Llama3,  // (?i:'s|...)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|...
  Qwen2,   // as Llama3 with \p{N} for \p{N}{1,3}: digits one by one
};

// The matcher for a pattern string as tokenizer.json spells it, or nothing.
std::optional<SplitRegex> recognizeSplitRegex(std::string_view pattern);
std::string_view splitRegexName(SplitRegex regex);

// The length in bytes of the match that starts at text[pos] (valid UTF-8, pos < text.size()), or
// 0 when the pattern does not match there. These patterns match at every position.
std::size_t matchSplitRegex(SplitRegex regex, std::string_view text, std::size_t pos);

}  // namespace tiertune::formats::tokenizer
