#include "app/gui/newrun/MemoryPlanPage.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <functional>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/GpuText.h"
#include "app/gui/NumberText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/history/RunText.h"
#include "app/gui/newrun/RunDraft.h"
#include "app/gui/newrun/PlanText.h"
#include "app/gui/newrun/TierBars.h"
#include "core/data/dataset_import.h"

namespace tiertune::gui {

struct MemoryPlanPage::Outcome {
  int generation = 0;
  std::optional<train::MachinePlan> plan;
  std::filesystem::path tokens;
  QString error;
};

namespace {

QLabel* wrapped(const char* name) {
  auto* label = new QLabel;
  label->setObjectName(QString::fromLatin1(name));
  label->setWordWrap(true);
  return label;
}

QString stepTimeText(double seconds) {
  if (seconds < 1) return MemoryPlanPage::tr("%1 ms").arg(QLocale().toString(seconds * 1000, 'f', 0));
  return MemoryPlanPage::tr("%1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 2 : 1));
}

QString bottleneckText(tiers::Bottleneck bottleneck, bool hasGpu) {
  switch (bottleneck) {
    case tiers::Bottleneck::Compute:
      return hasGpu ? MemoryPlanPage::tr("The graphics card's arithmetic sets the pace: moving state between the tiers keeps up with it.")
                    : MemoryPlanPage::tr("The processor's arithmetic sets the pace: moving state between the tiers keeps up with it.");
    case tiers::Bottleneck::HostDeviceLink:
      return MemoryPlanPage::tr("Copying state between RAM and the training memory sets the pace. More room there "
                                "(a smaller batch or sequence, or LoRA) would keep more of it in place.");
    case tiers::Bottleneck::Disk:
      return MemoryPlanPage::tr("Reading and writing the SSD sets the pace. More RAM for Tiertune, a faster SSD, or "
                                "LoRA instead of full fine-tuning would speed each step up.");
  }
  return {};
}

}  // namespace

MemoryPlanPage::MemoryPlanPage(AppContext& context, RunDraft& draft, QWidget* parent)
    : QWizardPage(parent),
      context_(context),
      draft_(draft),
      busy_(new QProgressBar),
      busyText_(wrapped("planBusyText")),
      verdict_(wrapped("planVerdict")),
      device_(wrapped("planDevice")),
      bars_(new TierBars),
      timing_(wrapped("planTiming")),
      bottleneck_(wrapped("planBottleneck")),
      notes_(wrapped("planNotes")),
      problem_(wrapped("planProblem")),
      fixes_(new QWidget),
      fixesLayout_(new QVBoxLayout(fixes_)) {
  setTitle(tr("Memory plan"));
  setSubTitle(tr("Where each part of the training state will live on this machine, how long a step takes "
                 "and what limits it."));
  setPageHelp(this, tr("The bars show where each part of the training state will live: in the training memory (the "
                       "graphics card, or the processor's share of RAM), in RAM, or on the SSD, against what each may "
                       "hold. The more lives on the SSD, the slower each step. When the run does not fit, the reason is "
                       "shown with buttons that change the settings in one click and plan again."));
  setPageHelpTopic(this, HelpTopic::MemoryPlan);
  busy_->setObjectName(QStringLiteral("planBusy"));
  busy_->setRange(0, 0);  // busy, with no known end
  busy_->setTextVisible(false);
  busyText_->setText(tr("Preparing the dataset for this model and measuring this machine…"));
  QFont bold = verdict_->font();
  bold.setBold(true);
  verdict_->setFont(bold);
  QFont small = notes_->font();
  small.setPointSizeF(small.pointSizeF() * 0.9);
  notes_->setFont(small);
  showAsProblem(problem_);
  fixes_->setObjectName(QStringLiteral("planFixes"));
  fixesLayout_->setContentsMargins(0, 0, 0, 0);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(busy_);
  layout->addWidget(busyText_);
  layout->addWidget(verdict_);
  layout->addWidget(device_);
  layout->addWidget(bars_);
  layout->addWidget(timing_);
  layout->addWidget(bottleneck_);
  layout->addWidget(problem_);
  layout->addWidget(fixes_);
  layout->addWidget(notes_);
  layout->addStretch();
}

MemoryPlanPage::~MemoryPlanPage() = default;  // the job joins a running plan (about a second)

QString MemoryPlanPage::durationText(double seconds) {
  return seconds < 1 ? tr("under a second") : tr("about %1").arg(RunText::duration(seconds));
}

void MemoryPlanPage::initializePage() { replan(); }

bool MemoryPlanPage::isComplete() const { return !planning_ && plan_ && plan_->memory.plan.fits; }

bool MemoryPlanPage::validatePage() {
  if (isComplete()) return true;
  problem_->setText(planning_ ? tr("The plan is not ready yet.")
                              : tr("This run does not fit on this machine. Use one of the changes above first."));
  problem_->show();
  return false;
}

QList<QPushButton*> MemoryPlanPage::fixButtons() const {
  return fixes_->findChildren<QPushButton*>(QString(), Qt::FindDirectChildrenOnly);
}

void MemoryPlanPage::replan() {
  planning_ = true;
  plan_.reset();
  const int generation = ++generation_;
  for (QWidget* widget : {static_cast<QWidget*>(verdict_), static_cast<QWidget*>(device_), static_cast<QWidget*>(bars_), static_cast<QWidget*>(timing_),
                          static_cast<QWidget*>(bottleneck_), static_cast<QWidget*>(notes_),
                          static_cast<QWidget*>(problem_), fixes_}) {
    widget->hide();
  }
  busy_->show();
  busyText_->show();
  emit completeChanged();

  const settings::Settings userSettings = context_.settings();
  train::RunConfig config = draft_.config;
  const std::optional<catalog::DatasetRecord> dataset = draft_.dataset;
  const std::filesystem::path modelFolder = config.modelFolder;
  // Leaving the wizard stops the work (the job asks it to stop and waits for it): building tokens
  // ends at the next row.
  job_.start(
      this,
      [userSettings, config, dataset, modelFolder](std::stop_token stop) mutable {
        Outcome outcome;
        // The worker reads the dataset's tokens for this model's tokenizer; made here (once) when
        // the dataset was imported for another model, so that a missing file shows now, not later.
        if (dataset) config.trainData = data::ensureTokenFolder(userSettings.dataFolder, *dataset, modelFolder, stop);
        outcome.tokens = config.trainData;
        // The GPU's rates from the record the worker keeps: a CUDA context made here would stay with
        // the window and hold GPU memory the run needs.
        // With the run's time: on the processor a step of the run's shape is measured here (a second
        // or two in this thread); on the GPU it is derived from the recorded rates.
        outcome.plan =
            train::planRunOnThisMachine(config, userSettings, train::GpuSpeed::FromRecord, train::RunTime::Estimate);
        return outcome;
      },
      [generation](MemoryPlanPage& page, Outcome outcome) {
        outcome.generation = generation;
        page.showOutcome(outcome);
      },
      [generation](MemoryPlanPage& page, const QString& error) {
        Outcome outcome;
        outcome.generation = generation;
        outcome.error = error;
        page.showOutcome(outcome);
      });
}

void MemoryPlanPage::showOutcome(const Outcome& outcome) {
  if (outcome.generation != generation_) return;
  planning_ = false;
  busy_->hide();
  busyText_->hide();
  if (!outcome.plan) {
    problem_->setText(tr("The plan could not be made: %1").arg(outcome.error));
    problem_->show();
  } else {
    draft_.config.trainData = outcome.tokens;
    plan_ = outcome.plan;
    showPlan();
  }
  emit completeChanged();
  emit planReady();
}

void MemoryPlanPage::showPlan() {
  const tiers::Plan& plan = plan_->memory.plan;
  const tiers::MachineBudget& budget = plan_->machine.budget;
  bars_->setTiers(tierUses(plan, budget));
  bars_->setVisible(!plan.placements.empty());  // a plan refused for its working memory places nothing
  verdict_->setText(plan.fits ? tr("This run fits on this machine.") : tr("This run does not fit on this machine."));
  showAsProblem(verdict_, !plan.fits);
  verdict_->show();
  device_->setText(describeTrainingChoice(plan_->backend));
  device_->show();
  QStringList notes;
  if (plan_->memory.setup.fourBitBase) {
    std::uint64_t frozen = 0;
    for (const tiers::Placement& placement : plan.placements) {
      if (placement.group == tiers::StateGroup::FrozenWeights) frozen += placement.bytes;
    }
    notes << tr("The model is kept in 4 bits while it trains (QLoRA): its weights take %1.").arg(byteSizeText(frozen));
  }
  for (const tiers::PlanNote& note : plan_->machine.notes) notes << PlanText::note(note);
  notes_->setText(notes.join(QLatin1Char(' ')));
  notes_->setVisible(!notes_->text().isEmpty());
  if (plan.fits) {
    timing_->setText(plan_->time ? runTimeText(*plan_->time)
                                 : tr("About %1 per optimizer step; %2 steps take %3 in all.")
                                       .arg(stepTimeText(plan.stepSeconds))
                                       .arg(QLocale().toString(static_cast<qlonglong>(draft_.plannedSteps())))
                                       .arg(durationText(plan.stepSeconds * static_cast<double>(draft_.plannedSteps()))));
    timing_->show();
    bottleneck_->setText(bottleneckText(plan.bottleneck, budget.hasGpu));
    bottleneck_->show();
    return;
  }
  problem_->setText(PlanText::noFit(plan));
  problem_->show();
  showFixes();
}

QString MemoryPlanPage::runTimeText(const train::RunTimeEstimate& time) {
  // durationText and stepTimeText say "about" themselves.
  QString text = tr("In all %1: %2 optimizer steps of %3 each, %4 to start, %5 for evaluations and sample answers, "
                    "%6 for checkpoints.")
                     .arg(durationText(time.totalSeconds))
                     .arg(QLocale().toString(static_cast<qlonglong>(time.steps)))
                     .arg(stepTimeText(time.stepSeconds))
                     .arg(durationText(time.startSeconds))
                     .arg(durationText(time.evaluationSeconds))
                     .arg(durationText(time.checkpointSeconds));
  if (time.busyTotalSeconds) {
    text += QLatin1Char(' ') + tr("This computer is busy with other work now: the run may take up to %1.")
                                   .arg(durationText(*time.busyTotalSeconds));
  }
  text += QLatin1Char(' ') + (time.measured ? tr("A step was measured on this model here.")
                                            : tr("Derived from this computer's measured speed."));
  return text;
}

void MemoryPlanPage::addFix(const char* name, const QString& text, const std::function<void()>& change) {
  auto* button = new QPushButton(text, fixes_);
  button->setObjectName(QString::fromLatin1(name));
  connect(button, &QPushButton::clicked, this, [this, change] {
    change();
    emit settingsChanged();
    replan();
  });
  fixesLayout_->addWidget(button, 0, Qt::AlignLeft);
}

void MemoryPlanPage::showFixes() {
  for (QPushButton* button : fixButtons()) delete button;
  train::RunConfig& config = draft_.config;
  if (!config.lora) {
    addFix("fixUseLora", tr("Use LoRA instead of full fine-tuning"), [this] {
      draft_.preset = train::GoalPreset::BalancedLora;
      draft_.prefillIfChanged();
    });
  } else if (!config.fourBitBase) {
    // QLoRA: the same adapters over the model kept in 4 bits, a quarter of the base's memory.
    addFix("fixUseQlora", tr("Keep the model in 4 bits while training (QLoRA)"), [&config] { config.fourBitBase = true; });
  }
  if (config.sequenceLength >= 128) {
    addFix("fixHalveSequence", tr("Halve the sequence length (to %1 tokens)").arg(config.sequenceLength / 2),
           [&config] { config.sequenceLength /= 2; });
  }
  if (config.microBatch > 1) {
    addFix("fixBatchOfOne",
           tr("Batch of 1 with more accumulation (%1 steps)").arg(config.microBatch * config.gradientAccumulation),
           [&config] {
             config.gradientAccumulation *= config.microBatch;
             config.microBatch = 1;
           });
  }
  if (config.lora && config.loraConfig.rank > 1) {
    addFix("fixLowerRank", tr("Lower the rank (to %1)").arg(config.loraConfig.rank / 2), [&config] {
      config.loraConfig.rank /= 2;
      config.loraConfig.alpha /= 2;  // the same scaling alpha / rank
    });
  }
  if (config.budgets.diskBytes) {
    addFix("fixMoreDisk", tr("Allow more disk (remove the %1 limit)")
                              .arg(byteSizeText(*config.budgets.diskBytes)),
           [&config] { config.budgets.diskBytes.reset(); });
  }
  if (config.budgets.hostBytes) {
    addFix("fixMoreRam", tr("Allow more RAM (remove the %1 limit)")
                             .arg(byteSizeText(*config.budgets.hostBytes)),
           [&config] { config.budgets.hostBytes.reset(); });
  }
  if (config.budgets.deviceBytes) {
    addFix("fixMoreDevice", tr("Allow more training memory (remove the %1 limit)")
                                .arg(byteSizeText(*config.budgets.deviceBytes)),
           [&config] { config.budgets.deviceBytes.reset(); });
  }
  fixes_->setVisible(!fixButtons().isEmpty());
}

}  // namespace tiertune::gui
