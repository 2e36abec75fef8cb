// Errors in the words of the window's language: core's Words (core/util/words.h) translated, each
// place filled with its value (verbatim, or an inner sentence translated in turn); an exception
// without Words shows its what() as it is.
#pragma once

#include <QString>
#include <exception>
#include <optional>
#include <string>

#include "core/util/words.h"

namespace tiertune::gui {

QString translatedWords(const Words& words);
QString errorText(const std::exception& error);
// Why a run failed, as the catalog keeps it: its words translated when it has them, else its English.
QString failureText(const std::string& english, const std::optional<Words>& words);

}  // namespace tiertune::gui
