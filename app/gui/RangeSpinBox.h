// Spin boxes that refuse out loud. A plain QSpinBox drops the keystroke that would leave its range
// (100 typed into 0–50 % reads 10, "-5" typed into 0–… reads 5) and puts the previous value back
// when an entry is left outside the range, both without a word. A RangeSpinBox keeps what was typed
// while it is edited; when the entry is left outside the range it puts the previous value back and
// its RangeNote, a line on the page, says what was refused, the range and the value kept. Used by
// the settings pages of the wizards.
#pragma once

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QValidator>
#include <utility>

namespace tiertune::gui {

// The line that says what a RangeSpinBox refused; hidden while there is nothing to say.
class RangeNote : public QLabel {
  Q_OBJECT

 public:
  explicit RangeNote(const char* objectName, QWidget* parent = nullptr);

  // `setting` is the name beside the box ("Learning rate:"); the bounds and the kept value as the
  // box writes them.
  // `byKey`: refused on Return, in the box, where the person reads it; else the focus left the box.
  void refuse(QAbstractSpinBox* box, const QString& setting, const QString& typed, const QString& lowest,
              const QString& highest, const QString& kept, bool byKey);
  // Says `text` about the box, for a change of its value that the page made (a limit lowered).
  void tell(QAbstractSpinBox* box, const QString& text);
  // The box is edited again: what was said about it no longer holds.
  void withdraw(const QAbstractSpinBox* box);
  // For validatePage: true once after a refusal that came from leaving the box (the click on Next
  // itself leaves it), so that the click does not carry the person past the refusal unseen.
  bool takeUnseenRefusal();

 private:
  QPointer<QAbstractSpinBox> about_;
  bool unseen_ = false;
};

// What a page needs of any RangeSpinBox, whatever its Box.
class RangeReporting {
 public:
  virtual ~RangeReporting() = default;
  virtual void reportTo(RangeNote* note, const QString& setting) = 0;
};

// Box is QSpinBox or QDoubleSpinBox (or a class derived from one).
template <class Box>
class RangeSpinBox : public Box, public RangeReporting {
 public:
  RangeSpinBox() {
    QObject::connect(this->lineEdit(), &QLineEdit::textEdited, this, [this](const QString& text) {
      const QString number = bare(text);
      refused_ = outOfRange(number) ? number : QString();
      if (note_) note_->withdraw(this);
    });
    // Emitted after the box has put the previous value back (Return, or the focus leaving).
    QObject::connect(this, &QAbstractSpinBox::editingFinished, this, [this] {
      if (refused_.isEmpty() || !note_) return;
      const QString typed = std::exchange(refused_, QString());
      note_->refuse(this, setting_, typed, shown(this->minimum()), shown(this->maximum()), this->text(), byKey_);
    });
  }

  void reportTo(RangeNote* note, const QString& setting) override {
    note_ = note;
    setting_ = setting;
  }

  // A number outside the range is Intermediate rather than Invalid, so that it stays in the box
  // until the entry is finished and can be refused with words; so is a lone sign.
  QValidator::State validate(QString& text, int& pos) const override {
    const QValidator::State state = Box::validate(text, pos);
    if (state != QValidator::Invalid) return state;
    const QString number = bare(text);
    const bool sign = number == this->locale().negativeSign() || number == this->locale().positiveSign();
    return sign || outOfRange(number) ? QValidator::Intermediate : QValidator::Invalid;
  }

 protected:
  // Return on an entry that is refused stays in the box, so that the refusal is read before the
  // dialog's default button (a wizard's Next) goes on.
  void keyPressEvent(QKeyEvent* event) override {
    const bool refusing = !refused_.isEmpty() && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter);
    byKey_ = refusing;
    Box::keyPressEvent(event);
    byKey_ = false;
    if (refusing) event->accept();
  }

 private:
  QString bare(QString text) const {
    if (text.startsWith(this->prefix())) text.remove(0, this->prefix().size());
    if (text.endsWith(this->suffix())) text.chop(this->suffix().size());
    return text.trimmed();
  }
  bool outOfRange(const QString& number) const {
    bool ok = false;
    const double value = this->locale().toDouble(QString(number).remove(this->locale().groupSeparator()), &ok);
    return ok && (value < this->minimum() || value > this->maximum());
  }
  using Value = decltype(std::declval<const Box&>().minimum());  // int or double
  QString shown(Value value) const { return this->prefix() + this->textFromValue(value) + this->suffix(); }

  QPointer<RangeNote> note_;
  QString setting_;
  QString refused_;  // the number typed outside the range, until the entry is finished
  bool byKey_ = false;  // the entry is being finished with Return
};

}  // namespace tiertune::gui
