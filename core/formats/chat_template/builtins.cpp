#include "core/formats/chat_template/builtins.h"

#include <cmath>
#include <ctime>
#include <limits>
#include <set>
#include <unordered_set>

#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/js_number.h"
#include "core/formats/chat_template/text_ops.h"

namespace tiertune::formats::jinja {

namespace {

[[noreturn]] void fail(const std::string& message) { throw RenderFailure(message); }

std::string typeOf(const Value& value) { return std::string(value.typeName()); }

// Every filter the reference knows, whatever type it applies to (for the message about a filter
// that exists but not for the value at hand).
const std::set<std::string, std::less<>> kKnownFilters = {
    "safe", "tojson", "list", "first", "last", "length", "reverse", "sort", "join", "string", "unique",
    "upper", "lower", "title", "capitalize", "trim", "indent", "int", "float", "abs", "items", "bool",
    "default", "selectattr", "rejectattr", "map", "replace", "get", "keys", "values", "dictsort"};

[[noreturn]] void failFilter(std::string_view name, const Value& operand, bool called) {
  if (!kKnownFilters.contains(name)) fail("unknown filter '" + std::string(name) + "'");
  fail("filter '" + std::string(name) + "'" + (called ? " with arguments" : "") + " does not apply to " + typeOf(operand));
}

Value numberFromDouble(double value, bool asFloat) {
  if (!asFloat && std::isfinite(value) && std::fabs(value) < 9.2e18) {
    return Value::integer(static_cast<std::int64_t>(value));
  }
  return Value::floating(value);
}

const Dict& entriesOf(const Value& value) { return value.isDict() ? value.asDict() : value.namespaceEntries(); }

// ---- Globals -----------------------------------------------------------------------------------

Value builtin(std::string name, Callable::Function function) {
  Callable callable;
  callable.name = std::move(name);
  callable.function = std::move(function);
  return Value::callable(std::move(callable));
}

Value raiseException(Interpreter&, Arguments& arguments, const ScopePtr&) {
  std::string message;
  if (!arguments.positional.empty() && !arguments.positional[0].isUndefined()) {
    message = jsString(arguments.positional[0], 1 << 20);
  }
  throw TemplateRaisedError(message);
}

Value range(Interpreter& interpreter, Arguments& arguments, const ScopePtr&) {
  if (!arguments.keywords.empty()) fail("range() takes no keyword arguments");
  if (arguments.positional.size() > 3) fail("range() takes at most 3 arguments");
  std::vector<double> numbers;
  for (const Value& argument : arguments.positional) {
    if (!argument.isNumber() && !argument.isBool()) fail("range() arguments must be numbers, not " + typeOf(argument));
    numbers.push_back(argument.asNumber());
  }
  double start = 0;
  double stop = 0;
  double step = 1;
  if (numbers.size() == 1) {
    stop = numbers[0];
  } else if (numbers.size() >= 2) {
    start = numbers[0];
    stop = numbers[1];
    if (numbers.size() == 3) step = numbers[2];
  }
  if (step == 0) fail("range() step must not be zero");
  if (std::isnan(start) || std::isnan(stop) || std::isnan(step)) return interpreter.makeList({});
  const double count = step > 0 ? std::ceil((stop - start) / step) : std::ceil((start - stop) / -step);
  if (count > static_cast<double>(interpreter.limits().maxListItems)) {
    fail("range() would have more than " + std::to_string(interpreter.limits().maxListItems) + " items");
  }
  List items;
  const auto add = [&](double i) {
    // An addition that no longer moves i (huge start, small step) must not loop for ever.
    if (items.size() >= interpreter.limits().maxListItems) fail("range() would have too many items");
    items.push_back(numberFromDouble(i, std::floor(i) != i));
  };
  if (step > 0) {
    for (double i = start; i < stop; i += step) add(i);
  } else {
    for (double i = start; i > stop; i += step) add(i);
  }
  return interpreter.makeList(std::move(items));
}

Value strftimeNow(Interpreter& interpreter, Arguments& arguments, const ScopePtr&) {
  if (arguments.positional.empty() || !arguments.positional[0].isString()) fail("strftime_now() needs a format string");
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const auto pad2 = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const std::string& format = arguments.positional[0].asString();
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    const char code = format[i + 1];
    switch (code) {
      case 'Y': out += std::to_string(local.tm_year + 1900); break;
      case 'm': out += pad2(local.tm_mon + 1); break;
      case 'd': out += pad2(local.tm_mday); break;
      case 'b': out += std::string(kMonths[local.tm_mon]).substr(0, 3); break;
      case 'B': out += kMonths[local.tm_mon]; break;
      case 'H': out += pad2(local.tm_hour); break;
      case 'M': out += pad2(local.tm_min); break;
      case '%': out += '%'; break;
      default: out += '%'; out += code; break;
    }
    ++i;
  }
  return interpreter.makeString(std::move(out));
}

Value makeNamespace(Interpreter& interpreter, Arguments& arguments, const ScopePtr&) {
  if (arguments.positional.size() > 1) {
    fail("namespace() takes at most 1 positional argument, got " + std::to_string(arguments.positional.size()));
  }
  Dict entries;
  if (arguments.positional.size() == 1) {
    const Value& source = arguments.positional[0];
    if (source.isDict()) {
      for (const auto& [key, value] : source.asDict()) entries.set(key, value);
    } else if (source.isList()) {
      for (const Value& pair : source.asList()) {
        List parts;
        if (pair.isList()) {
          parts = pair.asList();
        } else if (pair.isString()) {
          for (auto& character : splitCodePoints(pair.asString())) parts.push_back(Value::string(std::move(character)));
        }
        if (parts.size() != 2) fail("namespace() expects a dict or a list of [key, value] pairs");
        if (!parts[0].isString()) fail("namespace() keys must be strings");
        entries.set(parts[0].asString(), parts[1]);
      }
    } else {
      fail("namespace() cannot take its entries from " + typeOf(source));
    }
  }
  for (const auto& [key, value] : arguments.keywords) entries.set(key, value);
  return interpreter.makeNamespace(std::move(entries));
}

bool isKnownTest(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {
      "defined", "undefined", "none", "boolean", "true", "false", "string", "number", "integer", "callable",
      "iterable", "mapping", "sequence", "lower", "upper", "equalto", "eq", "odd", "even"};
  return kNames.contains(name);
}

// ---- Shared helpers ----------------------------------------------------------------------------

// The reference's getAttributeValue: a dotted path through dicts, namespaces and list indexes.
Value attributeAt(const Value& item, std::string_view path) {
  Value value = item;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (value.hasEntries()) {
      const Value* found = entriesOf(value).find(part);
      value = found ? *found : Value();
    } else if (value.isList()) {
      const auto index = jsParseInt(part);
      if (!index || *index < 0 || *index >= static_cast<double>(value.asList().size())) return Value();
      value = Value(value.asList()[static_cast<std::size_t>(*index)]);
    } else {
      return Value();
    }
    if (dot == std::string_view::npos) return value;
    start = dot + 1;
  }
}

// A stable merge sort that stays within bounds whatever the comparison answers (JavaScript's sort
// is stable; std::sort with an inconsistent comparison is undefined behavior).
template <typename Compare>
void stableSort(List& items, Compare compare) {
  if (items.size() < 2) return;
  List buffer(items.size());
  for (std::size_t width = 1; width < items.size(); width *= 2) {
    for (std::size_t left = 0; left < items.size(); left += 2 * width) {
      const std::size_t middle = std::min(left + width, items.size());
      const std::size_t right = std::min(left + 2 * width, items.size());
      std::size_t i = left;
      std::size_t j = middle;
      std::size_t k = left;
      while (i < middle && j < right) buffer[k++] = compare(items[j], items[i]) < 0 ? items[j++] : items[i++];
      while (i < middle) buffer[k++] = items[i++];
      while (j < right) buffer[k++] = items[j++];
    }
    items.swap(buffer);
  }
}

bool optionalBool(const Arguments& arguments, std::size_t index, std::string_view name, bool fallback) {
  const Value* value = arguments.get(index, name);
  if (!value) return fallback;
  if (!value->isBool()) fail(std::string(name) + " must be a boolean, not " + typeOf(*value));
  return value->asBool();
}

Value itemsOf(Interpreter& interpreter, const Dict& dict) {
  List items;
  for (const auto& [key, value] : dict) items.push_back(Value::list({Value::string(key), value}));
  return interpreter.makeList(std::move(items));
}

// String.prototype.replace with the reference's count: an empty pattern matches between every
// two code points and at both ends.
std::string replaceText(Interpreter& interpreter, const std::string& text, const std::string& from, const std::string& to,
                        std::int64_t count) {
  if (count == 0) return text;
  std::uint64_t remaining = count < 0 ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(count);
  const std::size_t limit = interpreter.limits().maxOutputBytes;
  std::string out;
  const auto grow = [&](std::string_view part) {
    out += part;
    if (out.size() > limit) interpreter.checkStringSize(out.size());
  };
  if (from.empty()) {
    std::size_t position = 0;
    while (true) {
      if (remaining > 0) {
        grow(to);
        --remaining;
      }
      if (position >= text.size()) break;
      const std::size_t start = position;
      decodeUtf8(text, position);
      grow(std::string_view(text).substr(start, position - start));
    }
    return out;
  }
  std::size_t position = 0;
  while (remaining > 0) {
    const std::size_t found = text.find(from, position);
    if (found == std::string::npos) break;
    grow(std::string_view(text).substr(position, found - position));
    grow(to);
    position = found + from.size();
    --remaining;
  }
  grow(std::string_view(text).substr(position));
  return out;
}

Value replaceMethod(Interpreter& interpreter, const std::string& text, const Arguments& arguments) {
  if (arguments.positional.size() < 2) fail("replace() needs two arguments: the text to find and its replacement");
  const Value& from = arguments.positional[0];
  const Value& to = arguments.positional[1];
  if (!from.isString() || !to.isString()) fail("replace() arguments must be strings");
  const Value* count = arguments.get(2, "count");
  if (count && !count->isInt() && !count->isNone()) fail("replace() count must be an integer or none");
  const std::int64_t times = count && count->isInt() ? count->asInt() : -1;
  return interpreter.makeString(replaceText(interpreter, text, from.asString(), to.asString(), times));
}

Value splitMethod(Interpreter& interpreter, const std::string& text, const Arguments& arguments) {
  const Value* separator = arguments.get(0, "sep");
  if (separator && !separator->isString() && !separator->isNone()) fail("split() separator must be a string or none");
  const Value* maxSplitValue = arguments.get(1, "maxsplit");
  if (maxSplitValue && !maxSplitValue->isInt()) fail("split() maxsplit must be an integer");
  const std::int64_t maxSplit = maxSplitValue ? maxSplitValue->asInt() : -1;
  List parts;
  const auto add = [&](std::string_view part) {
    if (parts.size() >= interpreter.limits().maxListItems) fail("split() would give too many parts");
    parts.push_back(Value::string(std::string(part)));
  };
  if (!separator || separator->isNone()) {
    const std::string_view rest = trimStartJs(text);
    std::size_t position = 0;
    while (position < rest.size()) {
      const std::size_t start = position;
      while (position < rest.size() && jsWhitespaceAt(rest, position) == 0) {
        decodeUtf8(rest, position);
      }
      if (maxSplit != -1 && static_cast<std::int64_t>(parts.size()) >= maxSplit) {
        add(rest.substr(start));
        break;
      }
      add(rest.substr(start, position - start));
      while (const std::size_t length = jsWhitespaceAt(rest, position)) position += length;
    }
    return interpreter.makeList(std::move(parts));
  }
  const std::string& sep = separator->asString();
  if (sep.empty()) fail("split() separator must not be empty");
  std::size_t position = 0;
  while (true) {
    const std::size_t found = text.find(sep, position);
    if (found == std::string::npos) {
      add(std::string_view(text).substr(position));
      break;
    }
    add(std::string_view(text).substr(position, found - position));
    position = found + sep.size();
  }
  // result.push(result.splice(maxsplit).join(sep)), with JavaScript's negative splice start.
  const auto size = static_cast<std::int64_t>(parts.size());
  if (maxSplit != -1 && size > maxSplit) {
    std::int64_t cut = maxSplit < 0 ? std::max<std::int64_t>(size + maxSplit, 0) : maxSplit;
    std::string joined;
    for (std::int64_t i = cut; i < size; ++i) {
      if (i > cut) joined += sep;
      joined += parts[static_cast<std::size_t>(i)].asString();
    }
    parts.resize(static_cast<std::size_t>(cut));
    parts.push_back(Value::string(std::move(joined)));
  }
  return interpreter.makeList(std::move(parts));
}

Value affixMethod(const std::string& text, const Arguments& arguments, bool prefix) {
  const char* name = prefix ? "startswith()" : "endswith()";
  if (arguments.positional.empty()) fail(std::string(name) + " needs an argument");
  const auto matches = [&](const std::string& affix) {
    return prefix ? text.starts_with(affix) : text.ends_with(affix);
  };
  const Value& pattern = arguments.positional[0];
  if (pattern.isString()) return Value::boolean(matches(pattern.asString()));
  if (pattern.isList()) {
    for (const Value& item : pattern.asList()) {
      if (!item.isString()) fail(std::string(name) + " takes strings");
      if (matches(item.asString())) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  fail(std::string(name) + " takes a string or a list of strings, not " + typeOf(pattern));
}

Value stringMethod(Interpreter& interpreter, const std::string& name, const std::string& text, const Arguments& arguments) {
  if (name == "upper") return interpreter.makeString(toUpperJs(text));
  if (name == "lower") return interpreter.makeString(toLowerJs(text));
  // The reference trims whitespace whatever argument strip() is given.
  if (name == "strip") return Value::string(std::string(trimJs(text)));
  if (name == "lstrip") return Value::string(std::string(trimStartJs(text)));
  if (name == "rstrip") return Value::string(std::string(trimEndJs(text)));
  if (name == "title") return Value::string(titleJs(text));
  if (name == "capitalize") return interpreter.makeString(capitalizeJs(text));
  if (name == "startswith") return affixMethod(text, arguments, true);
  if (name == "endswith") return affixMethod(text, arguments, false);
  if (name == "split") return splitMethod(interpreter, text, arguments);
  if (name == "replace") return replaceMethod(interpreter, text, arguments);
  fail("strings have no method '" + name + "'");
}

bool isStringMethod(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {"upper", "lower", "strip", "lstrip", "rstrip",
                                                            "title", "capitalize", "startswith", "endswith",
                                                            "split", "replace"};
  return kNames.contains(name);
}

Value dictsort(Interpreter& interpreter, const Dict& dict, const Arguments& arguments) {
  const bool caseSensitive = optionalBool(arguments, 0, "case_sensitive", false);
  const Value* by = arguments.get(1, "by");
  if (by && !by->isString()) fail("dictsort() by must be a string");
  const std::string key = by ? by->asString() : "key";
  if (key != "key" && key != "value") fail("dictsort() by must be 'key' or 'value'");
  const bool reverse = optionalBool(arguments, 2, "reverse", false);
  List items;
  for (const auto& [entryKey, value] : dict) items.push_back(Value::list({Value::string(entryKey), value}));
  const std::size_t index = key == "key" ? 0 : 1;
  stableSort(items, [&](const Value& a, const Value& b) {
    const int order = compareValues(a.asList()[index], b.asList()[index], caseSensitive);
    return reverse ? -order : order;
  });
  return interpreter.makeList(std::move(items));
}

Value dictMethod(Interpreter& interpreter, const std::string& name, const Value& dict, const Arguments& arguments) {
  const Dict& entries = dict.asDict();
  if (name == "get") {
    if (arguments.positional.empty() || !arguments.positional[0].isString()) {
      fail("dict.get() needs a string key" +
           (arguments.positional.empty() ? std::string() : ", not " + typeOf(arguments.positional[0])));
    }
    if (const Value* value = entries.find(arguments.positional[0].asString())) return *value;
    if (const Value* fallback = arguments.get(1, "default")) return *fallback;
    return Value::none();
  }
  if (name == "items") return itemsOf(interpreter, entries);
  if (name == "keys") {
    List keys;
    for (const auto& entry : entries) keys.push_back(Value::string(entry.first));
    return interpreter.makeList(std::move(keys));
  }
  if (name == "values") {
    List values;
    for (const auto& entry : entries) values.push_back(entry.second);
    return interpreter.makeList(std::move(values));
  }
  if (name == "dictsort") return dictsort(interpreter, entries, arguments);
  fail("dicts have no method '" + name + "'");
}

bool isDictMethod(std::string_view name) {
  return name == "get" || name == "items" || name == "keys" || name == "values" || name == "dictsort";
}

Value boundMethod(const Value& receiver, std::string name) {
  Callable method;
  method.name = "method '" + name + "'";
  method.depth = receiver.depth();
  method.function = [receiver, name](Interpreter& interpreter, Arguments& arguments, const ScopePtr&) {
    if (receiver.isString()) return stringMethod(interpreter, name, receiver.asString(), arguments);
    return dictMethod(interpreter, name, receiver, arguments);
  };
  return Value::callable(std::move(method));
}

// ---- Filters -----------------------------------------------------------------------------------

std::string joinItems(Interpreter& interpreter, const List& items, const std::string& separator) {
  std::string out;
  const std::size_t limit = interpreter.limits().maxOutputBytes;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    if (!items[i].isNone() && !items[i].isUndefined()) out += jsString(items[i], limit);
    interpreter.checkStringSize(out.size());
  }
  return out;
}

Value uniqueItems(Interpreter& interpreter, const List& items) {
  std::unordered_set<std::string> strings;
  std::set<double> numbers;
  bool seenNan = false;
  bool seenTrue = false;
  bool seenFalse = false;
  bool seenNone = false;
  bool seenUndefined = false;
  std::unordered_set<const void*> objects;
  List out;
  for (const Value& item : items) {
    bool fresh = false;
    switch (item.kind()) {
      case Value::Kind::String: fresh = strings.insert(item.asString()).second; break;
      case Value::Kind::Int:
      case Value::Kind::Float: {
        const double number = item.asNumber();
        if (std::isnan(number)) {
          fresh = !seenNan;
          seenNan = true;
        } else {
          fresh = numbers.insert(number == 0 ? 0.0 : number).second;
        }
        break;
      }
      case Value::Kind::Bool: {
        bool& seen = item.asBool() ? seenTrue : seenFalse;
        fresh = !seen;
        seen = true;
        break;
      }
      case Value::Kind::None: fresh = !seenNone, seenNone = true; break;
      case Value::Kind::Undefined: fresh = !seenUndefined, seenUndefined = true; break;
      default: fresh = objects.insert(item.identity()).second; break;
    }
    if (fresh) out.push_back(item);
  }
  return interpreter.makeList(std::move(out));
}

std::string indentText(Interpreter& interpreter, const std::string& text, std::int64_t width, bool first, bool blank) {
  if (width < 0) fail("indent width must not be negative");
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    lines.push_back(std::string_view(text).substr(start, newline == std::string::npos ? std::string::npos : newline - start));
    if (newline == std::string::npos) break;
    start = newline + 1;
  }
  const auto indentedLines = static_cast<double>(lines.size());
  if (static_cast<double>(text.size()) + static_cast<double>(width) * indentedLines >
      static_cast<double>(interpreter.limits().maxOutputBytes)) {
    interpreter.checkStringSize(std::numeric_limits<std::size_t>::max());
  }
  const std::string pad(static_cast<std::size_t>(width), ' ');
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    if ((first || i != 0) && (blank || !lines[i].empty())) out += pad;
    out += lines[i];
  }
  return out;
}

JsonOptions jsonOptions(Interpreter& interpreter, const Arguments& arguments) {
  JsonOptions options;
  options.maxBytes = interpreter.limits().maxOutputBytes;
  if (const Value* indent = arguments.keyword("indent")) {
    if (!indent->isInt() && !indent->isNone()) fail("tojson indent must be an integer");
    if (indent->isInt()) {
      if (indent->asInt() < 0 || indent->asInt() > 1024) fail("tojson indent must be between 0 and 1024");
      options.indent = static_cast<int>(indent->asInt());
    }
  }
  if (const Value* ensureAscii = arguments.keyword("ensure_ascii")) {
    if (!ensureAscii->isBool()) fail("tojson ensure_ascii must be a boolean");
    options.ensureAscii = ensureAscii->asBool();
  }
  if (const Value* sortKeys = arguments.keyword("sort_keys")) {
    if (!sortKeys->isBool()) fail("tojson sort_keys must be a boolean");
    options.sortKeys = sortKeys->asBool();
  }
  if (const Value* separators = arguments.keyword("separators")) {
    if (separators->isList()) {
      const List& pair = separators->asList();
      if (pair.size() != 2 || !pair[0].isString() || !pair[1].isString()) {
        fail("tojson separators must be two strings");
      }
      options.separators = std::make_pair(pair[0].asString(), pair[1].asString());
    } else if (!separators->isNone()) {
      fail("tojson separators must be two strings");
    }
  }
  return options;
}

Value filterWithoutArguments(Interpreter& interpreter, const Value& operand, const std::string& name) {
  if (name == "safe") return operand;
  if (name == "tojson") {
    JsonOptions options;
    options.maxBytes = interpreter.limits().maxOutputBytes;
    return interpreter.makeString(toJson(operand, options));
  }
  switch (operand.kind()) {
    case Value::Kind::Array: {
      const List& items = operand.asList();
      if (name == "list") return operand;
      if (name == "first") return items.empty() ? Value() : items.front();
      if (name == "last") return items.empty() ? Value() : items.back();
      if (name == "length") return Value::integer(static_cast<std::int64_t>(items.size()));
      if (name == "reverse") return interpreter.makeList(List(items.rbegin(), items.rend()));
      if (name == "sort") {
        List sorted = items;
        stableSort(sorted, [](const Value& a, const Value& b) { return compareValues(a, b, false); });
        return interpreter.makeList(std::move(sorted));
      }
      if (name == "join") return interpreter.makeString(joinItems(interpreter, items, ""));
      if (name == "string") {
        JsonOptions options;
        options.undefinedAsNull = false;
        options.maxBytes = interpreter.limits().maxOutputBytes;
        return interpreter.makeString(toJson(operand, options));
      }
      if (name == "unique") return uniqueItems(interpreter, items);
      break;
    }
    case Value::Kind::String: {
      const std::string& text = operand.asString();
      if (name == "length") return Value::integer(static_cast<std::int64_t>(utf16Length(text)));
      if (name == "upper" || name == "lower" || name == "title" || name == "capitalize") {
        return stringMethod(interpreter, name, text, Arguments{});
      }
      if (name == "trim") return Value::string(std::string(trimJs(text)));
      if (name == "indent") return interpreter.makeString(indentText(interpreter, text, 4, false, false));
      if (name == "join" || name == "string") return operand;
      if (name == "int") {
        const auto number = jsParseInt(text);
        return number ? numberFromDouble(*number, false) : Value::integer(0);
      }
      if (name == "float") return Value::floating(jsParseFloat(text).value_or(0.0));
      break;
    }
    case Value::Kind::Int:
    case Value::Kind::Float: {
      if (name == "abs") {
        if (operand.isInt() && operand.asInt() != std::numeric_limits<std::int64_t>::min()) {
          return Value::integer(operand.asInt() < 0 ? -operand.asInt() : operand.asInt());
        }
        return Value::floating(std::fabs(operand.asNumber()));
      }
      if (name == "int") return operand.isInt() ? operand : numberFromDouble(std::floor(operand.asFloat()), false);
      if (name == "float") return Value::floating(operand.asNumber());
      if (name == "string") return interpreter.makeString(renderString(operand));
      break;
    }
    case Value::Kind::Dict: {
      if (name == "items") return itemsOf(interpreter, operand.asDict());
      if (name == "length") return Value::integer(static_cast<std::int64_t>(operand.asDict().size()));
      if (isDictMethod(name)) return dictMethod(interpreter, name, operand, Arguments{});
      break;
    }
    case Value::Kind::Bool: {
      if (name == "bool") return operand;
      if (name == "int") return Value::integer(operand.asBool() ? 1 : 0);
      if (name == "float") return Value::floating(operand.asBool() ? 1.0 : 0.0);
      if (name == "string") return Value::string(operand.asBool() ? "true" : "false");
      break;
    }
    default: break;
  }
  failFilter(name, operand, false);
}

Value selectAttributes(Interpreter& interpreter, const Value& operand, const FilterSpec& filter, const ScopePtr& scope) {
  const bool select = filter.name == "selectattr";
  for (const Value& item : operand.asList()) {
    if (!item.hasEntries()) fail(filter.name + " needs a list of dicts, but an item is " + typeOf(item));
  }
  for (const NodePtr& argument : filter.arguments) {
    if (argument->kind != NodeKind::StringLiteral) fail("the arguments of " + filter.name + " must be quoted strings");
  }
  if (filter.arguments.empty()) fail(filter.name + " needs the name of an attribute");
  std::vector<Value> arguments;
  for (const NodePtr& argument : filter.arguments) arguments.push_back(interpreter.evaluate(*argument, scope));
  const std::string& attribute = arguments[0].asString();
  const std::string* testName = arguments.size() > 1 ? &arguments[1].asString() : nullptr;
  const Value testArgument = arguments.size() > 2 ? arguments[2] : Value();
  if (testName && !isKnownTest(*testName)) fail("unknown test '" + *testName + "'");
  List kept;
  for (const Value& item : operand.asList()) {
    const Value* value = entriesOf(item).find(attribute);
    const bool passes = value ? (testName ? applyTest(*testName, *value, testArgument) : value->truthy()) : false;
    if (passes == select) kept.push_back(item);
  }
  return interpreter.makeList(std::move(kept));
}

Value filterWithArguments(Interpreter& interpreter, const Value& operand, const FilterSpec& filter, const ScopePtr& scope) {
  const std::string& name = filter.name;
  if (name == "selectattr" || name == "rejectattr") {
    if (!operand.isList()) failFilter(name, operand, true);
    return selectAttributes(interpreter, operand, filter, scope);
  }
  Arguments arguments = interpreter.evaluateArguments(filter.arguments, scope);
  if (name == "tojson") return interpreter.makeString(toJson(operand, jsonOptions(interpreter, arguments)));
  if (name == "join") {
    const Value* separator = arguments.get(0, "separator");
    if (separator && !separator->isString()) fail("join separator must be a string");
    const std::string sep = separator ? separator->asString() : "";
    if (operand.isString()) {
      List characters;
      for (auto& character : splitCodePoints(operand.asString())) characters.push_back(Value::string(std::move(character)));
      return interpreter.makeString(joinItems(interpreter, characters, sep));
    }
    if (operand.isList()) return interpreter.makeString(joinItems(interpreter, operand.asList(), sep));
    failFilter(name, operand, true);
  }
  if (name == "int" || name == "float") {
    const bool isInt = name == "int";
    const Value* given = arguments.get(0, "default");
    const Value fallback = given ? *given : (isInt ? Value::integer(0) : Value::floating(0));
    if (operand.isString()) {
      const auto number = isInt ? jsParseInt(operand.asString()) : jsParseFloat(operand.asString());
      if (!number) return fallback;
      return isInt ? numberFromDouble(*number, false) : Value::floating(*number);
    }
    if (operand.isNumber()) return operand;
    if (operand.isBool()) return isInt ? Value::integer(operand.asBool() ? 1 : 0) : Value::floating(operand.asBool() ? 1 : 0);
    failFilter(name, operand, true);
  }
  if (name == "default") {
    const Value fallback = arguments.positional.empty() ? Value::string("") : arguments.positional[0];
    const bool boolean = optionalBool(arguments, 1, "boolean", false);
    if (operand.isUndefined() || (boolean && !operand.truthy())) return fallback;
    return operand;
  }
  if (operand.isList()) {
    const List& items = operand.asList();
    if (name == "sort") {
      const bool reverse = optionalBool(arguments, 0, "reverse", false);
      const bool caseSensitive = optionalBool(arguments, 1, "case_sensitive", false);
      const Value* attribute = arguments.get(2, "attribute");
      if (attribute && !attribute->isString() && !attribute->isInt() && !attribute->isNone()) {
        fail("sort attribute must be a string, an integer or none");
      }
      std::string path;
      const bool byAttribute = attribute && !attribute->isNone();
      if (byAttribute) path = attribute->isInt() ? std::to_string(attribute->asInt()) : attribute->asString();
      List sorted = items;
      stableSort(sorted, [&](const Value& a, const Value& b) {
        const int order = byAttribute ? compareValues(attributeAt(a, path), attributeAt(b, path), caseSensitive)
                                      : compareValues(a, b, caseSensitive);
        return reverse ? -order : order;
      });
      return interpreter.makeList(std::move(sorted));
    }
    if (name == "map") {
      const Value* attribute = arguments.keyword("attribute");
      if (!attribute) fail("map is only supported with attribute=... (as in the reference renderer)");
      if (!attribute->isString()) fail("map attribute must be a string");
      const Value* fallback = arguments.keyword("default");
      List mapped;
      for (const Value& item : items) {
        if (!item.hasEntries()) fail("map(attribute=...) needs a list of dicts, but an item is " + typeOf(item));
        Value value = attributeAt(item, attribute->asString());
        mapped.push_back(value.isUndefined() && fallback ? *fallback : value);
      }
      return interpreter.makeList(std::move(mapped));
    }
  } else if (operand.isString()) {
    if (name == "indent") {
      const Value* width = arguments.get(0, "width");
      if (width && !width->isInt()) fail("indent width must be an integer");
      const Value* first = arguments.get(1, "first");
      const Value* blank = arguments.get(2, "blank");
      return interpreter.makeString(indentText(interpreter, operand.asString(), width ? width->asInt() : 4,
                                               first && first->truthy(), blank && blank->truthy()));
    }
    if (name == "replace") return replaceMethod(interpreter, operand.asString(), arguments);
  } else if (operand.isDict()) {
    if (isDictMethod(name)) return dictMethod(interpreter, name, operand, arguments);
  }
  failFilter(name, operand, true);
}

}  // namespace

// ---- Public ------------------------------------------------------------------------------------

void declareGlobals(Scope& global) {
  global.set("false", Value::boolean(false));
  global.set("true", Value::boolean(true));
  global.set("none", Value::none());
  global.set("False", Value::boolean(false));
  global.set("True", Value::boolean(true));
  global.set("None", Value::none());
  global.set("raise_exception", builtin("raise_exception", raiseException));
  global.set("range", builtin("range", range));
  global.set("strftime_now", builtin("strftime_now", strftimeNow));
  global.set("namespace", builtin("namespace", makeNamespace));
}

bool isReservedGlobal(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {"false", "true", "none", "False", "True",
                                                            "None", "raise_exception", "range",
                                                            "strftime_now", "namespace"};
  return kNames.contains(name);
}

Value applyFilter(Interpreter& interpreter, const Value& operand, const FilterSpec& filter, const ScopePtr& scope) {
  try {
    if (!filter.called) return filterWithoutArguments(interpreter, operand, filter.name);
    return filterWithArguments(interpreter, operand, filter, scope);
  } catch (const RenderFailure& failure) {
    // Positioned at the filter's name rather than at the expression it filters.
    interpreter.failAt(filter.offset, failure.what());
  }
}

bool applyTest(std::string_view name, const Value& operand, const Value& argument) {
  if (name == "defined") return !operand.isUndefined();
  if (name == "undefined") return operand.isUndefined();
  if (name == "none") return operand.isNone();
  if (name == "boolean") return operand.isBool();
  if (name == "true") return operand.isBool() && operand.asBool();
  if (name == "false") return operand.isBool() && !operand.asBool();
  if (name == "string") return operand.isString();
  if (name == "number") return operand.isNumber();
  if (name == "integer") return operand.isInt();
  if (name == "callable") return operand.isCallable();
  if (name == "iterable") return (operand.isList() && !operand.isTuple()) || operand.isString();
  if (name == "mapping") return operand.isDict();
  if (name == "sequence") return operand.isList() || operand.isDict() || operand.isString();
  if (name == "lower") return operand.isString() && toLowerJs(operand.asString()) == operand.asString();
  if (name == "upper") return operand.isString() && toUpperJs(operand.asString()) == operand.asString();
  if (name == "equalto" || name == "eq") return strictEquals(operand, argument);
  if (name == "odd" || name == "even") {
    if (!operand.isInt()) fail("test '" + std::string(name) + "' needs an integer, not " + typeOf(operand));
    return (operand.asInt() % 2 != 0) == (name == "odd");
  }
  fail("unknown test '" + std::string(name) + "'");
}

Value memberOf(Interpreter& interpreter, const Value& object, const Value& property) {
  if (object.hasEntries()) {
    if (!property.isString()) fail("cannot look up " + typeOf(property) + " in " + typeOf(object) + ": keys are strings");
    if (const Value* value = entriesOf(object).find(property.asString())) return *value;
    if (object.isDict() && isDictMethod(property.asString())) return boundMethod(object, property.asString());
    return Value();
  }
  if (object.isList() || object.isString()) {
    if (property.isInt()) {
      std::int64_t index = property.asInt();
      if (object.isString()) {
        std::string character;
        if (!utf16At(object.asString(), index, character)) return Value();
        return Value::string(std::move(character));
      }
      const auto size = static_cast<std::int64_t>(object.asList().size());
      if (index < 0) index += size;
      if (index < 0 || index >= size) return Value();
      return object.asList()[static_cast<std::size_t>(index)];
    }
    if (property.isString()) {
      const std::string& name = property.asString();
      if (name == "length") {
        return Value::integer(static_cast<std::int64_t>(object.isList() ? object.asList().size() : utf16Length(object.asString())));
      }
      if (object.isString() && isStringMethod(name)) return boundMethod(object, name);
      return Value();
    }
    fail("cannot index " + typeOf(object) + " with " + typeOf(property));
  }
  (void)interpreter;
  if (!property.isString()) fail("cannot look up " + typeOf(property) + " in " + typeOf(object));
  return Value();
}

Value sliceOf(Interpreter& interpreter, const Value& object, const Value& start, const Value& stop, const Value& step) {
  if (!object.isList() && !object.isString()) fail("only lists and strings can be sliced, not " + typeOf(object));
  for (const Value* part : {&start, &stop, &step}) {
    if (!part->isInt() && !part->isUndefined()) fail("slice bounds must be integers, not " + typeOf(*part));
  }
  std::vector<std::string> characters;
  if (object.isString()) characters = splitCodePoints(object.asString());
  const auto length = static_cast<std::int64_t>(object.isList() ? object.asList().size() : characters.size());
  const std::int64_t stepValue = step.isInt() ? step.asInt() : 1;
  std::int64_t first = 0;
  std::int64_t last = 0;
  if (stepValue >= 0) {
    first = start.isInt() ? start.asInt() : 0;
    first = first < 0 ? std::max<std::int64_t>(length + first, 0) : std::min(first, length);
    last = stop.isInt() ? stop.asInt() : length;
    last = last < 0 ? std::max<std::int64_t>(length + last, 0) : std::min(last, length);
  } else {
    first = start.isInt() ? start.asInt() : length - 1;
    first = first < 0 ? std::max<std::int64_t>(length + first, -1) : std::min(first, length - 1);
    last = stop.isInt() ? stop.asInt() : -1;
    last = last < -1 ? std::max<std::int64_t>(length + last, -1) : std::min(last, length - 1);
  }
  const std::int64_t direction = stepValue > 0 ? 1 : (stepValue < 0 ? -1 : 0);
  List items;
  std::string text;
  if (direction != 0) {
    for (std::int64_t i = first; direction * i < direction * last; i += stepValue) {
      const auto index = static_cast<std::size_t>(i);
      if (object.isList()) {
        items.push_back(object.asList()[index]);
      } else {
        text += characters[index];
      }
    }
  }
  if (object.isString()) return interpreter.makeString(std::move(text));
  return interpreter.makeList(std::move(items));
}

}  // namespace tiertune::formats::jinja
