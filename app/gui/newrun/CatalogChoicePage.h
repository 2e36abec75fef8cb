// A New fine-tune wizard page with one choice from the catalog (the base model, the dataset), what
// is known about the chosen one, and the line that says what stops the wizard going on. Base of
// ModelChoicePage and DatasetChoicePage.
#pragma once

#include <QWizardPage>

#include "core/catalog/records.h"

class QComboBox;
class QLabel;

namespace tiertune::gui {

class CatalogChoicePage : public QWizardPage {
  Q_OBJECT

 public:
  // Selects the entry with this catalog id.
  void choose(catalog::Id id);
  // Says text on the problem line, or hides it when text is empty.
  void showProblem(const QString& text);

 protected:
  // Object names for the choice, the facts and the problem line (the tests find them by these).
  CatalogChoicePage(const QString& title, const QString& subTitle, const QString& label, const char* choiceName,
                    const char* factsName, const char* problemName, QWidget* parent);

  QComboBox* choice_;
  QLabel* facts_;
  QLabel* problem_;
};

}  // namespace tiertune::gui
