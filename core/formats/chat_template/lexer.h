// The lexer of chat templates: the source, prepared as the reference renderer prepares it (one
// trailing newline dropped, lstrip_blocks and trim_blocks on, {% generation %} tags removed), cut
// into text, comments and the tokens inside {{ }} and {% %}. Every token remembers where it starts
// in the original source, for messages. Used by the parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tiertune::formats::jinja {

enum class TokenType : std::uint8_t {
  Text,
  Comment,
  NumericLiteral,  // 12, 1.5, -3 (a sign where no operand precedes it belongs to the number)
  StringLiteral,   // the value, escapes resolved
  Identifier,
  Equals,
  OpenParen,
  CloseParen,
  OpenStatement,   // {%
  CloseStatement,  // %}
  OpenExpression,  // {{
  CloseExpression, // }}
  OpenSquareBracket,
  CloseSquareBracket,
  OpenCurlyBracket,
  CloseCurlyBracket,
  Comma,
  Dot,
  Colon,
  Pipe,
  AdditiveOperator,        // + - ~
  MultiplicativeOperator,  // * / // %
  ExponentiationOperator,  // **
  ComparisonOperator,      // == != < > <= >=
  UnaryOperator,           // a sign that stands alone: - +
};

struct Token {
  TokenType type;
  std::string value;
  std::uint32_t offset = 0;  // byte offset in the original source
};

// Templates larger than this are refused (offsets are 32-bit; real templates are a few KiB).
inline constexpr std::size_t kMaxTemplateBytes = 8u << 20;

// Throws tiertune::Error "chat template L:C: message" for an unterminated comment or string, a bad
// escape or a character that starts no token.
std::vector<Token> tokenize(std::string_view source);

// "L:C" of a byte offset: 1-based line and column, the column counted in characters.
std::string sourcePosition(std::string_view source, std::uint32_t offset);
// Throws tiertune::Error("chat template L:C: message").
[[noreturn]] void throwTemplateError(std::string_view source, std::uint32_t offset, const std::string& message);

}  // namespace tiertune::formats::jinja
