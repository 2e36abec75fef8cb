// The parser of chat templates: tokens to a syntax tree, with the grammar and the precedence of
// the reference renderer (@huggingface/jinja). Used by ChatTemplate::parse.
#pragma once

#include <string_view>

#include "core/formats/chat_template/ast.h"

namespace tiertune::formats::jinja {

// Statements and expressions nest at most this deep, so that neither parsing nor rendering can
// exhaust the stack.
inline constexpr int kMaxSyntaxNesting = 128;

// Throws tiertune::Error("chat template L:C: message") for any syntax error.
Program parseTemplate(std::string_view source);

}  // namespace tiertune::formats::jinja
