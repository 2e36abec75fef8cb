#include "app/gui/newrun/CatalogChoicePage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "app/gui/WizardLabels.h"

namespace tiertune::gui {

CatalogChoicePage::CatalogChoicePage(const QString& title, const QString& subTitle, const QString& label,
                                     const char* choiceName, const char* factsName, const char* problemName,
                                     QWidget* parent)
    : QWizardPage(parent) {
  choice_ = new QComboBox;
  choice_->setObjectName(QString::fromLatin1(choiceName));
  facts_ = wrappedLabel(factsName);
  problem_ = errorLabel(problemName);
  setTitle(title);
  setSubTitle(subTitle);
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  form->addRow(label, choice_);
  layout->addLayout(form);
  layout->addWidget(facts_);
  layout->addStretch();
  layout->addWidget(problem_);
}

void CatalogChoicePage::choose(catalog::Id id) { choice_->setCurrentIndex(choice_->findData(QVariant::fromValue<qint64>(id))); }

void CatalogChoicePage::showProblem(const QString& text) { showError(problem_, text); }

}  // namespace tiertune::gui
