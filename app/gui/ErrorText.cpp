#include "app/gui/ErrorText.h"

#include <QCoreApplication>
#include <string>
#include <vector>

namespace tiertune::gui {

QString translatedWords(const Words& words) {
  if (!words.isSentence()) return QString::fromStdString(words.verbatim());
  const Sentence& sentence = words.sentence();
  const std::string translated = QCoreApplication::translate(sentence.context, sentence.english).toStdString();
  std::vector<std::string> values;
  values.reserve(words.places().size());
  for (const Words& place : words.places()) values.push_back(translatedWords(place).toStdString());
  // Core's one-pass filling, so that a value holding "%1" (a file name can) is never filled again.
  return QString::fromStdString(fillPlaces(translated, values));
}

QString errorText(const std::exception& error) { return translatedWords(wordsOf(error)); }

}  // namespace tiertune::gui
