// The error type of the core: a message a person can act on, naming what failed and where
// (file, row, field, tensor, tier). The GUI shows what() as it is; the CLI prints it.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tiertune {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// strerror() for errno values, thread-safe ("No space left on device").
std::string errnoText(int errorNumber);

// A std::filesystem::filesystem_error in words: "<failed>: PATH1 -> PATH2: <the system's reason>."
// (its own what() is "filesystem error: cannot rename: ..." with the paths in brackets).
std::string fileErrorWords(std::string_view failed, const std::filesystem::filesystem_error& error);

// Runs body; a filesystem_error it lets out becomes tiertune::Error with fileErrorWords. Public
// core functions that touch files wrap their body in it, so that callers (threads of the GUI
// included) see one documented error type with words a person can act on.
template <typename Body>
auto fileErrorsInWords(std::string_view failed, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::filesystem::filesystem_error& error) {
    throw Error(fileErrorWords(failed, error));
  }
}

}  // namespace tiertune
