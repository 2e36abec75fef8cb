#include "app/gui/newrun/AdvancedSettingsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "app/gui/Appearance.h"
#include "app/gui/RangeSpinBox.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/newrun/RunDraft.h"
#include "core/model/lora.h"

namespace tiertune::gui {

namespace {

constexpr double kGigabyte = 1e9;
// More passes over the training examples than this earn a warning; 1 to 3 are usual.
constexpr double kMostPasses = 10;

// Rates such as 0.0002 and 1e-8 read best in scientific form ("2e-04"); a plain spin box would
// show a row of zeros.
class ScientificSpinBox : public RangeSpinBox<QDoubleSpinBox> {
 public:
  ScientificSpinBox(double minimum, double maximum) {
    setDecimals(15);  // the box rounds values to this many decimals
    setRange(minimum, maximum);
    setSingleStep(minimum);
  }
  QString textFromValue(double value) const override { return QLocale().toString(value, 'g', 3); }
  double valueFromText(const QString& text) const override { return QLocale().toDouble(text); }
  QValidator::State validate(QString& text, int&) const override {
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    return ok && value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
  }
  void stepBy(int steps) override { setValue(value() * std::pow(2.0, steps)); }  // halves and doubles
};

QSpinBox* spinBox(const char* name, int minimum, int maximum, const QString& special = {}) {
  auto* box = new RangeSpinBox<QSpinBox>;
  box->setObjectName(QString::fromLatin1(name));
  box->setRange(minimum, maximum);
  box->setSpecialValueText(special);
  box->setGroupSeparatorShown(true);
  return box;
}

QDoubleSpinBox* doubleBox(const char* name, double minimum, double maximum, int decimals, double step,
                          const QString& special = {}) {
  auto* box = new RangeSpinBox<QDoubleSpinBox>;
  box->setObjectName(QString::fromLatin1(name));
  box->setRange(minimum, maximum);
  box->setDecimals(decimals);
  box->setSingleStep(step);
  box->setSpecialValueText(special);
  return box;
}

// A titled group of settings: name, box and explanation side by side.
QGridLayout* group(QVBoxLayout* into, const QString& title) {
  auto* box = new QGroupBox(title);
  auto* grid = new QGridLayout(box);
  grid->setColumnStretch(2, 1);
  grid->setHorizontalSpacing(12);
  into->addWidget(box);
  return grid;
}

double gigabytes(const std::optional<std::uint64_t>& bytes) { return bytes ? static_cast<double>(*bytes) / kGigabyte : 0.0; }
std::optional<std::uint64_t> limitBytes(double gigabytes) {
  if (gigabytes <= 0) return std::nullopt;
  return static_cast<std::uint64_t>(gigabytes * kGigabyte);
}

}  // namespace

AdvancedSettingsPage::AdvancedSettingsPage(RunDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Advanced settings"));
  setSubTitle(tr("Every setting of the run, prefilled from the goal. Change what you know you need; the "
                 "boxes only accept values in a safe range."));
  setPageHelp(this, tr("Every setting is already filled in from the goal, so you can simply go on. Each setting says "
                       "what it does beside its box, and the boxes accept only values in a safe range. Going back to "
                       "another goal, model or dataset fills them in again. Next checks that the settings fit "
                       "together and names the one to change if they do not."));
  setPageHelpTopic(this, HelpTopic::LoraOrFull);
  rangeNote_ = new RangeNote("advancedRangeNote");
  const QString noLimit = tr("no limit");
  method_ = new QComboBox;
  method_->setObjectName(QStringLiteral("advMethod"));
  method_->addItem(tr("LoRA (train small adapters)"), QStringLiteral("lora"));
  method_->addItem(tr("QLoRA (small adapters, the model kept in 4 bits)"), QStringLiteral("qlora"));
  method_->addItem(tr("Full fine-tune (train every weight)"), QStringLiteral("full"));
  rank_ = spinBox("advRank", 1, 512);
  alpha_ = doubleBox("advAlpha", 0.5, 2048, 1, 1);
  dropout_ = doubleBox("advDropout", 0, 0.5, 2, 0.05);
  learningRate_ = new ScientificSpinBox(1e-7, 1e-2);
  learningRate_->setObjectName(QStringLiteral("advLearningRate"));
  epochs_ = spinBox("advEpochs", 1, 100);
  maxSteps_ = spinBox("advMaxSteps", 0, 10'000'000, tr("as the epochs say"));
  sequenceLength_ = spinBox("advSequenceLength", 16, 1'048'576);
  sequenceLength_->setSingleStep(128);
  microBatch_ = spinBox("advMicroBatch", 1, 256);
  accumulation_ = spinBox("advAccumulation", 1, 4096);
  schedule_ = new QComboBox;
  schedule_->setObjectName(QStringLiteral("advSchedule"));
  schedule_->addItem(tr("Cosine (slows down smoothly)"), int(train::LrSchedule::Cosine));
  schedule_->addItem(tr("Linear (falls in a straight line)"), int(train::LrSchedule::Linear));
  schedule_->addItem(tr("Constant"), int(train::LrSchedule::Constant));
  warmupSteps_ = spinBox("advWarmupSteps", 0, 1'000'000, tr("use the share"));
  warmupRatio_ = doubleBox("advWarmupRatio", 0, 0.5, 3, 0.01);
  minLrRatio_ = doubleBox("advMinLrRatio", 0, 1, 2, 0.05);
  maxGradNorm_ = doubleBox("advMaxGradNorm", 0, 100, 2, 0.1, tr("no clipping"));
  weightDecay_ = doubleBox("advWeightDecay", 0, 1, 3, 0.01);
  beta1_ = doubleBox("advBeta1", 0, 0.999, 3, 0.01);
  beta2_ = doubleBox("advBeta2", 0, 0.9999, 4, 0.001);
  epsilon_ = new ScientificSpinBox(1e-12, 1e-4);
  epsilon_->setObjectName(QStringLiteral("advEpsilon"));
  evalEvery_ = spinBox("advEvalEvery", 0, 10'000'000, tr("at the end only"));
  evalSamples_ = spinBox("advEvalSamples", 0, 16, tr("none"));
  evalSampleTokens_ = spinBox("advEvalSampleTokens", 1, 512);
  checkpointEvery_ = spinBox("advCheckpointEvery", 0, 10'000'000, tr("at the end only"));
  keepCheckpoints_ = spinBox("advKeepCheckpoints", 0, 1000, tr("keep all"));
  seed_ = spinBox("advSeed", 0, std::numeric_limits<int>::max());
  threads_ = spinBox("advThreads", 0, 1024, tr("all cores"));
  backend_ = new QComboBox;
  backend_->setObjectName(QStringLiteral("advBackend"));
  backend_->addItem(tr("Automatic (the graphics card when there is one)"), int(hardware::BackendRequest::Auto));
  backend_->addItem(tr("Graphics card (NVIDIA GPU)"), int(hardware::BackendRequest::Cuda));
  backend_->addItem(tr("Processor (CPU)"), int(hardware::BackendRequest::Cpu));
  device_ = spinBox("advDevice", -1, 63, tr("the one with the most memory"));
  activationCheckpointing_ = new QCheckBox(tr("Recompute activations in the backward pass"));
  activationCheckpointing_->setObjectName(QStringLiteral("advActivationCheckpointing"));
  deviceLimit_ = doubleBox("advDeviceLimit", 0, 100'000, 1, 1, noLimit);
  ramLimit_ = doubleBox("advRamLimit", 0, 100'000, 1, 1, noLimit);
  diskLimit_ = doubleBox("advDiskLimit", 0, 1'000'000, 1, 10, noLimit);
  for (QDoubleSpinBox* box : {deviceLimit_, ramLimit_, diskLimit_}) box->setSuffix(tr(" GB"));

  auto* targets = new QWidget;
  auto* targetGrid = new QGridLayout(targets);
  targetGrid->setContentsMargins(0, 0, 0, 0);
  for (int module = 0; module < model::kLinearModuleCount; ++module) {
    const QString name = QString::fromLatin1(model::moduleShortName(static_cast<model::LinearModule>(module)));
    auto* box = new QCheckBox(name);
    box->setObjectName(QStringLiteral("advTarget_") + name);
    targetGrid->addWidget(box, module / 4, module % 4);
    targets_.push_back(box);
  }

  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  QGridLayout* form = group(column, tr("What is trained"));
  addRow(form, tr("Method:"), method_, tr("LoRA trains small adapters beside the frozen model: far less memory, and "
                                          "the result is a small file. QLoRA does the same with the model kept in 4 "
                                          "bits: about a quarter of the model's memory, slightly slower steps. Full "
                                          "fine-tuning changes every weight."));
  addRow(form, tr("LoRA rank:"), rank_, tr("Size of the adapters. 8–64 is usual; higher holds more, costs more memory."));
  addRow(form, tr("LoRA alpha:"), alpha_, tr("Strength of the adapters; usually twice the rank."));
  addRow(form, tr("LoRA dropout:"), dropout_, tr("Share of the adapters' input dropped while training (0–0.1) "
                                                 "against memorizing a small dataset."));
  addRow(form, tr("Adapted layers:"), targets, tr("The projections that get adapters: attention (q, k, v, o) and "
                                                  "the feed-forward block (gate, up, down)."));
  form = group(column, tr("How fast it learns"));
  addRow(form, tr("Learning rate:"), learningRate_, tr("Size of each update. LoRA: 1e-4 to 3e-4; full fine-tuning "
                                                       "about ten times lower (1e-5 to 3e-5)."));
  addRow(form, tr("Epochs:"), epochs_, tr("Passes over the training examples. 1–3; more passes memorize."));
  addRow(form, tr("Stop after steps:"), maxSteps_, tr("A fixed number of optimizer steps instead of the epochs."));
  repeats_ = new QLabel;
  repeats_->setObjectName(QStringLiteral("advRepeatsWarning"));
  repeats_->setWordWrap(true);
  showAsProblem(repeats_);
  repeats_->hide();
  form->addWidget(repeats_, form->rowCount(), 1, 1, 2);
  addRow(form, tr("Schedule:"), schedule_, tr("How the learning rate falls after the warm-up."));
  addRow(form, tr("Warm-up steps:"), warmupSteps_, tr("Steps at the start in which the rate rises from zero."));
  addRow(form, tr("Warm-up share:"), warmupRatio_, tr("The warm-up as a share of all steps (0.03 is 3 %), when no "
                                                      "number of steps is given."));
  addRow(form, tr("Lowest rate:"), minLrRatio_, tr("Where the schedule ends, as a share of the learning rate."));
  addRow(form, tr("Gradient clipping:"), maxGradNorm_, tr("Caps the size of an update (1.0 is usual) so that one odd "
                                                          "batch cannot throw the model off."));
  addRow(form, tr("Weight decay:"), weightDecay_, tr("Pulls weights toward zero a little each step (0–0.1)."));
  addRow(form, tr("Adam beta 1:"), beta1_, tr("How much of the past updates' direction each update keeps (0.9)."));
  addRow(form, tr("Adam beta 2:"), beta2_, tr("How slowly Adam's sense of the gradients' size changes (0.999)."));
  addRow(form, tr("Adam epsilon:"), epsilon_, tr("Keeps Adam from dividing by zero (1e-8)."));
  form = group(column, tr("Length and batch"));
  addRow(form, tr("Sequence length:"), sequenceLength_, tr("Tokens per example; longer examples are cut. At most "
                                                          "the model's context. Memory grows with it."));
  addRow(form, tr("Micro-batch:"), microBatch_, tr("Examples that go through the model at once. Memory grows with it."));
  addRow(form, tr("Accumulation:"), accumulation_, tr("Micro-batches added up before each update: a larger batch "
                                                      "without the memory. Examples per update = micro-batch × "
                                                      "accumulation."));
  addRow(form, tr("Activation checkpointing:"), activationCheckpointing_,
         tr("Keeps only each layer's input and recomputes the rest: much less memory for about a third more compute."));
  form = group(column, tr("Evaluation and checkpoints"));
  addRow(form, tr("Evaluate every:"), evalEvery_, tr("Optimizer steps between validation losses."));
  addRow(form, tr("Sample answers:"), evalSamples_, tr("Prompts the model answers at each evaluation, from the "
                                                       "validation samples (from the training samples when there are "
                                                       "none), shown in the run monitor's Samples tab."));
  addRow(form, tr("Sample length:"), evalSampleTokens_, tr("New tokens per sample answer, at most."));
  addRow(form, tr("Checkpoint every:"), checkpointEvery_, tr("Optimizer steps between saved checkpoints, to resume from "
                                                             "or export."));
  addRow(form, tr("Keep checkpoints:"), keepCheckpoints_, tr("The newest checkpoints kept; older ones are removed."));
  form = group(column, tr("Machine"));
  addRow(form, tr("Training memory limit:"), deviceLimit_, tr("Caps the GPU memory the run may use or, when the processor "
                                                              "trains, the memory set aside for its calculations."));
  addRow(form, tr("RAM limit:"), ramLimit_, tr("Caps the RAM the run may use beyond that."));
  addRow(form, tr("Disk limit:"), diskLimit_, tr("Caps the space on the offload folder's SSD the run may use."));
  addRow(form, tr("Train on:"), backend_, tr("Where the run computes. Automatic takes the graphics card when this "
                                            "machine has one that can train (NVIDIA Ampere or newer), else the "
                                            "processor."));
  addRow(form, tr("Graphics card number:"), device_, tr("Which graphics card trains, counted from 0 as the Home "
                                                       "page lists them, on a machine with several."));
  addRow(form, tr("Threads:"), threads_, tr("Processor threads the run computes with."));
  addRow(form, tr("Seed:"), seed_, tr("Decides the data order and the adapters' start; the same seed repeats a run."));
  column->addStretch();

  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  error_ = new QLabel;
  error_->setObjectName(QStringLiteral("advancedError"));
  error_->setWordWrap(true);
  showAsProblem(error_);
  error_->hide();
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(scroll, 1);
  layout->addWidget(rangeNote_);
  layout->addWidget(error_);
  connect(method_, &QComboBox::currentIndexChanged, this, &AdvancedSettingsPage::updateMethod);
  for (QSpinBox* box : {epochs_, maxSteps_, microBatch_, accumulation_}) {
    connect(box, &QSpinBox::valueChanged, this, &AdvancedSettingsPage::updateLength);
  }
  connect(backend_, &QComboBox::currentIndexChanged, this, &AdvancedSettingsPage::updateBackend);
}

void AdvancedSettingsPage::updateBackend() {
  device_->setEnabled(backend_->currentData().toInt() != int(hardware::BackendRequest::Cpu));
}

void AdvancedSettingsPage::addRow(QGridLayout* grid, const QString& label, QWidget* field, const QString& explanation) {
  const int row = grid->rowCount();
  auto* name = new QLabel(label);
  name->setBuddy(field);
  auto* words = new QLabel(explanation);
  words->setWordWrap(true);
  QFont small = words->font();
  small.setPointSizeF(small.pointSizeF() * 0.9);
  words->setFont(small);
  field->setToolTip(explanation);
  if (auto* range = dynamic_cast<RangeReporting*>(field)) range->reportTo(rangeNote_, label);
  field->setMinimumWidth(200);
  grid->addWidget(name, row, 0, Qt::AlignTop | Qt::AlignLeft);
  grid->addWidget(field, row, 1, Qt::AlignTop);
  grid->addWidget(words, row, 2, Qt::AlignTop);
}

void AdvancedSettingsPage::updateLength() {
  // A number of steps overrides the epochs: the box would only mislead.
  epochs_->setEnabled(maxSteps_->value() == 0);
  // Many steps over few examples repeat each of them: the model learns them by heart.
  const std::int64_t examples = draft_.dataset ? draft_.dataset->trainRows : 0;
  const qint64 perStep = qint64(microBatch_->value()) * accumulation_->value();
  const qint64 steps = maxSteps_->value();
  const double passes = examples > 0 ? double(steps) * double(perStep) / double(examples) : 0;
  if (steps == 0 || passes <= kMostPasses) {
    repeats_->clear();
    repeats_->hide();
    return;
  }
  const QLocale locale;
  const qint64 stepsPerPass = (examples + perStep - 1) / perStep;
  repeats_->setText(tr("%1 steps show each of the %2 training examples about %3 times: the model learns them by heart "
                       "instead of learning from them. Usual is 1 to 3 passes over the examples, here %4 to %5 steps.")
                        .arg(locale.toString(steps), locale.toString(static_cast<qlonglong>(examples)),
                             locale.toString(qRound64(passes)), locale.toString(stepsPerPass),
                             locale.toString(3 * stepsPerPass)));
  repeats_->show();
}

void AdvancedSettingsPage::updateMethod() {
  const bool lora = method_->currentData().toString() != QStringLiteral("full");
  for (QWidget* widget : {static_cast<QWidget*>(rank_), static_cast<QWidget*>(alpha_), static_cast<QWidget*>(dropout_)}) {
    widget->setEnabled(lora);
  }
  for (QCheckBox* box : targets_) box->setEnabled(lora);
}

void AdvancedSettingsPage::load() {
  const train::RunConfig& c = draft_.config;
  method_->setCurrentIndex(method_->findData(QString::fromLatin1(train::methodKey(c))));
  rank_->setValue(static_cast<int>(c.loraConfig.rank));
  alpha_->setValue(c.loraConfig.alpha);
  dropout_->setValue(c.loraConfig.dropout);
  for (int module = 0; module < model::kLinearModuleCount; ++module) {
    targets_[module]->setChecked(c.loraConfig.adapts(static_cast<model::LinearModule>(module)));
  }
  learningRate_->setValue(c.adamw.learningRate);
  epochs_->setValue(static_cast<int>(c.epochs));
  maxSteps_->setValue(static_cast<int>(c.maxSteps.value_or(0)));
  sequenceLength_->setValue(static_cast<int>(c.sequenceLength));
  microBatch_->setValue(static_cast<int>(c.microBatch));
  accumulation_->setValue(static_cast<int>(c.gradientAccumulation));
  schedule_->setCurrentIndex(schedule_->findData(int(c.schedule)));
  warmupSteps_->setValue(static_cast<int>(c.warmupSteps));
  warmupRatio_->setValue(c.warmupRatio);
  minLrRatio_->setValue(c.minLrRatio);
  maxGradNorm_->setValue(c.maxGradNorm);
  weightDecay_->setValue(c.adamw.weightDecay);
  beta1_->setValue(c.adamw.beta1);
  beta2_->setValue(c.adamw.beta2);
  epsilon_->setValue(c.adamw.epsilon);
  evalEvery_->setValue(static_cast<int>(c.evalEvery));
  evalSamples_->setValue(static_cast<int>(c.evalSamples));
  evalSampleTokens_->setValue(static_cast<int>(c.evalSampleTokens));
  checkpointEvery_->setValue(static_cast<int>(c.checkpointEvery));
  keepCheckpoints_->setValue(static_cast<int>(c.keepCheckpoints));
  seed_->setValue(static_cast<int>(c.seed % static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
  threads_->setValue(c.threads);
  backend_->setCurrentIndex(backend_->findData(int(c.backend)));
  device_->setValue(c.device.value_or(-1));
  updateBackend();
  activationCheckpointing_->setChecked(c.activationCheckpointing);
  deviceLimit_->setValue(gigabytes(c.budgets.deviceBytes));
  ramLimit_->setValue(gigabytes(c.budgets.hostBytes));
  diskLimit_->setValue(gigabytes(c.budgets.diskBytes));
  updateMethod();
  updateLength();
  error_->hide();
}

QString AdvancedSettingsPage::problem() const {
  const QLocale locale;
  const std::int64_t context = draft_.model ? draft_.model->contextLength : 0;
  if (context > 0 && sequenceLength_->value() > context) {
    return tr("The sequence length (%1 tokens) is longer than the model's context (%2 tokens). Choose %2 or less.")
        .arg(locale.toString(sequenceLength_->value()), locale.toString(static_cast<qlonglong>(context)));
  }
  const bool lora = method_->currentData().toString() != QStringLiteral("full");
  if (lora && std::none_of(targets_.begin(), targets_.end(), [](const QCheckBox* box) { return box->isChecked(); })) {
    return tr("LoRA needs at least one adapted layer: tick one or more of q_proj … down_proj.");
  }
  const qint64 perStep = qint64(microBatch_->value()) * accumulation_->value();
  const std::int64_t examples = draft_.dataset ? draft_.dataset->trainRows : 0;
  if (examples > 0 && perStep > examples) {
    return tr("Each update would use %1 examples (micro-batch × accumulation), but the dataset has only %2 training "
              "examples. Lower the micro-batch or the accumulation.")
        .arg(locale.toString(perStep), locale.toString(static_cast<qlonglong>(examples)));
  }
  return {};
}

void AdvancedSettingsPage::store() {
  train::RunConfig& c = draft_.config;
  c.lora = method_->currentData().toString() != QStringLiteral("full");
  c.fourBitBase = method_->currentData().toString() == QStringLiteral("qlora");
  c.loraConfig.rank = rank_->value();
  c.loraConfig.alpha = alpha_->value();
  c.loraConfig.dropout = dropout_->value();
  c.loraConfig.targets.clear();
  for (int module = 0; module < model::kLinearModuleCount; ++module) {
    if (targets_[module]->isChecked()) c.loraConfig.targets.push_back(static_cast<model::LinearModule>(module));
  }
  if (c.loraConfig.targets.empty()) c.loraConfig.targets = model::LoraConfig{}.targets;  // full fine-tuning ignores them
  c.adamw.learningRate = learningRate_->value();
  c.epochs = epochs_->value();
  c.maxSteps = maxSteps_->value() > 0 ? std::optional<std::int64_t>(maxSteps_->value()) : std::nullopt;
  c.sequenceLength = sequenceLength_->value();
  c.microBatch = microBatch_->value();
  c.gradientAccumulation = accumulation_->value();
  c.schedule = static_cast<train::LrSchedule>(schedule_->currentData().toInt());
  c.warmupSteps = warmupSteps_->value();
  c.warmupRatio = warmupRatio_->value();
  c.minLrRatio = minLrRatio_->value();
  c.maxGradNorm = maxGradNorm_->value();
  c.adamw.weightDecay = weightDecay_->value();
  c.adamw.beta1 = beta1_->value();
  c.adamw.beta2 = beta2_->value();
  c.adamw.epsilon = epsilon_->value();
  c.evalEvery = evalEvery_->value();
  c.evalSamples = evalSamples_->value();
  c.evalSampleTokens = evalSampleTokens_->value();
  c.checkpointEvery = checkpointEvery_->value();
  c.keepCheckpoints = keepCheckpoints_->value();
  c.seed = static_cast<std::uint64_t>(seed_->value());
  c.threads = threads_->value();
  c.backend = static_cast<hardware::BackendRequest>(backend_->currentData().toInt());
  c.device = device_->value() >= 0 && c.backend != hardware::BackendRequest::Cpu ? std::optional<int>(device_->value())
                                                                                   : std::nullopt;
  c.activationCheckpointing = activationCheckpointing_->isChecked();
  c.budgets.deviceBytes = limitBytes(deviceLimit_->value());
  c.budgets.hostBytes = limitBytes(ramLimit_->value());
  c.budgets.diskBytes = limitBytes(diskLimit_->value());
}

bool AdvancedSettingsPage::validatePage() {
  if (rangeNote_->takeUnseenRefusal()) return false;
  const QString text = problem();
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
  if (!text.isEmpty()) return false;
  store();
  return true;
}

}  // namespace tiertune::gui
