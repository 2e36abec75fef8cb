// What a screen reader and a keyboard user meet in a window: every visible control (buttons, text
// fields, lists, spin boxes, ...) must have a name that assistive technology reads (Qt's own
// accessible interface decides: a button's text, a form label that is the field's buddy, or an
// accessible name set in code), must take focus with Tab, and Tab must visit the controls in
// reading order. Pictures that carry information (progress bars, charts, our painted widgets)
// need a name too, since a screen reader cannot read pixels. The audit lists the offenders by
// class and object name, so that a failing test says exactly which control to fix.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QButtonGroup>
#include <QComboBox>
#include <QGraphicsView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QScrollBar>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>
#include <algorithm>
#include <cstdlib>

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

// A group of exclusive radio buttons is one stop for Tab, and the arrow keys move within it: once
// one of them has had the focus, Qt takes the others out of the Tab chain. Such a button is reached
// when another of its group is.
inline bool reachedThroughItsGroup(const QWidget* widget) {
  const auto* radio = qobject_cast<const QRadioButton*>(widget);
  if (!radio) return false;
  QList<QAbstractButton*> group;
  if (radio->group() && radio->group()->exclusive()) {
    group = radio->group()->buttons();
  } else if (radio->autoExclusive() && radio->parentWidget()) {
    group = radio->parentWidget()->findChildren<QAbstractButton*>(QString(), Qt::FindDirectChildrenOnly);
  }
  return std::any_of(group.begin(), group.end(), [radio](const QAbstractButton* other) {
    return other != radio && qobject_cast<const QRadioButton*>(other) && other->isEnabled() &&
           (other->focusPolicy() & Qt::TabFocus);
  });
}

// Enabled controls that Tab never reaches.
inline QStringList unreachableControls(QWidget* root) {
  QStringList offenders;
  for (QWidget* widget : visibleControls(root)) {
    if (widget->isEnabledTo(root) && !(widget->focusPolicy() & Qt::TabFocus) && !reachedThroughItsGroup(widget)) {
      offenders << describe(widget);
    }
  }
  return offenders;
}

// Widgets that show information only as a drawing: progress bars, charts, and our own widgets
// that paint themselves (a class of ours with no child widgets, such as the memory plan's bars).
inline bool isPicture(const QWidget* widget) {
  if (qobject_cast<const QProgressBar*>(widget) || qobject_cast<const QGraphicsView*>(widget)) return true;
  const bool ours = QByteArray(widget->metaObject()->className()).startsWith("tiertune::");
  return ours && widget->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly).isEmpty();
}

// Pictures whose accessible name is empty.
inline QStringList unnamedPictures(QWidget* root) {
  QStringList offenders;
  for (QWidget* widget : root->findChildren<QWidget*>()) {
    if (!isPicture(widget) || !widget->isVisibleTo(root) || isPartOfAnotherControl(widget, root)) continue;
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
    if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) offenders << describe(widget);
  }
  return offenders;
}

// Where a control sits on the screen, to compare the Tab order with the reading order. A control
// scrolled out of sight counts as at the edge of its scroll area, where a reader finds it.
inline QRect screenRect(const QWidget* widget) {
  QRect rect(widget->mapToGlobal(QPoint(0, 0)), widget->size());
  for (const QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
    const auto* area = qobject_cast<const QAbstractScrollArea*>(parent->parentWidget());
    if (!area || area->viewport() != parent) continue;
    const QRect view(parent->mapToGlobal(QPoint(0, 0)), parent->size());
    rect.moveTopLeft(QPoint(std::clamp(rect.left(), view.left(), view.right()), std::clamp(rect.top(), view.top(), view.bottom())));
  }
  return rect;
}

// Steps of the Tab order that go against the reading order (top to bottom, and left to right
// within a row): from a control to one that lies higher up without being in a column further
// right, or to one on its left in the same row. Tab goes round in a circle, so one step back (from
// the last control to the first) is right wherever the circle starts; more than one is not, and
// then all are listed. Call it on a shown window.
inline QStringList tabOrderAgainstReading(QWidget* root) {
  QList<QWidget*> reachable;
  for (QWidget* widget : visibleControls(root)) {
    if (widget->isEnabledTo(root) && (widget->focusPolicy() & Qt::TabFocus)) reachable << widget;
  }
  QList<QWidget*> order;
  for (QWidget* widget = root->nextInFocusChain(); widget && widget != root; widget = widget->nextInFocusChain()) {
    if (reachable.contains(widget) && !order.contains(widget)) order << widget;
  }
  if (order.size() < 2) return {};
  constexpr int kSameRow = 8;  // pixels: controls of one row are aligned, give or take a frame
  const auto at = [](const QRect& r) { return QStringLiteral(" at (%1, %2)").arg(r.left()).arg(r.top()); };
  QStringList backwards;
  for (qsizetype i = 0; i < order.size(); ++i) {
    const QWidget* fromWidget = order[i];
    const QWidget* toWidget = order[(i + 1) % order.size()];
    const QRect from = screenRect(fromWidget), to = screenRect(toWidget);
    const bool higher = to.top() < from.top() - kSameRow;
    const bool furtherRight = to.left() >= from.right();
    const bool sameRowToTheLeft = !higher && std::abs(to.top() - from.top()) <= kSameRow && to.right() <= from.left();
    if ((higher && !furtherRight) || sameRowToTheLeft) {
      backwards << describe(fromWidget) + at(from) + QStringLiteral(" \u2192 ") + describe(toWidget) + at(to);
    }
  }
  return backwards.size() > 1 ? backwards : QStringList();
}

// Everything the audit finds in root, as lines a failing test prints; empty when nothing.
inline QString accessibilityProblems(QWidget* root, const QString& where) {
  QString text;
  const auto add = [&text](const QString& what, const QStringList& offenders) {
    if (!offenders.isEmpty()) text += QStringLiteral("\n  ") + what + QStringLiteral(": ") + offenders.join(QStringLiteral(", "));
  };
  add(QStringLiteral("without an accessible name"), unnamedControls(root));
  add(QStringLiteral("not reachable with Tab"), unreachableControls(root));
  add(QStringLiteral("pictures without an accessible name"), unnamedPictures(root));
  add(QStringLiteral("Tab order against the reading order"), tabOrderAgainstReading(root));
  return text.isEmpty() ? QString() : where + QLatin1Char(':') + text;
}

}  // namespace tiertune::test
