// Helpers for GUI tests that drive real widgets: answer the message box a click opens, and save
// what a widget shows as a PNG when TIERTUNE_GUI_SNAPSHOTS names a folder (to look at by eye).
#pragma once

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

namespace tiertune::test {

// Answers the next message box that offers button (Yes, Ok, ...) as soon as it shows; its text
// and informative text go to *text when given.
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString* text = nullptr) {
  QTimer::singleShot(0, [button, text] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box || !box->isVisible() || !box->button(button)) {
      answerNextMessageBox(button, text);  // not shown yet: try again on the next turn
      return;
    }
    if (text) *text = box->text() + QLatin1Char('\n') + box->informativeText();
    box->button(button)->click();
  });
}

inline void snapshot(QWidget* widget, const QString& name) {
  const QString folder = qEnvironmentVariable("TIERTUNE_GUI_SNAPSHOTS");
  if (folder.isEmpty()) return;
  QDir().mkpath(folder);
  widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

}  // namespace tiertune::test
