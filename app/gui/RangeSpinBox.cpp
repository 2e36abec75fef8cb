#include "app/gui/RangeSpinBox.h"

#include "app/gui/Appearance.h"

namespace tiertune::gui {

RangeNote::RangeNote(const char* objectName, QWidget* parent) : QLabel(parent) {
  setObjectName(QString::fromLatin1(objectName));
  setWordWrap(true);
  showAsProblem(this);
  hide();
}

void RangeNote::refuse(QAbstractSpinBox* box, const QString& setting, const QString& typed, const QString& lowest,
                       const QString& highest, const QString& kept, bool byKey) {
  tell(box, tr("%1 %2 is not accepted; it must be between %3 and %4, so it stays %5.")
                .arg(setting, typed, lowest, highest, kept));
  unseen_ = !byKey;
}

void RangeNote::tell(QAbstractSpinBox* box, const QString& text) {
  about_ = box;
  unseen_ = false;
  setText(text);
  show();
}

void RangeNote::withdraw(const QAbstractSpinBox* box) {
  if (about_ != box) return;
  about_.clear();
  unseen_ = false;
  clear();
  hide();
}

bool RangeNote::takeUnseenRefusal() { return std::exchange(unseen_, false); }

}  // namespace tiertune::gui
