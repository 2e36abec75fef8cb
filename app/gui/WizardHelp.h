// Contextual help in the wizards: each page carries a few sentences on what it asks, what the
// choices mean and what to do when it refuses to go on; the wizard's Help button (and F1) shows
// the help of the page on show. The text is also the page's What's This, for Shift+F1.
// Used by the New fine-tune and Import dataset wizards.
#pragma once

#include <QString>

#include "app/gui/help/HelpGuide.h"

class QWizard;
class QWizardPage;

namespace tiertune::gui {

void setPageHelp(QWizardPage* page, const QString& text);
QString pageHelp(const QWizardPage* page);
// The guide's topic the page's help box offers ("Open the guide"); the first hour unless set.
void setPageHelpTopic(QWizardPage* page, HelpTopic topic);
HelpTopic helpTopicOf(const QWizardPage* page);
// Shows the Help button and makes it (and F1) open the current page's help.
void enablePageHelp(QWizard* wizard);

}  // namespace tiertune::gui
