// Models: the base models in the catalog (Hugging Face folders) with their shape and size.
#pragma once

#include "app/gui/pages/CatalogListPage.h"

namespace tiertune::gui {

class ModelsPage : public CatalogListPage {
  Q_OBJECT

 public:
  explicit ModelsPage(AppContext& context, QWidget* parent = nullptr);

 protected:
  QStringList headers() const override;
  std::vector<QStringList> rows(catalog::Catalog& catalog) const override;
};

}  // namespace tiertune::gui
