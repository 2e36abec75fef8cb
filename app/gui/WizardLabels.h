// The labels the wizards' pages share: word-wrapped text, and a line that names what stops the
// page from going on, hidden while there is nothing to say. Used by the New fine-tune and Import
// dataset wizards' pages.
#pragma once

#include <QString>

class QLabel;

namespace tiertune::gui {

// A word-wrapped label, with an object name when one is given (the tests find labels by it).
QLabel* wrappedLabel(const char* objectName = nullptr);
// A word-wrapped label in the colour of problems, hidden until showError gives it a text.
QLabel* errorLabel(const char* objectName);
// Says text on label, or hides it when text is empty.
void showError(QLabel* label, const QString& text);
// text, then sentence after it as the language writes one sentence after another: a space between
// them in English or Korean, none in Japanese or Chinese. Either may be empty.
QString nextSentence(const QString& text, const QString& sentence);

}  // namespace tiertune::gui
