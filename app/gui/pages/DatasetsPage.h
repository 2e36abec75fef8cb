// Datasets: the imported training data with format, split sizes and token counts.
#pragma once

#include "app/gui/pages/CatalogListPage.h"

namespace tiertune::gui {

class DatasetsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit DatasetsPage(AppContext& context, QWidget* parent = nullptr);

 protected:
  QStringList headers() const override;
  std::vector<Row> rows(catalog::Catalog& catalog) const override;
};

}  // namespace tiertune::gui
