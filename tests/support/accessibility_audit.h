// What a screen reader and a keyboard user meet in a window: every visible control (buttons, text
// fields, lists, spin boxes, ...) must have a name that assistive technology reads (Qt's own
// accessible interface decides: a button's text, a form label that is the field's buddy, or an
// accessible name set in code) and must take focus with Tab. The audit lists the offenders by
// class and object name, so that a failing test says exactly which control to fix.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>

namespace tiertune::test {

inline bool isControl(const QWidget* widget) {
  if (qobject_cast<const QScrollBar*>(widget)) return false;  // part of a scroll area, named by it
  return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLineEdit*>(widget) ||
         qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
         qobject_cast<const QAbstractSlider*>(widget) || qobject_cast<const QAbstractItemView*>(widget) ||
         qobject_cast<const QTextEdit*>(widget) || qobject_cast<const QPlainTextEdit*>(widget);
}

// A control inside another control (a spin box's line edit, a table's corner button, a combo
// box's list) is reached and named through its owner.
inline bool isPartOfAnotherControl(const QWidget* widget, const QWidget* root) {
  for (const QWidget* parent = widget->parentWidget(); parent && parent != root; parent = parent->parentWidget()) {
    if (isControl(parent)) return true;
    if (parent->isWindow()) return true;  // a popup of its own
  }
  return false;
}

inline QString describe(const QWidget* widget) {
  QString text = QString::fromLatin1(widget->metaObject()->className());
  if (!widget->objectName().isEmpty()) text += QLatin1Char('#') + widget->objectName();
  if (const auto* button = qobject_cast<const QAbstractButton*>(widget); button && !button->text().isEmpty()) {
    text += QStringLiteral(" \"%1\"").arg(button->text());
  }
  if (const auto* edit = qobject_cast<const QLineEdit*>(widget); edit && !edit->placeholderText().isEmpty()) {
    text += QStringLiteral(" (placeholder \"%1\")").arg(edit->placeholderText());
  }
  return text;
}

inline QList<QWidget*> visibleControls(QWidget* root) {
  QList<QWidget*> controls;
  for (QWidget* widget : root->findChildren<QWidget*>()) {
    if (isControl(widget) && widget->isVisibleTo(root) && !isPartOfAnotherControl(widget, root)) controls << widget;
  }
  return controls;
}

// Controls whose accessible name is empty.
inline QStringList unnamedControls(QWidget* root) {
  QStringList offenders;
  for (QWidget* widget : visibleControls(root)) {
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
    if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) offenders << describe(widget);
  }
  return offenders;
}

// Enabled controls that Tab never reaches.
inline QStringList unreachableControls(QWidget* root) {
  QStringList offenders;
  for (QWidget* widget : visibleControls(root)) {
    if (widget->isEnabledTo(root) && !(widget->focusPolicy() & Qt::TabFocus)) offenders << describe(widget);
  }
  return offenders;
}

}  // namespace tiertune::test
