#include "app/gui/WizardLabels.h"

#include <QCoreApplication>
#include <QLabel>

#include "app/gui/Appearance.h"

namespace tiertune::gui {

QLabel* wrappedLabel(const char* objectName) {
  auto* label = new QLabel;
  label->setWordWrap(true);
  if (objectName) label->setObjectName(QString::fromLatin1(objectName));
  return label;
}

QLabel* errorLabel(const char* objectName) {
  QLabel* label = wrappedLabel(objectName);
  showAsProblem(label);
  label->hide();
  return label;
}

void showError(QLabel* label, const QString& text) {
  label->setText(text);
  label->setVisible(!text.isEmpty());
}

QString nextSentence(const QString& text, const QString& sentence) {
  if (text.isEmpty()) return sentence;
  if (sentence.isEmpty()) return text;
  return QCoreApplication::translate("WizardLabels", "%1 %2", "a sentence, then the next one").arg(text, sentence);
}

}  // namespace tiertune::gui
