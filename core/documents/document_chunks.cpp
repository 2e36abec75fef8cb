#include "core/documents/document_chunks.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "core/util/error.h"

namespace tiertune::documents {
namespace {

using formats::tokenizer::Tokenizer;

struct Unit {  // a passage, or a piece of one too long for a chunk
  std::string text;
  std::size_t tokens = 0;
  int page = 0;
  const std::string* section = nullptr;
  bool heading = false;
};

std::size_t countTokens(const Tokenizer& tokenizer, std::string_view text) {
  return tokenizer.encode(text, {.addSpecialTokens = false}).size();
}

// Sentences of a paragraph (ending at ". ", "? ", "! " or "; ") or the lines of a table or code.
std::vector<std::string> sentencesOf(const std::string& text) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  const bool lines = text.find('\n') != std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool end = lines ? text[i] == '\n'
                           : (text[i] == ' ' && i > 0 &&
                              (text[i - 1] == '.' || text[i - 1] == '?' || text[i - 1] == '!' || text[i - 1] == ';'));
    if (end) {
      if (i > start) pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < text.size()) pieces.push_back(text.substr(start));
  return pieces;
}

// A passage as units of at most `limit` tokens: whole, else its sentences packed, a sentence too
// long on its own cut into token windows.
void addUnits(const Passage& passage, const Tokenizer& tokenizer, std::size_t limit, std::vector<Unit>& units) {
  const bool heading = passage.kind == Passage::Kind::Heading;
  const std::size_t tokens = countTokens(tokenizer, passage.text);
  if (tokens <= limit) {
    units.push_back({passage.text, tokens, passage.page, &passage.section, heading});
    return;
  }
  const char* joiner = passage.text.find('\n') != std::string::npos ? "\n" : " ";
  Unit current{"", 0, passage.page, &passage.section, false};
  const auto flush = [&] {
    if (!current.text.empty()) units.push_back(current);
    current.text.clear();
    current.tokens = 0;
  };
  for (const std::string& sentence : sentencesOf(passage.text)) {
    const std::vector<std::int32_t> ids = tokenizer.encode(sentence, {.addSpecialTokens = false});
    if (ids.size() > limit) {
      flush();
      for (std::size_t at = 0; at < ids.size(); at += limit) {
        const std::size_t length = std::min(limit, ids.size() - at);
        const std::string piece = tokenizer.decode(std::span(ids).subspan(at, length), {.skipSpecialTokens = true, .cleanUpTokenizationSpaces = std::nullopt});
        units.push_back({piece, countTokens(tokenizer, piece), passage.page, &passage.section, false});
      }
      continue;
    }
    std::string joined = current.text.empty() ? sentence : current.text + joiner + sentence;
    const std::size_t joinedTokens = countTokens(tokenizer, joined);
    if (joinedTokens > limit) {
      flush();
      current.text = sentence;
      current.tokens = ids.size();
    } else {
      current.text = std::move(joined);
      current.tokens = joinedTokens;
    }
  }
  flush();
}

Chunk makeChunk(std::size_t document, const std::vector<Unit>& units, std::size_t begin, std::size_t end,
                const Tokenizer& tokenizer) {
  Chunk chunk;
  chunk.document = document;
  chunk.section = units[begin].section != nullptr ? *units[begin].section : std::string();
  for (std::size_t i = begin; i < end; ++i) {
    if (!chunk.text.empty()) chunk.text += "\n\n";
    chunk.text += units[i].text;
    if (units[i].page > 0) {
      chunk.firstPage = chunk.firstPage == 0 ? units[i].page : std::min(chunk.firstPage, units[i].page);
      chunk.lastPage = std::max(chunk.lastPage, units[i].page);
    }
  }
  chunk.tokens = countTokens(tokenizer, chunk.text);
  return chunk;
}

// ---- near-duplicates: MinHash signatures of 5-word shingles, banded for candidates.

constexpr std::size_t kHashes = 64, kBands = 16, kRows = kHashes / kBands, kShingleWords = 5;

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 1469598103934665603ull) {
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

using Signature = std::array<std::uint64_t, kHashes>;

Signature signatureOf(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '|') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  Signature signature;
  signature.fill(std::numeric_limits<std::uint64_t>::max());
  const std::size_t shingles = words.size() >= kShingleWords ? words.size() - kShingleWords + 1 : 1;
  for (std::size_t s = 0; s < shingles; ++s) {
    std::uint64_t hash = 1469598103934665603ull;
    for (std::size_t w = s; w < std::min(words.size(), s + kShingleWords); ++w) hash = fnv1a(words[w], hash ^ 0x20);
    for (std::size_t h = 0; h < kHashes; ++h) signature[h] = std::min(signature[h], mix(hash ^ (h * 0x9E3779B97F4A7C15ull)));
  }
  return signature;
}

double similarity(const Signature& a, const Signature& b) {
  std::size_t same = 0;
  for (std::size_t h = 0; h < kHashes; ++h) same += a[h] == b[h];
  return static_cast<double>(same) / kHashes;
}

}  // namespace

ChunkResult chunkDocuments(const std::vector<Document>& documents, const Tokenizer& tokenizer,
                           const ChunkSettings& settings) {
  if (settings.tokens < 16) throw Error("Chunks must hold at least 16 tokens.");
  if (settings.overlap >= settings.tokens / 2) throw Error("The overlap must be less than half a chunk's tokens.");
  ChunkResult result;
  std::vector<Chunk> chunks;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    std::vector<Unit> units;
    for (const Passage& passage : documents[d].passages) addUnits(passage, tokenizer, settings.tokens, units);
    std::size_t begin = 0;
    while (begin < units.size()) {
      // Whole units up to the length ("\n\n" between them costs a token or two: checked on the text).
      std::size_t end = begin, sum = 0;
      while (end < units.size() && (end == begin || sum + units[end].tokens + 2 <= settings.tokens)) {
        sum += units[end].tokens + 2;
        ++end;
      }
      Chunk chunk = makeChunk(d, units, begin, end, tokenizer);
      while (chunk.tokens > settings.tokens && end > begin + 1) chunk = makeChunk(d, units, begin, --end, tokenizer);
      // A heading belongs with what follows it.
      if (end < units.size() && end > begin + 1 && units[end - 1].heading) chunk = makeChunk(d, units, begin, --end, tokenizer);
      chunks.push_back(std::move(chunk));
      if (end >= units.size()) break;
      // The next chunk starts with the last units of this one that fit in the overlap.
      std::size_t next = end, shared = 0;
      while (next > begin + 1 && shared + units[next - 1].tokens <= settings.overlap) shared += units[--next].tokens;
      begin = next;
    }
  }
  // Near-duplicates: the first of a group is kept.
  std::vector<Signature> kept;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
  for (Chunk& chunk : chunks) {
    const Signature signature = signatureOf(chunk.text);
    std::array<std::uint64_t, kBands> keys;
    bool duplicate = false;
    for (std::size_t b = 0; b < kBands; ++b) {
      std::uint64_t key = mix(b);
      for (std::size_t r = 0; r < kRows; ++r) key = mix(key ^ signature[b * kRows + r]);
      keys[b] = key;
      if (const auto found = buckets.find(key); !duplicate && found != buckets.end()) {
        for (const std::size_t other : found->second) {
          if (similarity(signature, kept[other]) >= settings.nearDuplicate) {
            duplicate = true;
            break;
          }
        }
      }
    }
    if (duplicate) {
      ++result.nearDuplicates;
      continue;
    }
    for (const std::uint64_t key : keys) buckets[key].push_back(kept.size());
    kept.push_back(signature);
    result.chunks.push_back(std::move(chunk));
  }
  return result;
}

}  // namespace tiertune::documents
