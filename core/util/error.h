// The error type of the core: a message a person can act on, naming what failed and where
// (file, row, field, tensor, tier). The GUI shows what() as it is; the CLI prints it.
#pragma once

#include <stdexcept>
#include <string>

namespace tiertune {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// strerror() for errno values, thread-safe ("No space left on device").
std::string errnoText(int errorNumber);

}  // namespace tiertune
