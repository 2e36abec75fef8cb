// The New fine-tune wizard's first page: the base model from the catalog, with its size, context
// and folder. Next checks that the catalog is open and that the model's folder is still where it
// was added, and puts the model in the draft.
#pragma once

#include <optional>

#include "app/gui/newrun/CatalogChoicePage.h"

namespace tiertune::gui {

class AppContext;
struct RunDraft;

class ModelChoicePage : public CatalogChoicePage {
  Q_OBJECT

 public:
  ModelChoicePage(AppContext& context, RunDraft& draft, QWidget* parent = nullptr);

  // The model selected on the page now (not yet in the draft before Next); none when there is none.
  std::optional<catalog::Id> selectedId() const;
  bool validatePage() override;

 private:
  void showFacts();

  AppContext& context_;
  RunDraft& draft_;
};

}  // namespace tiertune::gui
