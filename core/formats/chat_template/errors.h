// The two ways a chat template fails at render time, besides syntax errors (tiertune::Error with
// "chat template L:C: ..."): the template itself calling raise_exception(message), and a failure of
// an operation, which the interpreter reports with the position of the expression.
#pragma once

#include <stdexcept>

#include "core/util/error.h"

namespace tiertune::formats::jinja {

// raise_exception(message) in a template ("Conversation roles must alternate ..."): what() is the
// template's own message, exactly as the reference renderer gives it.
class TemplateRaisedError : public Error {
 public:
  using Error::Error;
};

// An operation that failed while rendering (unknown filter, wrong operand types, a limit reached).
// Internal: the interpreter turns it into a tiertune::Error that names the line and column.
class RenderFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tiertune::formats::jinja
