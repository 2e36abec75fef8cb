#include "core/util/json_text.h"

namespace tiertune {

JsonTooDeep::JsonTooDeep(const std::string& source, std::size_t line, std::size_t maxDepth)
    : Error(TIERTUNE_WORDS("Files", "%1 line %2: %3; it is damaged, or made to break the programs that read it."),
            {source, std::to_string(line), reason(maxDepth)}),
      line_(line) {}

Words JsonTooDeep::reason(std::size_t maxDepth) {
  return Words(
      TIERTUNE_WORDS("Files", "the JSON nests lists or objects deeper than %1 levels, which no real file does"),
      {std::to_string(maxDepth)});
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
