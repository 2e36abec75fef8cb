#include "core/formats/tokenizer/bpe_model.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <queue>

#include "core/formats/tokenizer/unicode.h"
#include "core/util/error.h"

namespace tiertune::formats::tokenizer {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCachedWordBytes = 256;
constexpr std::size_t kMaxCacheEntries = 200'000;
constexpr std::int64_t kMaxTokenId = (std::int64_t{1} << 31) - 1;

struct ByteLevelTable {
  char32_t characters[256];
  std::unordered_map<char32_t, int> bytes;
  ByteLevelTable() {
    char32_t extra = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      characters[b] = printable ? static_cast<char32_t>(b) : extra++;
      bytes[characters[b]] = b;
    }
  }
};
const ByteLevelTable& byteLevelTable() {
  static const ByteLevelTable table;
  return table;
}

std::string jsonQuoted(std::string_view text) {
  std::string out = json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
  if (out.size() > 60) out = out.substr(0, 56) + "...\"";
  return out;
}

std::uint64_t pairKey(std::int32_t left, std::int32_t right) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right);
}

}  // namespace

char32_t byteLevelCharacter(std::uint8_t byte) { return byteLevelTable().characters[byte]; }

int byteLevelByte(char32_t character) {
  const auto& bytes = byteLevelTable().bytes;
  const auto found = bytes.find(character);
  return found == bytes.end() ? -1 : found->second;
}

struct BpeModel::Symbol {
  std::int32_t symbol;  // -1: a character no merge or token knows
  std::uint32_t start;  // bytes [start, end) of the word
  std::uint32_t end;
  std::int32_t prev;
  std::int32_t next;
};

BpeModel::~BpeModel() = default;

BpeModel::BpeModel(const json& model, const std::vector<AddedTokenId>& addedTokens, const std::string& fileLabel)
    : fileLabel_(fileLabel) {
  const auto fail = [&](const std::string& field, const std::string& problem) {
    throw Error(fileLabel + ": model." + field + " " + problem);
  };
  const auto flag = [&](const char* key) {
    const auto found = model.find(key);
    if (found == model.end() || found->is_null()) return false;
    if (!found->is_boolean()) fail(key, "must be true or false");
    return found->get<bool>();
  };
  const auto text = [&](const char* key) -> std::optional<std::string> {
    const auto found = model.find(key);
    if (found == model.end() || found->is_null()) return std::nullopt;
    if (!found->is_string()) fail(key, "must be a string");
    return found->get<std::string>();
  };
  byteFallback_ = flag("byte_fallback");
  ignoreMerges_ = flag("ignore_merges");
  endOfWordSuffix_ = text("end_of_word_suffix").value_or("");
  if (const auto prefix = text("continuing_subword_prefix"); prefix && !prefix->empty()) {
    fail("continuing_subword_prefix", "is " + jsonQuoted(*prefix) + ": a continuing-subword prefix is not supported yet");
  }
  if (const auto dropout = model.find("dropout"); dropout != model.end() && !dropout->is_null() &&
                                                  !(dropout->is_number() && dropout->get<double>() == 0.0)) {
    fail("dropout", "is set: BPE dropout is for training tokenizers and is not supported");
  }

  // Vocabulary, then the added tokens over it.
  const auto vocab = model.find("vocab");
  if (vocab == model.end() || !vocab->is_object()) fail("vocab", "must be an object of token strings to ids");
  std::int64_t maxId = -1;
  tokenToId_.reserve(vocab->size() + addedTokens.size());
  for (const auto& [token, value] : vocab->items()) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > kMaxTokenId) {
      fail("vocab[" + jsonQuoted(token) + "]", "must be a token id (a non-negative integer)");
    }
    tokenToId_[token] = value.get<std::int32_t>();
    maxId = std::max<std::int64_t>(maxId, value.get<std::int64_t>());
  }
  for (const AddedTokenId& added : addedTokens) {
    tokenToId_[added.content] = added.id;
    maxId = std::max<std::int64_t>(maxId, added.id);
  }
  if (maxId >= 4'000'000) fail("vocab", "has token id " + std::to_string(maxId) + ", far above any real vocabulary");
  tokensById_.resize(static_cast<std::size_t>(maxId + 1));
  hasId_.resize(static_cast<std::size_t>(maxId + 1), false);
  for (const auto& [token, value] : vocab->items()) {
    const auto id = static_cast<std::size_t>(value.get<std::int32_t>());
    tokensById_[id] = token;
    hasId_[id] = true;
  }
  for (const AddedTokenId& added : addedTokens) {
    tokensById_[static_cast<std::size_t>(added.id)] = added.content;
    hasId_[static_cast<std::size_t>(added.id)] = true;
  }

  if (const auto unknown = text("unk_token")) {
    unknownToken_ = *unknown;
    const auto found = tokenToId_.find(*unknown);
    if (found == tokenToId_.end()) fail("unk_token", jsonQuoted(*unknown) + " is not in the vocabulary");
    unknownId_ = found->second;
  }

  // Symbols: every token, and every string a merge takes or makes.
  symbolByText_.reserve(tokenToId_.size() * 2);
  for (const auto& [token, id] : tokenToId_) {
    const std::int32_t symbol = intern(token);
    symbolToId_[static_cast<std::size_t>(symbol)] = id;
  }
  const auto merges = model.find("merges");
  if (merges == model.end() || !merges->is_array()) fail("merges", "must be a list of merges");
  merges_.reserve(merges->size());
  for (std::size_t rank = 0; rank < merges->size(); ++rank) {
    const json& merge = (*merges)[rank];
    std::string left, right;
    if (merge.is_string()) {
      // "a b": the reference splits on spaces and keeps the first two parts.
      const std::string& both = merge.get_ref<const std::string&>();
      const std::size_t space = both.find(' ');
      if (space == std::string::npos) continue;  // can never apply
      left = both.substr(0, space);
      right = both.substr(space + 1, both.find(' ', space + 1) - space - 1);
    } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
      left = merge[0].get<std::string>();
      right = merge[1].get<std::string>();
    } else {
      fail("merges[" + std::to_string(rank) + "]", "must be \"left right\" or [\"left\", \"right\"]");
    }
    if (left.empty() || right.empty()) continue;  // can never apply
    const std::int32_t leftSymbol = intern(left);
    const std::int32_t rightSymbol = intern(right);
    const std::int32_t result = intern(left + right);
    merges_[pairKey(leftSymbol, rightSymbol)] = Merge{static_cast<std::int32_t>(rank), result};  // last one wins
  }

  std::string character;
  for (int b = 0; b < 256; ++b) {
    character.clear();
    unicode::appendUtf8(character, byteLevelCharacter(static_cast<std::uint8_t>(b)));
    byteSymbols_[b] = findSymbol(character);
    char name[8];
    std::snprintf(name, sizeof name, "<0x%02X>", b);
    const auto found = tokenToId_.find(std::string_view(name));
    byteFallbackIds_[b] = found == tokenToId_.end() ? -1 : found->second;
  }
  // Tokens made only of byte-level characters, by the bytes they stand for (for ignore_merges).
  for (const auto& [token, id] : tokenToId_) {
    std::string raw;
    bool byteLevel = unicode::findInvalidUtf8(token) == std::string::npos;
    for (std::size_t pos = 0; byteLevel && pos < token.size();) {
      const unicode::CodePoint c = unicode::decodeAt(token, pos);
      const int byte = byteLevelByte(c.value);
      byteLevel = byte >= 0;
      raw.push_back(static_cast<char>(byte));
      pos += c.length;
    }
    if (byteLevel) rawTokenToId_.emplace(std::move(raw), id);
  }
}

std::int32_t BpeModel::intern(std::string_view text) {
  const auto found = symbolByText_.find(text);
  if (found != symbolByText_.end()) return found->second;
  const auto symbol = static_cast<std::int32_t>(symbolToId_.size());
  symbolByText_.emplace(std::string(text), symbol);
  symbolToId_.push_back(-1);
  return symbol;
}

std::int32_t BpeModel::findSymbol(std::string_view text) const {
  const auto found = symbolByText_.find(text);
  return found == symbolByText_.end() ? -1 : found->second;
}

std::optional<std::int32_t> BpeModel::tokenId(std::string_view token) const {
  const auto found = tokenToId_.find(token);
  if (found == tokenToId_.end()) return std::nullopt;
  return found->second;
}

std::string BpeModel::byteLevelText(std::string_view raw) const {
  std::string out;
  out.reserve(raw.size() * 2);
  for (const char c : raw) unicode::appendUtf8(out, byteLevelCharacter(static_cast<std::uint8_t>(c)));
  return out;
}

void BpeModel::emitUnmerged(std::string_view text, std::vector<std::int32_t>& ids) const {
  if (byteFallback_) {
    bool complete = true;
    for (const char c : text) complete &= byteFallbackIds_[static_cast<std::uint8_t>(c)] >= 0;
    if (complete) {
      for (const char c : text) ids.push_back(byteFallbackIds_[static_cast<std::uint8_t>(c)]);
      return;
    }
  }
  if (!unknownId_) {
    throw Error(fileLabel_ + ": the vocabulary has no token for " + jsonQuoted(text) +
                " and the tokenizer has no unknown token (model.unk_token)");
  }
  ids.push_back(*unknownId_);
}

void BpeModel::encodeWord(std::string_view word, bool byteLevel, std::vector<std::int32_t>& ids) const {
  if (word.empty()) return;
  if (ignoreMerges_) {
    const auto& vocabulary = byteLevel ? rawTokenToId_ : tokenToId_;
    if (const auto found = vocabulary.find(word); found != vocabulary.end()) {
      ids.push_back(found->second);
      return;
    }
  }
  const bool cacheable = word.size() < kMaxCachedWordBytes;
  auto& cache = cache_[byteLevel ? 1 : 0];
  if (cacheable) {
    std::lock_guard lock(cacheMutex_);
    if (const auto found = cache.find(word); found != cache.end()) {
      ids.insert(ids.end(), found->second.begin(), found->second.end());
      return;
    }
  }
  const std::size_t first = ids.size();
  mergeWord(word, byteLevel, ids);
  if (cacheable) {
    std::lock_guard lock(cacheMutex_);
    if (cache.size() >= kMaxCacheEntries) cache.clear();
    cache.emplace(std::string(word), std::vector<std::int32_t>(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end()));
  }
}

void BpeModel::mergeWord(std::string_view word, bool byteLevel, std::vector<std::int32_t>& ids) const {
  std::vector<Symbol> symbols;
  symbols.reserve(word.size());
  for (std::size_t pos = 0; pos < word.size();) {
    const std::size_t length = byteLevel ? 1 : unicode::decodeAt(word, pos).length;
    const std::int32_t symbol = byteLevel ? byteSymbols_[static_cast<std::uint8_t>(word[pos])]
                                          : findSymbol(word.substr(pos, length));
    const auto index = static_cast<std::int32_t>(symbols.size());
    symbols.push_back({symbol, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + length), index - 1,
                       index + 1});
    pos += length;
  }
  symbols.back().next = -1;
  const auto symbolText = [&](const Symbol& s) {
    const std::string_view raw = word.substr(s.start, s.end - s.start);
    std::string out = byteLevel ? byteLevelText(raw) : std::string(raw);
    if (s.end == word.size()) out += endOfWordSuffix_;
    return out;
  };
  if (!endOfWordSuffix_.empty()) symbols.back().symbol = findSymbol(symbolText(symbols.back()));

  // (rank << 32 | index of the left symbol), smallest first: lowest rank, leftmost on ties.
  std::priority_queue<std::uint64_t, std::vector<std::uint64_t>, std::greater<>> queue;
  const auto findMerge = [&](std::int32_t left) -> const Merge* {
    const Symbol& l = symbols[static_cast<std::size_t>(left)];
    if (l.next < 0 || l.symbol < 0) return nullptr;
    const Symbol& r = symbols[static_cast<std::size_t>(l.next)];
    if (r.symbol < 0) return nullptr;
    const auto found = merges_.find(pairKey(l.symbol, r.symbol));
    return found == merges_.end() ? nullptr : &found->second;
  };
  const auto push = [&](std::int32_t left) {
    if (const Merge* merge = findMerge(left)) {
      queue.push(static_cast<std::uint64_t>(merge->rank) << 32 | static_cast<std::uint32_t>(left));
    }
  };
  for (std::size_t i = 0; i + 1 < symbols.size(); ++i) push(static_cast<std::int32_t>(i));
  while (!queue.empty()) {
    const std::uint64_t top = queue.top();
    queue.pop();
    const auto left = static_cast<std::int32_t>(top & 0xFFFFFFFFu);
    const Merge* merge = findMerge(left);
    if (!merge || static_cast<std::uint64_t>(merge->rank) != top >> 32) continue;  // stale entry
    Symbol& l = symbols[static_cast<std::size_t>(left)];
    Symbol& r = symbols[static_cast<std::size_t>(l.next)];
    l.symbol = merge->result;
    l.end = r.end;
    l.next = r.next;
    r.symbol = -2;  // gone
    if (l.next >= 0) symbols[static_cast<std::size_t>(l.next)].prev = left;
    if (l.prev >= 0) push(l.prev);
    push(left);
  }
  for (std::int32_t i = 0; i >= 0; i = symbols[static_cast<std::size_t>(i)].next) {
    const Symbol& s = symbols[static_cast<std::size_t>(i)];
    const std::int32_t id = s.symbol >= 0 ? symbolToId_[static_cast<std::size_t>(s.symbol)] : -1;
    if (id >= 0) {
      ids.push_back(id);
    } else {
      emitUnmerged(symbolText(s), ids);
    }
  }
}

}  // namespace tiertune::formats::tokenizer
