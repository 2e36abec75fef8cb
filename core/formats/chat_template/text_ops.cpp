#include "core/formats/chat_template/text_ops.h"

#include <algorithm>

namespace tiertune::formats::jinja {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isAsciiWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Blocks where upper and lower case alternate: the even code point is the capital letter
// (evenIsUpper) or the odd one.
struct AlternatingBlock {
  char32_t first;
  char32_t last;
  bool evenIsUpper;
};

constexpr AlternatingBlock kAlternating[] = {
    {0x0100, 0x012F, true},  {0x0132, 0x0137, true},  {0x0139, 0x0148, false}, {0x014A, 0x0177, true},
    {0x0179, 0x017E, false}, {0x0460, 0x0481, true},  {0x048A, 0x04BF, true},  {0x04C1, 0x04CE, false},
    {0x04D0, 0x052F, true},  {0x1E00, 0x1E95, true},  {0x1EA0, 0x1EFF, true},
};

// Blocks where the lower-case letters are the capitals shifted by a constant.
struct ShiftedBlock {
  char32_t firstUpper;
  char32_t lastUpper;
  char32_t shift;
};

constexpr ShiftedBlock kShifted[] = {
    {0x0041, 0x005A, 0x20}, {0x00C0, 0x00D6, 0x20}, {0x00D8, 0x00DE, 0x20}, {0x0391, 0x03A1, 0x20},
    {0x03A3, 0x03AB, 0x20}, {0x0388, 0x038A, 0x25}, {0x038E, 0x038F, 0x3F}, {0x0400, 0x040F, 0x50},
    {0x0410, 0x042F, 0x20}, {0x0531, 0x0556, 0x30}, {0xFF21, 0xFF3A, 0x20},
};

// Single pairs outside the blocks above: {upper, lower}.
constexpr char32_t kPairs[][2] = {
    {0x0178, 0x00FF}, {0x0386, 0x03AC}, {0x038C, 0x03CC}, {0x04C0, 0x04CF},
};

char32_t simpleLower(char32_t c) {
  for (const auto& block : kShifted) {
    if (c >= block.firstUpper && c <= block.lastUpper) return c + block.shift;
  }
  for (const auto& block : kAlternating) {
    if (c >= block.first && c <= block.last) {
      const bool even = (c % 2) == 0;
      return even == block.evenIsUpper ? c + 1 : c;
    }
  }
  for (const auto& pair : kPairs) {
    if (c == pair[0]) return pair[1];
  }
  return c;
}

char32_t simpleUpper(char32_t c) {
  for (const auto& block : kShifted) {
    if (c >= block.firstUpper + block.shift && c <= block.lastUpper + block.shift) return c - block.shift;
  }
  for (const auto& block : kAlternating) {
    if (c >= block.first && c <= block.last) {
      const bool even = (c % 2) == 0;
      return even == block.evenIsUpper ? c : c - 1;
    }
  }
  for (const auto& pair : kPairs) {
    if (c == pair[1]) return pair[0];
  }
  switch (c) {
    case 0x00B5: return 0x039C;  // micro sign → capital mu
    case 0x0131: return 0x0049;  // dotless i
    case 0x017F: return 0x0053;  // long s
    case 0x03C2: return 0x03A3;  // final sigma
    default: return c;
  }
}

bool isCased(char32_t c) { return simpleLower(c) != c || simpleUpper(c) != c || c == 0x00DF; }

void appendUpper(std::string& out, char32_t c) {
  switch (c) {
    case 0x00DF: out += "SS"; return;
    case 0x0149: out += "\u02BCN"; return;
    default: appendUtf8(out, simpleUpper(c));
  }
}

std::vector<char32_t> decodeAll(std::string_view text) {
  std::vector<char32_t> codePoints;
  for (std::size_t position = 0; position < text.size();) codePoints.push_back(decodeUtf8(text, position));
  return codePoints;
}

void appendHex4(std::string& out, unsigned value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(value >> shift) & 0xF];
}

}  // namespace

char32_t decodeUtf8(std::string_view text, std::size_t& position) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(position);
  if (lead < 0x80) {
    ++position;
    return lead;
  }
  std::size_t length = 0;
  char32_t codePoint = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, codePoint = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, codePoint = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, codePoint = lead & 0x07, minimum = 0x10000;
  } else {
    ++position;
    return kReplacement;
  }
  if (position + length > text.size()) {
    ++position;
    return kReplacement;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(position + i);
    if ((next & 0xC0) != 0x80) {
      ++position;
      return kReplacement;
    }
    codePoint = (codePoint << 6) | (next & 0x3F);
  }
  if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
    ++position;
    return kReplacement;
  }
  position += length;
  return codePoint;
}


std::vector<std::string> splitCodePoints(std::string_view text) {
  std::vector<std::string> parts;
  for (std::size_t position = 0; position < text.size();) {
    const std::size_t start = position;
    decodeUtf8(text, position);
    parts.emplace_back(text.substr(start, position - start));
  }
  return parts;
}

bool isJsWhitespace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::size_t jsWhitespaceAt(std::string_view text, std::size_t position) {
  if (position >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[position]);
  if (lead < 0x80) return isJsWhitespace(lead) ? 1 : 0;
  std::size_t next = position;
  const char32_t c = decodeUtf8(text, next);
  return c != kReplacement && isJsWhitespace(c) ? next - position : 0;
}

std::size_t jsWhitespaceBefore(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  const std::size_t length = jsWhitespaceAt(text, start);
  return start + length == end ? length : 0;
}

std::string_view trimStartJs(std::string_view text) {
  std::size_t start = 0;
  while (const std::size_t length = jsWhitespaceAt(text, start)) start += length;
  return text.substr(start);
}

std::string_view trimEndJs(std::string_view text) {
  std::size_t end = text.size();
  while (const std::size_t length = jsWhitespaceBefore(text, end)) end -= length;
  return text.substr(0, end);
}

std::string_view trimJs(std::string_view text) { return trimEndJs(trimStartJs(text)); }

std::string_view stripChars(std::string_view text, std::string_view chars, bool front, bool back) {
  const std::vector<char32_t> set = decodeAll(chars);
  const auto inSet = [&](char32_t c) { return std::find(set.begin(), set.end(), c) != set.end(); };
  std::vector<std::size_t> starts;  // byte offset of each code point, then text.size()
  std::vector<char32_t> codePoints;
  for (std::size_t position = 0; position < text.size();) {
    starts.push_back(position);
    codePoints.push_back(decodeUtf8(text, position));
  }
  starts.push_back(text.size());
  std::size_t first = 0;
  std::size_t last = codePoints.size();
  if (front) {
    while (first < last && inSet(codePoints[first])) ++first;
  }
  if (back) {
    while (last > first && inSet(codePoints[last - 1])) --last;
  }
  return text.substr(starts[first], starts[last] - starts[first]);
}

std::size_t utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t position = 0; position < text.size();) units += decodeUtf8(text, position) > 0xFFFF ? 2 : 1;
  return units;
}

bool utf16At(std::string_view text, long long index, std::string& out) {
  const auto length = static_cast<long long>(utf16Length(text));
  if (index < 0) index += length;
  if (index < 0 || index >= length) return false;
  long long unit = 0;
  for (std::size_t position = 0; position < text.size();) {
    const std::size_t start = position;
    const char32_t c = decodeUtf8(text, position);
    const long long width = c > 0xFFFF ? 2 : 1;
    if (index < unit + width) {
      out.clear();
      if (width == 2) {
        appendUtf8(out, kReplacement);  // half of a surrogate pair
      } else {
        out.assign(text.substr(start, position - start));
      }
      return true;
    }
    unit += width;
  }
  return false;
}

std::string toUpperJs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t position = 0; position < text.size();) {
    const auto lead = static_cast<unsigned char>(text[position]);
    if (lead < 0x80) {
      out += static_cast<char>(lead >= 'a' && lead <= 'z' ? lead - 0x20 : lead);
      ++position;
      continue;
    }
    appendUpper(out, decodeUtf8(text, position));
  }
  return out;
}

std::string toLowerJs(std::string_view text) {
  const std::vector<char32_t> codePoints = decodeAll(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < codePoints.size(); ++i) {
    const char32_t c = codePoints[i];
    if (c == 0x0130) {
      out += "i\u0307";  // İ lower-cases to i + combining dot above
    } else if (c == 0x03A3) {
      // Final sigma: after a cased letter and not before one.
      const bool afterLetter = i > 0 && isCased(codePoints[i - 1]);
      const bool beforeLetter = i + 1 < codePoints.size() && isCased(codePoints[i + 1]);
      appendUtf8(out, afterLetter && !beforeLetter ? 0x03C2 : 0x03C3);
    } else if (c == 0x1E9E) {
      appendUtf8(out, 0x00DF);
    } else {
      appendUtf8(out, simpleLower(c));
    }
  }
  return out;
}

std::string titleJs(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const bool boundary = i == 0 || !isAsciiWord(static_cast<unsigned char>(out[i - 1]));
    if (boundary && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 0x20);
  }
  return out;
}

std::string capitalizeJs(std::string_view text) {
  if (text.empty()) return {};
  std::size_t position = 0;
  const char32_t first = decodeUtf8(text, position);
  if (first > 0xFFFF) return std::string(text);  // charAt(0) is half of a surrogate pair
  std::string out;
  appendUpper(out, first);
  out.append(text.substr(position));
  return out;
}

void appendJsonString(std::string& out, std::string_view text, bool ensureAscii) {
  out += '"';
  for (std::size_t position = 0; position < text.size();) {
    const auto lead = static_cast<unsigned char>(text[position]);
    if (lead >= 0x20 && lead < 0x7F && lead != '"' && lead != '\\') {
      out += static_cast<char>(lead);
      ++position;
      continue;
    }
    const std::size_t start = position;
    const char32_t c = decodeUtf8(text, position);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20) {
      appendHex4(out, c);
    } else if (ensureAscii && c > 0xFFFF) {
      const char32_t offset = c - 0x10000;
      appendHex4(out, 0xD800 + (offset >> 10));
      appendHex4(out, 0xDC00 + (offset & 0x3FF));
    } else if (ensureAscii) {
      appendHex4(out, c);
    } else if (c == kReplacement) {
      appendUtf8(out, c);  // also what an invalid byte becomes
    } else {
      out.append(text.substr(start, position - start));
    }
  }
  out += '"';
}

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace tiertune::formats::jinja
