#include "core/util/error.h"

#include <cstring>

namespace tiertune {

Error::Error(Words words)
    : std::runtime_error(words.english()), words_(std::make_shared<const Words>(std::move(words))) {}

std::string errnoText(int errorNumber) {
  char buffer[256];
  // GNU strerror_r returns a pointer that may or may not be buffer.
  const char* text = strerror_r(errorNumber, buffer, sizeof buffer);
  return text ? std::string(text) : "error " + std::to_string(errorNumber);
}

std::string fileErrorWords(std::string_view failed, const std::filesystem::filesystem_error& error) {
  std::string words(failed);
  if (!error.path1().empty()) words += ": " + error.path1().string();
  if (!error.path2().empty()) words += " \u2192 " + error.path2().string();
  return words + ": " + error.code().message() + ".";
}

}  // namespace tiertune
