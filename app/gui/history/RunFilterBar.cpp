#include "app/gui/history/RunFilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

#include "app/gui/history/RunText.h"

namespace tiertune::gui {

namespace {

constexpr int kTypingPauseMs = 250;

void fillIds(QComboBox* box, const QString& all, const std::vector<NamedId>& entries) {
  const QVariant chosen = box->currentData();
  const QSignalBlocker quiet(box);  // refilling is not a change of filter
  box->clear();
  box->addItem(all);
  for (const NamedId& entry : entries) box->addItem(entry.name, QVariant::fromValue(static_cast<qint64>(entry.id)));
  const int index = chosen.isValid() ? box->findData(chosen) : 0;
  box->setCurrentIndex(index < 0 ? 0 : index);
}

std::optional<catalog::Id> chosenId(const QComboBox* box) {
  const QVariant data = box->currentData();
  if (!data.isValid()) return std::nullopt;
  return static_cast<catalog::Id>(data.toLongLong());
}

}  // namespace

RunFilterBar::RunFilterBar(QWidget* parent)
    : QWidget(parent), search_(new QLineEdit), status_(new QComboBox), model_(new QComboBox),
      dataset_(new QComboBox) {
  search_->setObjectName(QStringLiteral("runSearch"));
  search_->setAccessibleName(tr("Search runs"));
  search_->setPlaceholderText(tr("Search names and notes"));
  search_->setClearButtonEnabled(true);
  status_->setObjectName(QStringLiteral("runStatusFilter"));
  model_->setObjectName(QStringLiteral("runModelFilter"));
  dataset_->setObjectName(QStringLiteral("runDatasetFilter"));
  status_->addItem(tr("All statuses"));
  using catalog::RunStatus;
  for (const RunStatus status : {RunStatus::Queued, RunStatus::Running, RunStatus::Paused, RunStatus::Completed,
                                 RunStatus::Failed, RunStatus::Stopped}) {
    status_->addItem(RunText::status(status), static_cast<int>(status));
  }
  setChoices({});
  for (QComboBox* box : {model_, dataset_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setMaximumWidth(260);
  }

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(search_, 2);
  layout->addWidget(status_);
  layout->addWidget(model_, 1);
  layout->addWidget(dataset_, 1);

  typingPause_.setSingleShot(true);
  typingPause_.setInterval(kTypingPauseMs);
  connect(search_, &QLineEdit::textChanged, &typingPause_, qOverload<>(&QTimer::start));
  connect(&typingPause_, &QTimer::timeout, this, &RunFilterBar::changed);
  for (QComboBox* box : {status_, model_, dataset_}) {
    connect(box, &QComboBox::currentIndexChanged, this, &RunFilterBar::changed);
  }
}

void RunFilterBar::setChoices(const FilterChoices& choices) {
  fillIds(model_, tr("All models"), choices.models);
  fillIds(dataset_, tr("All datasets"), choices.datasets);
}

void RunFilterBar::applyTo(catalog::RunQuery& query) const {
  query.search = search_->text().trimmed().toStdString();
  query.status.reset();
  if (const QVariant status = status_->currentData(); status.isValid()) {
    query.status = static_cast<catalog::RunStatus>(status.toInt());
  }
  query.modelId = chosenId(model_);
  query.datasetId = chosenId(dataset_);
}

void RunFilterBar::clear() {
  {
    const QSignalBlocker quietSearch(search_);
    const QSignalBlocker quietStatus(status_);
    const QSignalBlocker quietModel(model_);
    const QSignalBlocker quietDataset(dataset_);
    search_->clear();
    for (QComboBox* box : {status_, model_, dataset_}) box->setCurrentIndex(0);
  }
  emit changed();
}

}  // namespace tiertune::gui
