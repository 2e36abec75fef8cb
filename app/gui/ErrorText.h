// Errors in the words of the window's language: core's Words (core/util/words.h) translated, each
// place filled with its value (verbatim, or an inner sentence translated in turn); an exception
// without Words shows its what() as it is.
#pragma once

#include <QString>
#include <exception>

#include "core/util/words.h"

namespace tiertune::gui {

QString translatedWords(const Words& words);
QString errorText(const std::exception& error);

}  // namespace tiertune::gui
