#include "core/formats/chat_template/js_number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/formats/chat_template/text_ops.h"

namespace tiertune::formats::jinja {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the StrUnsignedDecimalLiteral at the start of text without "Infinity" (digits, an
// optional fraction, an optional exponent), 0 when there is none.
std::size_t decimalLiteralLength(std::string_view text) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && isDigit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    std::size_t j = i + 1;
    std::size_t fraction = 0;
    while (j < text.size() && isDigit(text[j])) ++j, ++fraction;
    if (digits + fraction > 0) {
      i = j;
      digits += fraction;
    }
  }
  if (digits == 0) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t exponentStart = j;
    while (j < text.size() && isDigit(text[j])) ++j;
    if (j > exponentStart) i = j;
  }
  return i;
}

double parseDecimal(std::string_view literal) {
  double value = 0.0;
  const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    // from_chars leaves value untouched on overflow/underflow; JavaScript gives Infinity or 0.
    const bool tiny = literal.find_first_of("eE") != std::string_view::npos &&
                      literal.find('-', literal.find_first_of("eE")) != std::string_view::npos;
    return tiny ? 0.0 : std::numeric_limits<double>::infinity();
  }
  return value;
}

double parseRadix(std::string_view digits, int radix) {
  if (digits.empty()) return std::numeric_limits<double>::quiet_NaN();
  double value = 0.0;
  for (const char c : digits) {
    int digit = -1;
    if (isDigit(c)) digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0 || digit >= radix) return std::numeric_limits<double>::quiet_NaN();
    value = value * radix + digit;
  }
  return value;
}

}  // namespace

std::string jsNumberString(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return "0";
  std::string out;
  if (value < 0) {
    out += '-';
    value = -value;
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view scientific(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = scientific.find('e');
  std::string digits;
  for (const char c : scientific.substr(0, e)) {
    if (c != '.') digits += c;
  }
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // the decimal point sits after n digits
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 < 0 ? '-' : '+';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

std::string jsFixedOneDecimal(double integralValue) {
  if (!std::isfinite(integralValue) || std::fabs(integralValue) >= 1e21) return jsNumberString(integralValue);
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, integralValue, std::chars_format::fixed, 0);
  std::string out(buffer, result.ptr);
  if (out == "-0") out = "0";
  return out + ".0";
}

std::optional<double> jsParseInt(std::string_view text) {
  text = trimStartJs(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::size_t length = 0;
  while (length < text.size() && isDigit(text[length])) ++length;
  if (length == 0) return std::nullopt;
  const double value = parseDecimal(text.substr(0, length));
  return negative ? -value : value;
}

std::optional<double> jsParseFloat(std::string_view text) {
  text = trimStartJs(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  double value = 0.0;
  if (text.substr(0, 8) == "Infinity") {
    value = std::numeric_limits<double>::infinity();
  } else {
    const std::size_t length = decimalLiteralLength(text);
    if (length == 0) return std::nullopt;
    value = parseDecimal(text.substr(0, length));
  }
  return negative ? -value : value;
}

double jsStringToNumber(std::string_view text) {
  text = trimJs(text);
  if (text.empty()) return 0.0;
  if (text.size() > 2 && text[0] == '0') {
    const char prefix = text[1];
    if (prefix == 'x' || prefix == 'X') return parseRadix(text.substr(2), 16);
    if (prefix == 'o' || prefix == 'O') return parseRadix(text.substr(2), 8);
    if (prefix == 'b' || prefix == 'B') return parseRadix(text.substr(2), 2);
  }
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  double value = 0.0;
  if (text == "Infinity") {
    value = std::numeric_limits<double>::infinity();
  } else {
    const std::size_t length = decimalLiteralLength(text);
    if (length == 0 || length != text.size()) return std::numeric_limits<double>::quiet_NaN();
    value = parseDecimal(text);
  }
  return negative ? -value : value;
}

}  // namespace tiertune::formats::jinja
