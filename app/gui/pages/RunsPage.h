// Runs: every fine-tuning run with its status, model, dataset and method, newest first.
#pragma once

#include "app/gui/pages/CatalogListPage.h"

namespace tiertune::gui {

class RunsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit RunsPage(AppContext& context, QWidget* parent = nullptr);

 protected:
  QStringList headers() const override;
  std::vector<Row> rows(catalog::Catalog& catalog) const override;
};

}  // namespace tiertune::gui
