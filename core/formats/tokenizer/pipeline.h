// The stages of a tokenizer.json pipeline as loaded (tokenizer_json.cpp) and run (tokenizer.cpp):
// normalizers, pre-tokenizers, the post-processor and decoders, each a small tagged struct whose
// behaviour follows the reference implementation (@lenml/tokenizers, transformers.js).
// Internal to core/formats/tokenizer.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/formats/tokenizer/bpe_model.h"
#include "core/formats/tokenizer/split_patterns.h"
#include "core/formats/tokenizer/unicode.h"

namespace tiertune::formats::tokenizer::detail {

struct Normalizer {
  enum class Kind { Sequence, Unicode, Prepend, Replace, Lowercase, Strip, StripAccents };
  Kind kind = Kind::Sequence;
  unicode::NormalForm form = unicode::NormalForm::Nfc;  // Unicode
  std::string text;                                     // Prepend: the prefix; Replace: the pattern
  std::string content;                                  // Replace: the replacement
  bool left = false, right = false;                     // Strip
  std::vector<Normalizer> children;                     // Sequence
};
std::string normalize(const Normalizer& normalizer, std::string text);

// One stage of pre-tokenization (Sequences are flattened when loading).
struct PreTokenizer {
  enum class Kind { ByteLevel, Split, Metaspace, Digits, WhitespaceSplit };
  enum class Prepend { Always, First, Never };
  Kind kind = Kind::ByteLevel;
  bool addPrefixSpace = false;            // ByteLevel, Metaspace
  bool useRegex = true;                   // ByteLevel: split with GPT-2's pattern first
  std::optional<SplitRegex> regex;        // Split: a known regex, or else literal
  std::string literal;                    // Split: a String pattern
  bool invert = false;                    // Split: keep only the matches
  bool removeDelimiters = false;          // Split: behavior "Removed"
  std::string replacement;                // Metaspace: "▁"
  Prepend prepend = Prepend::Always;      // Metaspace
  bool individualDigits = false;          // Digits
};

// The words of one section of text. They point into the section's normalized text or into
// storage. byteLevel: a ByteLevel stage ran last, so the words are raw bytes that the model reads
// through GPT-2's byte-to-unicode table.
struct Words {
  std::vector<std::string_view> list;
  std::deque<std::string> storage;
  bool byteLevel = false;
};
void preTokenize(const std::vector<PreTokenizer>& stages, std::string_view text, std::size_t sectionIndex,
                 Words& words);

struct PostProcessor {
  // The ids the post-processor puts before and after the sequence when special tokens are added
  // (TemplateProcessing's single template, RobertaProcessing's cls and sep); ByteLevel adds none.
  std::vector<std::int32_t> before;
  std::vector<std::int32_t> after;
};

struct Decoder {
  enum class Kind { Sequence, ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace };
  Kind kind = Kind::Sequence;
  std::string pattern, content;           // Replace; Strip: content
  std::size_t start = 0, stop = 0;        // Strip
  std::string replacement;                // Metaspace
  bool addPrefixSpace = false;            // Metaspace
  std::vector<Decoder> children;          // Sequence
};
// Runs the decoder's chain over the tokens in place. addedTokens: contents of all added tokens,
// which ByteLevel passes through unchanged.
void decodeChain(const Decoder& decoder, std::vector<std::string>& tokens,
                 const std::unordered_set<std::string>& addedTokens);

struct AddedToken {
  std::string content;
  std::int32_t id = 0;
  bool special = false;
  bool lstrip = false, rstrip = false;
};

// Everything tokenizer.json and tokenizer_config.json say.
struct Definition {
  std::optional<Normalizer> normalizer;
  std::vector<PreTokenizer> preTokenizers;
  std::unique_ptr<BpeModel> model;
  bool fuseUnknown = false;
  PostProcessor postProcessor;
  std::optional<Decoder> decoder;
  std::vector<AddedToken> addedTokens;
  std::unordered_set<std::string> specialTokens;  // skipped by decode(skipSpecialTokens)
  bool cleanUpTokenizationSpaces = true;
  bool removeSpace = false;
  bool lowercaseAndRemoveAccents = false;
};
Definition parseDefinition(std::string_view tokenizerJson, std::string_view configJson, const std::string& label);

// JavaScript's replaceAll with a literal pattern (not empty).
std::string replaceAll(std::string_view text, std::string_view pattern, std::string_view content);

}  // namespace tiertune::formats::tokenizer::detail
