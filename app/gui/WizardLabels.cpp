#include "app/gui/WizardLabels.h"

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

}  // namespace tiertune::gui
