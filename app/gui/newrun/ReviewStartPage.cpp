#include "app/gui/newrun/ReviewStartPage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/NumberText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/newrun/GoalChoicePage.h"
#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/newrun/RunDraft.h"
#include "core/catalog/catalog.h"
#include "core/model/lora.h"
#include "core/train/run_launch.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

namespace {

// The learning rate's course in one sentence per schedule and warm-up kind, so that translators
// see whole sentences: %1 the rate, %2 the warm-up (steps, or a percentage of all steps).
QString learningRateText(const train::RunConfig& c) {
  const QLocale locale;
  const QString rate = locale.toString(c.adamw.learningRate, 'g', 3);
  if (c.warmupSteps > 0) {
    const QString steps = locale.toString(static_cast<qlonglong>(c.warmupSteps));
    switch (c.schedule) {
      case train::LrSchedule::Cosine:
        return ReviewStartPage::tr("%1 after a warm-up of %2 steps, then a cosine decay").arg(rate, steps);
      case train::LrSchedule::Linear:
        return ReviewStartPage::tr("%1 after a warm-up of %2 steps, then a linear decay").arg(rate, steps);
      case train::LrSchedule::Constant:
        return ReviewStartPage::tr("%1 after a warm-up of %2 steps, then constant").arg(rate, steps);
    }
  }
  const QString share = locale.toString(c.warmupRatio * 100, 'g', 3);
  switch (c.schedule) {
    case train::LrSchedule::Cosine:
      return ReviewStartPage::tr("%1 after a warm-up over %2 % of the steps, then a cosine decay").arg(rate, share);
    case train::LrSchedule::Linear:
      return ReviewStartPage::tr("%1 after a warm-up over %2 % of the steps, then a linear decay").arg(rate, share);
    case train::LrSchedule::Constant:
      return ReviewStartPage::tr("%1 after a warm-up over %2 % of the steps, then constant").arg(rate, share);
  }
  return rate;
}

}  // namespace

ReviewStartPage::ReviewStartPage(AppContext& context, RunDraft& draft, const MemoryPlanPage& plan, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft), plan_(plan) {
  setTitle(tr("Review and start"));
  setSubTitle(tr("Start creates the run; it then trains in the background and shows on the Runs page."));
  setPageHelp(this, tr("Check the settings in words and give the run a name you will recognize on the Runs page. The "
                       "run writes its checkpoints and log to the output folder shown. Start begins training in the "
                       "background: you can close this window and watch the run from the Runs page."));
  review_ = wrappedLabel("runReview");
  review_->setTextFormat(Qt::RichText);
  name_ = new QLineEdit;
  name_->setObjectName(QStringLiteral("runName"));
  output_ = wrappedLabel("runOutputFolder");
  output_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_ = errorLabel("reviewError");
  connect(name_, &QLineEdit::textChanged, this,
          [this] { output_->setText(QString::fromStdString(outputFolder().string())); });
  auto* form = new QFormLayout;
  form->addRow(tr("Run name:"), name_);
  form->addRow(tr("Output folder:"), output_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(review_);
  layout->addStretch();
  layout->addWidget(error_);
}

void ReviewStartPage::setRunName(const QString& name) { name_->setText(name); }

void ReviewStartPage::initializePage() {
  folderStamp_ = train::runFolderStamp();
  readCatalogFolders();
  if (name_->text().trimmed().isEmpty() && draft_.model) {
    // The output folder adds the date and time, and the Runs page shows when it started.
    name_->setText(tr("%1, %2").arg(QString::fromStdString(draft_.model->name), GoalChoicePage::goalName(draft_.preset)));
  }
  output_->setText(QString::fromStdString(outputFolder().string()));
  review_->setText(reviewText());
}

bool ReviewStartPage::validatePage() { return startRun(); }

// Read once per page visit, not at every keystroke of the run's name (a catalog holds thousands of runs).
void ReviewStartPage::readCatalogFolders() {
  catalogFolders_.clear();
  if (const catalog::Catalog* store = context_.catalog()) catalogFolders_ = train::catalogOutputFolders(*store);
}

fs::path ReviewStartPage::outputFolder() const {
  return train::defaultOutputFolder(context_.settings().dataFolder / "runs", name_->text().toStdString(), folderStamp_,
                                    catalogFolders_);
}

QString ReviewStartPage::reviewText() const {
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
  html += row(tr("Goal"), GoalChoicePage::goalName(draft_.preset));
  const QString adapters = (c.fourBitBase ? tr("QLoRA (the model kept in 4 bits), rank %1, alpha %2, on %3")
                                          : tr("LoRA, rank %1, alpha %2, on %3"))
                              .arg(c.loraConfig.rank)
                              .arg(locale.toString(c.loraConfig.alpha))
                              .arg(targets.join(QStringLiteral(", ")));
  html += row(tr("Method"), c.lora ? adapters : tr("Full fine-tune: every weight is trained"));
  html += row(tr("Learning rate"), learningRateText(c));
  // Counts as "Label: N", so that English reads right for one as for many.
  html += row(tr("Length"), c.maxSteps ? tr("Optimizer steps: %1").arg(locale.toString(static_cast<qlonglong>(*c.maxSteps)))
                                       : tr("Epochs: %1; optimizer steps: %2")
                                             .arg(locale.toString(static_cast<qlonglong>(c.epochs)),
                                                  locale.toString(static_cast<qlonglong>(draft_.plannedSteps()))));
  html += row(tr("Batch"), tr("%1 × %2 examples per update (micro-batch × accumulation), each up to %3 tokens")
                               .arg(c.microBatch)
                               .arg(c.gradientAccumulation)
                               .arg(locale.toString(static_cast<qlonglong>(c.sequenceLength))));
  const auto every = [](std::int64_t steps) {
    return steps <= 0 ? tr("at the end") : steps == 1 ? tr("after every step") : tr("every %1 steps").arg(steps);
  };
  html += row(tr("Evaluation"), every(c.evalEvery));
  html += row(tr("Checkpoints"), every(c.checkpointEvery) +
                                     (c.keepCheckpoints > 0 ? tr(", the newest %1 kept").arg(c.keepCheckpoints) : QString()));
  if (const auto& plan = plan_.plan()) {
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

// Another run (recorded since the page was shown) writes to the folder: the page moves on to a free
// one, and says so.
void ReviewStartPage::showFolderInUse(const train::OutputFolderUser& user) {
  readCatalogFolders();
  const QString newFolder = QString::fromStdString(outputFolder().string());
  output_->setText(newFolder);
  const QString folder = QString::fromStdString(user.folder.string());
  const QString other = QString::fromStdString(user.runName);
  const QString text =
      user.workerPid
          ? tr("The output folder %1 is in use by run %2 (“%3”), which is training now: two runs in one folder would "
               "overwrite each other's checkpoints. This run will write to %4 instead; press Start again.")
          : tr("The output folder %1 belongs to run %2 (“%3”): two runs in one folder would overwrite each other's "
               "checkpoints. This run will write to %4 instead; press Start again.");
  showError(error_, text.arg(folder, QString::number(user.run), other, newFolder));
}

bool ReviewStartPage::startRun() {
  showError(error_, {});
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) {
    showError(error_, tr("Give the run a name, so that you can find it on the Runs page."));
    return false;
  }
  catalog::Catalog* store = context_.catalog();
  if (!store || !draft_.model || !draft_.dataset) {
    showError(error_, tr("The catalog is not open: %1").arg(context_.catalogError()));
    return false;
  }
  train::RunLaunch launch;
  launch.config = draft_.config;
  launch.config.modelFolder = draft_.model->path;
  launch.config.outputFolder = outputFolder();
  launch.name = name.toStdString();
  launch.modelId = draft_.model->id;
  launch.datasetId = draft_.dataset->id;
  launch.preset = train::presetKey(draft_.preset);
  try {
    // The worker (`tiertune-cli train --run`) takes the output folder for itself: the lock goes
    // with `recorded`, before runCreated starts it.
    const train::RecordedRun recorded = train::recordRun(*store, std::move(launch));
    created_ = recorded.id;
  } catch (const train::OutputFolderInUse& refusal) {
    showFolderInUse(refusal.user());
    return false;
  } catch (const std::exception& error) {
    showError(error_, tr("The run could not be created: %1").arg(errorText(error)));
    return false;
  }
  context_.notifyCatalogChanged();
  emit runCreated(*created_);
  return true;
}

}  // namespace tiertune::gui
