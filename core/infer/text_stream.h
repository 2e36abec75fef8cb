// Generated tokens to text a person can watch appear: each push() returns the new piece of text
// that is final, holding back a trailing incomplete UTF-8 character (decoded as U+FFFD until its
// last byte arrives) and any tail that could be the start of a stop string, so that a stop string
// spanning several tokens is never shown, not even in part. Used by the Generator.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/tokenizer/tokenizer.h"

namespace tiertune::infer {

class TextStream {
 public:
  TextStream(const formats::tokenizer::Tokenizer& tokenizer, std::vector<std::string> stopStrings);

  // Adds a generated token; returns the text that became final (possibly empty).
  std::string push(std::int32_t token);
  // True once a stop string appeared: the text ends before it and push() returns nothing more.
  bool stopped() const { return stopped_; }
  // The end of generation: returns what was held back (never a stop string's text).
  std::string finish();
  // All text shown so far.
  const std::string& text() const { return shown_; }

 private:
  std::string emitUpTo(const std::string& decoded, std::size_t end);

  const formats::tokenizer::Tokenizer& tokenizer_;
  std::vector<std::string> stopStrings_;
  std::vector<std::int32_t> tokens_;
  std::string shown_;
  bool stopped_ = false;
};

}  // namespace tiertune::infer
