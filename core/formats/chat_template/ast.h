// The syntax tree of a chat template, as the parser builds it and the interpreter walks it. Each
// node keeps the offset in the source of the token that names it (the operator, the filter, the
// statement keyword), so that a failure while rendering can say where it happened.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tiertune::formats::jinja {

enum class NodeKind : std::uint8_t {
  // Statements
  Text,        // literal text between tags
  Output,      // {{ expression }}
  If,
  For,
  Set,
  Macro,
  CallBlock,   // {% call(params) macro(args) %}...{% endcall %}
  FilterBlock, // {% filter name(args) %}...{% endfilter %}
  Break,
  Continue,
  // Expressions
  IntegerLiteral,
  FloatLiteral,
  StringLiteral,
  ArrayLiteral,
  TupleLiteral,
  ObjectLiteral,
  Identifier,
  Member,      // object.name, object[expression], object[a:b:c]
  Slice,       // only as the property of a Member
  Call,
  KeywordArgument,  // name=value in a call or a parameter list
  Spread,           // *list in a call
  KeywordSpread,    // **dict in a call
  Unary,
  Binary,
  Filter,
  Test,
  Select,      // value if condition (no else): undefined when the condition is false
  Ternary,
};

struct Node {
  Node(NodeKind nodeKind, std::uint32_t sourceOffset) : kind(nodeKind), offset(sourceOffset) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  const NodeKind kind;
  const std::uint32_t offset;
};

using NodePtr = std::unique_ptr<Node>;
using NodeList = std::vector<NodePtr>;

template <typename T>
const T& as(const Node& node) {
  return static_cast<const T&>(node);
}

// ---- Statements --------------------------------------------------------------------------------

struct TextNode : Node {
  TextNode(std::uint32_t at, std::string content) : Node(NodeKind::Text, at), text(std::move(content)) {}
  std::string text;
};

struct OutputNode : Node {
  OutputNode(std::uint32_t at, NodePtr value) : Node(NodeKind::Output, at), expression(std::move(value)) {}
  NodePtr expression;
};

struct IfNode : Node {
  explicit IfNode(std::uint32_t at) : Node(NodeKind::If, at) {}
  NodePtr test;
  NodeList body;
  NodeList alternate;  // else, or a single IfNode for elif
};

struct ForNode : Node {
  explicit ForNode(std::uint32_t at) : Node(NodeKind::For, at) {}
  NodePtr target;      // Identifier or TupleLiteral of Identifiers
  NodePtr iterable;
  NodePtr condition;   // `for x in items if condition`, else null
  NodeList body;
  NodeList elseBody;   // runs when no iteration completed
};

struct SetNode : Node {
  explicit SetNode(std::uint32_t at) : Node(NodeKind::Set, at) {}
  NodePtr target;  // Identifier, TupleLiteral or Member (namespace attribute)
  NodePtr value;   // null for {% set x %}...{% endset %}
  NodeList body;
};

// What a macro or call block body reads that its parameters do not declare.
struct SpecialArguments {
  bool varargs = false;
  bool kwargs = false;
};

struct MacroNode : Node {
  explicit MacroNode(std::uint32_t at) : Node(NodeKind::Macro, at) {}
  std::string name;
  NodeList parameters;  // Identifier or KeywordArgument (name=default)
  NodeList body;
  SpecialArguments special;
};

struct CallBlockNode : Node {
  explicit CallBlockNode(std::uint32_t at) : Node(NodeKind::CallBlock, at) {}
  NodePtr call;                // a CallNode
  NodeList callerParameters;   // parameters of caller()
  NodeList body;
  SpecialArguments special;
};

// A filter as written after | or in {% filter %}: a name and, when written with parentheses, the
// argument expressions (some filters look at them before evaluating them).
struct FilterSpec {
  std::string name;
  std::uint32_t offset = 0;
  bool called = false;
  NodeList arguments;
};

struct FilterBlockNode : Node {
  explicit FilterBlockNode(std::uint32_t at) : Node(NodeKind::FilterBlock, at) {}
  FilterSpec filter;
  NodeList body;
};

// ---- Expressions -------------------------------------------------------------------------------

struct IntegerLiteralNode : Node {
  IntegerLiteralNode(std::uint32_t at, std::int64_t number) : Node(NodeKind::IntegerLiteral, at), value(number) {}
  std::int64_t value;
};

struct FloatLiteralNode : Node {
  FloatLiteralNode(std::uint32_t at, double number) : Node(NodeKind::FloatLiteral, at), value(number) {}
  double value;
};

struct StringLiteralNode : Node {
  StringLiteralNode(std::uint32_t at, std::string text) : Node(NodeKind::StringLiteral, at), value(std::move(text)) {}
  std::string value;
};

struct SequenceLiteralNode : Node {  // ArrayLiteral and TupleLiteral
  SequenceLiteralNode(NodeKind literalKind, std::uint32_t at) : Node(literalKind, at) {}
  NodeList items;
};

struct ObjectLiteralNode : Node {
  explicit ObjectLiteralNode(std::uint32_t at) : Node(NodeKind::ObjectLiteral, at) {}
  std::vector<std::pair<NodePtr, NodePtr>> entries;
};

struct IdentifierNode : Node {
  IdentifierNode(std::uint32_t at, std::string identifier) : Node(NodeKind::Identifier, at), name(std::move(identifier)) {}
  std::string name;
};

struct MemberNode : Node {
  MemberNode(std::uint32_t at, NodePtr target, NodePtr key, bool isComputed)
      : Node(NodeKind::Member, at), object(std::move(target)), property(std::move(key)), computed(isComputed) {}
  NodePtr object;
  NodePtr property;  // Identifier or IntegerLiteral after a dot; any expression or a Slice in []
  bool computed;
};

struct SliceNode : Node {
  explicit SliceNode(std::uint32_t at) : Node(NodeKind::Slice, at) {}
  NodePtr start;  // each may be null
  NodePtr stop;
  NodePtr step;
};

struct CallNode : Node {
  CallNode(std::uint32_t at, NodePtr function) : Node(NodeKind::Call, at), callee(std::move(function)) {}
  NodePtr callee;
  NodeList arguments;  // expressions, KeywordArgument, Spread, KeywordSpread
};

struct KeywordArgumentNode : Node {
  KeywordArgumentNode(std::uint32_t at, std::string key, NodePtr argument)
      : Node(NodeKind::KeywordArgument, at), name(std::move(key)), value(std::move(argument)) {}
  std::string name;
  NodePtr value;
};

struct SpreadNode : Node {  // Spread and KeywordSpread
  SpreadNode(NodeKind spreadKind, std::uint32_t at, NodePtr argument) : Node(spreadKind, at), value(std::move(argument)) {}
  NodePtr value;
};

enum class UnaryOperator : std::uint8_t { Not, Minus, Plus };

struct UnaryNode : Node {
  UnaryNode(std::uint32_t at, UnaryOperator unaryOperator, NodePtr argument)
      : Node(NodeKind::Unary, at), op(unaryOperator), operand(std::move(argument)) {}
  UnaryOperator op;
  NodePtr operand;
};

enum class BinaryOperator : std::uint8_t {
  And, Or,
  Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual, In, NotIn,
  Add, Subtract, Concat,
  Multiply, Divide, FloorDivide, Modulo,
  Power,
};

struct BinaryNode : Node {
  BinaryNode(std::uint32_t at, BinaryOperator binaryOperator, std::string text, NodePtr lhs, NodePtr rhs)
      : Node(NodeKind::Binary, at), op(binaryOperator), symbol(std::move(text)), left(std::move(lhs)), right(std::move(rhs)) {}
  BinaryOperator op;
  std::string symbol;  // as written, for messages
  NodePtr left;
  NodePtr right;
};

struct FilterNode : Node {
  FilterNode(std::uint32_t at, NodePtr value, FilterSpec spec)
      : Node(NodeKind::Filter, at), operand(std::move(value)), filter(std::move(spec)) {}
  NodePtr operand;
  FilterSpec filter;
};

struct TestNode : Node {
  TestNode(std::uint32_t at, NodePtr value, bool negated, std::string test)
      : Node(NodeKind::Test, at), operand(std::move(value)), negate(negated), name(std::move(test)) {}
  NodePtr operand;
  bool negate;
  std::string name;
};

struct SelectNode : Node {
  SelectNode(std::uint32_t at, NodePtr value, NodePtr test)
      : Node(NodeKind::Select, at), operand(std::move(value)), condition(std::move(test)) {}
  NodePtr operand;
  NodePtr condition;
};

struct TernaryNode : Node {
  TernaryNode(std::uint32_t at, NodePtr test, NodePtr whenTrue, NodePtr whenFalse)
      : Node(NodeKind::Ternary, at), condition(std::move(test)), trueValue(std::move(whenTrue)), falseValue(std::move(whenFalse)) {}
  NodePtr condition;
  NodePtr trueValue;
  NodePtr falseValue;
};

// A parsed template: the statements of its top level.
struct Program {
  NodeList body;
};

}  // namespace tiertune::formats::jinja
