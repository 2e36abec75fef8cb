#include "core/data/text_encoding.h"

#include "core/util/utf8.h"

namespace tiertune::data {

TextEncoding detectEncoding(std::string_view head) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return TextEncoding::Utf8WithBom;
  if (head.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) return TextEncoding::Utf16LE;
  if (head.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) return TextEncoding::Utf16BE;
  // Without a BOM: text that is mostly ASCII has a zero in every other byte.
  std::size_t evenZeros = 0, oddZeros = 0;
  const std::size_t pairs = std::min<std::size_t>(head.size() / 2, 2048);
  for (std::size_t i = 0; i < pairs; ++i) {
    evenZeros += byte(2 * i) == 0 ? 1 : 0;
    oddZeros += byte(2 * i + 1) == 0 ? 1 : 0;
  }
  if (pairs >= 4 && oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs) return TextEncoding::Utf16LE;
  if (pairs >= 4 && evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs) return TextEncoding::Utf16BE;
  return TextEncoding::Utf8;
}

std::size_t byteOrderMarkLength(std::string_view head) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;
  if (head.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) return 2;
  return 0;
}

const char* encodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8WithBom: return "UTF-8 with BOM";
    case TextEncoding::Utf16LE: return "UTF-16 (little endian)";
    case TextEncoding::Utf16BE: return "UTF-16 (big endian)";
  }
  return "UTF-8";
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text, bool allowTruncatedEnd) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t minimum = 0, cp = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2, minimum = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, minimum = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, minimum = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n) {
        if (allowTruncatedEnd) return std::nullopt;
        return i;
      }
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

std::string likelyLegacyEncoding(std::string_view sample) {
  // Byte statistics are enough to name the usual suspects in a helpful message; we never convert
  // from a guess.
  std::size_t high = 0, sjisLead = 0, gbkLead = 0, euckrLead = 0;
  for (std::size_t i = 0; i + 1 < sample.size(); ++i) {
    const auto a = static_cast<unsigned char>(sample[i]);
    const auto b = static_cast<unsigned char>(sample[i + 1]);
    if (a < 0x80) continue;
    ++high;
    if (((a >= 0x81 && a <= 0x9F) || (a >= 0xE0 && a <= 0xEF)) && ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC))) ++sjisLead;
    if (a >= 0xB0 && a <= 0xC8 && b >= 0xA1 && b <= 0xFE) ++euckrLead;
    if (a >= 0x81 && a <= 0xFE && ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE))) ++gbkLead;
    ++i;
  }
  if (high == 0) return "an unknown 8-bit encoding";
  if (sjisLead * 10 >= high * 9 && euckrLead * 2 < high) return "Shift JIS";
  if (euckrLead * 10 >= high * 9) return "EUC-KR";
  if (gbkLead * 10 >= high * 9) return "GBK";
  return "Windows-1252 or Latin-1";
}

void Utf16Decoder::decode(std::string_view bytes, std::string& out) {
  std::string input = carry_ + std::string(bytes);
  const std::size_t units = input.size() / 2;
  for (std::size_t u = 0; u < units; ++u) {
    const auto a = static_cast<unsigned char>(input[2 * u]);
    const auto b = static_cast<unsigned char>(input[2 * u + 1]);
    const auto unit = static_cast<std::uint16_t>(bigEndian_ ? (a << 8 | b) : (b << 8 | a));
    if (pendingHigh_ != 0) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        appendUtf8(out, 0x10000 + ((static_cast<char32_t>(pendingHigh_) - 0xD800) << 10) + (unit - 0xDC00));
        pendingHigh_ = 0;
        continue;
      }
      appendUtf8(out, 0xFFFD);
      ++replaced_;
      pendingHigh_ = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      pendingHigh_ = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      appendUtf8(out, 0xFFFD);
      ++replaced_;
    } else {
      appendUtf8(out, unit);
    }
  }
  carry_ = input.substr(units * 2);
}

void Utf16Decoder::finish(std::string& out) {
  if (pendingHigh_ != 0 || !carry_.empty()) {
    appendUtf8(out, 0xFFFD);
    ++replaced_;
  }
  pendingHigh_ = 0;
  carry_.clear();
}

}  // namespace tiertune::data
