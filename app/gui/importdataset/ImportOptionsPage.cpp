#include "app/gui/importdataset/ImportOptionsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLocale>
#include <QSpinBox>
#include <algorithm>

#include "app/gui/RangeSpinBox.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/importdataset/ImportDraft.h"

namespace tiertune::gui {

namespace {

// The longest example the options offer, and the default when the model's context holds it.
constexpr int kMostTokens = 131072;
constexpr int kDefaultTokens = 2048;

}  // namespace

ImportOptionsPage::ImportOptionsPage(ImportDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Split and options"));
  setSubTitle(tr("A share of the rows is held back to measure how well the model does on examples it "
                 "has not trained on."));
  setPageHelp(this, tr("A share of the rows is held back to measure the model on examples it has not trained on; the "
                       "seed decides which rows, so the same seed gives the same split. Examples longer than the "
                       "longest allowed are cut or left out. Usually the model should learn only the answers, not "
                       "the questions."));
  note_ = new RangeNote("optionsNote");
  const QString shareLabel = tr("Held back for validation:");
  const QString seedLabel = tr("Seed of the split:");
  const QString tokensLabel = tr("Longest example (tokens):");
  auto* share = new RangeSpinBox<QDoubleSpinBox>;
  share->reportTo(note_, shareLabel);
  validationShare_ = share;
  validationShare_->setObjectName(QStringLiteral("validationShare"));
  validationShare_->setRange(0, 50);
  validationShare_->setSuffix(QStringLiteral(" %"));
  validationShare_->setValue(5);
  auto* seed = new RangeSpinBox<QSpinBox>;
  seed->reportTo(note_, seedLabel);
  seed_ = seed;
  seed_->setObjectName(QStringLiteral("splitSeed"));
  seed_->setRange(0, 1'000'000);
  seed_->setValue(1234);
  auto* tokens = new RangeSpinBox<QSpinBox>;
  tokens->reportTo(note_, tokensLabel);
  maxTokens_ = tokens;
  maxTokens_->setObjectName(QStringLiteral("maxTokens"));
  maxTokens_->setRange(16, kMostTokens);  // at most the model's context: fitLongestExampleToModel
  maxTokens_->setGroupSeparatorShown(true);
  maxTokens_->setValue(kDefaultTokens);
  tooLong_ = new QComboBox;
  tooLong_->setObjectName(QStringLiteral("tooLong"));
  tooLong_->addItem(tr("Cut them to the length"));
  tooLong_->addItem(tr("Leave them out (listed in the report)"));
  lossOn_ = new QComboBox;
  lossOn_->setObjectName(QStringLiteral("lossOn"));
  lossOn_->addItem(tr("Every answer (recommended)"));
  lossOn_->addItem(tr("Only the last answer of each conversation"));
  lossOn_->addItem(tr("Every token, questions included"));
  removeDuplicates_ = new QCheckBox(tr("Leave out exact duplicates (listed in the report)"));
  removeDuplicates_->setObjectName(QStringLiteral("removeDuplicates"));
  removeDuplicates_->setChecked(true);
  auto* form = new QFormLayout(this);
  form->addRow(shareLabel, validationShare_);
  form->addRow(seedLabel, seed_);
  form->addRow(tokensLabel, maxTokens_);
  form->addRow(tr("Longer examples:"), tooLong_);
  form->addRow(tr("The model learns:"), lossOn_);
  form->addRow(QString(), removeDuplicates_);
  form->addRow(note_);
  store();
  connect(validationShare_, &QDoubleSpinBox::valueChanged, this, &ImportOptionsPage::store);
  connect(seed_, &QSpinBox::valueChanged, this, &ImportOptionsPage::store);
  connect(maxTokens_, &QSpinBox::valueChanged, this, &ImportOptionsPage::store);
  connect(tooLong_, &QComboBox::currentIndexChanged, this, &ImportOptionsPage::store);
  connect(lossOn_, &QComboBox::currentIndexChanged, this, &ImportOptionsPage::store);
  connect(removeDuplicates_, &QCheckBox::toggled, this, &ImportOptionsPage::store);
}

bool ImportOptionsPage::validatePage() { return !note_->takeUnseenRefusal(); }

void ImportOptionsPage::fitLongestExampleToModel() {
  const qlonglong context = draft_.modelContext;
  const int limit = context > 0 ? static_cast<int>(std::min<qlonglong>(context, kMostTokens)) : kMostTokens;
  const int chosen = maxTokens_->value();
  const bool byDefault = chosen == defaultMaxTokens_;
  defaultMaxTokens_ = std::min(kDefaultTokens, limit);
  maxTokens_->setMaximum(limit);
  if (byDefault) {
    maxTokens_->setValue(defaultMaxTokens_);
  } else if (chosen > limit) {
    const QLocale locale;
    note_->tell(maxTokens_, tr("The longest example was %1 tokens, more than the context of %2 (%3 tokens), "
                               "so it is now %3 tokens.")
                                .arg(locale.toString(chosen), draft_.modelName, locale.toString(limit)));
  }
}

void ImportOptionsPage::store() {
  data::ImportRequest& request = draft_.chosen;
  request.validationShare = validationShare_->value() / 100.0;
  request.seed = static_cast<std::uint64_t>(seed_->value());
  request.encode.maxTokens = static_cast<std::size_t>(maxTokens_->value());
  request.encode.tooLong = tooLong_->currentIndex() == 1 ? data::TooLongPolicy::Skip : data::TooLongPolicy::Truncate;
  request.encode.lossOn = lossOn_->currentIndex() == 1   ? data::LossOn::LastResponse
                          : lossOn_->currentIndex() == 2 ? data::LossOn::Everything
                                                         : data::LossOn::Responses;
  request.removeDuplicates = removeDuplicates_->isChecked();
}

}  // namespace tiertune::gui
