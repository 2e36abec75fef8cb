// The BPE model of tokenizer.json ("model": {"type": "BPE", ...}): the vocabulary, the ranked
// merges and the rules for what the merges cannot reach (byte fallback, the unknown token).
// encodeWord() turns one pre-tokenized word into token ids: the lowest-ranked adjacent pair is
// merged first, the leftmost on ties (a heap over a linked list of symbols), with results cached
// per word. Used by tokenizer.cpp; thread-safe (the cache has a lock).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tiertune::formats::tokenizer {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;

struct AddedTokenId {
  std::string content;
  std::int32_t id;
};

class BpeModel {
 public:
  // model: tokenizer.json's "model" object; added tokens join the vocabulary as the reference
  // does. fileLabel names the file in errors.
  BpeModel(const nlohmann::json& model, const std::vector<AddedTokenId>& addedTokens, const std::string& fileLabel);
  ~BpeModel();
  BpeModel(const BpeModel&) = delete;
  BpeModel& operator=(const BpeModel&) = delete;

  // Appends the ids of one word. byteLevel: the word is raw UTF-8 whose bytes stand for the
  // characters of GPT-2's byte-to-unicode table (a ByteLevel pre-tokenizer ran last).
  void encodeWord(std::string_view word, bool byteLevel, std::vector<std::int32_t>& ids) const;

  std::optional<std::int32_t> tokenId(std::string_view token) const;
  std::optional<std::int32_t> unknownId() const { return unknownId_; }
  const std::string& unknownToken() const { return unknownToken_; }
  const std::string& endOfWordSuffix() const { return endOfWordSuffix_; }
  // Token strings by id (added tokens included); empty where no token has the id.
  const std::vector<std::string>& tokensById() const { return tokensById_; }
  const std::vector<bool>& hasId() const { return hasId_; }

 private:
  struct Merge {
    std::int32_t rank;
    std::int32_t result;  // symbol
  };
  struct Symbol;

  std::int32_t intern(std::string_view text);
  std::int32_t findSymbol(std::string_view text) const;
  void mergeWord(std::string_view word, bool byteLevel, std::vector<std::int32_t>& ids) const;
  void emitUnmerged(std::string_view text, std::vector<std::int32_t>& ids) const;
  std::string byteLevelText(std::string_view raw) const;

  StringMap<std::int32_t> tokenToId_;       // vocabulary and added tokens
  StringMap<std::int32_t> rawTokenToId_;    // byte-level tokens by the bytes they stand for
  StringMap<std::int32_t> symbolByText_;    // every string a merge can see or make
  std::vector<std::int32_t> symbolToId_;    // -1: not a token
  std::unordered_map<std::uint64_t, Merge> merges_;  // (left symbol << 32 | right symbol)
  std::int32_t byteSymbols_[256];           // byte-level character of each byte, or -1
  std::int32_t byteFallbackIds_[256];       // <0xXX> tokens, or -1
  bool byteFallbackComplete_ = false;
  std::vector<std::string> tokensById_;
  std::vector<bool> hasId_;
  std::optional<std::int32_t> unknownId_;
  std::string unknownToken_;
  std::string endOfWordSuffix_;
  bool byteFallback_ = false;
  bool ignoreMerges_ = false;
  std::string fileLabel_;

  mutable std::mutex cacheMutex_;
  mutable StringMap<std::vector<std::int32_t>> cache_[2];  // by byteLevel
};

// GPT-2's table: the printable character that stands for each byte in byte-level vocabularies.
char32_t byteLevelCharacter(std::uint8_t byte);
// The byte a byte-level character stands for, or -1.
int byteLevelByte(char32_t character);

}  // namespace tiertune::formats::tokenizer
