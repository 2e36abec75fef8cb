#include "app/gui/TabOrder.h"

#include <QDialogButtonBox>
#include <QLayout>
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

QList<QWidget*> buttonsAsShown(const QDialogButtonBox* box) {
  // The box's layout holds its buttons in the platform's order (QStyle::SH_DialogButtonLayout).
  QList<QWidget*> buttons;
  const QLayout* layout = box->layout();
  for (int i = 0; layout && i < layout->count(); ++i) {
    if (QWidget* widget = layout->itemAt(i)->widget()) buttons << widget;
  }
  return buttons;
}

}  // namespace tiertune::gui
