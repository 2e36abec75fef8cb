#include "app/gui/pages/DatasetsPage.h"

#include <QLocale>

#include "core/catalog/catalog.h"

namespace tiertune::gui {

DatasetsPage::DatasetsPage(AppContext& context, QWidget* parent)
    : CatalogListPage(
          context,
          {.title = tr("Datasets"),
           .subtitle = tr("The examples your models learn from."),
           .emptyIcon = QStringLiteral(":/icons/datasets.svg"),
           .emptyTitle = tr("No datasets yet"),
           .emptyText = tr("A dataset is a file of examples: questions and answers, conversations "
                           "or documents, as JSONL, JSON, CSV or plain text. Imported datasets are "
                           "listed here with their format, rows and tokens; every row that "
                           "cannot be used is reported, never silently dropped.")},
          parent) {
  setObjectName(QStringLiteral("datasetsPage"));
}

QStringList DatasetsPage::headers() const {
  return {tr("Name"), tr("Format"), tr("Training rows"), tr("Validation rows"), tr("Tokens"),
          tr("Source"), tr("Imported")};
}

std::vector<CatalogListPage::Row> DatasetsPage::rows(catalog::Catalog& catalog) const {
  const QLocale locale;
  std::vector<Row> result;
  for (const auto& dataset : catalog.datasets()) {
    result.push_back({dataset.id, {QString::fromStdString(dataset.name), QString::fromStdString(dataset.format),
                      locale.toString(static_cast<qlonglong>(dataset.trainRows)),
                      locale.toString(static_cast<qlonglong>(dataset.validationRows)),
                      locale.toString(static_cast<qlonglong>(dataset.tokenCount)),
                      QString::fromStdString(dataset.sourcePath),
                      QString::fromStdString(dataset.createdAt)}});
  }
  return result;
}

}  // namespace tiertune::gui
