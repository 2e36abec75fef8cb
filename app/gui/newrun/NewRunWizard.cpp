#include "app/gui/newrun/NewRunWizard.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/NumberText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/history/RunText.h"
#include "app/gui/newrun/AdvancedSettingsPage.h"
#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/data/dataset_import.h"
#include "core/model/lora.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

namespace {

QLabel* wrappedLabel(const char* name = nullptr) {
  auto* label = new QLabel;
  label->setWordWrap(true);
  if (name) label->setObjectName(QString::fromLatin1(name));
  return label;
}

QLabel* errorLabel(const char* name) {
  QLabel* label = wrappedLabel(name);
  showAsProblem(label);
  label->hide();
  return label;
}

QString goalName(train::GoalPreset preset) {
  switch (preset) {
    case train::GoalPreset::QuickLora: return NewRunWizard::tr("Quick LoRA");
    case train::GoalPreset::BalancedLora: return NewRunWizard::tr("Balanced LoRA");
    case train::GoalPreset::SmallestMemory: return NewRunWizard::tr("Smallest memory (QLoRA)");
    case train::GoalPreset::FullFineTune: return NewRunWizard::tr("Full fine-tune");
  }
  return {};
}

// The learning rate's course in one sentence per schedule and warm-up kind, so that translators
// see whole sentences: %1 the rate, %2 the warm-up (steps, or a percentage of all steps).
QString learningRateText(const train::RunConfig& c) {
  const QLocale locale;
  const QString rate = locale.toString(c.adamw.learningRate, 'g', 3);
  if (c.warmupSteps > 0) {
    const QString steps = locale.toString(static_cast<qlonglong>(c.warmupSteps));
    switch (c.schedule) {
      case train::LrSchedule::Cosine:
        return NewRunWizard::tr("%1 after a warm-up of %2 steps, then a cosine decay").arg(rate, steps);
      case train::LrSchedule::Linear:
        return NewRunWizard::tr("%1 after a warm-up of %2 steps, then a linear decay").arg(rate, steps);
      case train::LrSchedule::Constant:
        return NewRunWizard::tr("%1 after a warm-up of %2 steps, then constant").arg(rate, steps);
    }
  }
  const QString share = locale.toString(c.warmupRatio * 100, 'g', 3);
  switch (c.schedule) {
    case train::LrSchedule::Cosine:
      return NewRunWizard::tr("%1 after a warm-up over %2 % of the steps, then a cosine decay").arg(rate, share);
    case train::LrSchedule::Linear:
      return NewRunWizard::tr("%1 after a warm-up over %2 % of the steps, then a linear decay").arg(rate, share);
    case train::LrSchedule::Constant:
      return NewRunWizard::tr("%1 after a warm-up over %2 % of the steps, then constant").arg(rate, share);
  }
  return rate;
}

// A folder name from the run's name: letters, digits, '-' and '_' only.
QString folderSafe(const QString& name) {
  QString safe;
  for (const QChar c : name.trimmed()) safe += c.isLetterOrNumber() || c == QLatin1Char('_') ? c : QLatin1Char('-');
  while (safe.contains(QStringLiteral("--"))) safe.replace(QStringLiteral("--"), QStringLiteral("-"));
  return safe.left(60);
}

}  // namespace

NewRunWizard::NewRunWizard(AppContext& context, QWidget* parent) : QWizard(parent), context_(context) {
  setObjectName(QStringLiteral("newRunWizard"));
  setWindowTitle(tr("New fine-tune"));
  setWizardStyle(QWizard::ModernStyle);
  setButtonText(QWizard::FinishButton, tr("Start"));
  setMinimumSize(820, 640);
  enablePageHelp(this);
  advancedPage_ = new AdvancedSettingsPage(draft_);
  planPage_ = new MemoryPlanPage(context_, draft_);
  setPage(ModelPage, makeModelPage());
  setPage(DatasetPage, makeDatasetPage());
  setPage(GoalPage, makeGoalPage());
  setPage(AdvancedPage, advancedPage_);
  setPage(PlanPage, planPage_);
  setPage(ReviewPage, makeReviewPage());
  connect(planPage_, &MemoryPlanPage::settingsChanged, advancedPage_, &AdvancedSettingsPage::load);
  fillChoices();
}

NewRunWizard::NewRunWizard(AppContext& context, const catalog::RunRecord& run, QWidget* parent)
    : NewRunWizard(context, parent) {
  prefillFrom(run);
}

NewRunWizard::~NewRunWizard() = default;

// A page with one catalog choice (model or dataset), what is known about it, and its error.
QWizardPage* NewRunWizard::makeChoicePage(const QString& title, const QString& subTitle, const QString& label,
                                          QComboBox* choice, QLabel* facts, QLabel* error) {
  auto* page = new QWizardPage;
  page->setTitle(title);
  page->setSubTitle(subTitle);
  auto* layout = new QVBoxLayout(page);
  auto* form = new QFormLayout;
  form->addRow(label, choice);
  layout->addLayout(form);
  layout->addWidget(facts);
  layout->addStretch();
  layout->addWidget(error);
  return page;
}

QWizardPage* NewRunWizard::makeModelPage() {
  model_ = new QComboBox;
  model_->setObjectName(QStringLiteral("runModel"));
  modelFacts_ = wrappedLabel("modelFacts");
  modelError_ = errorLabel("modelError");
  connect(model_, &QComboBox::currentIndexChanged, this, &NewRunWizard::showModelFacts);
  QWizardPage* page = makeChoicePage(tr("Choose the base model"),
                                     tr("The model you start from. Its size decides how much memory training "
                                        "needs; its context is the longest text it reads at once."),
                                     tr("Base model:"), model_, modelFacts_, modelError_);
  setPageHelp(page, tr("Choose one of the models added on the Models page. A larger model learns more but needs more "
                       "memory and time; the memory plan two pages on shows whether this machine can train it. The "
                       "model's folder must still be where it was added."));
  setPageHelpTopic(page, HelpTopic::DownloadingModels);
  return page;
}

QWizardPage* NewRunWizard::makeDatasetPage() {
  dataset_ = new QComboBox;
  dataset_->setObjectName(QStringLiteral("runDataset"));
  datasetFacts_ = wrappedLabel("datasetFacts");
  datasetError_ = errorLabel("datasetError");
  connect(dataset_, &QComboBox::currentIndexChanged, this, &NewRunWizard::showDatasetFacts);
  QWizardPage* page = makeChoicePage(tr("Choose the dataset"),
                                     tr("The examples the model learns from, as imported on the Datasets page."),
                                     tr("Dataset:"), dataset_, datasetFacts_, datasetError_);
  setPageHelp(page, tr("Choose one of the datasets imported on the Datasets page. The training examples teach the "
                       "model; the validation examples, held back at import, measure how well it does on text it has "
                       "not seen. A dataset imported for another model is prepared for this one on the memory plan "
                       "page."));
  return page;
}

QWizardPage* NewRunWizard::makeGoalPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("What do you want?"));
  page->setSubTitle(tr("The goal fills in every setting for this model and dataset; the next page shows them."));
  setPageHelp(page, tr("Choose the goal that matches what you want; it fills in every setting with values that suit "
                       "this model and dataset. When unsure, choose Balanced LoRA. Use the arrow keys to move between "
                       "the goals. You can change any setting on the next page."));
  setPageHelpTopic(page, HelpTopic::LoraOrFull);
  goals_ = new QButtonGroup(page);
  auto* layout = new QVBoxLayout(page);
  const struct {
    train::GoalPreset preset;
    const char* name;
    QString when;
  } goals[] = {
      {train::GoalPreset::QuickLora, "goalQuick",
       tr("Pick this to try an idea fast or to teach a style or format: small adapters on the attention layers, "
          "one pass, shorter sequences. Finishes soonest and needs the least memory.")},
      {train::GoalPreset::BalancedLora, "goalBalanced",
       tr("Pick this for most work: adapters on every layer, enough passes for the dataset's size. The result is a "
          "small adapter file next to the unchanged model.")},
      {train::GoalPreset::SmallestMemory, "goalSmallestMemory",
       tr("Pick this when the model is too large for this computer: the same adapters as Balanced LoRA, with the "
          "model kept in 4 bits while it trains (QLoRA). Its weights take about a quarter of the memory; steps are a "
          "little slower and the results close to Balanced LoRA's.")},
      {train::GoalPreset::FullFineTune, "goalFull",
       tr("Pick this when the model must learn much new knowledge and this machine has the memory: every weight "
          "is trained, with a ten times lower learning rate. Needs about 16 bytes per parameter and produces a "
          "whole new model.")},
  };
  for (const auto& goal : goals) {
    auto* button = new QRadioButton(goalName(goal.preset));
    button->setObjectName(QString::fromLatin1(goal.name));
    QFont bold = button->font();
    bold.setBold(true);
    button->setFont(bold);
    goals_->addButton(button, static_cast<int>(goal.preset));
    QLabel* words = wrappedLabel();
    words->setText(goal.when);
    words->setContentsMargins(24, 0, 0, 10);
    layout->addWidget(button);
    layout->addWidget(words);
  }
  goals_->button(static_cast<int>(train::GoalPreset::BalancedLora))->setChecked(true);
  goalError_ = errorLabel("goalError");
  layout->addStretch();
  layout->addWidget(goalError_);
  return page;
}

QWizardPage* NewRunWizard::makeReviewPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Review and start"));
  page->setSubTitle(tr("Start creates the run; it then trains in the background and shows on the Runs page."));
  setPageHelp(page, tr("Check the settings in words and give the run a name you will recognize on the Runs page. The "
                       "run writes its checkpoints and log to the output folder shown. Start begins training in the "
                       "background: you can close this window and watch the run from the Runs page."));
  review_ = wrappedLabel("runReview");
  review_->setTextFormat(Qt::RichText);
  name_ = new QLineEdit;
  name_->setObjectName(QStringLiteral("runName"));
  output_ = wrappedLabel("runOutputFolder");
  output_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  reviewError_ = errorLabel("reviewError");
  connect(name_, &QLineEdit::textChanged, this,
          [this] { output_->setText(QString::fromStdString(outputFolder().string())); });
  auto* form = new QFormLayout;
  form->addRow(tr("Run name:"), name_);
  form->addRow(tr("Output folder:"), output_);
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(form);
  layout->addWidget(review_);
  layout->addStretch();
  layout->addWidget(reviewError_);
  return page;
}

void NewRunWizard::fillChoices() {
  catalog::Catalog* store = context_.catalog();
  if (!store) return;
  for (const catalog::ModelRecord& model : store->models()) {
    model_->addItem(QString::fromStdString(model.name), QVariant::fromValue<qint64>(model.id));
  }
  for (const catalog::DatasetRecord& dataset : store->datasets()) {
    dataset_->addItem(QString::fromStdString(dataset.name), QVariant::fromValue<qint64>(dataset.id));
  }
  showModelFacts();
  showDatasetFacts();
}

void NewRunWizard::prefillFrom(const catalog::RunRecord& run) {
  setWindowTitle(tr("Run again with changes: %1").arg(QString::fromStdString(run.name)));
  catalog::Catalog* store = context_.catalog();
  if (!store) return;
  try {
    draft_.config = train::parseRunConfig(run.configJson, "/", "the settings of run " + std::to_string(run.id));
  } catch (const std::exception& error) {
    fail(modelError_, tr("The settings of run “%1” could not be read, so the goal's defaults are used instead: %2")
                          .arg(QString::fromStdString(run.name), QString::fromStdString(error.what())));
    return;
  }
  draft_.model = store->model(run.modelId);
  if (run.datasetId) draft_.dataset = store->dataset(*run.datasetId);
  draft_.preset = train::presetFromKey(run.preset).value_or(draft_.config.lora ? train::GoalPreset::BalancedLora
                                                                             : train::GoalPreset::FullFineTune);
  draft_.prefilledFor = draft_.basis();  // the stored settings, not the goal's defaults
  if (draft_.model) model_->setCurrentIndex(model_->findData(QVariant::fromValue<qint64>(draft_.model->id)));
  if (draft_.dataset) dataset_->setCurrentIndex(dataset_->findData(QVariant::fromValue<qint64>(draft_.dataset->id)));
  goals_->button(static_cast<int>(draft_.preset))->setChecked(true);
  advancedPage_->load();
  name_->setText(tr("%1 (again)").arg(QString::fromStdString(run.name)));
}

void NewRunWizard::showModelFacts() {
  catalog::Catalog* store = context_.catalog();
  if (!store || model_->currentIndex() < 0) {
    modelFacts_->setText(tr("There is no base model yet. Add one on the Models page first."));
    return;
  }
  const auto model = store->model(model_->currentData().toLongLong());
  if (!model) return;
  const QLocale locale;
  modelFacts_->setText(tr("%1 parameters, context of %2 tokens, %3 on disk.\nFolder: %4")
                           .arg(parameterCountText(static_cast<quint64>(model->parameterCount)),
                                locale.toString(static_cast<qlonglong>(model->contextLength)),
                                byteSizeText(static_cast<quint64>(model->sizeBytes)), QString::fromStdString(model->path)));
}

void NewRunWizard::showDatasetFacts() {
  catalog::Catalog* store = context_.catalog();
  if (!store || dataset_->currentIndex() < 0) {
    datasetFacts_->setText(tr("There is no dataset yet. Import one on the Datasets page first."));
    return;
  }
  const auto dataset = store->dataset(dataset_->currentData().toLongLong());
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
  const std::filesystem::path preparedFor = data::datasetModelFolder(*dataset);
  const auto model = model_->currentIndex() >= 0 ? store->model(model_->currentData().toLongLong()) : std::nullopt;
  if (model && !preparedFor.empty() && std::filesystem::path(model->path) != preparedFor) {
    text += QLatin1Char(' ') + tr("It was prepared for “%1”; its examples are turned into tokens for “%2” when the "
                                  "memory plan is made (a moment for a large dataset), and kept for later runs.")
                                   .arg(DatasetsPage::preparedFor(*dataset, store->models()),
                                        QString::fromStdString(model->name));
  }
  datasetFacts_->setText(text);
}

void NewRunWizard::fail(QLabel* label, const QString& text) {
  label->setText(text);
  label->setVisible(!text.isEmpty());
}

void NewRunWizard::initializePage(int id) {
  QWizard::initializePage(id);
  if (id == DatasetPage) showDatasetFacts();  // the model chosen on the page before may be another now
  if (id == ReviewPage) {
    folderStamp_ = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    // Read once here, not at every keystroke of the run's name (a catalog holds thousands of runs).
    catalogFolders_.clear();
    if (const catalog::Catalog* store = context_.catalog()) {
      for (const auto& [runId, folder] : store->runOutputFolders()) catalogFolders_.insert(folder);
    }
    if (name_->text().trimmed().isEmpty() && draft_.model) {
      // The output folder adds the date and time, and the Runs page shows when it started.
      name_->setText(tr("%1, %2").arg(QString::fromStdString(draft_.model->name), goalName(draft_.preset)));
    }
    output_->setText(QString::fromStdString(outputFolder().string()));
    review_->setText(reviewText());
  }
}

bool NewRunWizard::validateCurrentPage() {
  catalog::Catalog* store = context_.catalog();
  switch (currentId()) {
    case ModelPage: {
      fail(modelError_, {});
      if (!store) {
        fail(modelError_, tr("The catalog is not open: %1").arg(context_.catalogError()));
        return false;
      }
      if (model_->currentIndex() < 0) {
        fail(modelError_, tr("There is no base model to fine-tune. Add one on the Models page first."));
        return false;
      }
      draft_.model = store->model(model_->currentData().toLongLong());
      if (!draft_.model || !fs::exists(fs::path(draft_.model->path) / "config.json")) {
        fail(modelError_, tr("The folder of the model “%1” is missing or has no config.json (%2). Add the model again "
                             "on the Models page.")
                              .arg(model_->currentText(), draft_.model ? QString::fromStdString(draft_.model->path) : QString()));
        return false;
      }
      draft_.config.modelFolder = draft_.model->path;
      return true;
    }
    case DatasetPage: {
      fail(datasetError_, {});
      if (!store || dataset_->currentIndex() < 0) {
        fail(datasetError_, tr("There is no dataset to learn from. Import one on the Datasets page first."));
        return false;
      }
      draft_.dataset = store->dataset(dataset_->currentData().toLongLong());
      fs::path folder;
      try {
        if (draft_.dataset) folder = data::datasetFolder(context_.settings().dataFolder, *draft_.dataset);
      } catch (const Error&) {
        folder.clear();  // a damaged row: its files count as missing
      }
      if (folder.empty() || !fs::exists(folder / "examples.jsonl")) {
        fail(datasetError_, tr("The files of the dataset “%1” are missing (%2). Import it again on the Datasets page.")
                                .arg(dataset_->currentText(), QString::fromStdString(folder.string())));
        return false;
      }
      if (draft_.dataset->trainRows < 1) {
        fail(datasetError_, tr("The dataset “%1” has no training examples.").arg(dataset_->currentText()));
        return false;
      }
      return true;
    }
    case GoalPage: {
      if (goals_->checkedId() < 0) {
        fail(goalError_, tr("Choose one of the three goals."));
        return false;
      }
      fail(goalError_, {});
      draft_.preset = static_cast<train::GoalPreset>(goals_->checkedId());
      if (draft_.prefillIfChanged()) advancedPage_->load();
      return true;
    }
    case ReviewPage: return startRun();
    default: return QWizard::validateCurrentPage();
  }
}

std::filesystem::path NewRunWizard::outputFolder() const {
  QString name = folderSafe(name_->text());
  if (name.isEmpty()) name = QStringLiteral("run");
  const fs::path runs = context_.settings().dataFolder / "runs";
  fs::path folder = runs / (name + QLatin1Char('-') + folderStamp_).toStdString();
  // A folder on the disk or one a catalog run will write (a run not started yet has none) is taken.
  const auto taken = [this](const fs::path& candidate) {
    return fs::exists(candidate) || catalogFolders_.contains(candidate.lexically_normal());
  };
  for (int n = 2; taken(folder); ++n) {
    folder = runs / (name + QLatin1Char('-') + folderStamp_ + QLatin1Char('-') + QString::number(n)).toStdString();
  }
  return folder;
}

QString NewRunWizard::reviewText() const {
  const train::RunConfig& c = draft_.config;
  const QLocale locale;
  QStringList targets;
  for (const model::LinearModule module : c.loraConfig.targets) targets << QString::fromLatin1(model::moduleShortName(module));
  const auto row = [](const QString& name, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>").arg(name, value.toHtmlEscaped());
  };
  QString html = QStringLiteral("<table>");
  html += row(tr("Base model"), draft_.model ? QString::fromStdString(draft_.model->name) : QString());
  html += row(tr("Dataset"), draft_.dataset ? tr("%1 (%2 training examples)")
                                                  .arg(QString::fromStdString(draft_.dataset->name),
                                                       locale.toString(static_cast<qlonglong>(draft_.dataset->trainRows)))
                                            : QString());
  html += row(tr("Goal"), goalName(draft_.preset));
  const QString adapters = (c.fourBitBase ? tr("QLoRA (the model kept in 4 bits), rank %1, alpha %2, on %3")
                                          : tr("LoRA, rank %1, alpha %2, on %3"))
                              .arg(c.loraConfig.rank)
                              .arg(locale.toString(c.loraConfig.alpha))
                              .arg(targets.join(QStringLiteral(", ")));
  html += row(tr("Method"), c.lora ? adapters : tr("Full fine-tune: every weight is trained"));
  html += row(tr("Learning rate"), learningRateText(c));
  html += row(tr("Length"), c.maxSteps ? tr("%1 optimizer steps").arg(locale.toString(static_cast<qlonglong>(*c.maxSteps)))
                                       : tr("%n epoch(s), %1 optimizer steps", nullptr, static_cast<int>(c.epochs))
                                             .arg(locale.toString(static_cast<qlonglong>(draft_.plannedSteps()))));
  html += row(tr("Batch"), tr("%1 × %2 examples per update (micro-batch × accumulation), each up to %3 tokens")
                               .arg(c.microBatch)
                               .arg(c.gradientAccumulation)
                               .arg(locale.toString(static_cast<qlonglong>(c.sequenceLength))));
  html += row(tr("Evaluation"), c.evalEvery > 0 ? tr("every %1 steps").arg(c.evalEvery) : tr("at the end"));
  html += row(tr("Checkpoints"), (c.checkpointEvery > 0 ? tr("every %1 steps").arg(c.checkpointEvery) : tr("at the end")) +
                                     (c.keepCheckpoints > 0 ? tr(", the newest %1 kept").arg(c.keepCheckpoints) : QString()));
  if (const auto& plan = planPage_->plan()) {
    const tiers::Plan& p = plan->memory.plan;
    html += row(tr("Memory"), tr("%1 training memory, %2 RAM, %3 disk at the peak")
                                  .arg(byteSizeText(p.peakBytes[0]),
                                       byteSizeText(p.peakBytes[1]),
                                       byteSizeText(p.peakBytes[2])));
    const double total = plan->time ? plan->time->totalSeconds : p.stepSeconds * static_cast<double>(draft_.plannedSteps());
    html += row(tr("Time"), tr("%1 in all").arg(MemoryPlanPage::durationText(total)));
  }
  return html + QStringLiteral("</table>");
}

bool NewRunWizard::startRun() {
  fail(reviewError_, {});
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) {
    fail(reviewError_, tr("Give the run a name, so that you can find it on the Runs page."));
    return false;
  }
  catalog::Catalog* store = context_.catalog();
  if (!store || !draft_.model || !draft_.dataset) {
    fail(reviewError_, tr("The catalog is not open: %1").arg(context_.catalogError()));
    return false;
  }
  train::RunConfig config = draft_.config;
  config.modelFolder = draft_.model->path;
  config.outputFolder = outputFolder();

  catalog::NewRun run;
  run.name = name.toStdString();
  run.modelId = draft_.model->id;
  run.datasetId = draft_.dataset->id;
  run.method = train::methodKey(config);
  run.preset = train::presetKey(draft_.preset);
  run.configJson = train::toJson(config);
  try {
    created_ = store->createRun(run);
  } catch (const std::exception& error) {
    fail(reviewError_, tr("The run could not be created: %1").arg(QString::fromStdString(error.what())));
    return false;
  }
  context_.notifyCatalogChanged();
  emit runCreated(*created_);
  return true;
}

}  // namespace tiertune::gui
