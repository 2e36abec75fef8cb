#include "core/documents/qa_reply.h"

#include <algorithm>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/util/error.h"
#include "core/util/json_text.h"

namespace tiertune::documents {

namespace {

using Kind = QaReplyProblemKind;

// Deep enough for any reply a model means (an answer nests 2); the bound keeps a reply of
// "[[[[..." from costing stack in nlohmann's recursive copies and dumps.
constexpr std::size_t kMaxDepth = 32;
constexpr std::size_t kExcerptChars = 40;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += isContinuation(c) ? 0 : 1;
  return count;
}

// The first characters of text in quotes, control characters as spaces, "…" when cut.
std::string excerpt(std::string_view text) {
  std::string out = "\"";
  std::size_t shown = 0;
  std::size_t at = 0;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (!isContinuation(c) && shown++ == kExcerptChars) break;
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  if (at < text.size()) out += "…";
  return out + "\"";
}

QaReply refused(Kind kind, std::string reason, std::size_t item = 0) {
  QaReply reply;
  reply.problem = QaReplyProblem{kind, item, std::move(reason)};
  return reply;
}

std::string itemWords(std::size_t item) { return "item " + std::to_string(item); }

// "a number", "an object", ...: what a JSON value is, for "... is a number, not text".
std::string valueWords(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::string: return "text";
    case nlohmann::json::value_t::boolean: return "true or false";
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "not text";
  }
}

// The question marks of the scripts that end a question with their own: ?, the full-width ？,
// the Arabic ؟ and the Greek ; (U+037E).
bool endsWithQuestionMark(std::string_view text) {
  for (const std::string_view mark : {std::string_view("?"), std::string_view("\xEF\xBC\x9F"),
                                      std::string_view("\xD8\x9F"), std::string_view("\xCD\xBE")}) {
    if (text.ends_with(mark)) return true;
  }
  return false;
}

// A question as compared for repeats: ASCII letters in lower case, runs of spaces as one.
std::string questionKey(std::string_view question) {
  std::string key;
  bool space = false;
  for (const char c : question) {
    if (isSpace(c)) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

// Where the array that opens body closes: the index of its ']', or npos when body ends first.
// Brackets inside strings do not count. maxDepth: the deepest nesting seen.
std::size_t arrayEnd(std::string_view body, std::size_t& maxDepth) {
  std::size_t depth = 0;
  bool inString = false, escaped = false;
  maxDepth = 0;
  for (std::size_t at = 0; at < body.size(); ++at) {
    const char c = body[at];
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      maxDepth = std::max(maxDepth, ++depth);
    } else if (c == ']' || c == '}') {
      if (depth == 0) return at;  // unbalanced: the parser will say where
      if (--depth == 0) return at;
    }
  }
  return std::string_view::npos;
}

// Thrown by the builder's duplicate-key callback, caught below.
struct RepeatedKey {
  std::size_t item;
  std::string key;
};

// nlohmann's SAX events into a JsonBuilder, counting the top array's items in item so that a
// repeated key can be named with its item.
class ItemCountingSax {
 public:
  using Json = nlohmann::json;
  ItemCountingSax(JsonBuilder<Json>& builder, std::size_t& item) : builder_(builder), item_(item) {}

  bool null() { return scalar(Json(nullptr)); }
  bool boolean(bool v) { return scalar(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return scalar(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v)); }
  bool number_float(Json::number_float_t v, const Json::string_t&) { return scalar(Json(v)); }
  bool string(Json::string_t& v) { return scalar(Json(std::move(v))); }
  bool binary(Json::binary_t& v) { return scalar(Json(std::move(v))); }
  bool start_object(std::size_t) {
    countItem();
    return builder_.startObject();
  }
  bool key(Json::string_t& k) { return builder_.key(std::move(k)); }
  bool end_object() {
    builder_.end();
    return true;
  }
  bool start_array(std::size_t) {
    countItem();
    return builder_.startArray();
  }
  bool end_array() {
    builder_.end();
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& error) {
    throw error;
  }

 private:
  void countItem() {
    if (builder_.depth() == 1) ++item_;
  }
  bool scalar(Json v) {
    countItem();
    return builder_.value(std::move(v));
  }

  JsonBuilder<Json>& builder_;
  std::size_t& item_;
};

// nlohmann's words for a syntax error without its prefix and the bytes it last read:
// "unexpected '}'; expected '[', '{', or a literal", "invalid literal".
std::string syntaxWords(const std::string& what) {
  std::string words = what;
  if (const std::size_t dash = words.find(" - "); dash != std::string::npos) {
    words = words.substr(dash + 3);
  } else if (const std::size_t colon = words.rfind(": "); colon != std::string::npos) {
    words = words.substr(colon + 2);
  }
  if (const std::size_t lastRead = words.find("; last read"); lastRead != std::string::npos) {
    words.erase(lastRead);
  }
  return words;
}

QaReply checkItems(const nlohmann::json& array, std::size_t count) {
  QaReply reply;
  std::map<std::string, std::size_t> askedBy;  // questionKey -> the item that asked it first
  std::size_t item = 0;
  for (const nlohmann::json& value : array) {
    ++item;
    const std::string at = itemWords(item);
    if (!value.is_object()) {
      return refused(Kind::ItemNotObject,
                     at + " is " + valueWords(value) + ", not an object with \"question\" and \"answer\"", item);
    }
    for (const auto& [key, field] : value.items()) {
      if (key != "question" && key != "answer") {
        return refused(Kind::ItemExtraKey,
                       at + " has the key \"" + key + "\" besides \"question\" and \"answer\"", item);
      }
    }
    std::string texts[2];
    const char* const names[2] = {"question", "answer"};
    for (int i = 0; i < 2; ++i) {
      const std::string name = names[i];
      if (!value.contains(name)) return refused(Kind::ItemMissingKey, at + " has no \"" + name + "\"", item);
      const nlohmann::json& field = value.at(name);
      if (!field.is_string()) {
        return refused(Kind::ItemNotText, at + "'s \"" + name + "\" is " + valueWords(field) + ", not text", item);
      }
      texts[i] = std::string(trimmed(field.get_ref<const std::string&>()));
      if (texts[i].empty()) return refused(Kind::ItemEmptyText, at + "'s \"" + name + "\" is empty", item);
      if (characters(texts[i]) > kQaTextMaxChars) {
        return refused(Kind::ItemTextTooLong,
                       at + "'s \"" + name + "\" is longer than " + std::to_string(kQaTextMaxChars) + " characters",
                       item);
      }
    }
    if (!endsWithQuestionMark(texts[0])) {
      return refused(Kind::ItemNoQuestionMark, at + "'s \"question\" does not end with a question mark", item);
    }
    const auto [first, isNew] = askedBy.try_emplace(questionKey(texts[0]), item);
    if (!isNew) {
      return refused(Kind::ItemRepeatedQuestion, at + " asks the same question as " + itemWords(first->second), item);
    }
    reply.pairs.push_back(QaPair{std::move(texts[0]), std::move(texts[1])});
  }
  if (reply.pairs.size() != count) {
    const std::size_t pairs = reply.pairs.size();
    return refused(Kind::WrongCount,
                   std::to_string(pairs) + (pairs == 1 ? " pair" : " pairs") + " instead of " + std::to_string(count));
  }
  return reply;
}

}  // namespace

QaReply parseQaReply(std::string_view reply, std::size_t count) {
  if (count == 0) throw Error("the number of questions to parse must be at least 1");
  if (reply.size() > kQaReplyMaxBytes) {
    return refused(Kind::TooLarge, "the reply is longer than " + std::to_string(kQaReplyMaxBytes) + " bytes");
  }
  // Character number (from 1) of the byte at offset in reply, for the reasons.
  auto characterAt = [&](std::size_t offset) { return std::to_string(characters(reply.substr(0, offset)) + 1); };

  std::string_view body = trimmed(reply);
  if (body.empty()) return refused(Kind::Empty, "the reply is empty");
  if (body.starts_with("```")) {
    const std::size_t lineEnd = body.find('\n');
    if (lineEnd == std::string_view::npos) {
      return refused(Kind::FenceNotClosed, "the reply's code fence (```) is not on lines of its own");
    }
    const std::string_view language = trimmed(body.substr(3, lineEnd - 3));
    if (!language.empty() && language != "json" && language != "JSON") {
      return refused(Kind::FenceNotJson,
                     "the reply's code fence is marked \"" + std::string(language) + "\", not json");
    }
    const std::size_t close = body.rfind("```");
    if (close < lineEnd) {
      return refused(Kind::FenceNotClosed, "the reply opens a code fence (```) but does not close it");
    }
    const std::string_view after = trimmed(body.substr(close + 3));
    if (!after.empty()) {
      const std::size_t offset = static_cast<std::size_t>(after.data() - reply.data());
      return refused(Kind::TextAfter, "the reply goes on after its code fence, at character " + characterAt(offset) +
                                          ": " + excerpt(after));
    }
    body = trimmed(body.substr(lineEnd + 1, close - lineEnd - 1));
    if (body.empty()) return refused(Kind::Empty, "the reply's code fence is empty");
  }
  if (body.front() != '[') {
    return refused(Kind::NotAnArray,
                   "the reply does not begin with a JSON array ('['): it begins with " + excerpt(body));
  }
  std::size_t depth = 0;
  const std::size_t end = arrayEnd(body, depth);
  if (depth > kMaxDepth) {
    return refused(Kind::TooDeep, "the reply's JSON nests lists or objects deeper than " + std::to_string(kMaxDepth) +
                                      " levels");
  }
  if (end == std::string_view::npos) {
    return refused(Kind::Unfinished, "the reply ends before its JSON array is closed");
  }
  const std::string_view after = trimmed(body.substr(end + 1));
  if (!after.empty()) {
    const std::size_t offset = static_cast<std::size_t>(after.data() - reply.data());
    return refused(Kind::TextAfter, "the reply goes on after its JSON array, at character " + characterAt(offset) +
                                        ": " + excerpt(after));
  }
  const std::string_view json = body.substr(0, end + 1);
  const std::size_t jsonOffset = static_cast<std::size_t>(json.data() - reply.data());

  nlohmann::json array;
  try {
    std::size_t item = 0;  // the top array's item being read, from 1
    JsonBuilder<nlohmann::json> builder(kMaxDepth + 1, [&item](std::size_t, const std::string& key) {
      throw RepeatedKey{item, key};
    });
    ItemCountingSax sax(builder, item);
    nlohmann::json::sax_parse(json.begin(), json.end(), &sax, nlohmann::json::input_format_t::json, /*strict=*/true);
    array = builder.take();
  } catch (const RepeatedKey& repeated) {
    return refused(Kind::ItemRepeatedKey, itemWords(repeated.item) + " has \"" + repeated.key + "\" twice",
                   repeated.item);
  } catch (const nlohmann::json::parse_error& error) {
    // error.byte: the position (from 1) of the byte at which the parse failed.
    const std::size_t offset = jsonOffset + (error.byte > 0 ? error.byte - 1 : 0);
    return refused(Kind::NotJson,
                   "the reply is not JSON: " + syntaxWords(error.what()) + " at character " + characterAt(offset));
  } catch (const nlohmann::json::exception& error) {
    return refused(Kind::NotJson, "the reply is not JSON: " + syntaxWords(error.what()));
  }
  return checkItems(array, count);
}

}  // namespace tiertune::documents
