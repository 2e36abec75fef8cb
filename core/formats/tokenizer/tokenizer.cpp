// Encoding and decoding with a loaded Definition, step for step as the reference's
// PreTrainedTokenizer does it: split out added tokens (longest match first), strip around those
// that ask for it, normalize and pre-tokenize each remaining section, run BPE on its words, then
// the post-processor's tokens around the whole.
#include "core/formats/tokenizer/tokenizer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/formats/tokenizer/pipeline.h"
#include "core/util/error.h"
#include "core/util/read_file.h"

namespace tiertune::formats::tokenizer {
namespace {


// Longest-match lookup of added tokens over the bytes of the text (the reference's
// DictionarySplitter walks UTF-16 units; starting only at code point boundaries, bytes match the
// same tokens because both encodings are prefix-free per code point).
class AddedTokenTrie {
 public:
  void insert(std::string_view content, std::int32_t token) {
    std::int32_t node = 0;
    for (const char c : content) {
      const auto byte = static_cast<std::uint8_t>(c);
      std::int32_t next = child(node, byte);
      if (next < 0) {
        next = static_cast<std::int32_t>(nodes_.size());
        nodes_[static_cast<std::size_t>(node)].children.emplace_back(byte, next);
        nodes_.emplace_back();
      }
      node = next;
    }
    nodes_[static_cast<std::size_t>(node)].token = token;
    firstBytes_[static_cast<std::uint8_t>(content.front())] = true;
  }

  // The length of the longest token that starts at text[pos], or 0.
  std::size_t longestMatch(std::string_view text, std::size_t pos) const {
    if (!firstBytes_[static_cast<std::uint8_t>(text[pos])]) return 0;
    std::size_t longest = 0;
    std::int32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
      node = child(node, static_cast<std::uint8_t>(text[i]));
      if (node < 0) break;
      if (nodes_[static_cast<std::size_t>(node)].token >= 0) longest = i + 1 - pos;
    }
    return longest;
  }

 private:
  struct Node {
    std::vector<std::pair<std::uint8_t, std::int32_t>> children;
    std::int32_t token = -1;
  };
  std::int32_t child(std::int32_t node, std::uint8_t byte) const {
    for (const auto& [b, next] : nodes_[static_cast<std::size_t>(node)].children) {
      if (b == byte) return next;
    }
    return -1;
  }
  std::vector<Node> nodes_ = std::vector<Node>(1);
  bool firstBytes_[256] = {};
};

// clean_up_tokenization of the reference: spaces before punctuation and English contractions.
std::string cleanUpTokenization(std::string text) {
  static constexpr std::pair<std::string_view, std::string_view> kReplacements[] = {
      {" .", "."},   {" ?", "?"},     {" !", "!"},   {" ,", ","},   {" ' ", "'"},
      {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
  for (const auto& [pattern, content] : kReplacements) {
    if (text.find(pattern) != std::string::npos) text = detail::replaceAll(text, pattern, content);
  }
  return text;
}

// x.trim().split(/\s+/).join(" ") of JavaScript.
std::string collapseWhitespace(std::string_view text) {
  text = unicode::trimEnd(unicode::trimStart(text));
  std::string out;
  bool inSpace = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const unicode::CodePoint c = unicode::decodeAt(text, pos);
    if (unicode::isJsWhitespace(c.value)) {
      inSpace = true;
    } else {
      if (inSpace) out += ' ';
      inSpace = false;
      out.append(text.substr(pos, c.length));
    }
    pos += c.length;
  }
  return out;
}

}  // namespace

struct Tokenizer::Impl {
  detail::Definition definition;
  AddedTokenTrie trie;
  StringMap<const detail::AddedToken*> addedByContent;  // the last entry of a content wins
  std::unordered_set<std::string> addedContents;         // for the ByteLevel decoder

  explicit Impl(detail::Definition loaded) : definition(std::move(loaded)) {
    for (const detail::AddedToken& token : definition.addedTokens) {
      addedByContent[token.content] = &token;
      addedContents.insert(token.content);
      trie.insert(token.content, token.id);
    }
  }

  const detail::AddedToken* addedToken(std::string_view content) const {
    const auto found = addedByContent.find(content);
    return found == addedByContent.end() ? nullptr : found->second;
  }

  void splitAddedTokens(std::string_view text, std::vector<std::string_view>& sections) const {
    sections.clear();
    if (definition.addedTokens.empty()) {
      sections.push_back(text);
      return;
    }
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t length = trie.longestMatch(text, pos);
      if (length == 0) {
        pos += unicode::decodeAt(text, pos).length;
        continue;
      }
      if (pos > start) sections.push_back(text.substr(start, pos - start));
      sections.push_back(text.substr(pos, length));
      pos += length;
      start = pos;
    }
    if (start < text.size()) sections.push_back(text.substr(start));
  }

  void encodeSection(std::string_view section, std::size_t sectionIndex, detail::Words& words,
                     std::vector<std::int32_t>& ids) const {
    const detail::Definition& d = definition;
    std::string buffer;
    if (d.removeSpace) {
      buffer = collapseWhitespace(section);
      section = buffer;
    }
    if (d.lowercaseAndRemoveAccents) {
      buffer = unicode::removeMarks(unicode::toLower(section));
      section = buffer;
    }
    if (d.normalizer) {
      buffer = detail::normalize(*d.normalizer, std::string(section));
      section = buffer;
    }
    if (section.empty()) return;
    if (d.preTokenizers.empty()) {
      words.list.assign(1, section);
      words.byteLevel = false;
    } else {
      detail::preTokenize(d.preTokenizers, section, sectionIndex, words);
    }
    const std::size_t first = ids.size();
    for (const std::string_view word : words.list) d.model->encodeWord(word, words.byteLevel, ids);
    if (d.fuseUnknown && d.model->unknownId()) {
      // Runs of unknown tokens in one section become one.
      const std::int32_t unknown = *d.model->unknownId();
      const auto begin = ids.begin() + static_cast<std::ptrdiff_t>(first);
      const auto end = std::unique(begin, ids.end(), [&](std::int32_t a, std::int32_t b) { return a == unknown && b == unknown; });
      ids.erase(end, ids.end());
    }
    words.storage.clear();
  }
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Tokenizer Tokenizer::load(const std::filesystem::path& fileOrFolder) {
  std::error_code error;
  const bool folder = std::filesystem::is_directory(fileOrFolder, error);
  const std::filesystem::path file = folder ? fileOrFolder / "tokenizer.json" : fileOrFolder;
  if (!std::filesystem::exists(file, error)) {
    throw Error(file.string() + ": not found" + (folder ? " (the folder has no tokenizer.json)" : ""));
  }
  const std::filesystem::path config = file.parent_path() / "tokenizer_config.json";
  const std::string configText = std::filesystem::exists(config, error) ? readWholeFile(config, kConfigFileLimit) : std::string();
  Tokenizer tokenizer = fromJson(readWholeFile(file, kTokenizerFileLimit), configText, file.string());
  if (tokenizer.vocabularySize() == 0) {
    throw Error(file.string() + ": the vocabulary is empty (model.vocab has no tokens and there are no added "
                "tokens), so no text can be turned into tokens. The file is incomplete: download the model's "
                "tokenizer.json again.");
  }
  return tokenizer;
}

Tokenizer Tokenizer::fromJson(std::string_view tokenizerJson, std::string_view configJson, const std::string& label) {
  return Tokenizer(std::make_unique<Impl>(detail::parseDefinition(tokenizerJson, configJson, label)));
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  if (const std::size_t bad = unicode::findInvalidUtf8(text); bad != std::string_view::npos) {
    throw Error("the text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
  }
  const Impl& impl = *impl_;
  const detail::Definition& d = impl.definition;
  std::vector<std::string_view> sections;
  impl.splitAddedTokens(text, sections);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const detail::AddedToken* token = impl.addedToken(sections[i]);
    if (!token) continue;
    if (token->lstrip && i > 0) sections[i - 1] = unicode::trimEnd(sections[i - 1]);
    if (token->rstrip && i + 1 < sections.size()) sections[i + 1] = unicode::trimStart(sections[i + 1]);
  }

  std::vector<std::int32_t> ids;
  ids.reserve(text.size() / 3 + 4);
  if (options.addSpecialTokens) ids.insert(ids.end(), d.postProcessor.before.begin(), d.postProcessor.before.end());
  detail::Words words;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::string_view section = sections[i];
    if (section.empty()) continue;
    if (const detail::AddedToken* token = impl.addedToken(section)) {
      ids.push_back(token->id);
      continue;
    }
    impl.encodeSection(section, i, words, ids);
  }
  if (options.addSpecialTokens) ids.insert(ids.end(), d.postProcessor.after.begin(), d.postProcessor.after.end());
  return ids;
}

std::string Tokenizer::decode(std::span<const std::int32_t> ids, const DecodeOptions& options) const {
  const detail::Definition& d = impl_->definition;
  const auto& byId = d.model->tokensById();
  const auto& hasId = d.model->hasId();
  std::vector<std::string> tokens;
  tokens.reserve(ids.size());
  for (const std::int32_t id : ids) {
    if (id < 0 || static_cast<std::size_t>(id) >= byId.size() || !hasId[static_cast<std::size_t>(id)]) {
      throw Error("token id " + std::to_string(id) + " is not in the tokenizer's vocabulary of " +
                  std::to_string(byId.size()) + " ids");
    }
    const std::string& token = byId[static_cast<std::size_t>(id)];
    if (options.skipSpecialTokens && d.specialTokens.contains(token)) continue;
    tokens.push_back(token);
  }
  std::string decoded;
  if (d.decoder) {
    detail::decodeChain(*d.decoder, tokens, impl_->addedContents);
    for (const std::string& token : tokens) decoded += token;
    if (const std::string& suffix = d.model->endOfWordSuffix(); !suffix.empty()) {
      decoded = detail::replaceAll(decoded, suffix, " ");
      if (options.skipSpecialTokens) decoded = std::string(unicode::trimEnd(unicode::trimStart(decoded)));
    }
  } else {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i > 0) decoded += ' ';
      decoded += tokens[i];
    }
  }
  if (options.cleanUpTokenizationSpaces.value_or(d.cleanUpTokenizationSpaces)) {
    decoded = cleanUpTokenization(std::move(decoded));
  }
  return decoded;
}

std::optional<std::int32_t> Tokenizer::tokenId(std::string_view token) const { return impl_->definition.model->tokenId(token); }

std::size_t Tokenizer::vocabularySize() const { return impl_->definition.model->tokensById().size(); }

}  // namespace tiertune::formats::tokenizer
