// A page that lists one kind of catalog record in a sortable table, with an empty state that
// explains what belongs here and an error state when the catalog cannot be opened. ModelsPage,
// DatasetsPage and RunsPage supply only their columns and rows.
#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

class QStackedWidget;
class QTableWidget;
class QVBoxLayout;

namespace tiertune::catalog {
class Catalog;
}

namespace tiertune::gui {

class AppContext;
class EmptyState;

class CatalogListPage : public QWidget {
  Q_OBJECT

 public:
  int rowCount() const;
  bool showsEmptyState() const;
  bool showsError() const;
  QTableWidget* table() const { return table_; }
  EmptyState* emptyState() const { return empty_; }
  EmptyState* errorState() const { return error_; }
  // The catalog id of the selected row; 0 when nothing is selected.
  qint64 selectedId() const;

 public slots:
  void refresh();

 protected:
  struct Texts {
    QString title;        // page heading
    QString subtitle;     // one line under it
    QString emptyIcon;    // resource path
    QString emptyTitle;
    QString emptyText;
  };
  CatalogListPage(AppContext& context, const Texts& texts, QWidget* parent = nullptr);

  virtual QStringList headers() const = 0;
  // One record: its catalog id (kept on the row for actions) and the cells to show.
  struct Row {
    qint64 id = 0;
    QStringList cells;
    bool operator==(const Row&) const = default;
  };
  // The rows to show, in display order. May throw tiertune::Error.
  virtual std::vector<Row> rows(catalog::Catalog& catalog) const = 0;

  // A row of buttons between the heading and the list, left to right; Tab reaches them before
  // the list, as a reader meets them.
  void addActionRow(const QList<QWidget*>& buttons);
  // A widget under the list (the Models page's models found on this computer).
  void addBelowList(QWidget* widget);
  AppContext& context() const { return context_; }

  void showEvent(QShowEvent* event) override;

 private:
  AppContext& context_;
  QVBoxLayout* layout_;
  QStackedWidget* stack_;
  QTableWidget* table_;
  EmptyState* empty_;
  EmptyState* error_;
  std::vector<Row> shown_;  // what the table shows: an unchanged catalog leaves it (and its selection) alone
};

}  // namespace tiertune::gui
