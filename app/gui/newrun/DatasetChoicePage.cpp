#include "app/gui/newrun/DatasetChoicePage.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/newrun/ModelChoicePage.h"
#include "app/gui/newrun/RunDraft.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/data/record_shape.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

DatasetChoicePage::DatasetChoicePage(AppContext& context, RunDraft& draft, const ModelChoicePage& models,
                                     QWidget* parent)
    : CatalogChoicePage(tr("Choose the dataset"),
                        tr("The examples the model learns from, as imported on the Datasets page."), tr("Dataset:"),
                        "runDataset", "datasetFacts", "datasetError", parent),
      context_(context),
      draft_(draft),
      models_(models) {
  setPageHelp(this, tr("Choose one of the datasets imported on the Datasets page. The training examples teach the "
                       "model; the validation examples, held back at import, measure how well it does on text it has "
                       "not seen. A dataset imported for another model is prepared for this one on the memory plan "
                       "page."));
  connect(choice_, &QComboBox::currentIndexChanged, this, &DatasetChoicePage::showFacts);
  if (catalog::Catalog* store = context_.catalog()) {
    for (const catalog::DatasetRecord& dataset : store->datasets()) {
      choice_->addItem(QString::fromStdString(dataset.name), QVariant::fromValue<qint64>(dataset.id));
    }
    showFacts();
  }
}

// The model chosen on the page before may be another now.
void DatasetChoicePage::initializePage() { showFacts(); }

void DatasetChoicePage::showFacts() {
  catalog::Catalog* store = context_.catalog();
  if (!store || choice_->currentIndex() < 0) {
    facts_->setText(tr("There is no dataset yet. Import one on the Datasets page first."));
    return;
  }
  const auto dataset = store->dataset(choice_->currentData().toLongLong());
  if (!dataset) return;
  train::PresetInputs stats;
  train::readDatasetStatistics(dataset->statsJson, stats);
  const QLocale locale;
  QString text = tr("%1 training examples and %2 for validation, %3 tokens in all.")
                     .arg(locale.toString(static_cast<qlonglong>(dataset->trainRows)),
                          locale.toString(static_cast<qlonglong>(dataset->validationRows)),
                          locale.toString(static_cast<qlonglong>(dataset->tokenCount)));
  if (stats.longestExample > 0) {
    text += QLatin1Char(' ') + tr("The longest example has %1 tokens.").arg(locale.toString(static_cast<qlonglong>(stats.longestExample)));
  }
  // A dataset's tokens belong to the tokenizer of the model it was imported for: say when the run's
  // model is another, and what happens (the plan turns the examples into this model's tokens).
  const fs::path preparedFor = data::datasetModelFolder(*dataset);
  const std::optional<catalog::Id> modelId = models_.selectedId();
  const auto model = modelId ? store->model(*modelId) : std::nullopt;
  if (model && !preparedFor.empty() && fs::path(model->path) != preparedFor) {
    text += QLatin1Char(' ') + tr("It was prepared for “%1”; its examples are turned into tokens for “%2” when the "
                                  "memory plan is made (a moment for a large dataset), and kept for later runs.")
                                   .arg(DatasetsPage::preparedFor(*dataset, store->models()),
                                        QString::fromStdString(model->name));
  }
  facts_->setText(text);
}

bool DatasetChoicePage::validatePage() {
  catalog::Catalog* store = context_.catalog();
  showProblem({});
  if (!store || choice_->currentIndex() < 0) {
    showProblem(tr("There is no dataset to learn from. Import one on the Datasets page first."));
    return false;
  }
  draft_.dataset = store->dataset(choice_->currentData().toLongLong());
  fs::path folder;
  try {
    if (draft_.dataset) folder = data::datasetFolder(context_.settings().dataFolder, *draft_.dataset);
  } catch (const Error&) {
    folder.clear();  // a damaged row: its files count as missing
  }
  if (folder.empty() || !fs::exists(folder / "examples.jsonl")) {
    showProblem(tr("The files of the dataset “%1” are missing (%2). Import it again on the Datasets page.")
                    .arg(choice_->currentText(), QString::fromStdString(folder.string())));
    return false;
  }
  if (draft_.dataset->trainRows < 1) {
    showProblem(tr("The dataset “%1” has no training examples.").arg(choice_->currentText()));
    return false;
  }
  // Conversations need the model's chat template to become its text; a base model has none. Said
  // here, before the memory plan would fail on it.
  const std::optional<catalog::Id> modelId = models_.selectedId();
  const auto model = modelId ? store->model(*modelId) : std::nullopt;
  const auto shape = data::shapeFromName(draft_.dataset->format);
  if (model && !model->hasChatTemplate && shape && data::isConversationShape(*shape)) {
    showProblem(tr("“%1” holds conversations, and “%2” has no chat template to write them out with (it is a base "
                   "model). Choose a chat model on the first page, or a dataset of plain text or prompts with "
                   "completions.")
                    .arg(choice_->currentText(), QString::fromStdString(model->name)));
    return false;
  }
  return true;
}

}  // namespace tiertune::gui
