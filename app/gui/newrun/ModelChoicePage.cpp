#include "app/gui/newrun/ModelChoicePage.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/NumberText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/newrun/RunDraft.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

ModelChoicePage::ModelChoicePage(AppContext& context, RunDraft& draft, QWidget* parent)
    : CatalogChoicePage(tr("Choose the base model"),
                        tr("The model you start from. Its size decides how much memory training "
                           "needs; its context is the longest text it reads at once."),
                        tr("Base model:"), "runModel", "modelFacts", "modelError", parent),
      context_(context),
      draft_(draft) {
  setPageHelp(this, tr("Choose one of the models added on the Models page. A larger model learns more but needs more "
                       "memory and time; the memory plan two pages on shows whether this machine can train it. The "
                       "model's folder must still be where it was added."));
  setPageHelpTopic(this, HelpTopic::DownloadingModels);
  connect(choice_, &QComboBox::currentIndexChanged, this, &ModelChoicePage::showFacts);
  if (catalog::Catalog* store = context_.catalog()) {
    for (const catalog::ModelRecord& model : store->models()) {
      choice_->addItem(QString::fromStdString(model.name), QVariant::fromValue<qint64>(model.id));
    }
    showFacts();
  }
}

std::optional<catalog::Id> ModelChoicePage::selectedId() const {
  if (choice_->currentIndex() < 0) return std::nullopt;
  return choice_->currentData().toLongLong();
}

void ModelChoicePage::showFacts() {
  catalog::Catalog* store = context_.catalog();
  if (!store || choice_->currentIndex() < 0) {
    facts_->setText(tr("There is no base model yet. Add one on the Models page first."));
    return;
  }
  const auto model = store->model(choice_->currentData().toLongLong());
  if (!model) return;
  const QLocale locale;
  facts_->setText(tr("%1 parameters, context of %2 tokens, %3 on disk.\nFolder: %4")
                      .arg(parameterCountText(static_cast<quint64>(model->parameterCount)),
                           locale.toString(static_cast<qlonglong>(model->contextLength)),
                           byteSizeText(static_cast<quint64>(model->sizeBytes)), QString::fromStdString(model->path)));
}

bool ModelChoicePage::validatePage() {
  catalog::Catalog* store = context_.catalog();
  showProblem({});
  if (!store) {
    showProblem(tr("The catalog is not open: %1").arg(context_.catalogError()));
    return false;
  }
  if (choice_->currentIndex() < 0) {
    showProblem(tr("There is no base model to fine-tune. Add one on the Models page first."));
    return false;
  }
  draft_.model = store->model(choice_->currentData().toLongLong());
  if (!draft_.model || !fs::exists(fs::path(draft_.model->path) / "config.json")) {
    showProblem(tr("The folder of the model “%1” is missing or has no config.json (%2). Add the model again "
                   "on the Models page.")
                    .arg(choice_->currentText(), draft_.model ? QString::fromStdString(draft_.model->path) : QString()));
    return false;
  }
  draft_.config.modelFolder = draft_.model->path;
  return true;
}

}  // namespace tiertune::gui
