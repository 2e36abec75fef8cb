#include "app/gui/pages/CachedModelsPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>
#include <set>

#include "app/gui/AppContext.h"
#include "app/gui/NumberText.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {
namespace {

// The same folder however it is written (a link, a trailing slash): the catalog keeps what was added.
std::string sameFolderKey(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

}  // namespace

CachedModelsPanel::CachedModelsPanel(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      heading_(new QLabel(tr("On this computer"))),
      table_(new QTableWidget(0, 3)),
      add_(new QPushButton(tr("Add to catalog"))) {
  setObjectName(QStringLiteral("cachedModelsPanel"));
  table_->setObjectName(QStringLiteral("cachedModels"));
  add_->setObjectName(QStringLiteral("addCachedModel"));
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  auto* help = new QLabel(tr("Downloaded models found in the Hugging Face cache (%1) that are not in the catalog yet.")
                              .arg(QString::fromStdString(hub::hubCacheFolder().string())));
  help->setTextFormat(Qt::PlainText);  // a folder name is never markup
  help->setWordWrap(true);
  table_->setHorizontalHeaderLabels({tr("Model"), tr("Version"), tr("Weights")});
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->setMaximumHeight(160);
  auto* row = new QHBoxLayout;
  row->addWidget(help, 1);
  row->addWidget(add_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 8, 0, 0);
  layout->addWidget(heading_);
  layout->addLayout(row);
  layout->addWidget(table_);
  connect(add_, &QPushButton::clicked, this, [this] {
    const int selected = table_->currentRow();
    if (selected < 0 || static_cast<std::size_t>(selected) >= shown_.size()) return;
    const hub::CachedModel& model = shown_[static_cast<std::size_t>(selected)];
    emit addRequested(QString::fromStdString(model.folder.string()), QString::fromStdString(model.repoId));
  });
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] { add_->setEnabled(table_->currentRow() >= 0); });
  connect(&context_, &AppContext::catalogChanged, this, &CachedModelsPanel::refresh);
  refresh();
}

void CachedModelsPanel::refresh() {
  std::set<std::string> inCatalog;
  if (catalog::Catalog* catalog = context_.catalog()) {
    try {
      for (const auto& model : catalog->models()) inCatalog.insert(sameFolderKey(model.path));
    } catch (const std::exception&) {
      // The page's own list says what is wrong with the catalog.
    }
  }
  shown_.clear();
  for (hub::CachedModel& model : hub::findCachedModels(hub::hubCacheFolder())) {
    if (!inCatalog.contains(sameFolderKey(model.folder.string()))) shown_.push_back(std::move(model));
  }
  table_->setRowCount(static_cast<int>(shown_.size()));
  for (int row = 0; row < static_cast<int>(shown_.size()); ++row) {
    const hub::CachedModel& model = shown_[static_cast<std::size_t>(row)];
    const QString version = model.refs.empty() ? QString::fromStdString(model.commit.substr(0, 12))
                                               : QString::fromStdString(model.refs.front());
    table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(model.repoId)));
    table_->setItem(row, 1, new QTableWidgetItem(version));
    table_->setItem(row, 2, new QTableWidgetItem(byteSizeText(model.bytes)));
    table_->item(row, 0)->setToolTip(QString::fromStdString(model.folder.string()));
  }
  add_->setEnabled(table_->currentRow() >= 0 && context_.catalog() != nullptr);
  setVisible(!shown_.empty());
}

QStringList CachedModelsPanel::listedModels() const {
  QStringList models;
  for (const hub::CachedModel& model : shown_) models << QString::fromStdString(model.repoId);
  return models;
}

}  // namespace tiertune::gui
