#include "core/formats/chat_template/value.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/js_number.h"
#include "core/formats/chat_template/text_ops.h"

namespace tiertune::formats::jinja {

namespace {

// Dicts look keys up by a linear scan until they hold this many entries, then through a hash index.
constexpr std::size_t kIndexThreshold = 8;

[[noreturn]] void throwTooLarge(std::size_t maxBytes) {
  throw RenderFailure("a value's text would be larger than the limit of " + std::to_string(maxBytes) +
                      " bytes");
}

[[noreturn]] void throwTooDeep() {
  throw RenderFailure("a value nests deeper than " + std::to_string(kMaxValueNesting) +
                      " levels (does a namespace contain itself?)");
}

void checkSize(const std::string& out, std::size_t maxBytes) {
  if (out.size() > maxBytes) throwTooLarge(maxBytes);
}

bool isIntegral(double value) { return std::isfinite(value) && std::floor(value) == value; }

// Float rendering of the reference (FloatValue.toString): -0 as "-0.0", integral values with ".0".
std::string floatString(double value) {
  if (value == 0 && std::signbit(value)) return "-0.0";
  if (isIntegral(value)) return jsFixedOneDecimal(value);
  return jsNumberString(value);
}

void appendJson(std::string& out, const Value& value, const JsonOptions& options, int depth);

void appendRendered(std::string& out, const Value& value, std::size_t maxBytes, int depth) {
  if (depth > static_cast<int>(kMaxValueNesting)) throwTooDeep();
  switch (value.kind()) {
    case Value::Kind::Undefined: out += "undefined"; break;
    case Value::Kind::None: out += "null"; break;
    case Value::Kind::Bool: out += value.asBool() ? "true" : "false"; break;
    case Value::Kind::Int: out += std::to_string(value.asInt()); break;
    case Value::Kind::Float: out += floatString(value.asFloat()); break;
    case Value::Kind::String: out += value.asString(); break;
    case Value::Kind::Array:
    case Value::Kind::Dict:
    case Value::Kind::Namespace: {
      JsonOptions options;
      options.undefinedAsNull = false;
      options.maxBytes = maxBytes;
      appendJson(out, value, options, depth);
      break;
    }
    case Value::Kind::Callable:
      throw RenderFailure("cannot print " + value.asCallable().name + ": it is a function");
  }
  checkSize(out, maxBytes);
}

void appendJsString(std::string& out, const Value& value, std::size_t maxBytes, int depth) {
  if (depth > static_cast<int>(kMaxValueNesting)) throwTooDeep();
  switch (value.kind()) {
    case Value::Kind::Float: out += jsNumberString(value.asFloat()); break;
    case Value::Kind::Array: {
      bool first = true;
      for (const Value& item : value.asList()) {
        if (!first) out += ',';
        first = false;
        appendRendered(out, item, maxBytes, depth + 1);
      }
      break;
    }
    case Value::Kind::Dict:
    case Value::Kind::Namespace: out += "[object Map]"; break;
    default: appendRendered(out, value, maxBytes, depth);
  }
  checkSize(out, maxBytes);
}

// An approximation of String.prototype.localeCompare (ICU root collation) for the keys of
// tojson(sort_keys=true): punctuation before digits before letters, letters without regard to
// case, then lower case before upper case.
int collationWeight(char32_t c) {
  if (c >= 'a' && c <= 'z') return 2000 + static_cast<int>(c - 'a') * 2;
  if (c >= 'A' && c <= 'Z') return 2000 + static_cast<int>(c - 'A') * 2;
  if (c >= '0' && c <= '9') return 1000 + static_cast<int>(c - '0');
  if (c < 0x80) return static_cast<int>(c);
  return 3000 + static_cast<int>(c);
}

int localeCompare(std::string_view left, std::string_view right) {
  std::size_t i = 0;
  std::size_t j = 0;
  int caseTie = 0;
  while (i < left.size() && j < right.size()) {
    const char32_t a = decodeUtf8(left, i);
    const char32_t b = decodeUtf8(right, j);
    const int wa = collationWeight(a);
    const int wb = collationWeight(b);
    if (wa != wb) return wa < wb ? -1 : 1;
    if (caseTie == 0 && a != b) caseTie = (a >= 'a' && a <= 'z') ? -1 : 1;
  }
  if (i < left.size()) return 1;
  if (j < right.size()) return -1;
  return caseTie;
}

void appendJson(std::string& out, const Value& value, const JsonOptions& options, int depth) {
  if (depth > static_cast<int>(kMaxValueNesting)) throwTooDeep();
  if (value.isTuple()) {
    throw RenderFailure("a tuple cannot be printed or converted to JSON (the reference renderer refuses it); use a list [...]");
  }
  std::string itemSeparator = options.indent > 0 ? "," : ", ";
  std::string keySeparator = ": ";
  if (options.separators) {
    itemSeparator = options.separators->first;
    keySeparator = options.separators->second;
  }
  switch (value.kind()) {
    case Value::Kind::None: out += "null"; break;
    case Value::Kind::Undefined: out += options.undefinedAsNull ? "null" : "undefined"; break;
    case Value::Kind::Bool: out += value.asBool() ? "true" : "false"; break;
    case Value::Kind::Int: out += std::to_string(value.asInt()); break;
    case Value::Kind::Float:
      out += std::isfinite(value.asFloat()) ? jsNumberString(value.asFloat()) : "null";
      break;
    case Value::Kind::String: appendJsonString(out, value.asString(), options.ensureAscii); break;
    case Value::Kind::Array:
    case Value::Kind::Dict:
    case Value::Kind::Namespace: {
      const std::string indentUnit(static_cast<std::size_t>(std::max(options.indent, 0)), ' ');
      std::string basePadding = "\n";
      for (int level = 0; level < depth; ++level) basePadding += indentUnit;
      const std::string childrenPadding = basePadding + indentUnit;
      const bool indented = options.indent > 0;
      if (value.isList()) {
        const List& items = value.asList();
        out += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (i > 0) out += itemSeparator;
          if (indented) out += childrenPadding;
          appendJson(out, items[i], options, depth + 1);
          checkSize(out, options.maxBytes);
        }
        if (indented && !items.empty()) out += basePadding;
        out += ']';
      } else {
        const Dict& dict = value.isDict() ? value.asDict() : value.namespaceEntries();
        std::vector<const std::pair<std::string, Value>*> entries;
        entries.reserve(dict.size());
        for (const auto& entry : dict) entries.push_back(&entry);
        if (options.sortKeys) {
          std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
            return localeCompare(a->first, b->first) < 0;
          });
        }
        out += '{';
        bool first = true;
        for (const auto* entry : entries) {
          if (!first) out += itemSeparator;
          first = false;
          if (indented) out += childrenPadding;
          appendJsonString(out, entry->first, options.ensureAscii);
          out += keySeparator;
          appendJson(out, entry->second, options, depth + 1);
          checkSize(out, options.maxBytes);
        }
        if (indented && !entries.empty()) out += basePadding;
        out += '}';
      }
      break;
    }
    case Value::Kind::Callable:
      throw RenderFailure("cannot convert " + value.asCallable().name + " to JSON: it is a function");
  }
  checkSize(out, options.maxBytes);
}

// The primitive JavaScript's == compares an object with: arrays as their joined items, maps as
// "[object Map]".
std::optional<std::string> toPrimitiveString(const Value& value) {
  try {
    return jsString(value, 1 << 20);
  } catch (const RenderFailure&) {
    return std::nullopt;
  }
}

bool isNumberLike(const Value& value) { return value.isNumber() || value.isBool(); }

bool isContainer(const Value& value) {
  return value.isList() || value.isDict() || value.isNamespace() || value.isCallable();
}

std::u16string toUtf16(std::string_view text) {
  std::u16string units;
  units.reserve(text.size());
  for (std::size_t position = 0; position < text.size();) {
    const char32_t c = decodeUtf8(text, position);
    if (c > 0xFFFF) {
      units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      units.push_back(static_cast<char16_t>(c));
    }
  }
  return units;
}

bool isArrayIndexKey(const std::string& key, std::uint32_t& index) {
  if (key.empty() || key.size() > 10) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  std::uint64_t value = 0;
  for (const char c : key) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value >= 0xFFFFFFFFull) return false;  // array indices stop at 2^32 - 2
  index = static_cast<std::uint32_t>(value);
  return true;
}

Value fromJsonAt(const nlohmann::ordered_json& json, std::uint32_t depth) {
  if (depth >= kMaxValueNesting) throwTooDeep();
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::null: return Value::none();
    case nlohmann::ordered_json::value_t::boolean: return Value::boolean(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer: return Value::integer(json.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned: {
      const auto value = json.get<std::uint64_t>();
      if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return Value::integer(static_cast<std::int64_t>(value));
      }
      return Value::floating(static_cast<double>(value));
    }
    case nlohmann::ordered_json::value_t::number_float: {
      const double value = json.get<double>();
      if (isIntegral(value) && std::fabs(value) < 9.2e18) return Value::integer(static_cast<std::int64_t>(value));
      return Value::floating(value);
    }
    case nlohmann::ordered_json::value_t::string: return Value::string(json.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      List items;
      items.reserve(json.size());
      for (const auto& item : json) items.push_back(fromJsonAt(item, depth + 1));
      return Value::list(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
      // Object.entries order: array-index keys ascending, then the others as written.
      std::vector<std::pair<std::uint32_t, const std::string*>> indexKeys;
      for (const auto& [key, item] : json.items()) {
        std::uint32_t index = 0;
        if (isArrayIndexKey(key, index)) indexKeys.emplace_back(index, &key);
      }
      std::sort(indexKeys.begin(), indexKeys.end());
      Dict entries;
      for (const auto& [index, key] : indexKeys) entries.set(*key, fromJsonAt(json.at(*key), depth + 1));
      for (const auto& [key, item] : json.items()) {
        std::uint32_t index = 0;
        if (!isArrayIndexKey(key, index)) entries.set(key, fromJsonAt(item, depth + 1));
      }
      return Value::dict(std::move(entries));
    }
    case nlohmann::ordered_json::value_t::binary:
    case nlohmann::ordered_json::value_t::discarded: break;
  }
  return Value();
}

}  // namespace

// ---- Value -------------------------------------------------------------------------------------

Value Value::none() {
  Value value;
  value.kind_ = Kind::None;
  return value;
}

Value Value::boolean(bool flag) {
  Value value;
  value.kind_ = Kind::Bool;
  value.data_ = flag;
  return value;
}

Value Value::integer(std::int64_t number) {
  Value value;
  value.kind_ = Kind::Int;
  value.data_ = number;
  return value;
}

Value Value::floating(double number) {
  Value value;
  value.kind_ = Kind::Float;
  value.data_ = number;
  return value;
}

Value Value::string(std::string text) {
  Value value;
  value.kind_ = Kind::String;
  value.data_ = std::move(text);
  return value;
}

Value Value::list(List items) {
  std::uint32_t deepest = 0;
  for (const Value& item : items) deepest = std::max(deepest, item.depth_);
  if (deepest + 1 > kMaxValueNesting) throwTooDeep();
  Value value;
  value.kind_ = Kind::Array;
  value.depth_ = deepest + 1;
  value.data_ = std::shared_ptr<const List>(std::make_shared<List>(std::move(items)));
  return value;
}

Value Value::tuple(List items) {
  Value value = list(std::move(items));
  value.tuple_ = true;
  return value;
}

Value Value::dict(Dict entries) {
  std::uint32_t deepest = 0;
  for (const auto& entry : entries) deepest = std::max(deepest, entry.second.depth_);
  if (deepest + 1 > kMaxValueNesting) throwTooDeep();
  Value value;
  value.kind_ = Kind::Dict;
  value.depth_ = deepest + 1;
  value.data_ = std::make_shared<Dict>(std::move(entries));
  return value;
}

Value Value::nameSpace(std::shared_ptr<Dict> entries) {
  Value value;
  value.kind_ = Kind::Namespace;
  value.depth_ = 1;
  value.data_ = std::move(entries);
  return value;
}

Value Value::callable(Callable function) {
  if (function.depth + 1 > kMaxValueNesting) throwTooDeep();
  Value value;
  value.kind_ = Kind::Callable;
  value.depth_ = function.depth + 1;
  value.data_ = std::shared_ptr<const Callable>(std::make_shared<Callable>(std::move(function)));
  return value;
}

double Value::asNumber() const {
  switch (kind_) {
    case Kind::Int: return static_cast<double>(asInt());
    case Kind::Float: return asFloat();
    case Kind::Bool: return asBool() ? 1.0 : 0.0;
    default: return std::numeric_limits<double>::quiet_NaN();
  }
}

const void* Value::identity() const {
  switch (kind_) {
    case Kind::Array: return std::get<std::shared_ptr<const List>>(data_).get();
    case Kind::Dict:
    case Kind::Namespace: return std::get<std::shared_ptr<Dict>>(data_).get();
    case Kind::Callable: return std::get<std::shared_ptr<const Callable>>(data_).get();
    default: return nullptr;
  }
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::Undefined:
    case Kind::None: return false;
    case Kind::Bool: return asBool();
    case Kind::Int: return asInt() != 0;
    case Kind::Float: return asFloat() != 0 && !std::isnan(asFloat());
    case Kind::String: return !asString().empty();
    case Kind::Array: return !asList().empty();
    case Kind::Dict: return !asDict().empty();
    case Kind::Namespace:
    case Kind::Callable: return true;
  }
  return false;
}

std::string_view Value::typeName() const {
  switch (kind_) {
    case Kind::Undefined: return "undefined";
    case Kind::None: return "none";
    case Kind::Bool: return "boolean";
    case Kind::Int: return "integer";
    case Kind::Float: return "float";
    case Kind::String: return "string";
    case Kind::Array: return "list";
    case Kind::Dict: return "dict";
    case Kind::Namespace: return "namespace";
    case Kind::Callable: return "function";
  }
  return "value";
}

// ---- Dict --------------------------------------------------------------------------------------

const Value* Dict::find(std::string_view key) const {
  if (!index_.empty()) {
    const auto found = index_.find(key);
    return found == index_.end() ? nullptr : &entries_[found->second].second;
  }
  for (const auto& entry : entries_) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

void Dict::set(std::string key, Value value) {
  if (!index_.empty()) {
    const auto found = index_.find(key);
    if (found != index_.end()) {
      entries_[found->second].second = std::move(value);
      return;
    }
    index_.emplace(key, entries_.size());
    entries_.emplace_back(std::move(key), std::move(value));
    return;
  }
  for (auto& entry : entries_) {
    if (entry.first == key) {
      entry.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
  if (entries_.size() > kIndexThreshold) rebuildIndex();
}

bool Dict::erase(std::string_view key) {
  const auto found = std::find_if(entries_.begin(), entries_.end(),
                                  [&](const auto& entry) { return entry.first == key; });
  if (found == entries_.end()) return false;
  entries_.erase(found);
  index_.clear();
  if (entries_.size() > kIndexThreshold) rebuildIndex();
  return true;
}

void Dict::clear() {
  // Move the entries out first: destroying a value may drop the last reference to another
  // namespace, and this dict must be in a valid state while that happens.
  auto entries = std::move(entries_);
  entries_.clear();
  index_.clear();
  entries.clear();
}

void Dict::rebuildIndex() {
  index_.clear();
  index_.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].first, i);
}

const Value* Arguments::get(std::size_t index, std::string_view name) const {
  if (index < positional.size()) return &positional[index];
  return keywords.find(name);
}

// ---- Conversions -------------------------------------------------------------------------------

std::string renderString(const Value& value, std::size_t maxBytes) {
  if (value.isString()) {
    if (value.asString().size() > maxBytes) throwTooLarge(maxBytes);
    return value.asString();
  }
  std::string out;
  appendRendered(out, value, maxBytes, 0);
  return out;
}

std::string jsString(const Value& value, std::size_t maxBytes) {
  if (value.isString()) {
    if (value.asString().size() > maxBytes) throwTooLarge(maxBytes);
    return value.asString();
  }
  std::string out;
  appendJsString(out, value, maxBytes, 0);
  return out;
}

std::string toJson(const Value& value, const JsonOptions& options) {
  std::string out;
  appendJson(out, value, options, 0);
  return out;
}

bool looseEquals(const Value& left, const Value& right) {
  const bool leftNullish = left.isNone() || left.isUndefined();
  const bool rightNullish = right.isNone() || right.isUndefined();
  if (leftNullish || rightNullish) return leftNullish && rightNullish;
  if (isContainer(left) && isContainer(right)) return left.identity() == right.identity();
  if (isContainer(left) || isContainer(right)) {
    if (left.isCallable() || right.isCallable()) return false;
    const Value& container = isContainer(left) ? left : right;
    const Value& primitive = isContainer(left) ? right : left;
    const auto text = toPrimitiveString(container);
    return text && looseEquals(Value::string(*text), primitive);
  }
  if (left.isString() && right.isString()) return left.asString() == right.asString();
  if (left.isBool() && right.isBool()) return left.asBool() == right.asBool();
  const double a = left.isString() ? jsStringToNumber(left.asString()) : left.asNumber();
  const double b = right.isString() ? jsStringToNumber(right.asString()) : right.asNumber();
  return a == b;
}

bool strictEquals(const Value& left, const Value& right) {
  if (left.isNumber() && right.isNumber()) {
    if (left.isInt() && right.isInt()) return left.asInt() == right.asInt();
    return left.asNumber() == right.asNumber();
  }
  if (left.kind() != right.kind()) return false;
  switch (left.kind()) {
    case Value::Kind::Undefined:
    case Value::Kind::None: return true;
    case Value::Kind::Bool: return left.asBool() == right.asBool();
    case Value::Kind::String: return left.asString() == right.asString();
    default: return left.identity() == right.identity();
  }
}

Value fromJson(const nlohmann::ordered_json& json) { return fromJsonAt(json, 0); }

int compareValues(const Value& left, const Value& right, bool caseSensitive) {
  if (left.isNone() && right.isNone()) return 0;
  if (left.isNone() || right.isNone()) {
    throw RenderFailure("cannot compare " + std::string(left.typeName()) + " with " +
                        std::string(right.typeName()));
  }
  if (left.isUndefined() && right.isUndefined()) return 0;
  if (left.isUndefined() || right.isUndefined()) {
    throw RenderFailure("cannot compare " + std::string(left.typeName()) + " with " +
                        std::string(right.typeName()));
  }
  if (isNumberLike(left) && isNumberLike(right)) {
    const double a = left.asNumber();
    const double b = right.asNumber();
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  if (left.kind() != right.kind()) {
    throw RenderFailure("cannot compare different types: " + std::string(left.typeName()) + " and " +
                        std::string(right.typeName()));
  }
  if (!left.isString()) throw RenderFailure("cannot compare values of type " + std::string(left.typeName()));
  const std::u16string a = toUtf16(caseSensitive ? left.asString() : toLowerJs(left.asString()));
  const std::u16string b = toUtf16(caseSensitive ? right.asString() : toLowerJs(right.asString()));
  return a < b ? -1 : (a > b ? 1 : 0);
}

}  // namespace tiertune::formats::jinja
