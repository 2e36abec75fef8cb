#include "app/gui/TabOrder.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLayout>
#include <QPointer>
#include <QWidget>

namespace tiertune::gui {

void setTabChain(const QList<QWidget*>& chain) {
  QWidget* previous = nullptr;
  for (QWidget* widget : chain) {
    if (!widget) continue;
    if (previous) QWidget::setTabOrder(previous, widget);
    previous = widget;
  }
}

namespace {

class ButtonOrderOnShow : public QObject {
 public:
  ButtonOrderOnShow(QWidget* before, QDialogButtonBox* box) : QObject(box), before_(before), box_(box) {
    box->installEventFilter(this);
  }

  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == box_ && event->type() == QEvent::Show) {
      // The box's layout holds its buttons in the platform's order (QStyle::SH_DialogButtonLayout).
      QList<QWidget*> chain{before_};
      const QLayout* layout = box_->layout();
      for (int i = 0; layout && i < layout->count(); ++i) {
        if (QWidget* widget = layout->itemAt(i)->widget()) chain << widget;
      }
      setTabChain(chain);
    }
    return false;
  }

 private:
  QPointer<QWidget> before_;
  QDialogButtonBox* box_;
};

}  // namespace

void tabToButtonsAsShown(QWidget* before, QDialogButtonBox* box) { new ButtonOrderOnShow(before, box); }

void keepFocusOn(QWidget* page, const QWidget* going) {
  if (going->hasFocus()) page->setFocus(Qt::OtherFocusReason);
}

}  // namespace tiertune::gui
