#include "app/gui/WizardHelp.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMessageBox>
#include <QShortcut>
#include <QWizard>
#include <QWizardPage>

#include "app/gui/TabOrder.h"
#include "app/gui/help/HelpGuide.h"
#include <QPushButton>

namespace tiertune::gui {

namespace {

void showCurrentPageHelp(QWizard* wizard) {
  const QWizardPage* page = wizard->currentPage();
  if (!page) return;
  QMessageBox box(QMessageBox::Information,
                  QCoreApplication::translate("WizardHelp", "Help: %1").arg(page->title()),
                  pageHelp(page), QMessageBox::Ok, wizard);
  box.setObjectName(QStringLiteral("wizardHelp"));
  QPushButton* guide = box.addButton(QCoreApplication::translate("WizardHelp", "Open the guide"), QMessageBox::HelpRole);
  guide->setObjectName(QStringLiteral("openGuide"));
  box.exec();
  if (box.clickedButton() == guide) openHelpGuide(wizard, helpTopicOf(page));
}

}  // namespace

void setPageHelp(QWizardPage* page, const QString& text) { page->setWhatsThis(text); }

void setPageHelpTopic(QWizardPage* page, HelpTopic topic) { page->setProperty("tiertuneHelpTopic", static_cast<int>(topic)); }

HelpTopic helpTopicOf(const QWizardPage* page) {
  const QVariant topic = page->property("tiertuneHelpTopic");
  return topic.isValid() ? static_cast<HelpTopic>(topic.toInt()) : HelpTopic::FirstHour;
}

QString pageHelp(const QWizardPage* page) { return page->whatsThis(); }

void enablePageHelp(QWizard* wizard) {
  wizard->setOption(QWizard::HaveHelpButton);
  // The Help button sits at the left of the button row, but QWizard puts it last in the Tab order
  // (and moves the buttons again when it lays them out): each time a page is shown, put the row in
  // reading order, Help first.
  QObject::connect(wizard, &QWizard::currentIdChanged, wizard, [wizard] {
    setTabChain({wizard->button(QWizard::HelpButton), wizard->button(QWizard::BackButton),
                 wizard->button(QWizard::NextButton), wizard->button(QWizard::CommitButton),
                 wizard->button(QWizard::FinishButton), wizard->button(QWizard::CancelButton)});
  });
  QObject::connect(wizard, &QWizard::helpRequested, wizard, [wizard] { showCurrentPageHelp(wizard); });
  auto* shortcut = new QShortcut(QKeySequence::HelpContents, wizard);
  QObject::connect(shortcut, &QShortcut::activated, wizard, [wizard] { showCurrentPageHelp(wizard); });
}

}  // namespace tiertune::gui
