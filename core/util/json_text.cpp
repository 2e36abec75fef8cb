#include "core/util/json_text.h"

namespace tiertune {

JsonTooDeep::JsonTooDeep(const std::string& source, std::size_t line, std::size_t maxDepth)
    : Error(source + " line " + std::to_string(line) + ": " + reason(maxDepth) +
            "; it is damaged, or made to break the programs that read it."),
      line_(line) {}

std::string JsonTooDeep::reason(std::size_t maxDepth) {
  return "the JSON nests lists or objects deeper than " + std::to_string(maxDepth) + " levels, which no real file does";
}

std::optional<std::size_t> lineNestingDeeperThan(std::string_view text, std::size_t maxDepth, std::size_t firstLine) {
  std::size_t depth = 0;
  std::size_t line = firstLine;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (inString) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
        if (i < text.size() && text[i] == '\n') ++line;
      } else if (c == '"') {
        inString = false;
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return line;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace tiertune
