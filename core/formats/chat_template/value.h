// The values a chat template computes with: undefined, none, booleans, integers, floats, strings,
// lists, dicts (insertion-ordered), namespaces (mutable attribute bags) and callables (built-in
// functions, macros, bound string/dict methods). Lists and dicts are shared and immutable once
// built, as JSON data is; only namespaces change. Conversions to text (rendering, ~, tojson) and the
// equality rules follow the reference renderer, @huggingface/jinja.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace tiertune::formats::jinja {

class Value;
class Dict;
class Scope;
class Interpreter;
struct Arguments;

using List = std::vector<Value>;

// Containers nest at most this deep (JSON input, literals, values built in loops), so that no
// recursion over a value (rendering, tojson, destruction) can exhaust the stack.
inline constexpr std::uint32_t kMaxValueNesting = 256;

struct Callable {
  // callerScope: the scope of the call site; macros see it (the reference scopes them dynamically).
  using Function = std::function<Value(Interpreter&, Arguments&, const std::shared_ptr<Scope>& callerScope)>;
  std::string name;  // for messages: "range", "macro 'render_tool'", "method 'split'"
  Function function;
  std::uint32_t depth = 0;  // nesting of the value the function holds (a bound method's receiver)
};

class Value {
 public:
  enum class Kind : std::uint8_t { Undefined, None, Bool, Int, Float, String, Array, Dict, Namespace, Callable };

  Value() = default;  // undefined
  static Value none();
  static Value boolean(bool value);
  static Value integer(std::int64_t value);
  static Value floating(double value);
  static Value string(std::string value);
  // Throws RenderFailure when the result would nest deeper than kMaxValueNesting.
  static Value list(List items);
  // A list written as a tuple, (a, b) or a, b: the reference treats it as a list except that it
  // cannot print it or convert it to JSON, `is iterable` is false and a for loop cannot unpack it.
  static Value tuple(List items);
  static Value dict(Dict entries);
  static Value nameSpace(std::shared_ptr<Dict> entries);
  static Value callable(Callable callable);

  Kind kind() const { return kind_; }
  bool isUndefined() const { return kind_ == Kind::Undefined; }
  bool isNone() const { return kind_ == Kind::None; }
  bool isBool() const { return kind_ == Kind::Bool; }
  bool isInt() const { return kind_ == Kind::Int; }
  bool isFloat() const { return kind_ == Kind::Float; }
  bool isNumber() const { return kind_ == Kind::Int || kind_ == Kind::Float; }
  bool isString() const { return kind_ == Kind::String; }
  bool isList() const { return kind_ == Kind::Array; }
  bool isTuple() const { return kind_ == Kind::Array && tuple_; }
  bool isDict() const { return kind_ == Kind::Dict; }
  bool isNamespace() const { return kind_ == Kind::Namespace; }
  bool isCallable() const { return kind_ == Kind::Callable; }
  // A dict or a namespace: something with named entries.
  bool hasEntries() const { return kind_ == Kind::Dict || kind_ == Kind::Namespace; }

  bool asBool() const { return std::get<bool>(data_); }
  std::int64_t asInt() const { return std::get<std::int64_t>(data_); }
  double asFloat() const { return std::get<double>(data_); }
  // Int, Float or Bool as a double.
  double asNumber() const;
  const std::string& asString() const { return std::get<std::string>(data_); }
  const List& asList() const { return *std::get<std::shared_ptr<const List>>(data_); }
  const Dict& asDict() const { return *std::get<std::shared_ptr<Dict>>(data_); }
  Dict& namespaceEntries() const { return *std::get<std::shared_ptr<Dict>>(data_); }
  const std::shared_ptr<Dict>& sharedDict() const { return std::get<std::shared_ptr<Dict>>(data_); }
  const Callable& asCallable() const { return *std::get<std::shared_ptr<const Callable>>(data_); }

  // The shared object of a list, dict, namespace or callable (identity for ==), else nullptr.
  const void* identity() const;
  std::uint32_t depth() const { return depth_; }
  // Python truthiness as the reference implements it: empty strings, lists and dicts, zero, none
  // and undefined are false; a namespace is always true.
  bool truthy() const;
  // "undefined", "none", "boolean", "integer", "float", "string", "list", "dict", "namespace",
  // "callable": for messages.
  std::string_view typeName() const;

 private:
  Kind kind_ = Kind::Undefined;
  bool tuple_ = false;
  std::uint32_t depth_ = 0;  // containers: 1 + the deepest item; namespaces count as 1
  std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<const List>,
               std::shared_ptr<Dict>, std::shared_ptr<const Callable>>
      data_;
};

// An insertion-ordered mapping from strings to values (JSON objects, dict literals, namespaces,
// keyword arguments). Setting an existing key keeps its position, as a JavaScript Map does.
class Dict {
 public:
  const Value* find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  void set(std::string key, Value value);
  bool erase(std::string_view key);
  void clear();
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<std::pair<std::string, Value>>& entries() const { return entries_; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  void rebuildIndex();
  std::vector<std::pair<std::string, Value>> entries_;
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index_;  // once it has grown
};

// The arguments of a call: positional ones, then keyword ones in the order written.
struct Arguments {
  std::vector<Value> positional;
  Dict keywords;

  // The positional argument at index, else the keyword argument name, else nullptr.
  const Value* get(std::size_t index, std::string_view name) const;
  const Value* keyword(std::string_view name) const { return keywords.find(name); }
};

// The conversions below throw RenderFailure when their result would exceed maxBytes (a list that
// holds the same sublist many times grows exponentially with its nesting) or nest deeper than
// kMaxValueNesting (a namespace may hold itself), and for callables, which have no text.
inline constexpr std::size_t kUnlimitedBytes = static_cast<std::size_t>(-1);

// What {{ value }} prints (the reference's toString): integers in decimal, floats as JavaScript
// writes them but integral ones with ".0", true/false, lists and dicts as compact JSON (undefined
// entries as "undefined"), none as "null". (Output skips none and undefined before it gets here.)
std::string renderString(const Value& value, std::size_t maxBytes = kUnlimitedBytes);
// JavaScript's String(value.value), which `~`, `+` with a string and join use: floats without
// ".0", lists as their items' renderings joined by ",", dicts and namespaces as "[object Map]".
std::string jsString(const Value& value, std::size_t maxBytes = kUnlimitedBytes);

struct JsonOptions {
  int indent = 0;  // spaces per level; 0 writes one line
  bool ensureAscii = false;
  std::optional<std::pair<std::string, std::string>> separators;  // item, key; default ", " / ": "
  bool sortKeys = false;
  bool undefinedAsNull = true;
  std::size_t maxBytes = kUnlimitedBytes;
};
// The tojson filter: JSON with the reference's spacing (", " and ": ", or "," and ": " with an
// indent), integral floats without ".0", non-finite numbers as null.
std::string toJson(const Value& value, const JsonOptions& options = {});

// JavaScript's == on the two values' payloads (what the reference's == and != do): numbers and
// numeric strings compare as numbers, none equals undefined, containers by identity.
bool looseEquals(const Value& left, const Value& right);
// JavaScript's === (membership with `in`, the eq test): same kind of payload and value, containers
// by identity, 1 === 1.0.
bool strictEquals(const Value& left, const Value& right);

// JSON data as template values, as JSON.parse + the reference see it: integral numbers become
// integers, object keys keep their order except that array-index keys ("0", "1", ...) come first in
// ascending order. Throws RenderFailure when the data nests deeper than kMaxValueNesting.
Value fromJson(const nlohmann::ordered_json& json);

// compareRuntimeValues of the reference (sort, dictsort): numbers and booleans by value, strings
// by UTF-16 code units (lower-cased first unless caseSensitive), none with none and undefined with
// undefined equal; anything else throws RenderFailure. Returns <0, 0 or >0.
int compareValues(const Value& left, const Value& right, bool caseSensitive);

}  // namespace tiertune::formats::jinja
