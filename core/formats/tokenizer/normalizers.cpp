// Normalization of each section of text between added tokens (tokenizer.json's normalizer).
#include "core/formats/tokenizer/pipeline.h"

namespace tiertune::formats::tokenizer::detail {

std::string replaceAll(std::string_view text, std::string_view pattern, std::string_view content) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t found = text.find(pattern, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos));
    out.append(content);
    pos = found + pattern.size();
  }
  out.append(text.substr(pos));
  return out;
}

std::string normalize(const Normalizer& normalizer, std::string text) {
  switch (normalizer.kind) {
    case Normalizer::Kind::Sequence:
      for (const Normalizer& child : normalizer.children) text = normalize(child, std::move(text));
      return text;
    case Normalizer::Kind::Unicode:
      return unicode::normalize(text, normalizer.form);
    case Normalizer::Kind::Prepend:
      return normalizer.text + text;
    case Normalizer::Kind::Replace:
      return replaceAll(text, normalizer.text, normalizer.content);
    case Normalizer::Kind::Lowercase:
      return unicode::toLower(text);
    case Normalizer::Kind::StripAccents:
      return unicode::removeMarks(text);
    case Normalizer::Kind::Strip: {
      std::string_view view = text;
      if (normalizer.left) view = unicode::trimStart(view);
      if (normalizer.right) view = unicode::trimEnd(view);
      return std::string(view);
    }
  }
  return text;
}

}  // namespace tiertune::formats::tokenizer::detail
