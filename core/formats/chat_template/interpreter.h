// The interpreter of chat templates: walks the syntax tree with a chain of scopes and writes the
// output, with the semantics of the reference renderer (@huggingface/jinja 0.5.11), within limits
// that keep a hostile template from hanging or exhausting memory. ChatTemplate::render runs it;
// the built-ins (builtins.cpp) call back into it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/chat_template/ast.h"
#include "core/formats/chat_template/value.h"

namespace tiertune::formats::jinja {

// What one render may use. A template that goes beyond fails with a message that names the limit.
inline constexpr std::uint64_t kBytesPerStep = 64;

struct RenderLimits {
  std::size_t maxOutputBytes = 16u << 20;  // the rendered text, and any one string value
  std::size_t maxListItems = 1u << 20;     // any one list the template builds
  // The work counter (not the clock): each evaluation and loop iteration, each item built, and
  // for strings their size, kBytesPerStep bytes a step, each time one is built, looked up or
  // passed to an operation, for those cost time in proportion to the size.
  std::uint64_t maxSteps = 20'000'000;
  int maxDepth = 400;                      // nested evaluations, macro calls included
};

// Variables of one level: the globals and the context, a loop, a macro call, a call block.
// Lookups go outward; assignments land in the scope they are made in.
class Scope {
 public:
  explicit Scope(std::shared_ptr<Scope> parent = nullptr) : parent_(std::move(parent)) {}

  const Value* lookup(std::string_view name) const;
  bool hasOwn(std::string_view name) const { return variables_.contains(name); }
  void set(std::string name, Value value) { variables_.set(std::move(name), std::move(value)); }

 private:
  std::shared_ptr<Scope> parent_;
  Dict variables_;
};

using ScopePtr = std::shared_ptr<Scope>;

class Interpreter {
 public:
  Interpreter(std::string_view source, const RenderLimits& limits);
  ~Interpreter();  // empties the namespaces, which may refer to each other in cycles
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Renders the program with the context's entries as variables. Throws tiertune::Error
  // ("chat template L:C: ..."), or TemplateRaisedError for raise_exception(message).
  std::string render(const Program& program, const Dict& context);

  // ---- For the built-ins ----
  Value evaluate(const Node& node, const ScopePtr& scope);
  void execute(const NodeList& body, const ScopePtr& scope, std::string& out);
  Value call(const Value& function, Arguments& arguments, const ScopePtr& scope);
  Arguments evaluateArguments(const NodeList& arguments, const ScopePtr& scope);
  // Values that count against the limits (RenderFailure when they would exceed one).
  Value makeString(std::string text);
  Value makeList(List items);
  Value makeNamespace(Dict entries);
  void checkStringSize(std::size_t bytes) const;
  void charge(std::uint64_t steps);
  void chargeFor(const Value& value);  // the size of a string value
  const RenderLimits& limits() const { return limits_; }
  // Throws tiertune::Error("chat template L:C: message") for a position in the template.
  [[noreturn]] void failAt(std::uint32_t offset, const std::string& message) const;

 private:
  class DepthGuard;

  void executeStatement(const Node& node, const ScopePtr& scope, std::string& out);
  void executeFor(const ForNode& node, const ScopePtr& scope, std::string& out);
  void executeSet(const SetNode& node, const ScopePtr& scope);
  void executeCallBlock(const CallBlockNode& node, const ScopePtr& scope, std::string& out);
  void defineMacro(const MacroNode& node, const ScopePtr& scope);
  void bindArguments(const std::string& displayName, const NodeList& parameters, SpecialArguments special,
                     Arguments& arguments, const ScopePtr& scope);
  void append(std::string& out, const Value& value);
  Value evaluateExpression(const Node& node, const ScopePtr& scope);
  Value evaluateBinary(const BinaryNode& node, const ScopePtr& scope);
  Value evaluateUnary(const UnaryNode& node, const ScopePtr& scope);
  Value evaluateMember(const MemberNode& node, const ScopePtr& scope);
  Value evaluateCall(const CallNode& node, const ScopePtr& scope);

  std::string_view source_;
  RenderLimits limits_;
  std::uint64_t steps_ = 0;
  int depth_ = 0;
  std::vector<std::shared_ptr<Dict>> namespaces_;
};

}  // namespace tiertune::formats::jinja
