#include "app/gui/WizardHeader.h"

#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QWizard>
#include <QWizardPage>

namespace tiertune::gui {

namespace {

// The header's subtitle: QWizard's own label showing the current page's subtitle (not one of the
// page's labels, which are inside the page).
QLabel* subTitleLabel(QWizard* wizard) {
  const QWizardPage* page = wizard->currentPage();
  if (page == nullptr || page->subTitle().isEmpty()) return nullptr;
  for (QLabel* label : wizard->findChildren<QLabel*>()) {
    if (label->wordWrap() && label->text() == page->subTitle() && !page->isAncestorOf(label)) return label;
  }
  return nullptr;
}

void fitSubTitle(QWizard* wizard) {
  QLabel* label = subTitleLabel(wizard);
  if (label == nullptr || label->width() <= 0) return;
  const int needed = label->heightForWidth(label->width());
  if (needed > 0 && needed != label->minimumHeight()) label->setMinimumHeight(needed);
}

// Fits the subtitle once the wizard has laid out the page or its new size (a posted call: the
// label's width is final only after the layout ran).
class SubTitleFitter : public QObject {
 public:
  explicit SubTitleFitter(QWizard* wizard) : QObject(wizard), wizard_(wizard) {
    wizard->installEventFilter(this);
    connect(wizard, &QWizard::currentIdChanged, this, [this] { fitLater(); });
  }

  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == wizard_ && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) fitLater();
    return false;
  }

 private:
  // The fitter is the wizard's child: a call still posted when the wizard goes is dropped with it.
  void fitLater() {
    QTimer::singleShot(0, this, [this] { fitSubTitle(wizard_); });
  }

  QWizard* wizard_;
};

}  // namespace

void keepSubTitleWhole(QWizard* wizard) { new SubTitleFitter(wizard); }

}  // namespace tiertune::gui
