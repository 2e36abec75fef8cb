// Checks that the page a wizard shows has contextual help a person can reach: help text on the
// page (app/gui/WizardHelp.h), a visible Help button, and the help the button opens is that text.
#pragma once

#include <QAbstractButton>
#include <QMessageBox>
#include <QWizard>

#include "app/gui/WizardHelp.h"
#include "support/gui_helpers.h"

namespace tiertune::test {

// What is wrong with the current page's help; empty when nothing.
inline QString pageHelpProblem(QWizard* wizard) {
  const QString help = gui::pageHelp(wizard->currentPage());
  if (help.trimmed().isEmpty()) return QStringLiteral("the page has no help text");
  QAbstractButton* button = wizard->button(QWizard::HelpButton);
  if (!wizard->testOption(QWizard::HaveHelpButton) || !button->isVisible()) return QStringLiteral("no Help button");
  QString shown;
  answerNextMessageBox(QMessageBox::Ok, &shown);
  button->click();  // the box is answered from the event loop it runs
  if (!shown.contains(help)) return QStringLiteral("Help showed \"%1\", not the page's help").arg(shown);
  return {};
}

}  // namespace tiertune::test
