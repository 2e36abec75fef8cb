// The built-ins of the chat-template language, as the reference renderer has them: the global
// functions (range, namespace, raise_exception, strftime_now) and constants, the filters, the
// tests of `is`, and the members of values (string methods, dict methods, .length).
#pragma once

#include <string_view>

#include "core/formats/chat_template/ast.h"
#include "core/formats/chat_template/interpreter.h"
#include "core/formats/chat_template/value.h"

namespace tiertune::formats::jinja {

// Declares the globals in the outermost scope.
void declareGlobals(Scope& global);
// Whether a context key would clash with a global (the reference refuses such a context).
bool isReservedGlobal(std::string_view name);

// value | filter, value | filter(arguments). Throws RenderFailure for an unknown filter or one
// that does not apply to the value's type.
Value applyFilter(Interpreter& interpreter, const Value& operand, const FilterSpec& filter, const ScopePtr& scope);

// value is test. argument is the second operand of equalto/eq (selectattr passes one).
bool applyTest(std::string_view name, const Value& operand, const Value& argument);

// object.name and object[key]: entries of dicts and namespaces, items of lists and characters of
// strings (negative indexes count from the end), string and dict methods, .length. Undefined when
// there is no such member.
Value memberOf(Interpreter& interpreter, const Value& object, const Value& property);

// object[start:stop:step] for lists and strings (strings by code points).
Value sliceOf(Interpreter& interpreter, const Value& object, const Value& start, const Value& stop, const Value& step);

}  // namespace tiertune::formats::jinja
