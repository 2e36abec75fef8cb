#include "core/util/words.h"

#include <algorithm>
#include <stdexcept>

#include "core/util/error.h"

namespace tiertune {

namespace {

// The place number at text[i] ('%' then a digit 1-9), 0 when there is none.
int placeAt(std::string_view text, std::size_t i) {
  if (text[i] != '%' || i + 1 >= text.size()) return 0;
  const char digit = text[i + 1];
  return digit >= '1' && digit <= '9' ? digit - '0' : 0;
}

}  // namespace

Words::Words(Sentence sentence, std::vector<Words> places) : sentence_(sentence), places_(std::move(places)) {
  if (sentence.context == nullptr || sentence.english == nullptr)
    throw std::logic_error("Words: a sentence without text");
  const int highest = highestPlace(sentence.english);
  if (highest != static_cast<int>(places_.size())) {
    throw std::logic_error("Words: \"" + std::string(sentence.english) + "\" has " + std::to_string(highest) +
                           " places but " + std::to_string(places_.size()) + " values were given");
  }
}

std::string Words::english() const {
  if (!isSentence()) return verbatim_;
  std::vector<std::string> values;
  values.reserve(places_.size());
  for (const Words& place : places_) values.push_back(place.english());
  return fillPlaces(sentence_.english, values);
}

std::string fillPlaces(std::string_view text, std::span<const std::string> values) {
  std::string filled;
  filled.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int place = placeAt(text, i);
    if (place > 0 && static_cast<std::size_t>(place) <= values.size()) {
      filled += values[static_cast<std::size_t>(place) - 1];
      ++i;
    } else {
      filled += text[i];
    }
  }
  return filled;
}

int highestPlace(std::string_view text) {
  int highest = 0;
  for (std::size_t i = 0; i < text.size(); ++i) highest = std::max(highest, placeAt(text, i));
  return highest;
}

std::vector<std::string> englishOf(std::span<const Words> list) {
  std::vector<std::string> english;
  english.reserve(list.size());
  for (const Words& words : list) english.push_back(words.english());
  return english;
}

Words wordsOf(const std::exception& error) {
  if (const auto* own = dynamic_cast<const Error*>(&error); own != nullptr && own->words() != nullptr)
    return *own->words();
  return Words(std::string(error.what()));
}

}  // namespace tiertune
