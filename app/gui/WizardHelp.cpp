#include "app/gui/WizardHelp.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMessageBox>
#include <QShortcut>
#include <QWizard>
#include <QWizardPage>

namespace tiertune::gui {

namespace {

void showCurrentPageHelp(QWizard* wizard) {
  const QWizardPage* page = wizard->currentPage();
  if (!page) return;
  QMessageBox box(QMessageBox::Information,
                  QCoreApplication::translate("WizardHelp", "Help: %1").arg(page->title()),
                  pageHelp(page), QMessageBox::Ok, wizard);
  box.setObjectName(QStringLiteral("wizardHelp"));
  box.exec();
}

}  // namespace

void setPageHelp(QWizardPage* page, const QString& text) { page->setWhatsThis(text); }

QString pageHelp(const QWizardPage* page) { return page->whatsThis(); }

void enablePageHelp(QWizard* wizard) {
  wizard->setOption(QWizard::HaveHelpButton);
  // The Help button sits at the left of the button row, but QWizard puts it last in the Tab order
  // (and moves the buttons again when it lays them out): each time a page is shown, put the row in
  // reading order, Help first.
  QObject::connect(wizard, &QWizard::currentIdChanged, wizard, [wizard] {
    QWidget* previous = nullptr;
    for (const QWizard::WizardButton which : {QWizard::HelpButton, QWizard::BackButton, QWizard::NextButton,
                                              QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton}) {
      QWidget* button = wizard->button(which);
      if (previous) QWidget::setTabOrder(previous, button);
      previous = button;
    }
  });
  QObject::connect(wizard, &QWizard::helpRequested, wizard, [wizard] { showCurrentPageHelp(wizard); });
  auto* shortcut = new QShortcut(QKeySequence::HelpContents, wizard);
  QObject::connect(shortcut, &QShortcut::activated, wizard, [wizard] { showCurrentPageHelp(wizard); });
}

}  // namespace tiertune::gui
