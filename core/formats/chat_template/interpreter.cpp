#include "core/formats/chat_template/interpreter.h"

#include <cmath>
#include <limits>

#include "core/formats/chat_template/builtins.h"
#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/lexer.h"

namespace tiertune::formats::jinja {

namespace {

// {% break %} and {% continue %}: they unwind to the innermost loop being rendered, through macro
// calls too, as the reference's exceptions do; the output of the interrupted iteration is dropped.
struct LoopControl {
  bool isBreak;
  std::uint32_t offset;
};

[[noreturn]] void fail(const std::string& message) { throw RenderFailure(message); }

std::string typeOf(const Value& value) { return std::string(value.typeName()); }

bool isNumberLikeValue(const Value& value) { return value.isNumber() || value.isBool(); }

// Integer arithmetic as JavaScript numbers would give it: exact while it fits, else a float.
Value integerResult(BinaryOperator op, std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  bool overflow = false;
  switch (op) {
    case BinaryOperator::Add: overflow = __builtin_add_overflow(a, b, &result); break;
    case BinaryOperator::Subtract: overflow = __builtin_sub_overflow(a, b, &result); break;
    case BinaryOperator::Multiply: overflow = __builtin_mul_overflow(a, b, &result); break;
    default: break;
  }
  if (!overflow) return Value::integer(result);
  const double x = static_cast<double>(a);
  const double y = static_cast<double>(b);
  return Value::floating(op == BinaryOperator::Add ? x + y : op == BinaryOperator::Subtract ? x - y : x * y);
}

Value numberFromDouble(double value, bool asFloat) {
  if (!asFloat && std::isfinite(value) && std::fabs(value) < 9.2e18) {
    return Value::integer(static_cast<std::int64_t>(value));
  }
  return Value::floating(value);
}

Value arithmetic(BinaryOperator op, const std::string& symbol, const Value& left, const Value& right) {
  const bool anyFloat = left.isFloat() || right.isFloat();
  switch (op) {
    case BinaryOperator::Add:
    case BinaryOperator::Subtract:
    case BinaryOperator::Multiply: {
      if (!anyFloat) return integerResult(op, left.asInt(), right.asInt());
      const double a = left.asNumber();
      const double b = right.asNumber();
      return Value::floating(op == BinaryOperator::Add ? a + b : op == BinaryOperator::Subtract ? a - b : a * b);
    }
    case BinaryOperator::Divide: return Value::floating(left.asNumber() / right.asNumber());
    case BinaryOperator::FloorDivide: {
      if (!anyFloat && right.asInt() != 0 &&
          !(left.asInt() == std::numeric_limits<std::int64_t>::min() && right.asInt() == -1)) {
        const std::int64_t a = left.asInt();
        const std::int64_t b = right.asInt();
        std::int64_t quotient = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
        return Value::integer(quotient);
      }
      return numberFromDouble(std::floor(left.asNumber() / right.asNumber()), anyFloat);
    }
    case BinaryOperator::Modulo: {
      if (!anyFloat && right.asInt() != 0) {
        if (right.asInt() == -1) return Value::integer(0);
        return Value::integer(left.asInt() % right.asInt());  // JavaScript's %: the sign of the dividend
      }
      return Value::floating(std::fmod(left.asNumber(), right.asNumber()));
    }
    case BinaryOperator::Less:
    case BinaryOperator::Greater:
    case BinaryOperator::LessEqual:
    case BinaryOperator::GreaterEqual: {
      int order = 0;
      bool unordered = false;
      if (!anyFloat) {
        order = left.asInt() < right.asInt() ? -1 : (left.asInt() > right.asInt() ? 1 : 0);
      } else {
        const double a = left.asNumber();
        const double b = right.asNumber();
        unordered = std::isnan(a) || std::isnan(b);
        order = a < b ? -1 : (a > b ? 1 : 0);
      }
      if (unordered) return Value::boolean(false);
      switch (op) {
        case BinaryOperator::Less: return Value::boolean(order < 0);
        case BinaryOperator::Greater: return Value::boolean(order > 0);
        case BinaryOperator::LessEqual: return Value::boolean(order <= 0);
        default: return Value::boolean(order >= 0);
      }
    }
    default: break;
  }
  fail("operator '" + symbol + "' does not apply to numbers");
}

}  // namespace

// ---- Scope -------------------------------------------------------------------------------------

const Value* Scope::lookup(std::string_view name) const {
  for (const Scope* scope = this; scope; scope = scope->parent_.get()) {
    if (const Value* value = scope->variables_.find(name)) return value;
  }
  return nullptr;
}

// ---- Interpreter -------------------------------------------------------------------------------

class Interpreter::DepthGuard {
 public:
  explicit DepthGuard(Interpreter& interpreter) : interpreter_(interpreter) {
    if (++interpreter_.depth_ > interpreter_.limits_.maxDepth) {
      --interpreter_.depth_;
      fail("the template recurses too deeply (more than " + std::to_string(interpreter_.limits_.maxDepth) +
           " nested evaluations; does a macro call itself without end?)");
    }
  }
  ~DepthGuard() { --interpreter_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Interpreter& interpreter_;
};

Interpreter::Interpreter(std::string_view source, const RenderLimits& limits) : source_(source), limits_(limits) {}

Interpreter::~Interpreter() {
  for (const auto& entries : namespaces_) entries->clear();
}

std::string Interpreter::render(const Program& program, const Dict& context) {
  auto global = std::make_shared<Scope>();
  declareGlobals(*global);
  for (const auto& [name, value] : context) {
    if (isReservedGlobal(name)) {
      throw Error("chat template context: the key '" + name + "' is reserved for a built-in of the template language");
    }
    global->set(name, value);
  }
  std::string out;
  try {
    execute(program.body, global, out);
  } catch (const LoopControl& control) {
    throwTemplateError(source_, control.offset,
                       std::string(control.isBreak ? "{% break %}" : "{% continue %}") + " outside of a loop");
  }
  return out;
}

void Interpreter::failAt(std::uint32_t offset, const std::string& message) const {
  throwTemplateError(source_, offset, message);
}

void Interpreter::charge(std::uint64_t steps) {
  steps_ += steps;
  if (steps_ > limits_.maxSteps) {
    fail("rendering takes too long: the template did more than " + std::to_string(limits_.maxSteps) +
         " steps (an endless loop?)");
  }
}

void Interpreter::chargeFor(const Value& value) {
  if (value.isString()) charge(value.asString().size() / kBytesPerStep);
}

void Interpreter::checkStringSize(std::size_t bytes) const {
  if (bytes > limits_.maxOutputBytes) {
    fail("a string would be larger than the limit of " + std::to_string(limits_.maxOutputBytes) + " bytes");
  }
}

Value Interpreter::makeString(std::string text) {
  checkStringSize(text.size());
  charge(text.size() / kBytesPerStep);
  return Value::string(std::move(text));
}

Value Interpreter::makeList(List items) {
  if (items.size() > limits_.maxListItems) {
    fail("a list would have more than " + std::to_string(limits_.maxListItems) + " items");
  }
  charge(items.size());
  return Value::list(std::move(items));
}

Value Interpreter::makeNamespace(Dict entries) {
  if (namespaces_.size() >= limits_.maxListItems) fail("the template creates too many namespaces");
  charge(1 + entries.size());
  auto shared = std::make_shared<Dict>(std::move(entries));
  namespaces_.push_back(shared);
  return Value::nameSpace(std::move(shared));
}

void Interpreter::append(std::string& out, const Value& value) {
  if (value.isNone() || value.isUndefined()) return;
  if (value.isString()) {
    out += value.asString();
  } else {
    out += renderString(value, limits_.maxOutputBytes);
  }
  if (out.size() > limits_.maxOutputBytes) {
    fail("the rendered text would be larger than the limit of " + std::to_string(limits_.maxOutputBytes) + " bytes");
  }
  charge(value.isString() ? value.asString().size() / kBytesPerStep : 1);
}

// ---- Statements --------------------------------------------------------------------------------

void Interpreter::execute(const NodeList& body, const ScopePtr& scope, std::string& out) {
  for (const NodePtr& statement : body) {
    DepthGuard guard(*this);
    executeStatement(*statement, scope, out);
  }
}

void Interpreter::executeStatement(const Node& node, const ScopePtr& scope, std::string& out) {
  try {
    charge(1);
    switch (node.kind) {
      case NodeKind::Text: {
        out += as<TextNode>(node).text;
        if (out.size() > limits_.maxOutputBytes) {
          fail("the rendered text would be larger than the limit of " + std::to_string(limits_.maxOutputBytes) + " bytes");
        }
        return;
      }
      case NodeKind::Output: return append(out, evaluate(*as<OutputNode>(node).expression, scope));
      case NodeKind::If: {
        const auto& statement = as<IfNode>(node);
        return execute(evaluate(*statement.test, scope).truthy() ? statement.body : statement.alternate, scope, out);
      }
      case NodeKind::For: return executeFor(as<ForNode>(node), scope, out);
      case NodeKind::Set: return executeSet(as<SetNode>(node), scope);
      case NodeKind::Macro: return defineMacro(as<MacroNode>(node), scope);
      case NodeKind::CallBlock: return executeCallBlock(as<CallBlockNode>(node), scope, out);
      case NodeKind::FilterBlock: {
        const auto& statement = as<FilterBlockNode>(node);
        std::string inner;
        execute(statement.body, scope, inner);
        return append(out, applyFilter(*this, Value::string(std::move(inner)), statement.filter, scope));
      }
      case NodeKind::Break:
      case NodeKind::Continue: throw LoopControl{node.kind == NodeKind::Break, node.offset};
      default: return append(out, evaluate(node, scope));
    }
  } catch (const RenderFailure& failure) {
    throwTemplateError(source_, node.offset, failure.what());
  }
}

void Interpreter::executeFor(const ForNode& node, const ScopePtr& scope, std::string& out) {
  auto loopScope = std::make_shared<Scope>(scope);
  const Value iterable = evaluate(*node.iterable, loopScope);
  List keys;
  const List* items = nullptr;
  if (iterable.isList()) {
    items = &iterable.asList();
  } else if (iterable.isDict()) {
    for (const auto& entry : iterable.asDict()) keys.push_back(Value::string(entry.first));
    items = &keys;
  } else {
    fail("cannot loop over " + typeOf(iterable) + ": a for loop needs a list or a dict");
  }

  const auto bind = [&](Scope& target, const Value& item) {
    if (node.target->kind == NodeKind::Identifier) {
      target.set(as<IdentifierNode>(*node.target).name, item);
      return;
    }
    const auto& names = as<SequenceLiteralNode>(*node.target).items;
    if (!item.isList() || item.isTuple()) {
      fail("cannot unpack " + (item.isTuple() ? std::string("a tuple") : typeOf(item)) + " into " +
           std::to_string(names.size()) + " loop variables");
    }
    const List& parts = item.asList();
    if (parts.size() != names.size()) {
      fail(std::string("too ") + (names.size() > parts.size() ? "few" : "many") + " items to unpack: " +
           std::to_string(parts.size()) + " items for " + std::to_string(names.size()) + " loop variables");
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i]->kind != NodeKind::Identifier) fail("loop variables must be names");
      target.set(as<IdentifierNode>(*names[i]).name, parts[i]);
    }
  };

  // First the items that pass the loop's condition (`for x in items if condition`).
  List selected;
  selected.reserve(items->size());
  for (const Value& item : *items) {
    charge(1);
    chargeFor(item);  // copied into the loop variable
    if (node.target->kind != NodeKind::Identifier) {
      Scope check(loopScope);
      bind(check, item);
    }
    if (node.condition) {
      auto testScope = std::make_shared<Scope>(loopScope);
      bind(*testScope, item);
      if (!evaluate(*node.condition, testScope).truthy()) continue;
    }
    selected.push_back(item);
  }

  bool noIteration = true;
  const auto length = static_cast<std::int64_t>(selected.size());
  for (std::int64_t i = 0; i < length; ++i) {
    const auto index = static_cast<std::size_t>(i);
    Dict loop;
    loop.set("index", Value::integer(i + 1));
    loop.set("index0", Value::integer(i));
    loop.set("revindex", Value::integer(length - i));
    loop.set("revindex0", Value::integer(length - i - 1));
    loop.set("first", Value::boolean(i == 0));
    loop.set("last", Value::boolean(i == length - 1));
    loop.set("length", Value::integer(length));
    loop.set("previtem", i > 0 ? selected[index - 1] : Value());
    loop.set("nextitem", i < length - 1 ? selected[index + 1] : Value());
    loopScope->set("loop", Value::dict(std::move(loop)));
    bind(*loopScope, selected[index]);
    const std::size_t mark = out.size();
    try {
      execute(node.body, loopScope, out);
    } catch (const LoopControl& control) {
      out.resize(mark);
      if (control.isBreak) break;
      continue;
    }
    noIteration = false;
  }
  if (noIteration) execute(node.elseBody, loopScope, out);
}

void Interpreter::executeSet(const SetNode& node, const ScopePtr& scope) {
  Value value;
  if (node.value) {
    value = evaluate(*node.value, scope);
  } else {
    std::string text;
    execute(node.body, scope, text);
    value = Value::string(std::move(text));
  }
  const Node& target = *node.target;
  switch (target.kind) {
    case NodeKind::Identifier: return scope->set(as<IdentifierNode>(target).name, std::move(value));
    case NodeKind::TupleLiteral: {
      const auto& names = as<SequenceLiteralNode>(target).items;
      if (!value.isList()) fail("cannot unpack " + typeOf(value) + " into " + std::to_string(names.size()) + " names");
      const List& parts = value.asList();
      if (parts.size() != names.size()) {
        fail(std::string("too ") + (names.size() > parts.size() ? "few" : "many") + " items to unpack in set: " +
             std::to_string(parts.size()) + " items for " + std::to_string(names.size()) + " names");
      }
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i]->kind != NodeKind::Identifier) fail("can only unpack into names");
        scope->set(as<IdentifierNode>(*names[i]).name, parts[i]);
      }
      return;
    }
    case NodeKind::Member: {
      const auto& member = as<MemberNode>(target);
      const Value object = evaluate(*member.object, scope);
      if (!object.isNamespace()) {
        fail("cannot set an attribute of " + typeOf(object) + ": only namespace() objects can be changed");
      }
      if (member.computed || member.property->kind != NodeKind::Identifier) {
        fail("a namespace attribute is set with a name: {% set ns.name = ... %}");
      }
      object.namespaceEntries().set(as<IdentifierNode>(*member.property).name, std::move(value));
      return;
    }
    default: fail("cannot assign to this expression: {% set %} needs a name, names or namespace.attribute");
  }
}

void Interpreter::bindArguments(const std::string& displayName, const NodeList& parameters, SpecialArguments special,
                                Arguments& arguments, const ScopePtr& scope) {
  Dict keywords = arguments.keywords;
  std::vector<const Node*> pendingDefaults;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const Node& parameter = *parameters[i];
    const bool hasDefault = parameter.kind == NodeKind::KeywordArgument;
    const std::string& name = hasDefault ? as<KeywordArgumentNode>(parameter).name : as<IdentifierNode>(parameter).name;
    Value value;
    bool given = false;
    if (i < arguments.positional.size()) {
      value = arguments.positional[i];
      given = true;
    } else if (const Value* keyword = keywords.find(name)) {
      value = *keyword;
      given = true;
      keywords.erase(name);
    }
    if (!given && hasDefault) pendingDefaults.push_back(&parameter);
    scope->set(name, std::move(value));
  }
  if (special.kwargs) {
    scope->set("kwargs", Value::dict(std::move(keywords)));
  } else if (!keywords.empty()) {
    fail(displayName + " takes no keyword argument '" + keywords.begin()->first + "'");
  }
  if (special.varargs) {
    List rest;
    for (std::size_t i = parameters.size(); i < arguments.positional.size(); ++i) rest.push_back(arguments.positional[i]);
    scope->set("varargs", makeList(std::move(rest)));
  } else if (arguments.positional.size() > parameters.size()) {
    fail(displayName + " takes at most " + std::to_string(parameters.size()) + " argument(s), " +
         std::to_string(arguments.positional.size()) + " given");
  }
  for (const Node* parameter : pendingDefaults) {
    const auto& withDefault = as<KeywordArgumentNode>(*parameter);
    scope->set(withDefault.name, evaluate(*withDefault.value, scope));
  }
}

void Interpreter::defineMacro(const MacroNode& node, const ScopePtr& scope) {
  Callable macro;
  macro.name = "macro '" + node.name + "'";
  const MacroNode* definition = &node;
  macro.function = [definition](Interpreter& interpreter, Arguments& arguments, const ScopePtr& callerScope) {
    // Macros see the scope they are called from, as in the reference.
    auto macroScope = std::make_shared<Scope>(callerScope);
    interpreter.bindArguments("macro '" + definition->name + "'", definition->parameters, definition->special,
                              arguments, macroScope);
    std::string out;
    interpreter.execute(definition->body, macroScope, out);
    return Value::string(std::move(out));
  };
  scope->set(node.name, Value::callable(std::move(macro)));
}

void Interpreter::executeCallBlock(const CallBlockNode& node, const ScopePtr& scope, std::string& out) {
  Callable caller;
  caller.name = "caller";
  const CallBlockNode* block = &node;
  caller.function = [block, scope](Interpreter& interpreter, Arguments& arguments, const ScopePtr&) {
    auto blockScope = std::make_shared<Scope>(scope);
    interpreter.bindArguments("caller()", block->callerParameters, block->special, arguments, blockScope);
    std::string text;
    interpreter.execute(block->body, blockScope, text);
    return Value::string(std::move(text));
  };
  const auto& call = as<CallNode>(*node.call);
  Arguments arguments = evaluateArguments(call.arguments, scope);
  const Value function = evaluate(*call.callee, scope);
  if (!function.isCallable()) {
    fail("{% call %} needs a macro: '" + as<IdentifierNode>(*call.callee).name + "' is " + typeOf(function));
  }
  auto callScope = std::make_shared<Scope>(scope);
  callScope->set("caller", Value::callable(std::move(caller)));
  append(out, this->call(function, arguments, callScope));
}

// ---- Expressions -------------------------------------------------------------------------------

Value Interpreter::evaluate(const Node& node, const ScopePtr& scope) {
  try {
    DepthGuard guard(*this);
    charge(1);
    Value result = evaluateExpression(node, scope);
    // A string value costs its size: it was copied or built, and what reads it next (length,
    // ==, [-1], strip, lower, split, in) walks it. Charged here, every such operation is.
    chargeFor(result);
    return result;
  } catch (const RenderFailure& failure) {
    throwTemplateError(source_, node.offset, failure.what());
  }
}

Value Interpreter::call(const Value& function, Arguments& arguments, const ScopePtr& scope) {
  return function.asCallable().function(*this, arguments, scope);
}

Arguments Interpreter::evaluateArguments(const NodeList& nodes, const ScopePtr& scope) {
  Arguments arguments;
  for (const NodePtr& node : nodes) {
    if (node->kind == NodeKind::Spread) {
      const Value list = evaluate(*as<SpreadNode>(*node).value, scope);
      if (!list.isList()) fail("cannot unpack " + typeOf(list) + " with *: it needs a list");
      for (const Value& item : list.asList()) arguments.positional.push_back(item);
    } else if (node->kind != NodeKind::KeywordArgument && node->kind != NodeKind::KeywordSpread) {
      arguments.positional.push_back(evaluate(*node, scope));
    }
  }
  const auto addKeyword = [&](const std::string& name, Value value) {
    if (arguments.keywords.contains(name)) fail("got multiple values for keyword argument '" + name + "'");
    arguments.keywords.set(name, std::move(value));
  };
  for (const NodePtr& node : nodes) {
    if (node->kind == NodeKind::KeywordArgument) {
      const auto& keyword = as<KeywordArgumentNode>(*node);
      addKeyword(keyword.name, evaluate(*keyword.value, scope));
    } else if (node->kind == NodeKind::KeywordSpread) {
      const Value dict = evaluate(*as<SpreadNode>(*node).value, scope);
      if (!dict.isDict()) fail("the argument after ** must be a dict, not " + typeOf(dict));
      for (const auto& [name, value] : dict.asDict()) addKeyword(name, value);
    }
  }
  if (arguments.positional.size() > limits_.maxListItems) fail("too many arguments");
  return arguments;
}

Value Interpreter::evaluateExpression(const Node& node, const ScopePtr& scope) {
  switch (node.kind) {
    case NodeKind::IntegerLiteral: return Value::integer(as<IntegerLiteralNode>(node).value);
    case NodeKind::FloatLiteral: return Value::floating(as<FloatLiteralNode>(node).value);
    case NodeKind::StringLiteral: return Value::string(as<StringLiteralNode>(node).value);
    case NodeKind::ArrayLiteral:
    case NodeKind::TupleLiteral: {
      List items;
      for (const NodePtr& item : as<SequenceLiteralNode>(node).items) items.push_back(evaluate(*item, scope));
      Value list = makeList(std::move(items));
      return node.kind == NodeKind::TupleLiteral ? Value::tuple(List(list.asList())) : list;
    }
    case NodeKind::ObjectLiteral: {
      Dict entries;
      for (const auto& [keyNode, valueNode] : as<ObjectLiteralNode>(node).entries) {
        const Value key = evaluate(*keyNode, scope);
        if (!key.isString()) fail("dict keys must be strings, not " + typeOf(key));
        entries.set(key.asString(), evaluate(*valueNode, scope));
      }
      return Value::dict(std::move(entries));
    }
    case NodeKind::Identifier: {
      const Value* value = scope->lookup(as<IdentifierNode>(node).name);
      return value ? *value : Value();
    }
    case NodeKind::Member: return evaluateMember(as<MemberNode>(node), scope);
    case NodeKind::Call: return evaluateCall(as<CallNode>(node), scope);
    case NodeKind::Unary: return evaluateUnary(as<UnaryNode>(node), scope);
    case NodeKind::Binary: return evaluateBinary(as<BinaryNode>(node), scope);
    case NodeKind::Filter: {
      const auto& filter = as<FilterNode>(node);
      const Value operand = evaluate(*filter.operand, scope);
      return applyFilter(*this, operand, filter.filter, scope);
    }
    case NodeKind::Test: {
      const auto& test = as<TestNode>(node);
      const bool result = applyTest(test.name, evaluate(*test.operand, scope), Value());
      return Value::boolean(test.negate ? !result : result);
    }
    case NodeKind::Select: {
      const auto& select = as<SelectNode>(node);
      if (!evaluate(*select.condition, scope).truthy()) return Value();
      return evaluate(*select.operand, scope);
    }
    case NodeKind::Ternary: {
      const auto& ternary = as<TernaryNode>(node);
      return evaluate(evaluate(*ternary.condition, scope).truthy() ? *ternary.trueValue : *ternary.falseValue, scope);
    }
    case NodeKind::KeywordArgument: fail("a keyword argument (name=value) is only allowed in a call");
    case NodeKind::Spread:
    case NodeKind::KeywordSpread: fail("argument unpacking (* or **) is only allowed in a call");
    case NodeKind::Slice: fail("a slice (a:b) is only allowed between [ and ]");
    default: fail("a statement cannot be used as a value");
  }
}

Value Interpreter::evaluateMember(const MemberNode& node, const ScopePtr& scope) {
  const Value object = evaluate(*node.object, scope);
  if (node.computed && node.property->kind == NodeKind::Slice) {
    const auto& slice = as<SliceNode>(*node.property);
    const Value start = slice.start ? evaluate(*slice.start, scope) : Value();
    const Value stop = slice.stop ? evaluate(*slice.stop, scope) : Value();
    const Value step = slice.step ? evaluate(*slice.step, scope) : Value();
    return sliceOf(*this, object, start, stop, step);
  }
  Value property;
  if (node.computed) {
    property = evaluate(*node.property, scope);
  } else if (node.property->kind == NodeKind::IntegerLiteral) {
    property = Value::integer(as<IntegerLiteralNode>(*node.property).value);
  } else {
    property = Value::string(as<IdentifierNode>(*node.property).name);
  }
  return memberOf(*this, object, property);
}

Value Interpreter::evaluateCall(const CallNode& node, const ScopePtr& scope) {
  Arguments arguments = evaluateArguments(node.arguments, scope);
  const Value function = evaluate(*node.callee, scope);
  if (!function.isCallable()) {
    if (node.callee->kind == NodeKind::Identifier && function.isUndefined()) {
      fail("unknown function '" + as<IdentifierNode>(*node.callee).name + "'");
    }
    if (node.callee->kind == NodeKind::Member && function.isUndefined()) {
      const auto& member = as<MemberNode>(*node.callee);
      if (!member.computed && member.property->kind == NodeKind::Identifier) {
        fail("unknown method '" + as<IdentifierNode>(*member.property).name + "'");
      }
    }
    fail("cannot call " + typeOf(function) + ": it is not a function");
  }
  return call(function, arguments, scope);
}

Value Interpreter::evaluateUnary(const UnaryNode& node, const ScopePtr& scope) {
  const Value operand = evaluate(*node.operand, scope);
  if (node.op == UnaryOperator::Not) return Value::boolean(!operand.truthy());
  const bool minus = node.op == UnaryOperator::Minus;
  if (operand.isFloat()) return Value::floating(minus ? -operand.asFloat() : operand.asFloat());
  if (operand.isInt() || operand.isBool()) {
    const std::int64_t value = operand.isBool() ? (operand.asBool() ? 1 : 0) : operand.asInt();
    if (!minus) return Value::integer(value);
    if (value == std::numeric_limits<std::int64_t>::min()) return Value::floating(-static_cast<double>(value));
    return Value::integer(-value);
  }
  fail(std::string("unary '") + (minus ? "-" : "+") + "' does not apply to " + typeOf(operand));
}

Value Interpreter::evaluateBinary(const BinaryNode& node, const ScopePtr& scope) {
  const BinaryOperator op = node.op;
  if (op == BinaryOperator::And || op == BinaryOperator::Or) {
    Value left = evaluate(*node.left, scope);
    if (left.truthy() == (op == BinaryOperator::Or)) return left;
    return evaluate(*node.right, scope);
  }
  const Value left = evaluate(*node.left, scope);
  const Value right = evaluate(*node.right, scope);
  if (op == BinaryOperator::Equal) return Value::boolean(looseEquals(left, right));
  if (op == BinaryOperator::NotEqual) return Value::boolean(!looseEquals(left, right));
  const bool membership = op == BinaryOperator::In || op == BinaryOperator::NotIn;
  if (left.isUndefined() || right.isUndefined()) {
    if (right.isUndefined() && membership) return Value::boolean(op == BinaryOperator::NotIn);
    fail("cannot use '" + node.symbol + "' with an undefined value (on the " + (left.isUndefined() ? "left" : "right") +
         " side)");
  }
  if (left.isNone() || right.isNone()) {
    fail("cannot use '" + node.symbol + "' with none (on the " + (left.isNone() ? "left" : "right") + " side)");
  }
  if (op == BinaryOperator::Concat) {
    std::string text = jsString(left, limits_.maxOutputBytes);
    const std::string other = jsString(right, limits_.maxOutputBytes);
    checkStringSize(text.size() + other.size());
    text += other;
    return makeString(std::move(text));
  }
  if (op == BinaryOperator::Power && isNumberLikeValue(left) && isNumberLikeValue(right)) {
    const double a = left.asNumber();
    const double b = right.asNumber();
    if (a == 0 && b < 0) fail("0.0 cannot be raised to a negative power");
    const double result = std::pow(a, b);
    if (!std::isfinite(result)) fail("the result of '**' is not a finite real number");
    return numberFromDouble(result, left.isFloat() || right.isFloat() || b < 0);
  }
  if (left.isNumber() && right.isNumber()) return arithmetic(op, node.symbol, left, right);
  if (left.isList() && right.isList()) {
    if (op == BinaryOperator::Add) {
      if (left.asList().size() + right.asList().size() > limits_.maxListItems) {
        fail("a list would have more than " + std::to_string(limits_.maxListItems) + " items");
      }
      List items = left.asList();
      items.insert(items.end(), right.asList().begin(), right.asList().end());
      return makeList(std::move(items));
    }
  } else if (right.isList() && membership) {
    bool found = false;
    for (const Value& item : right.asList()) {
      if (strictEquals(item, left)) {
        found = true;
        break;
      }
    }
    charge(right.asList().size());
    return Value::boolean(found == (op == BinaryOperator::In));
  }
  if ((left.isString() || right.isString()) && op == BinaryOperator::Add) {
    std::string text = jsString(left, limits_.maxOutputBytes);
    const std::string other = jsString(right, limits_.maxOutputBytes);
    checkStringSize(text.size() + other.size());
    text += other;
    return makeString(std::move(text));
  }
  if (left.isString() && right.isString() && membership) {
    charge(right.asString().size() / kBytesPerStep);
    const bool found = right.asString().find(left.asString()) != std::string::npos;
    return Value::boolean(found == (op == BinaryOperator::In));
  }
  if (left.isString() && right.isDict() && membership) {
    return Value::boolean(right.asDict().contains(left.asString()) == (op == BinaryOperator::In));
  }
  fail("operator '" + node.symbol + "' does not apply to " + typeOf(left) + " and " + typeOf(right));
}

}  // namespace tiertune::formats::jinja
