// A centred icon, title and explanation shown where a list has nothing yet (or the catalog cannot
// be opened), telling a newcomer what the page is for and what to do first.
#pragma once

#include <QWidget>

class QLabel;

namespace tiertune::gui {

class EmptyState : public QWidget {
  Q_OBJECT

 public:
  EmptyState(const QString& iconPath, const QString& title, const QString& text,
             QWidget* parent = nullptr);
  void setText(const QString& title, const QString& text);
  // "The catalog could not be opened", why (AppContext::catalogError) and what to do.
  void setCatalogNotOpened(const QString& catalogError);
  QString title() const;
  QString text() const;

 private:
  QLabel* title_;
  QLabel* text_;
};

}  // namespace tiertune::gui
