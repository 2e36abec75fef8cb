#include "core/formats/chat_template/parser.h"

#include <charconv>
#include <set>

#include "core/formats/chat_template/lexer.h"

namespace tiertune::formats::jinja {

namespace {

std::string describe(const Token& token) {
  switch (token.type) {
    case TokenType::Text: return "text";
    case TokenType::Comment: return "a comment";
    case TokenType::StringLiteral: return "a string";
    default: return "'" + token.value + "'";
  }
}

class Parser {
 public:
  Parser(std::string_view source, std::vector<Token> tokens) : source_(source), tokens_(std::move(tokens)) {}

  Program run() {
    Program program;
    while (current_ < tokens_.size()) {
      if (NodePtr node = parseAny()) program.body.push_back(std::move(node));
    }
    return program;
  }

 private:
  // ---- Token access ----------------------------------------------------------------------------

  [[noreturn]] void fail(std::uint32_t offset, const std::string& message) const {
    throwTemplateError(source_, offset, message);
  }

  std::uint32_t endOffset() const { return static_cast<std::uint32_t>(source_.size()); }

  // Where the next token starts, or the end of the template.
  std::uint32_t here() const { return current_ < tokens_.size() ? tokens_[current_].offset : endOffset(); }

  [[noreturn]] void failExpected(const std::string& what) const {
    if (current_ >= tokens_.size()) fail(endOffset(), "unexpected end of template: expected " + what);
    fail(tokens_[current_].offset, "expected " + what + ", found " + describe(tokens_[current_]));
  }

  bool is(TokenType type, std::size_t ahead = 0) const {
    return current_ + ahead < tokens_.size() && tokens_[current_ + ahead].type == type;
  }

  bool isIdentifier(std::string_view name, std::size_t ahead = 0) const {
    return is(TokenType::Identifier, ahead) && tokens_[current_ + ahead].value == name;
  }

  bool isStatement(std::initializer_list<std::string_view> names) const {
    if (!is(TokenType::OpenStatement) || !is(TokenType::Identifier, 1)) return false;
    for (const auto name : names) {
      if (tokens_[current_ + 1].value == name) return true;
    }
    return false;
  }

  const Token& expect(TokenType type, const std::string& what) {
    if (!is(type)) failExpected(what);
    return tokens_[current_++];
  }

  void expectIdentifier(std::string_view name) {
    if (!isIdentifier(name)) failExpected("'" + std::string(name) + "'");
    ++current_;
  }

  // Ends a block statement: {% endNAME %}, reporting an unclosed block at its opening tag.
  void expectEnd(std::string_view endName, std::string_view opening, std::uint32_t openingOffset) {
    if (current_ >= tokens_.size()) {
      fail(openingOffset, "{% " + std::string(opening) + " %} is not closed: {% " + std::string(endName) +
                              " %} is missing");
    }
    expect(TokenType::OpenStatement, "'{%'");
    expectIdentifier(endName);
    expect(TokenType::CloseStatement, "'%}'");
  }

  // Parses statements until one of the names (the caller checks which), failing at the end of the
  // template with the opening tag's position.
  NodeList parseBodyUntil(std::initializer_list<std::string_view> names, std::string_view opening,
                          std::uint32_t openingOffset) {
    NodeList body;
    while (!isStatement(names)) {
      if (current_ >= tokens_.size()) {
        fail(openingOffset, "{% " + std::string(opening) + " %} is not closed: {% " +
                                std::string(*names.begin()) + " %} is missing");
      }
      if (NodePtr node = parseAny()) body.push_back(std::move(node));
    }
    return body;
  }

  class NestingGuard {
   public:
    explicit NestingGuard(Parser& parser) : parser_(parser) {
      if (++parser_.nesting_ > kMaxSyntaxNesting) {
        parser_.fail(parser_.here(), "the template nests too deeply (more than " +
                                         std::to_string(kMaxSyntaxNesting) + " levels)");
      }
    }
    ~NestingGuard() { --parser_.nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    Parser& parser_;
  };

  // ---- Statements ------------------------------------------------------------------------------

  NodePtr parseAny() {
    NestingGuard guard(*this);
    const Token& token = tokens_[current_];
    switch (token.type) {
      case TokenType::Comment:
        ++current_;
        return nullptr;  // comments leave nothing in the tree
      case TokenType::Text: {
        ++current_;
        return std::make_unique<TextNode>(token.offset, token.value);
      }
      case TokenType::OpenStatement: return parseStatement();
      case TokenType::OpenExpression: {
        ++current_;
        NodePtr expression = parseExpression();
        expect(TokenType::CloseExpression, "'}}'");
        const std::uint32_t offset = expression->offset;  // failures to print point at the expression
        return std::make_unique<OutputNode>(offset, std::move(expression));
      }
      default: fail(token.offset, "unexpected " + describe(token) + " outside of a tag");
    }
  }

  NodePtr parseStatement() {
    const std::uint32_t openOffset = tokens_[current_].offset;
    ++current_;  // {%
    if (!is(TokenType::Identifier)) failExpected("a statement name after '{%'");
    const std::string name = tokens_[current_].value;
    const std::uint32_t offset = tokens_[current_].offset;
    ++current_;
    if (name == "set") return parseSet(offset);
    if (name == "if") {
      NodePtr result = parseIf(offset, openOffset);
      expectEnd("endif", "if", openOffset);
      return result;
    }
    if (name == "for") {
      NodePtr result = parseFor(offset, openOffset);
      expectEnd("endfor", "for", openOffset);
      return result;
    }
    if (name == "macro") {
      NodePtr result = parseMacro(offset, openOffset);
      expectEnd("endmacro", "macro", openOffset);
      return result;
    }
    if (name == "call") return parseCallBlock(offset, openOffset);
    if (name == "filter") return parseFilterBlock(offset, openOffset);
    if (name == "break" || name == "continue") {
      expect(TokenType::CloseStatement, "'%}'");
      return std::make_unique<Node>(name == "break" ? NodeKind::Break : NodeKind::Continue, offset);
    }
    if (name == "elif" || name == "else" || name.starts_with("end")) {
      fail(offset, "{% " + name + " %} without a matching opening statement");
    }
    fail(offset, "unknown statement '" + name + "' (supported: set, if, for, macro, call, filter, break, continue)");
  }

  NodePtr parseSet(std::uint32_t offset) {
    auto node = std::make_unique<SetNode>(offset);
    node->target = parseExpressionSequence(false);
    if (is(TokenType::Equals)) {
      ++current_;
      node->value = parseExpressionSequence(false);
    } else {
      expect(TokenType::CloseStatement, "'=' or '%}'");
      node->body = parseBodyUntil({"endset"}, "set", offset);
      expect(TokenType::OpenStatement, "'{%'");
      expectIdentifier("endset");
    }
    expect(TokenType::CloseStatement, "'%}'");
    return node;
  }

  NodePtr parseIf(std::uint32_t offset, std::uint32_t openOffset) {
    auto node = std::make_unique<IfNode>(offset);
    node->test = parseExpression();
    expect(TokenType::CloseStatement, "'%}'");
    node->body = parseBodyUntil({"endif", "elif", "else"}, "if", openOffset);
    if (isStatement({"elif"})) {
      const std::uint32_t elifOffset = tokens_[current_ + 1].offset;
      current_ += 2;
      node->alternate.push_back(parseIf(elifOffset, openOffset));
    } else if (isStatement({"else"})) {
      current_ += 2;
      expect(TokenType::CloseStatement, "'%}'");
      node->alternate = parseBodyUntil({"endif"}, "if", openOffset);
    }
    return node;
  }

  NodePtr parseFor(std::uint32_t offset, std::uint32_t openOffset) {
    auto node = std::make_unique<ForNode>(offset);
    node->target = parseExpressionSequence(true);
    if (node->target->kind != NodeKind::Identifier && node->target->kind != NodeKind::TupleLiteral) {
      fail(node->target->offset, "the loop variable must be a name or names separated by commas");
    }
    if (!isIdentifier("in")) failExpected("'in' after the loop variable");
    ++current_;
    NodePtr iterable = parseExpression();
    if (iterable->kind == NodeKind::Select) {
      auto& select = static_cast<SelectNode&>(*iterable);
      node->iterable = std::move(select.operand);
      node->condition = std::move(select.condition);
    } else {
      node->iterable = std::move(iterable);
    }
    expect(TokenType::CloseStatement, "'%}'");
    node->body = parseBodyUntil({"endfor", "else"}, "for", openOffset);
    if (isStatement({"else"})) {
      current_ += 2;
      expect(TokenType::CloseStatement, "'%}'");
      node->elseBody = parseBodyUntil({"endfor"}, "for", openOffset);
    }
    return node;
  }

  NodePtr parseMacro(std::uint32_t offset, std::uint32_t openOffset) {
    auto node = std::make_unique<MacroNode>(offset);
    if (!is(TokenType::Identifier)) failExpected("the macro's name");
    node->name = tokens_[current_++].value;
    node->parameters = parseArguments(true);
    expect(TokenType::CloseStatement, "'%}'");
    node->body = parseBodyUntil({"endmacro"}, "macro", openOffset);
    node->special = findSpecialArguments(node->parameters, node->body);
    return node;
  }

  NodePtr parseCallBlock(std::uint32_t offset, std::uint32_t openOffset) {
    auto node = std::make_unique<CallBlockNode>(offset);
    if (is(TokenType::OpenParen)) node->callerParameters = parseArguments(true);
    if (!is(TokenType::Identifier)) failExpected("the name of the macro to call");
    const Token& name = tokens_[current_++];
    auto call = std::make_unique<CallNode>(name.offset, std::make_unique<IdentifierNode>(name.offset, name.value));
    call->arguments = parseArguments(false);
    node->call = std::move(call);
    expect(TokenType::CloseStatement, "'%}'");
    node->body = parseBodyUntil({"endcall"}, "call", openOffset);
    expectEnd("endcall", "call", openOffset);
    node->special = findSpecialArguments(node->callerParameters, node->body);
    return node;
  }

  NodePtr parseFilterBlock(std::uint32_t offset, std::uint32_t openOffset) {
    auto node = std::make_unique<FilterBlockNode>(offset);
    node->filter = parseFilterSpec();
    expect(TokenType::CloseStatement, "'%}'");
    node->body = parseBodyUntil({"endfilter"}, "filter", openOffset);
    expectEnd("endfilter", "filter", openOffset);
    return node;
  }

  // ---- Expressions -----------------------------------------------------------------------------

  NodePtr parseExpressionSequence(bool primary) {
    const std::uint32_t offset = here();
    NodePtr first = primary ? parsePrimary() : parseExpression();
    if (!is(TokenType::Comma)) return first;
    auto tuple = std::make_unique<SequenceLiteralNode>(NodeKind::TupleLiteral, offset);
    tuple->items.push_back(std::move(first));
    while (is(TokenType::Comma)) {
      ++current_;
      tuple->items.push_back(primary ? parsePrimary() : parseExpression());
    }
    return tuple;
  }

  NodePtr parseExpression() {
    NestingGuard guard(*this);
    NodePtr value = parseLogicalOr();
    if (!isIdentifier("if")) return value;
    const std::uint32_t offset = tokens_[current_].offset;
    ++current_;
    NodePtr test = parseLogicalOr();
    if (isIdentifier("else")) {
      ++current_;
      NodePtr otherwise = parseExpression();
      return std::make_unique<TernaryNode>(offset, std::move(test), std::move(value), std::move(otherwise));
    }
    return std::make_unique<SelectNode>(offset, std::move(value), std::move(test));
  }

  NodePtr parseLogicalOr() {
    NodePtr left = parseLogicalAnd();
    while (isIdentifier("or")) {
      const std::uint32_t offset = tokens_[current_++].offset;
      left = std::make_unique<BinaryNode>(offset, BinaryOperator::Or, "or", std::move(left), parseLogicalAnd());
    }
    return left;
  }

  NodePtr parseLogicalAnd() {
    NodePtr left = parseLogicalNot();
    while (isIdentifier("and")) {
      const std::uint32_t offset = tokens_[current_++].offset;
      left = std::make_unique<BinaryNode>(offset, BinaryOperator::And, "and", std::move(left), parseLogicalNot());
    }
    return left;
  }

  NodePtr parseLogicalNot() {
    NestingGuard guard(*this);
    NodePtr result;
    while (isIdentifier("not")) {
      const std::uint32_t offset = tokens_[current_++].offset;
      result = std::make_unique<UnaryNode>(offset, UnaryOperator::Not, parseLogicalNot());
    }
    return result ? std::move(result) : parseComparison();
  }

  NodePtr parseComparison() {
    NodePtr left = parseAdditive();
    while (true) {
      BinaryOperator op;
      std::string symbol;
      const std::uint32_t offset = here();
      if (isIdentifier("not") && isIdentifier("in", 1)) {
        op = BinaryOperator::NotIn;
        symbol = "not in";
        current_ += 2;
      } else if (isIdentifier("in")) {
        op = BinaryOperator::In;
        symbol = "in";
        ++current_;
      } else if (is(TokenType::ComparisonOperator)) {
        symbol = tokens_[current_++].value;
        op = symbol == "==" ? BinaryOperator::Equal
             : symbol == "!=" ? BinaryOperator::NotEqual
             : symbol == "<"  ? BinaryOperator::Less
             : symbol == ">"  ? BinaryOperator::Greater
             : symbol == "<=" ? BinaryOperator::LessEqual
                              : BinaryOperator::GreaterEqual;
      } else {
        break;
      }
      left = std::make_unique<BinaryNode>(offset, op, symbol, std::move(left), parseAdditive());
    }
    return left;
  }

  NodePtr parseAdditive() {
    NodePtr left = parseMultiplicative();
    while (is(TokenType::AdditiveOperator)) {
      const Token& token = tokens_[current_++];
      const BinaryOperator op = token.value == "+" ? BinaryOperator::Add
                                : token.value == "-" ? BinaryOperator::Subtract
                                                     : BinaryOperator::Concat;
      left = std::make_unique<BinaryNode>(token.offset, op, token.value, std::move(left), parseMultiplicative());
    }
    return left;
  }

  NodePtr parseMultiplicative() {
    NodePtr left = parsePower();
    while (is(TokenType::MultiplicativeOperator)) {
      const Token& token = tokens_[current_++];
      const BinaryOperator op = token.value == "*"    ? BinaryOperator::Multiply
                                : token.value == "/"  ? BinaryOperator::Divide
                                : token.value == "//" ? BinaryOperator::FloorDivide
                                                      : BinaryOperator::Modulo;
      left = std::make_unique<BinaryNode>(token.offset, op, token.value, std::move(left), parsePower());
    }
    return left;
  }

  NodePtr parsePower() {
    NodePtr left = parseTest();
    while (is(TokenType::ExponentiationOperator)) {
      const Token& token = tokens_[current_++];
      left = std::make_unique<BinaryNode>(token.offset, BinaryOperator::Power, "**", std::move(left), parseTest());
    }
    return left;
  }

  NodePtr parseTest() {
    NodePtr operand = parseFilter();
    while (isIdentifier("is")) {
      const std::uint32_t offset = tokens_[current_++].offset;
      const bool negate = isIdentifier("not");
      if (negate) ++current_;
      if (!is(TokenType::Identifier)) failExpected("the name of a test after 'is'");
      std::string name = tokens_[current_++].value;
      operand = std::make_unique<TestNode>(offset, std::move(operand), negate, std::move(name));
    }
    return operand;
  }

  FilterSpec parseFilterSpec() {
    if (!is(TokenType::Identifier)) failExpected("the name of a filter");
    FilterSpec spec;
    spec.offset = tokens_[current_].offset;
    spec.name = tokens_[current_++].value;
    if (is(TokenType::OpenParen)) {
      spec.called = true;
      spec.arguments = parseArguments(false);
    }
    if (is(TokenType::Dot) || is(TokenType::OpenSquareBracket) || is(TokenType::OpenParen)) {
      fail(here(), "a filter cannot be followed by " + describe(tokens_[current_]));
    }
    return spec;
  }

  NodePtr parseFilter() {
    NodePtr operand = parseUnarySign();
    while (is(TokenType::Pipe)) {
      const std::uint32_t offset = tokens_[current_++].offset;
      FilterSpec spec = parseFilterSpec();
      operand = std::make_unique<FilterNode>(offset, std::move(operand), std::move(spec));
    }
    return operand;
  }

  NodePtr parseUnarySign() {
    NestingGuard guard(*this);
    if ((is(TokenType::UnaryOperator) || is(TokenType::AdditiveOperator)) &&
        (tokens_[current_].value == "-" || tokens_[current_].value == "+")) {
      const Token& token = tokens_[current_++];
      const UnaryOperator op = token.value == "-" ? UnaryOperator::Minus : UnaryOperator::Plus;
      return std::make_unique<UnaryNode>(token.offset, op, parseUnarySign());
    }
    NodePtr member = parseMember(parsePrimary());
    while (is(TokenType::OpenParen)) member = parseMember(parseCall(std::move(member)));
    return member;
  }

  NodePtr parseCall(NodePtr callee) {
    auto call = std::make_unique<CallNode>(here(), std::move(callee));
    call->arguments = parseArguments(false);
    return call;
  }

  // ( arguments ) of a call, or ( parameters ) of a macro or call block.
  NodeList parseArguments(bool parameters) {
    expect(TokenType::OpenParen, "'('");
    NodeList arguments;
    std::set<std::string> names;
    bool sawKeyword = false;
    bool sawSpread = false;
    while (!is(TokenType::CloseParen)) {
      if (current_ >= tokens_.size()) failExpected("')'");
      const std::uint32_t offset = here();
      const bool keywordSpread = is(TokenType::ExponentiationOperator);
      const bool positionalSpread = is(TokenType::MultiplicativeOperator) && tokens_[current_].value == "*";
      if (parameters && (keywordSpread || positionalSpread)) {
        fail(offset, "argument unpacking (* or **) is not allowed in a parameter list");
      }
      if (keywordSpread) {
        ++current_;
        arguments.push_back(std::make_unique<SpreadNode>(NodeKind::KeywordSpread, offset, parseExpression()));
        if (is(TokenType::Comma)) ++current_;
        if (!is(TokenType::CloseParen)) fail(here(), "'**' must be applied to the last argument");
        break;
      }
      NodePtr argument;
      if (positionalSpread) {
        if (sawSpread) fail(offset, "only one '*' argument unpacking is allowed");
        sawSpread = true;
        ++current_;
        argument = std::make_unique<SpreadNode>(NodeKind::Spread, offset, parseExpression());
      } else {
        argument = parseExpression();
        if (is(TokenType::Equals)) {
          ++current_;
          if (argument->kind != NodeKind::Identifier) {
            fail(offset, parameters ? "expected a parameter name before '='" : "expected an argument name before '='");
          }
          std::string name = as<IdentifierNode>(*argument).name;
          argument = std::make_unique<KeywordArgumentNode>(offset, std::move(name), parseExpression());
        }
        if (parameters) {
          if (argument->kind != NodeKind::Identifier && argument->kind != NodeKind::KeywordArgument) {
            fail(offset, "expected a parameter name");
          }
          const std::string& name = argument->kind == NodeKind::Identifier ? as<IdentifierNode>(*argument).name
                                                                            : as<KeywordArgumentNode>(*argument).name;
          if (!names.insert(name).second) fail(offset, "duplicate parameter name '" + name + "'");
        }
        if (argument->kind == NodeKind::KeywordArgument) {
          sawKeyword = true;
        } else if (sawKeyword) {
          fail(offset, parameters ? "a parameter without a default follows one with a default"
                                  : "positional arguments must come before keyword arguments");
        } else if (sawSpread) {
          fail(offset, "positional arguments must not follow '*' argument unpacking");
        }
      }
      arguments.push_back(std::move(argument));
      if (is(TokenType::Comma)) ++current_;
    }
    expect(TokenType::CloseParen, "')'");
    return arguments;
  }

  // The part between [ and ]: an index, or a slice a:b:c with any part left out.
  NodePtr parseSubscript(std::uint32_t offset) {
    std::vector<NodePtr> parts;
    bool isSlice = false;
    while (!is(TokenType::CloseSquareBracket)) {
      if (current_ >= tokens_.size()) failExpected("']'");
      if (is(TokenType::Colon)) {
        parts.push_back(nullptr);
        ++current_;
        isSlice = true;
      } else {
        parts.push_back(parseExpression());
        if (is(TokenType::Colon)) {
          ++current_;
          isSlice = true;
        }
      }
    }
    if (parts.empty()) fail(offset, "expected an index or a slice between '[' and ']'");
    if (!isSlice) return std::move(parts[0]);
    if (parts.size() > 3) fail(offset, "a slice has at most three parts (start:stop:step)");
    auto slice = std::make_unique<SliceNode>(offset);
    slice->start = std::move(parts[0]);
    if (parts.size() > 1) slice->stop = std::move(parts[1]);
    if (parts.size() > 2) slice->step = std::move(parts[2]);
    return slice;
  }

  NodePtr parseMember(NodePtr object) {
    while (is(TokenType::Dot) || is(TokenType::OpenSquareBracket)) {
      const Token& token = tokens_[current_++];
      if (token.type == TokenType::OpenSquareBracket) {
        NodePtr property = parseSubscript(token.offset);
        expect(TokenType::CloseSquareBracket, "']'");
        object = std::make_unique<MemberNode>(token.offset, std::move(object), std::move(property), true);
      } else {
        NodePtr property = parsePrimary();
        if (property->kind != NodeKind::Identifier && property->kind != NodeKind::IntegerLiteral) {
          fail(token.offset, "expected a name or an integer after '.'");
        }
        object = std::make_unique<MemberNode>(token.offset, std::move(object), std::move(property), false);
      }
    }
    return object;
  }

  NodePtr parseNumber(const Token& token) {
    const std::string& text = token.value;
    const bool plus = !text.empty() && text[0] == '+';
    const char* first = text.data() + (plus ? 1 : 0);
    const char* last = text.data() + text.size();
    if (text.find('.') != std::string::npos) {
      double value = 0;
      std::from_chars(first, last, value);
      return std::make_unique<FloatLiteralNode>(token.offset, value);
    }
    std::int64_t value = 0;
    const auto result = std::from_chars(first, last, value);
    if (result.ec != std::errc()) fail(token.offset, "integer literal " + text + " is too large");
    return std::make_unique<IntegerLiteralNode>(token.offset, value);
  }

  NodePtr parsePrimary() {
    if (current_ >= tokens_.size()) failExpected("an expression");
    const Token& token = tokens_[current_++];
    switch (token.type) {
      case TokenType::NumericLiteral: return parseNumber(token);
      case TokenType::StringLiteral: {
        std::string value = token.value;
        while (is(TokenType::StringLiteral)) value += tokens_[current_++].value;
        return std::make_unique<StringLiteralNode>(token.offset, std::move(value));
      }
      case TokenType::Identifier: return std::make_unique<IdentifierNode>(token.offset, token.value);
      case TokenType::OpenParen: {
        NestingGuard guard(*this);
        NodePtr expression = parseExpressionSequence(false);
        expect(TokenType::CloseParen, "')'");
        return expression;
      }
      case TokenType::OpenSquareBracket: {
        NestingGuard guard(*this);
        auto array = std::make_unique<SequenceLiteralNode>(NodeKind::ArrayLiteral, token.offset);
        while (!is(TokenType::CloseSquareBracket)) {
          if (current_ >= tokens_.size()) failExpected("']'");
          array->items.push_back(parseExpression());
          if (is(TokenType::Comma)) ++current_;
        }
        ++current_;
        return array;
      }
      case TokenType::OpenCurlyBracket: {
        NestingGuard guard(*this);
        auto object = std::make_unique<ObjectLiteralNode>(token.offset);
        while (!is(TokenType::CloseCurlyBracket)) {
          if (current_ >= tokens_.size()) failExpected("'}'");
          NodePtr key = parseExpression();
          expect(TokenType::Colon, "':' between a key and its value");
          NodePtr value = parseExpression();
          object->entries.emplace_back(std::move(key), std::move(value));
          if (is(TokenType::Comma)) ++current_;
        }
        ++current_;
        return object;
      }
      default: --current_; failExpected("an expression");
    }
  }

  // ---- Macro analysis --------------------------------------------------------------------------

  // Whether the body reads varargs or kwargs without declaring them (the reference's
  // findAccessedSpecialMacroArguments): only then may a call pass extra arguments.
  struct SpecialFinder {
    std::set<std::string> declared;
    SpecialArguments found;

    static bool isSpecial(const std::string& name) { return name == "varargs" || name == "kwargs"; }

    void declare(const Node& target) {
      if (target.kind == NodeKind::Identifier) {
        if (isSpecial(as<IdentifierNode>(target).name)) declared.insert(as<IdentifierNode>(target).name);
      } else if (target.kind == NodeKind::TupleLiteral) {
        for (const auto& item : as<SequenceLiteralNode>(target).items) declare(*item);
      }
    }
    void declareParameters(const NodeList& parameters) {
      for (const auto& parameter : parameters) {
        if (parameter->kind == NodeKind::KeywordArgument) {
          const std::string& name = as<KeywordArgumentNode>(*parameter).name;
          if (isSpecial(name)) declared.insert(name);
        } else {
          declare(*parameter);
        }
      }
      for (const auto& parameter : parameters) {
        if (parameter->kind == NodeKind::KeywordArgument) visit(as<KeywordArgumentNode>(*parameter).value.get());
      }
    }
    void visit(const NodeList& nodes) {
      for (const auto& node : nodes) visit(node.get());
    }
    void visit(const Node* node) {
      if (!node) return;
      switch (node->kind) {
        case NodeKind::Identifier: {
          const std::string& name = as<IdentifierNode>(*node).name;
          if (isSpecial(name) && !declared.contains(name)) (name == "kwargs" ? found.kwargs : found.varargs) = true;
          return;
        }
        case NodeKind::Output: return visit(as<OutputNode>(*node).expression.get());
        case NodeKind::If: {
          const auto& n = as<IfNode>(*node);
          visit(n.test.get()), visit(n.body), visit(n.alternate);
          return;
        }
        case NodeKind::For: {
          const auto& n = as<ForNode>(*node);
          declare(*n.target);
          visit(n.iterable.get()), visit(n.body), visit(n.elseBody), visit(n.condition.get());
          return;
        }
        case NodeKind::Set: {
          const auto& n = as<SetNode>(*node);
          declare(*n.target);
          visit(n.value.get()), visit(n.body);
          return;
        }
        case NodeKind::Macro: {
          const auto& n = as<MacroNode>(*node);
          declareParameters(n.parameters);
          visit(n.body);
          return;
        }
        case NodeKind::CallBlock: {
          const auto& n = as<CallBlockNode>(*node);
          visit(n.call.get());
          declareParameters(n.callerParameters);
          visit(n.body);
          return;
        }
        case NodeKind::FilterBlock: {
          const auto& n = as<FilterBlockNode>(*node);
          visit(n.body), visit(n.filter.arguments);
          return;
        }
        case NodeKind::ArrayLiteral:
        case NodeKind::TupleLiteral: return visit(as<SequenceLiteralNode>(*node).items);
        case NodeKind::ObjectLiteral:
          for (const auto& [key, value] : as<ObjectLiteralNode>(*node).entries) visit(key.get()), visit(value.get());
          return;
        case NodeKind::Member: {
          const auto& n = as<MemberNode>(*node);
          visit(n.object.get());
          if (n.computed) visit(n.property.get());
          return;
        }
        case NodeKind::Slice: {
          const auto& n = as<SliceNode>(*node);
          visit(n.start.get()), visit(n.stop.get()), visit(n.step.get());
          return;
        }
        case NodeKind::Call: {
          const auto& n = as<CallNode>(*node);
          visit(n.callee.get()), visit(n.arguments);
          return;
        }
        case NodeKind::KeywordArgument: return visit(as<KeywordArgumentNode>(*node).value.get());
        case NodeKind::Spread:
        case NodeKind::KeywordSpread: return visit(as<SpreadNode>(*node).value.get());
        case NodeKind::Unary: return visit(as<UnaryNode>(*node).operand.get());
        case NodeKind::Binary: {
          const auto& n = as<BinaryNode>(*node);
          visit(n.left.get()), visit(n.right.get());
          return;
        }
        case NodeKind::Filter: {
          const auto& n = as<FilterNode>(*node);
          visit(n.operand.get()), visit(n.filter.arguments);
          return;
        }
        case NodeKind::Test: return visit(as<TestNode>(*node).operand.get());
        case NodeKind::Select: {
          const auto& n = as<SelectNode>(*node);
          visit(n.condition.get()), visit(n.operand.get());
          return;
        }
        case NodeKind::Ternary: {
          const auto& n = as<TernaryNode>(*node);
          visit(n.condition.get()), visit(n.trueValue.get()), visit(n.falseValue.get());
          return;
        }
        default: return;
      }
    }
  };

  static SpecialArguments findSpecialArguments(const NodeList& parameters, const NodeList& body) {
    SpecialFinder finder;
    for (const auto& parameter : parameters) {
      const std::string& name = parameter->kind == NodeKind::Identifier ? as<IdentifierNode>(*parameter).name
                                                                         : as<KeywordArgumentNode>(*parameter).name;
      if (SpecialFinder::isSpecial(name)) finder.declared.insert(name);
    }
    finder.visit(body);
    return finder.found;
  }

  std::string_view source_;
  std::vector<Token> tokens_;
  std::size_t current_ = 0;
  int nesting_ = 0;
};

}  // namespace

Program parseTemplate(std::string_view source) {
  return Parser(source, tokenize(source)).run();
}

}  // namespace tiertune::formats::jinja
