#include "core/util/words.h"

#include <algorithm>
#include <nlohmann/json.hpp>
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

Words::Words(Sentence sentence, std::vector<Words> places) : sentence_(true), places_(std::move(places)) {
  if (sentence.context == nullptr || sentence.english == nullptr)
    throw std::logic_error("Words: a sentence without text");
  context_ = sentence.context;
  source_ = sentence.english;
  const int highest = highestPlace(source_);
  if (highest != static_cast<int>(places_.size())) {
    throw std::logic_error("Words: \"" + source_ + "\" has " + std::to_string(highest) + " places but " +
                           std::to_string(places_.size()) + " values were given");
  }
}

std::string Words::english() const {
  if (!isSentence()) return verbatim_;
  std::vector<std::string> values;
  values.reserve(places_.size());
  for (const Words& place : places_) values.push_back(place.english());
  return fillPlaces(source_, values);
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

nlohmann::json wordsToJson(const Words& words) {
  if (!words.isSentence()) return words.verbatim();
  nlohmann::json places = nlohmann::json::array();
  for (const Words& place : words.places()) places.push_back(wordsToJson(place));
  return {{"context", words.context()}, {"source", words.source()}, {"places", std::move(places)}};
}

namespace {

constexpr int kMaxWordsDepth = 8;
constexpr std::size_t kMaxWordsText = 64 * 1024;

const std::string& boundedText(const nlohmann::json& value, const char* what) {
  if (!value.is_string()) throw Error(std::string("stored words: ") + what + " is not a text");
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() > kMaxWordsText) throw Error(std::string("stored words: ") + what + " is longer than 64 KiB");
  return text;
}

Words wordsFromJsonAt(const nlohmann::json& value, int depth) {
  if (depth > kMaxWordsDepth) throw Error("stored words: nested deeper than 8 levels");
  if (value.is_string()) return Words(boundedText(value, "a value"));
  if (!value.is_object() || !value.contains("context") || !value.contains("source") || !value.contains("places") ||
      !value["places"].is_array()) {
    throw Error("stored words: neither a text nor {context, source, places}");
  }
  const std::string& context = boundedText(value["context"], "the context");
  const std::string& source = boundedText(value["source"], "the source");
  std::vector<Words> places;
  for (const nlohmann::json& place : value["places"]) places.push_back(wordsFromJsonAt(place, depth + 1));
  if (highestPlace(source) != static_cast<int>(places.size())) {
    throw Error("stored words: the sentence's places and its values do not match");
  }
  return Words(Sentence{context.c_str(), source.c_str()}, std::move(places));  // copies both
}

}  // namespace

Words wordsFromJson(const nlohmann::json& value) { return wordsFromJsonAt(value, 0); }

std::optional<Words> storedWords(std::string_view jsonText) {
  try {
    return wordsFromJson(nlohmann::json::parse(jsonText));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Words wordsOf(const std::exception& error) {
  if (const auto* own = dynamic_cast<const Error*>(&error); own != nullptr && own->words() != nullptr)
    return *own->words();
  return Words(std::string(error.what()));
}

}  // namespace tiertune
