// Words for a person, built where there is no Qt: an English sentence with numbered places (%1 to
// %9) and what goes in each place. tiertune::Error carries them: its what() is their English (the
// command line prints it), and the window shows them translated (app/gui/ErrorText.h) with the
// same places filled by the translated or verbatim values.
//
// A sentence is marked where it is written, with TIERTUNE_WORDS("context", "English %1."): the
// build runs lupdate with TIERTUNE_WORDS as another spelling of QT_TRANSLATE_NOOP, so each marked
// sentence lands in translations/*.ts under its context, and translations_complete fails until it
// is translated. A place holds either verbatim text (a path, a number, a field's name, a reason the
// system gave) or other Words (an inner error's sentence), which are then translated too.
//
// Words keep their own copies of the sentence, so that Words read back from JSON (a run's failure
// kept in the catalog, wordsFromJson) are translated like fresh ones.
#pragma once

#include <exception>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The marker lupdate reads (see above); the two literals are kept as they are written.
#define TIERTUNE_WORDS(context, english) (::tiertune::Sentence{context, english})

namespace tiertune {

// A marked sentence: its translation context and its English with places %1 to %9.
struct Sentence {
  const char* context;
  const char* english;
};

class Words {
 public:
  // Verbatim text, shown as it is in every language.
  Words(std::string verbatim) : verbatim_(std::move(verbatim)) {}  // NOLINT: implicit by design
  Words(const char* verbatim) : verbatim_(verbatim) {}             // NOLINT: implicit by design
  Words(std::string_view verbatim) : verbatim_(verbatim) {}        // NOLINT: implicit by design
  // A sentence and what fills its places, in the order of their numbers. Throws std::logic_error
  // when the sentence's places and the values given do not match (a mistake in the code).
  Words(Sentence sentence, std::vector<Words> places);

  bool isSentence() const { return sentence_; }
  // The translation context and the English source with its places (empty for verbatim text).
  const std::string& context() const { return context_; }
  const std::string& source() const { return source_; }
  const std::vector<Words>& places() const { return places_; }
  const std::string& verbatim() const { return verbatim_; }

  // The English text, places filled.
  std::string english() const;

 private:
  bool sentence_ = false;
  std::string context_, source_;
  std::vector<Words> places_;
  std::string verbatim_;
};

// text with every %N (N from 1 to values.size(), at most 9) replaced by values[N-1], in one pass:
// a value that holds "%1" itself stays as it is. A % followed by anything else stays.
std::string fillPlaces(std::string_view text, std::span<const std::string> values);

// The highest place number a sentence uses (0 when none): a sentence and its translations must
// use the same places.
int highestPlace(std::string_view text);

// The English of each, in order (for the command line and JSON reports).
std::vector<std::string> englishOf(std::span<const Words> list);

// As JSON and back: {"context", "source", "places": [...]} for a sentence, a string for verbatim
// text. wordsFromJson throws tiertune::Error on anything else, on more than 8 levels of nesting,
// and on a text longer than 64 KiB (the JSON may come from a damaged catalog).
nlohmann::json wordsToJson(const Words& words);
Words wordsFromJson(const nlohmann::json& value);
// Words kept as JSON text, or none when the text does not read as Words: for stored values that are
// only a help (the English is kept beside them).
std::optional<Words> storedWords(std::string_view jsonText);

// The Words of any exception: a tiertune::Error's own, or its what() as verbatim text.
Words wordsOf(const std::exception& error);

}  // namespace tiertune
