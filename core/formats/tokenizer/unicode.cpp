#include "core/formats/tokenizer/unicode.h"

#include <algorithm>
#include <vector>

namespace tiertune::formats::tokenizer::unicode {
namespace {

struct Mapping {
  char32_t codePoint;
  std::uint32_t offset;  // into the pool
  std::uint32_t length;
};
struct Composition {
  char32_t first;
  char32_t second;
  char32_t composite;
};

#include "core/formats/tokenizer/unicode_tables.inc"

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Hangul syllables compose and decompose by arithmetic (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

std::uint8_t combiningRank(char32_t cp) {
  if (cp > kMaxCodePoint) return 0;
  return kCombiningRankValues[kCombiningRankBlocks[cp >> 8] * 256u + (cp & 0xFF)];
}

template <std::size_t N, std::size_t P>
const Mapping* findMapping(const Mapping (&table)[N], const char32_t (&)[P], char32_t cp) {
  const auto* found = std::lower_bound(std::begin(table), std::end(table), cp,
                                       [](const Mapping& m, char32_t value) { return m.codePoint < value; });
  return found != std::end(table) && found->codePoint == cp ? found : nullptr;
}

char32_t composePair(char32_t first, char32_t second) {
  const auto* found = std::lower_bound(
      std::begin(kCompositions), std::end(kCompositions), std::pair{first, second},
      [](const Composition& c, const std::pair<char32_t, char32_t>& key) {
        return c.first != key.first ? c.first < key.first : c.second < key.second;
      });
  if (found != std::end(kCompositions) && found->first == first && found->second == second) {
    return found->composite;
  }
  return 0;
}

// Code points that NFC leaves alone whatever surrounds them: class 0, no canonical
// decomposition, never the second of a composition. Built once.
const std::vector<bool>& nfcInert() {
  static const std::vector<bool> inert = [] {
    std::vector<bool> bits(kMaxCodePoint + 1, true);
    for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
      if (combiningRank(cp) != 0) bits[cp] = false;
    }
    for (const Mapping& m : kCanonicalDecomposition) bits[m.codePoint] = false;
    for (const Composition& c : kCompositions) bits[c.second] = false;
    for (char32_t cp = kLBase; cp < kLBase + kLCount; ++cp) bits[cp] = false;
    for (char32_t cp = kVBase; cp < kVBase + kVCount; ++cp) bits[cp] = false;
    for (char32_t cp = kTBase; cp < kTBase + kTCount; ++cp) bits[cp] = false;
    return bits;
  }();
  return inert;
}

std::vector<char32_t> decompose(std::string_view text, bool compatibility) {
  std::vector<char32_t> out;
  out.reserve(text.size() + 8);
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = decodeAt(text, pos);
    pos += c.length;
    const char32_t s = c.value - kSBase;
    if (c.value >= kSBase && s < kSCount) {
      out.push_back(kLBase + s / kNCount);
      out.push_back(kVBase + (s % kNCount) / kTCount);
      if (s % kTCount) out.push_back(kTBase + s % kTCount);
      continue;
    }
    const Mapping* m = compatibility
                           ? findMapping(kCompatibilityDecomposition, kCompatibilityDecompositionPool, c.value)
                           : findMapping(kCanonicalDecomposition, kCanonicalDecompositionPool, c.value);
    if (!m) {
      out.push_back(c.value);
      continue;
    }
    const char32_t* pool = compatibility ? kCompatibilityDecompositionPool : kCanonicalDecompositionPool;
    out.insert(out.end(), pool + m->offset, pool + m->offset + m->length);
  }
  // Canonical ordering: each run of non-starters sorted by class, stable.
  for (std::size_t i = 0; i < out.size();) {
    if (!combiningRank(out[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && combiningRank(out[j])) ++j;
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return combiningRank(a) < combiningRank(b); });
    i = j;
  }
  return out;
}

std::vector<char32_t> compose(const std::vector<char32_t>& decomposed) {
  std::vector<char32_t> out;
  out.reserve(decomposed.size());
  std::ptrdiff_t starter = -1;  // index in out of the last starter
  int lastClass = -1;
  for (const char32_t cp : decomposed) {
    const int cls = combiningRank(cp);
    const bool adjacent = starter >= 0 && static_cast<std::ptrdiff_t>(out.size()) - 1 == starter;
    if (starter >= 0 && (lastClass < cls || (lastClass == 0 && adjacent))) {
      char32_t& s = out[static_cast<std::size_t>(starter)];
      if (adjacent && s >= kLBase && s < kLBase + kLCount && cp >= kVBase && cp < kVBase + kVCount) {
        s = kSBase + ((s - kLBase) * kVCount + (cp - kVBase)) * kTCount;
        continue;
      }
      if (adjacent && s >= kSBase && s < kSBase + kSCount && (s - kSBase) % kTCount == 0 && cp > kTBase &&
          cp < kTBase + kTCount) {
        s += cp - kTBase;
        continue;
      }
      if (const char32_t composite = composePair(s, cp)) {
        s = composite;
        continue;
      }
    }
    if (cls == 0) {
      starter = static_cast<std::ptrdiff_t>(out.size());
      lastClass = 0;
    } else {
      lastClass = cls;
    }
    out.push_back(cp);
  }
  return out;
}

std::string fromCodePoints(const std::vector<char32_t>& cps) {
  std::string out;
  out.reserve(cps.size());
  for (const char32_t cp : cps) appendUtf8(out, cp);
  return out;
}

}  // namespace

std::uint8_t categoryBitsSlow(char32_t cp) {
  if (cp > kMaxCodePoint) return 0;
  return kCategoryValues[kCategoryBlocks[cp >> 8] * 256u + (cp & 0xFF)];
}


std::size_t findInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos < size) {
    const unsigned char first = bytes[pos];
    if (first < 0x80) {
      ++pos;
      continue;
    }
    std::size_t need = 0;
    unsigned char lower = 0x80, upper = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) {
      need = 1;
    } else if (first >= 0xE0 && first <= 0xEF) {
      need = 2;
      if (first == 0xE0) lower = 0xA0;
      if (first == 0xED) upper = 0x9F;
    } else if (first >= 0xF0 && first <= 0xF4) {
      need = 3;
      if (first == 0xF0) lower = 0x90;
      if (first == 0xF4) upper = 0x8F;
    } else {
      return pos;
    }
    if (pos + need >= size) return pos;
    for (std::size_t i = 1; i <= need; ++i) {
      const unsigned char b = bytes[pos + i];
      if (b < lower || b > upper) return pos;
      lower = 0x80;
      upper = 0xBF;
    }
    pos += need + 1;
  }
  return std::string_view::npos;
}

void appendUtf8Lossy(std::string& out, std::span<const std::uint8_t> bytes, bool keepByteOrderMark) {
  const std::size_t start = out.size();
  char32_t cp = 0;
  int needed = 0, seen = 0;
  std::uint8_t lower = 0x80, upper = 0xBF;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::uint8_t b = bytes[i];
    if (needed == 0) {
      ++i;
      if (b < 0x80) {
        out.push_back(static_cast<char>(b));
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
        cp = b & 0x07;
      } else {
        appendUtf8(out, 0xFFFD);
      }
      continue;
    }
    if (b < lower || b > upper) {  // the byte starts over; the incomplete sequence becomes U+FFFD
      needed = seen = 0;
      cp = 0;
      lower = 0x80;
      upper = 0xBF;
      appendUtf8(out, 0xFFFD);
      continue;
    }
    ++i;
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen == needed) {
      appendUtf8(out, cp);
      needed = seen = 0;
      cp = 0;
    }
  }
  if (needed) appendUtf8(out, 0xFFFD);
  if (!keepByteOrderMark && out.compare(start, 3, "\xEF\xBB\xBF") == 0) out.erase(start, 3);
}

std::string normalize(std::string_view text, NormalForm form) {
  bool ascii = true;
  for (const char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(text);
  if (form == NormalForm::Nfc) {
    const std::vector<bool>& inert = nfcInert();
    bool stable = true;
    for (std::size_t pos = 0; pos < text.size() && stable;) {
      const CodePoint c = decodeAt(text, pos);
      stable = inert[c.value];
      pos += c.length;
    }
    if (stable) return std::string(text);
  }
  const bool compatibility = form == NormalForm::Nfkc || form == NormalForm::Nfkd;
  std::vector<char32_t> cps = decompose(text, compatibility);
  if (form == NormalForm::Nfc || form == NormalForm::Nfkc) cps = compose(cps);
  return fromCodePoints(cps);
}

std::string toLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = decodeAt(text, pos);
    pos += c.length;
    if (c.value < 0x80) {
      out.push_back(static_cast<char>(c.value >= 'A' && c.value <= 'Z' ? c.value + 32 : c.value));
      continue;
    }
    if (const Mapping* m = findMapping(kLowercase, kLowercasePool, c.value)) {
      for (std::uint32_t i = 0; i < m->length; ++i) appendUtf8(out, kLowercasePool[m->offset + i]);
    } else {
      appendUtf8(out, c.value);
    }
  }
  return out;
}

std::string removeMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = decodeAt(text, pos);
    if (!(categoryBits(c.value) & kMark)) out.append(text.substr(pos, c.length));
    pos += c.length;
  }
  return out;
}

std::string_view trimStart(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint c = decodeAt(text, pos);
    if (!isJsWhitespace(c.value)) break;
    pos += c.length;
  }
  return text.substr(pos);
}

std::string_view trimEnd(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {
    const std::size_t start = previousStart(text, end);
    if (!isJsWhitespace(decodeAt(text, start).value)) break;
    end = start;
  }
  return text.substr(0, end);
}

}  // namespace tiertune::formats::tokenizer::unicode
