// The error type of the core: a message a person can act on, naming what failed and where
// (file, row, field, tensor, tier). The CLI prints what(); the window shows the error's Words
// translated where it has them (core/util/words.h), what() as it is otherwise.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/words.h"

namespace tiertune {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // Translatable: what() is the English of words.
  explicit Error(Words words);
  Error(Sentence sentence, std::vector<Words> places) : Error(Words(sentence, std::move(places))) {}

  // The words the window translates; null for an error made from English text alone.
  const Words* words() const { return words_.get(); }

 private:
  std::shared_ptr<const Words> words_;  // shared: exceptions are copied, and copies must not throw
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
