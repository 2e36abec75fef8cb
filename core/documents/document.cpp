#include "core/documents/document.h"

namespace tiertune::documents {

std::size_t Document::words() const {
  std::size_t count = 0;
  for (const Passage& passage : passages) {
    bool inWord = false;
    for (const char c : passage.text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '|';
      if (!space && !inWord) ++count;
      inWord = !space;
    }
  }
  return count;
}

}  // namespace tiertune::documents
