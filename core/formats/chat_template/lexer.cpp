#include "core/formats/chat_template/lexer.h"

#include <cstdio>

#include <cstring>

#include "core/formats/chat_template/text_ops.h"
#include "core/util/error.h"

namespace tiertune::formats::jinja {

namespace {

// The template after the reference's preparation, with the original offset of every byte
// (origin has one more entry, for the end).
struct Prepared {
  std::string text;
  std::vector<std::uint32_t> origin;

  void append(const Prepared& from, std::size_t begin, std::size_t end) {
    text.append(from.text, begin, end - begin);
    origin.insert(origin.end(), from.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                  from.origin.begin() + static_cast<std::ptrdiff_t>(end));
  }
  void finish(const Prepared& from) { origin.push_back(from.origin.back()); }
};

bool startsWithAt(std::string_view text, std::size_t position, std::string_view prefix) {
  return position <= text.size() && text.substr(position, prefix.size()) == prefix;
}

// JavaScript's multiline ^: the start, or after \n, \r, U+2028 or U+2029.
bool isLineStart(std::string_view text, std::size_t position) {
  if (position == 0) return true;
  const char previous = text[position - 1];
  if (previous == '\n' || previous == '\r') return true;
  return position >= 3 && (text.substr(position - 3, 3) == "\u2028" || text.substr(position - 3, 3) == "\u2029");
}

// /^[ \t]*({[#%-])/gm → "$1": blanks before a block tag at the start of a line go.
Prepared stripBlockIndentation(const Prepared& in) {
  Prepared out;
  const std::string_view text = in.text;
  std::size_t copied = 0;
  for (std::size_t position = 0; position < text.size(); ++position) {
    if (!isLineStart(text, position)) continue;
    std::size_t end = position;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    if (end > position && end + 1 < text.size() && text[end] == '{' &&
        (text[end + 1] == '#' || text[end + 1] == '%' || text[end + 1] == '-')) {
      out.append(in, copied, position);
      copied = end;
      position = end;
    }
  }
  out.append(in, copied, text.size());
  out.finish(in);
  return out;
}

// /([#%-]})\n/g → "$1": the newline right after a block tag goes.
Prepared trimBlockNewlines(const Prepared& in) {
  Prepared out;
  const std::string_view text = in.text;
  std::size_t copied = 0;
  for (std::size_t position = 1; position + 1 < text.size(); ++position) {
    const char previous = text[position - 1];
    if (text[position] == '}' && (previous == '#' || previous == '%' || previous == '-') &&
        text[position + 1] == '\n') {
      out.append(in, copied, position + 1);
      copied = position + 2;
      ++position;
    }
  }
  out.append(in, copied, text.size());
  out.finish(in);
  return out;
}

std::size_t skipJsWhitespace(std::string_view text, std::size_t position) {
  while (const std::size_t length = jsWhitespaceAt(text, position)) position += length;
  return position;
}

// /(\s*){%(-?)\s*(?:end)?generation\s*(-?)%}(\s*)/gs: {% generation %} and {% endgeneration %}
// (markers for training masks) vanish, with the whitespace around them unless a - strips it.
Prepared removeGenerationTags(const Prepared& in) {
  Prepared out;
  const std::string_view text = in.text;
  std::size_t copied = 0;
  std::size_t position = 0;
  while ((position = text.find("{%", position)) != std::string_view::npos) {
    std::size_t cursor = position + 2;
    const bool stripBefore = cursor < text.size() && text[cursor] == '-';
    if (stripBefore) ++cursor;
    cursor = skipJsWhitespace(text, cursor);
    if (startsWithAt(text, cursor, "endgeneration")) {
      cursor += 13;
    } else if (startsWithAt(text, cursor, "generation")) {
      cursor += 10;
    } else {
      position += 2;
      continue;
    }
    cursor = skipJsWhitespace(text, cursor);
    const bool stripAfter = cursor < text.size() && text[cursor] == '-';
    if (stripAfter) ++cursor;
    if (!startsWithAt(text, cursor, "%}")) {
      position += 2;
      continue;
    }
    const std::size_t tagEnd = cursor + 2;
    std::size_t before = position;
    while (before > copied) {
      const std::size_t length = jsWhitespaceBefore(text, before);
      if (length == 0 || before - length < copied) break;
      before -= length;
    }
    const std::size_t after = skipJsWhitespace(text, tagEnd);
    out.append(in, copied, stripBefore ? before : position);
    if (!stripAfter) out.append(in, tagEnd, after);
    copied = after;
    position = after;
  }
  out.append(in, copied, text.size());
  out.finish(in);
  return out;
}

Prepared prepare(std::string_view source) {
  Prepared prepared;
  std::size_t length = source.size();
  if (length > 0 && source[length - 1] == '\n') --length;
  prepared.text.assign(source.substr(0, length));
  prepared.origin.resize(length + 1);
  for (std::size_t i = 0; i <= length; ++i) prepared.origin[i] = static_cast<std::uint32_t>(i);
  return removeGenerationTags(trimBlockNewlines(stripBlockIndentation(prepared)));
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isWordByte(char c) { return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

struct Symbol {
  std::string_view text;
  TokenType type;
};

// Longer symbols before their prefixes, as the reference orders them.
constexpr Symbol kSymbols[] = {
    {"{%", TokenType::OpenStatement},
    {"%}", TokenType::CloseStatement},
    {"{{", TokenType::OpenExpression},
    {"}}", TokenType::CloseExpression},
    {"(", TokenType::OpenParen},
    {")", TokenType::CloseParen},
    {"{", TokenType::OpenCurlyBracket},
    {"}", TokenType::CloseCurlyBracket},
    {"[", TokenType::OpenSquareBracket},
    {"]", TokenType::CloseSquareBracket},
    {",", TokenType::Comma},
    {".", TokenType::Dot},
    {":", TokenType::Colon},
    {"|", TokenType::Pipe},
    {"<=", TokenType::ComparisonOperator},
    {">=", TokenType::ComparisonOperator},
    {"==", TokenType::ComparisonOperator},
    {"!=", TokenType::ComparisonOperator},
    {"<", TokenType::ComparisonOperator},
    {">", TokenType::ComparisonOperator},
    {"+", TokenType::AdditiveOperator},
    {"-", TokenType::AdditiveOperator},
    {"~", TokenType::AdditiveOperator},
    {"**", TokenType::ExponentiationOperator},
    {"*", TokenType::MultiplicativeOperator},
    {"//", TokenType::MultiplicativeOperator},
    {"/", TokenType::MultiplicativeOperator},
    {"%", TokenType::MultiplicativeOperator},
    {"=", TokenType::Equals},
};

int hexDigit(char c) {
  if (isDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  Lexer(std::string_view source, const Prepared& prepared)
      : source_(source), src_(prepared.text), origin_(prepared.origin) {}

  std::vector<Token> run() {
    while (position_ < src_.size()) {
      const TokenType* last = tokens_.empty() ? nullptr : &tokens_.back().type;
      if (!last || *last == TokenType::CloseStatement || *last == TokenType::CloseExpression ||
          *last == TokenType::Comment) {
        const std::size_t start = position_;
        while (position_ < src_.size() && !opensTag(position_)) ++position_;
        if (position_ > start) {
          push(TokenType::Text, std::string(src_.substr(start, position_ - start)), start);
          continue;
        }
      }
      if (startsWithAt(src_, position_, "{#")) {
        lexComment();
        continue;
      }
      if (startsWithAt(src_, position_, "{%-") || startsWithAt(src_, position_, "{{-")) {
        stripTrailingWhitespace();
        const bool statement = src_[position_ + 1] == '%';
        push(statement ? TokenType::OpenStatement : TokenType::OpenExpression, statement ? "{%" : "{{", position_);
        if (!statement) curlyDepth_ = 0;
        position_ += 3;
        continue;
      }
      skipWhitespaceInTag();
      if (startsWithAt(src_, position_, "-%}") || startsWithAt(src_, position_, "-}}")) {
        const bool statement = src_[position_ + 1] == '%';
        push(statement ? TokenType::CloseStatement : TokenType::CloseExpression, statement ? "%}" : "}}",
             position_);
        position_ = skipJsWhitespace(src_, position_ + 3);
        continue;
      }
      if (position_ >= src_.size()) break;
      const char c = src_[position_];
      if ((c == '-' || c == '+') && lexSign(c)) continue;
      if (lexSymbol()) continue;
      if (c == '\'' || c == '"') {
        const std::size_t start = position_;
        ++position_;
        std::string value = consumeString(c, start);
        ++position_;
        push(TokenType::StringLiteral, std::move(value), start);
        continue;
      }
      if (isDigit(c)) {
        const std::size_t start = position_;
        std::string number = consumeDigits();
        if ((tokens_.empty() || tokens_.back().type != TokenType::Dot) && position_ + 1 < src_.size() &&
            src_[position_] == '.' && isDigit(src_[position_ + 1])) {
          ++position_;
          number += '.';
          number += consumeDigits();
        }
        push(TokenType::NumericLiteral, std::move(number), start);
        continue;
      }
      if (isWordByte(c)) {
        const std::size_t start = position_;
        std::string word;
        while (position_ < src_.size() && isWordByte(src_[position_])) consumeByte(word);
        push(TokenType::Identifier, std::move(word), start);
        continue;
      }
      std::size_t next = position_;
      decodeUtf8(src_, next);
      fail(position_, "unexpected character '" + std::string(src_.substr(position_, next - position_)) + "'");
    }
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& message) const {
    throwTemplateError(source_, origin_[std::min(at, src_.size())], message);
  }

  bool opensTag(std::size_t at) const {
    return src_[at] == '{' && at + 1 < src_.size() &&
           (src_[at + 1] == '%' || src_[at + 1] == '{' || src_[at + 1] == '#');
  }

  void push(TokenType type, std::string value, std::size_t at) {
    tokens_.push_back(Token{type, std::move(value), origin_[at]});
  }

  // The reference reads tag contents with a helper that fails when a token runs up to the very end
  // of the template (an unclosed tag).
  void consumeByte(std::string& into) {
    into += src_[position_++];
    if (position_ >= src_.size()) fail(position_, "unexpected end of template inside a tag (a tag is not closed)");
  }

  std::string consumeDigits() {
    std::string digits;
    while (position_ < src_.size() && isDigit(src_[position_])) consumeByte(digits);
    return digits;
  }

  void skipWhitespaceInTag() {
    while (const std::size_t length = jsWhitespaceAt(src_, position_)) {
      position_ += length;
      if (position_ >= src_.size()) fail(position_, "unexpected end of template inside a tag (a tag is not closed)");
    }
  }

  void stripTrailingWhitespace() {
    if (tokens_.empty() || tokens_.back().type != TokenType::Text) return;
    std::string& text = tokens_.back().value;
    text.resize(trimEndJs(text).size());
    if (text.empty()) tokens_.pop_back();
  }

  void lexComment() {
    const std::size_t start = position_;
    position_ += 2;
    const bool stripBefore = position_ < src_.size() && src_[position_] == '-';
    if (stripBefore) ++position_;
    std::string comment;
    while (!(position_ + 1 < src_.size() && src_[position_] == '#' && src_[position_ + 1] == '}')) {
      if (position_ + 2 >= src_.size()) fail(start, "comment is not closed: '{#' without '#}'");
      comment += src_[position_++];
    }
    const bool stripAfter = !comment.empty() && comment.back() == '-';
    if (stripAfter) comment.pop_back();
    if (stripBefore) stripTrailingWhitespace();
    push(TokenType::Comment, std::move(comment), start);
    position_ += 2;
    if (stripAfter) position_ = skipJsWhitespace(src_, position_);
  }

  // A sign after an operand is a binary operator (returns false: the symbol table takes it);
  // elsewhere it is unary, joined to the number that follows if there is one.
  bool lexSign(char sign) {
    if (tokens_.empty() || tokens_.back().type == TokenType::Text) fail(position_, std::string("unexpected character '") + sign + "'");
    switch (tokens_.back().type) {
      case TokenType::Identifier:
      case TokenType::NumericLiteral:
      case TokenType::StringLiteral:
      case TokenType::CloseParen:
      case TokenType::CloseSquareBracket: return false;
      default: break;
    }
    const std::size_t start = position_;
    ++position_;
    std::string number = consumeDigits();
    if (!number.empty() && position_ + 1 < src_.size() && src_[position_] == '.' && isDigit(src_[position_ + 1])) {
      ++position_;
      number += '.';
      number += consumeDigits();
    }
    if (number.empty()) {
      push(TokenType::UnaryOperator, std::string(1, sign), start);
    } else {
      push(TokenType::NumericLiteral, sign + number, start);
    }
    return true;
  }

  bool lexSymbol() {
    for (const Symbol& symbol : kSymbols) {
      if (symbol.text == "}}" && curlyDepth_ > 0) continue;
      if (!startsWithAt(src_, position_, symbol.text)) continue;
      push(symbol.type, std::string(symbol.text), position_);
      if (symbol.type == TokenType::OpenExpression) {
        curlyDepth_ = 0;
      } else if (symbol.type == TokenType::OpenCurlyBracket) {
        ++curlyDepth_;
      } else if (symbol.type == TokenType::CloseCurlyBracket) {
        --curlyDepth_;
      }
      position_ += symbol.text.size();
      return true;
    }
    return false;
  }

  // A \uXXXX escape gives one UTF-16 unit; two in a row may form a surrogate pair. Half a pair
  // alone is no character at all: an error at its escape, never a silent U+FFFD.
  struct PendingHigh {
    char32_t unit = 0;  // 0: none
    std::size_t at = 0;
  };
  [[noreturn]] void failLoneSurrogate(std::size_t at, char32_t unit) const {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(unit));
    fail(at, std::string("\\u") + hex +
                 " is half of a UTF-16 surrogate pair without its other half; write the character itself, or "
                 "both halves such as \\uD83D\\uDE00");
  }

  void appendUnit(std::string& out, char32_t unit, std::size_t at, PendingHigh& pending) {
    if (pending.unit != 0) {
      if (unit < 0xDC00 || unit > 0xDFFF) failLoneSurrogate(pending.at, pending.unit);
      appendUtf8(out, 0x10000 + ((pending.unit - 0xD800) << 10) + (unit - 0xDC00));
      pending = {};
      return;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      pending = {unit, at};
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      failLoneSurrogate(at, unit);
    } else {
      appendUtf8(out, unit);
    }
  }

  std::string consumeString(char quote, std::size_t start) {
    std::string value;
    PendingHigh pending;
    const auto flush = [&] {
      if (pending.unit != 0) failLoneSurrogate(pending.at, pending.unit);
    };
    while (position_ >= src_.size() || src_[position_] != quote) {
      if (position_ >= src_.size()) fail(start, "string literal is not closed");
      if (src_[position_] != '\\') {
        flush();
        value += src_[position_++];
        if (position_ >= src_.size()) fail(start, "string literal is not closed");
        continue;
      }
      const std::size_t escapeStart = position_;
      ++position_;
      if (position_ >= src_.size()) fail(start, "string literal is not closed");
      const char escaped = src_[position_++];
      if (escaped == 'x' || escaped == 'u') {
        const std::size_t length = escaped == 'x' ? 2 : 4;
        char32_t unit = 0;
        for (std::size_t i = 0; i < length; ++i) {
          const int digit = position_ + i < src_.size() ? hexDigit(src_[position_ + i]) : -1;
          if (digit < 0) fail(escapeStart, std::string("invalid escape: \\") + escaped + " needs " + std::to_string(length) + " hexadecimal digits");
          unit = unit * 16 + static_cast<char32_t>(digit);
        }
        position_ += length;
        appendUnit(value, unit, escapeStart, pending);
        continue;
      }
      flush();
      switch (escaped) {
        case 'n': value += '\n'; break;
        case 't': value += '\t'; break;
        case 'r': value += '\r'; break;
        case 'b': value += '\b'; break;
        case 'f': value += '\f'; break;
        case 'v': value += '\v'; break;
        case '\'': value += '\''; break;
        case '"': value += '"'; break;
        case '\\': value += '\\'; break;
        default: fail(escapeStart, std::string("unknown escape sequence \\") + escaped);
      }
    }
    flush();
    return value;
  }

  std::string_view source_;
  std::string_view src_;
  const std::vector<std::uint32_t>& origin_;
  std::size_t position_ = 0;
  int curlyDepth_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::string sourcePosition(std::string_view source, std::uint32_t offset) {
  std::size_t line = 1;
  std::size_t lineStart = 0;
  const std::size_t end = std::min<std::size_t>(offset, source.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (source[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = lineStart; i < end;) {
    decodeUtf8(source, i);
    ++column;
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

void throwTemplateError(std::string_view source, std::uint32_t offset, const std::string& message) {
  throw Error("chat template " + sourcePosition(source, offset) + ": " + message);
}

std::vector<Token> tokenize(std::string_view source) {
  if (source.size() > kMaxTemplateBytes) {
    throw Error("chat template is too large: " + std::to_string(source.size()) + " bytes (the limit is " +
                std::to_string(kMaxTemplateBytes) + ")");
  }
  const Prepared prepared = prepare(source);
  return Lexer(source, prepared).run();
}

}  // namespace tiertune::formats::jinja
