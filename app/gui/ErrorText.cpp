#include "app/gui/ErrorText.h"

#include <QCoreApplication>
#include <string>
#include <vector>

namespace tiertune::gui {

QString translatedWords(const Words& words) {
  if (!words.isSentence()) return QString::fromStdString(words.verbatim());
  const std::string translated =
      QCoreApplication::translate(words.context().c_str(), words.source().c_str()).toStdString();
  std::vector<std::string> values;
  values.reserve(words.places().size());
  for (const Words& place : words.places()) values.push_back(translatedWords(place).toStdString());
  // Core's one-pass filling, so that a value holding "%1" (a file name can) is never filled again.
  return QString::fromStdString(fillPlaces(translated, values));
}

QString errorText(const std::exception& error) { return translatedWords(wordsOf(error)); }

QString failureText(const std::string& english, const std::optional<Words>& words) {
  return words ? translatedWords(*words) : QString::fromStdString(english);
}

}  // namespace tiertune::gui
