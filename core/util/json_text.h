// JSON from files and people (config.json, tokenizer.json, dataset rows, run.json, settings, a
// safetensors header): every parse of such text goes through parseJsonText, never through
// nlohmann's parse directly, for two reasons.
// - Depth: nlohmann parses without recursion, but copying, dumping and walking a value recurse, so
//   a 100 KB line of "[[[[…" overflows the stack later. The nesting is limited before the parse,
//   by a linear scan that knows the line.
// - Time: nlohmann::ordered_json looks a key up by a linear search at every insertion (quadratic
//   in an object's key count: 100k keys took minutes), and its callback parser rescans the parent
//   after every object (quadratic in a safetensors header's entries). The builder here inserts in
//   constant time and finds duplicate keys with a hash index.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/error.h"

namespace tiertune {

// Deeper than any real document (a safetensors header nests 3, a chat 5, a tokenizer.json 6).
inline constexpr std::size_t kMaxJsonDepth = 256;

// Thrown when the text nests deeper than allowed; what() is "SOURCE line N: …".
class JsonTooDeep : public Error {
 public:
  JsonTooDeep(const std::string& source, std::size_t line, std::size_t maxDepth);
  std::size_t line() const { return line_; }
  // "the JSON nests deeper than 256 levels, which no real file does", without source and line.
  static Words reason(std::size_t maxDepth);

 private:
  std::size_t line_;
};

// The line (from firstLine) at which text opens its (maxDepth+1)-th nested list or object, or
// nullopt when it stays within maxDepth. Brackets inside strings do not count. Linear.
std::optional<std::size_t> lineNestingDeeperThan(std::string_view text, std::size_t maxDepth = kMaxJsonDepth,
                                                 std::size_t firstLine = 1);

// Called when one object repeats a key: depth 1 is the top-level object. It may throw; when it
// returns, the later value replaces the earlier one (as nlohmann does).
using JsonDuplicateKey = std::function<void(std::size_t depth, const std::string& key)>;

// Builds a value from SAX events in linear time without recursion. Shared by parseJsonText and
// streaming readers (a JSON array of records), which feed it one element at a time.
template <class Json>
class JsonBuilder {
 public:
  explicit JsonBuilder(std::size_t maxDepth = kMaxJsonDepth, JsonDuplicateKey onDuplicateKey = {})
      : maxDepth_(maxDepth), onDuplicateKey_(std::move(onDuplicateKey)) {}

  // Each returns false when the value would nest deeper than maxDepth (tooDeep() then says so).
  bool value(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      complete_ = true;
      return true;
    }
    slot() = std::move(v);
    return true;
  }
  bool startObject() { return open(Json::object()); }
  bool startArray() { return open(Json::array()); }
  bool key(std::string k) {
    key_ = std::move(k);
    return true;
  }
  void end() {
    stack_.pop_back();
    if (stack_.empty()) complete_ = true;
  }

  std::size_t depth() const { return stack_.size(); }
  bool tooDeep() const { return tooDeep_; }
  // A whole value was built (the last end() closed the outermost container, or a scalar came).
  bool complete() const { return complete_; }
  Json take() {
    complete_ = false;
    return std::move(root_);
  }

 private:
  struct Frame {
    Json* container;
    std::unordered_map<std::string, std::size_t> keys;  // ordered_json: key -> position
  };
  static constexpr bool kOrdered = requires(typename Json::object_t& object) { object.emplace_back(); };

  bool open(Json container) {
    if (stack_.size() >= maxDepth_) {
      tooDeep_ = true;
      return false;
    }
    Json* placed = nullptr;
    if (stack_.empty()) {
      root_ = std::move(container);
      placed = &root_;
    } else {
      Json& target = slot();
      target = std::move(container);
      placed = &target;
    }
    stack_.push_back(Frame{placed, {}});
    return true;
  }

  // Where the next value goes in the open container: appended to a list, or under key_.
  Json& slot() {
    Frame& top = stack_.back();
    if (top.container->is_array()) {
      auto& array = top.container->template get_ref<typename Json::array_t&>();
      array.emplace_back();
      return array.back();
    }
    auto& object = top.container->template get_ref<typename Json::object_t&>();
    if constexpr (kOrdered) {
      const auto [at, inserted] = top.keys.try_emplace(key_, object.size());
      if (!inserted) {
        if (onDuplicateKey_) onDuplicateKey_(stack_.size(), key_);
        return (object.begin() + static_cast<std::ptrdiff_t>(at->second))->second;
      }
      object.emplace_back(key_, Json());
      return object.back().second;
    } else {
      const auto [at, inserted] = object.try_emplace(key_);
      if (!inserted && onDuplicateKey_) onDuplicateKey_(stack_.size(), key_);
      return at->second;
    }
  }

  std::size_t maxDepth_;
  JsonDuplicateKey onDuplicateKey_;
  Json root_;
  std::vector<Frame> stack_;
  std::string key_;
  bool complete_ = false;
  bool tooDeep_ = false;
};

namespace detail {

// nlohmann's SAX interface over a JsonBuilder, remembering a syntax error to rethrow.
template <class Json>
class JsonBuilderSax {
 public:
  explicit JsonBuilderSax(JsonBuilder<Json>& builder) : builder_(builder) {}
  bool null() { return builder_.value(Json(nullptr)); }
  bool boolean(bool v) { return builder_.value(Json(v)); }
  bool number_integer(typename Json::number_integer_t v) { return builder_.value(Json(v)); }
  bool number_unsigned(typename Json::number_unsigned_t v) { return builder_.value(Json(v)); }
  bool number_float(typename Json::number_float_t v, const typename Json::string_t&) { return builder_.value(Json(v)); }
  bool string(typename Json::string_t& v) { return builder_.value(Json(std::move(v))); }
  bool binary(typename Json::binary_t& v) { return builder_.value(Json(std::move(v))); }
  bool start_object(std::size_t) { return builder_.startObject(); }
  bool key(typename Json::string_t& k) { return builder_.key(std::move(k)); }
  bool end_object() {
    builder_.end();
    return true;
  }
  bool start_array(std::size_t) { return builder_.startArray(); }
  bool end_array() {
    builder_.end();
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& error) {
    throw error;  // parse_error or out_of_range, as nlohmann::json::parse throws them
  }

 private:
  JsonBuilder<Json>& builder_;
};

}  // namespace detail

// Parses text as nlohmann::json::parse would, in linear time, after checking its depth.
// Throws JsonTooDeep naming source and line (source is "FILE" or "FILE line 12" for a line of a
// bigger file: then firstLine is that line), and nlohmann's parse_error / out_of_range for text
// that is not JSON, as nlohmann::json::parse does, so callers word those as before.
template <class Json = nlohmann::json>
Json parseJsonText(std::string_view text, const std::string& source, std::size_t maxDepth = kMaxJsonDepth,
                   JsonDuplicateKey onDuplicateKey = {}, std::size_t firstLine = 1) {
  if (const auto line = lineNestingDeeperThan(text, maxDepth, firstLine)) throw JsonTooDeep(source, *line, maxDepth);
  JsonBuilder<Json> builder(maxDepth, std::move(onDuplicateKey));
  detail::JsonBuilderSax<Json> sax(builder);
  const bool parsed = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json, /*strict=*/true);
  // Only the builder stops a parse without throwing, at the depth limit the scan above enforces first.
  if (!parsed || builder.tooDeep()) throw JsonTooDeep(source, firstLine, maxDepth);
  return builder.take();
}

// For text this program wrote and keeps (catalog fields, a dataset's examples.jsonl), which may
// still have been damaged: text that is not JSON or nests too deep gives a discarded value, as
// nlohmann::json::parse(text, nullptr, false) does.
template <class Json = nlohmann::json>
Json parseJsonTextOrDiscarded(std::string_view text) {
  try {
    return parseJsonText<Json>(text, "stored JSON");
  } catch (const Error&) {
  } catch (const nlohmann::json::exception&) {
  }
  return Json(Json::value_t::discarded);
}

}  // namespace tiertune
