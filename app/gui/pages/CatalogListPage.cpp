#include "app/gui/pages/CatalogListPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/TabOrder.h"
#include "app/gui/pages/EmptyState.h"
#include "app/gui/pages/PageHeading.h"
#include "core/util/error.h"

namespace tiertune::gui {
namespace {
enum StackIndex { kTable = 0, kEmpty = 1, kError = 2 };
}

CatalogListPage::CatalogListPage(AppContext& context, const Texts& texts, QWidget* parent)
    : QWidget(parent),
      context_(context),
      layout_(new QVBoxLayout(this)),
      stack_(new QStackedWidget),
      table_(new QTableWidget),
      empty_(new EmptyState(texts.emptyIcon, texts.emptyTitle, texts.emptyText)),
      error_(new EmptyState(texts.emptyIcon, tr("The catalog could not be opened"), {})) {
  QLabel* heading = pageHeading(texts.title);
  auto* subtitle = new QLabel(texts.subtitle);
  subtitle->setWordWrap(true);

  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->setSortingEnabled(true);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setAccessibleName(texts.title);

  stack_->insertWidget(kTable, table_);
  stack_->insertWidget(kEmpty, empty_);
  stack_->insertWidget(kError, error_);

  layout_->setContentsMargins(24, 18, 24, 18);
  layout_->addWidget(heading);
  layout_->addWidget(subtitle);
  layout_->addSpacing(8);
  layout_->addWidget(stack_, 1);

  connect(&context_, &AppContext::catalogChanged, this, &CatalogListPage::refresh);
}

void CatalogListPage::addActionRow(const QList<QWidget*>& buttons) {
  auto* row = new QHBoxLayout;
  for (QWidget* button : buttons) row->addWidget(button);
  row->addStretch(1);
  layout_->insertLayout(2, row);  // under the heading and subtitle, above the list
  setTabChain(QList<QWidget*>(buttons) << table_);
}

void CatalogListPage::addBelowList(QWidget* widget) { layout_->addWidget(widget); }

void CatalogListPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void CatalogListPage::refresh() {
  catalog::Catalog* catalog = context_.catalog();
  if (!catalog) {
    error_->setCatalogNotOpened(context_.catalogError());
    stack_->setCurrentIndex(kError);
    return;
  }
  std::vector<Row> records;
  try {
    records = rows(*catalog);
  } catch (const std::exception& e) {
    error_->setText(tr("The catalog could not be read"), errorText(e));
    stack_->setCurrentIndex(kError);
    return;
  }
  // The catalog changes often while a run trains (its metrics); these rows seldom do.
  if (records == shown_ && stack_->currentIndex() != kError && table_->columnCount() > 0) return;
  shown_ = records;
  table_->setSortingEnabled(false);  // filling a sorted table reorders rows under our feet
  table_->clear();
  const QStringList columns = headers();
  table_->setColumnCount(static_cast<int>(columns.size()));
  table_->setHorizontalHeaderLabels(columns);
  table_->setRowCount(static_cast<int>(records.size()));
  for (int row = 0; row < static_cast<int>(records.size()); ++row) {
    const Row& record = records[static_cast<std::size_t>(row)];
    for (int column = 0; column < record.cells.size() && column < columns.size(); ++column) {
      auto* item = new QTableWidgetItem(record.cells[column]);
      item->setData(Qt::UserRole, record.id);
      table_->setItem(row, column, item);
    }
  }
  table_->setSortingEnabled(true);
  table_->resizeColumnsToContents();
  stack_->setCurrentIndex(records.empty() ? kEmpty : kTable);
}

qint64 CatalogListPage::selectedId() const {
  const auto selected = table_->selectedItems();
  return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

int CatalogListPage::rowCount() const { return table_->rowCount(); }
bool CatalogListPage::showsEmptyState() const { return stack_->currentIndex() == kEmpty; }
bool CatalogListPage::showsError() const { return stack_->currentIndex() == kError; }

}  // namespace tiertune::gui
