// The New fine-tune wizard's dataset page: a dataset from the catalog, with its size and, when it
// was imported for another model than the one selected on the page before, what happens to its
// tokens. Next checks that its files are there and that it has training examples, and puts it in
// the draft.
#pragma once

#include "app/gui/newrun/CatalogChoicePage.h"

namespace tiertune::gui {

class AppContext;
class ModelChoicePage;
struct RunDraft;

class DatasetChoicePage : public CatalogChoicePage {
  Q_OBJECT

 public:
  // models: the page before, whose selected model the facts compare the dataset with.
  DatasetChoicePage(AppContext& context, RunDraft& draft, const ModelChoicePage& models, QWidget* parent = nullptr);

  void initializePage() override;
  bool validatePage() override;

 private:
  void showFacts();

  AppContext& context_;
  RunDraft& draft_;
  const ModelChoicePage& models_;
};

}  // namespace tiertune::gui
