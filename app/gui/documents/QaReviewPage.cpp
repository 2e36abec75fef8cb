#include "app/gui/documents/QaReviewPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"

namespace tiertune::gui {

using namespace tiertune::documents;

namespace {

constexpr int kPositionRole = Qt::UserRole;  // on a row's first cell: its place in QaReview::pairs()
// Rows up to this many are as tall as their wrapped text; more would make every layout of the
// table slow, so they keep one line each and show the whole text in their tooltip.
constexpr int kRowsFittedToText = 1000;

QString text(const std::string& value) { return QString::fromStdString(value); }

QTableWidgetItem* cell(const QString& value, bool editable = false) {
  auto* item = new QTableWidgetItem(value);
  Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (editable) flags |= Qt::ItemIsEditable;
  item->setFlags(flags);
  return item;
}

}  // namespace

QaReviewPage::QaReviewPage(DocumentsDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Review the questions and answers"));
  setSubTitle(tr("Every pair becomes an example of the dataset unless you reject it. Double-click a question or an "
                 "answer to correct it."));
  setPageHelp(this, tr("Read the pairs, reject those that are wrong or useless and correct those that are nearly "
                       "right (double-click the question or the answer). Filter by words, by state or by document to "
                       "go through them in parts. Your decisions are saved as you make them: if you close the wizard, "
                       "opening it again with the same name goes on with them. The parts for which the model gave no "
                       "usable reply are listed below with the reason; select one to see the replies."));

  filterText_ = new QLineEdit;
  filterText_->setObjectName(QStringLiteral("reviewFilterText"));
  filterText_->setPlaceholderText(tr("Words in the question or the answer"));
  filterText_->setClearButtonEnabled(true);
  filterState_ = new QComboBox;
  filterState_->setObjectName(QStringLiteral("reviewFilterState"));
  filterState_->addItem(tr("All"), -1);
  filterState_->addItem(tr("Accepted"), static_cast<int>(QaPairState::Accepted));
  filterState_->addItem(tr("Edited"), static_cast<int>(QaPairState::Edited));
  filterState_->addItem(tr("Rejected"), static_cast<int>(QaPairState::Rejected));
  filterDocument_ = new QComboBox;
  filterDocument_->setObjectName(QStringLiteral("reviewFilterDocument"));
  auto* filterTextLabel = new QLabel(tr("Find:"));
  filterTextLabel->setBuddy(filterText_);
  auto* filterStateLabel = new QLabel(tr("State:"));
  filterStateLabel->setBuddy(filterState_);
  auto* filterDocumentLabel = new QLabel(tr("Document:"));
  filterDocumentLabel->setBuddy(filterDocument_);
  auto* filters = new QHBoxLayout;
  filters->addWidget(filterTextLabel);
  filters->addWidget(filterText_, 2);
  filters->addWidget(filterStateLabel);
  filters->addWidget(filterState_);
  filters->addWidget(filterDocumentLabel);
  filters->addWidget(filterDocument_, 1);
  connect(filterText_, &QLineEdit::textChanged, this, &QaReviewPage::fillTable);
  connect(filterState_, &QComboBox::currentIndexChanged, this, &QaReviewPage::fillTable);
  connect(filterDocument_, &QComboBox::currentIndexChanged, this, &QaReviewPage::fillTable);

  table_ = new QTableWidget(0, ColumnCount);
  table_->setObjectName(QStringLiteral("reviewTable"));
  table_->setAccessibleName(tr("Questions and answers"));
  table_->setHorizontalHeaderLabels({tr("Question"), tr("Answer"), tr("Document"), tr("Pages"), tr("State")});
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setMinimumSectionSize(64);  // a header as short as "Pages" stays whole
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  table_->horizontalHeader()->setSectionResizeMode(QuestionColumn, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(AnswerColumn, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(DocumentColumn, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(PagesColumn, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
  connect(table_, &QTableWidget::itemChanged, this, &QaReviewPage::edited);

  accept_ = new QPushButton(tr("Accept"));
  accept_->setAutoDefault(false);  // Return stays the wizard's Next
  accept_->setObjectName(QStringLiteral("acceptPairs"));
  accept_->setToolTip(tr("Keeps the selected pairs in the dataset (an edited pair keeps your text)."));
  reject_ = new QPushButton(tr("Reject"));
  reject_->setAutoDefault(false);
  reject_->setObjectName(QStringLiteral("rejectPairs"));
  reject_->setToolTip(tr("Leaves the selected pairs out of the dataset."));
  revert_ = new QPushButton(tr("Use the model's text"));
  revert_->setAutoDefault(false);
  revert_->setObjectName(QStringLiteral("revertPairs"));
  revert_->setToolTip(tr("Undoes your corrections of the selected pairs."));
  for (QPushButton* button : {accept_, reject_, revert_}) button->setEnabled(false);
  connect(accept_, &QPushButton::clicked, this, [this] { decide(true); });
  connect(reject_, &QPushButton::clicked, this, [this] { decide(false); });
  connect(revert_, &QPushButton::clicked, this, &QaReviewPage::revertSelected);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    const bool any = !selectedPositions().empty();
    for (QPushButton* button : {accept_, reject_, revert_}) button->setEnabled(any);
  });
  summary_ = wrappedLabel("reviewSummary");
  error_ = errorLabel("reviewError");
  auto* actions = new QHBoxLayout;
  actions->addWidget(accept_);
  actions->addWidget(reject_);
  actions->addWidget(revert_);
  actions->addWidget(summary_, 1);

  auto* pairsBox = new QWidget;
  auto* pairsLayout = new QVBoxLayout(pairsBox);
  pairsLayout->setContentsMargins(0, 0, 0, 0);
  pairsLayout->addLayout(filters);
  pairsLayout->addWidget(table_, 1);
  pairsLayout->addLayout(actions);
  pairsLayout->addWidget(error_);

  failuresTitle_ = wrappedLabel("reviewFailuresTitle");
  failures_ = new QTableWidget(0, 3);
  failures_->setObjectName(QStringLiteral("reviewFailures"));
  failures_->setAccessibleName(tr("Parts without a usable reply"));
  failures_->setHorizontalHeaderLabels({tr("Document"), tr("Pages"), tr("Reason")});
  failures_->verticalHeader()->hide();
  failures_->setSelectionBehavior(QAbstractItemView::SelectRows);
  failures_->setSelectionMode(QAbstractItemView::SingleSelection);
  failures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  failures_->horizontalHeader()->setStretchLastSection(true);
  failureDetails_ = new QPlainTextEdit;
  failureDetails_->setObjectName(QStringLiteral("reviewFailureDetails"));
  failureDetails_->setAccessibleName(tr("The model's replies to the selected part"));
  failureDetails_->setReadOnly(true);
  failureDetails_->setPlaceholderText(tr("Select a part to see the model's replies and the part's text."));
  connect(failures_, &QTableWidget::itemSelectionChanged, this, &QaReviewPage::showFailureDetails);
  auto* failuresSplit = new QSplitter(Qt::Horizontal);
  failuresSplit->addWidget(failures_);
  failuresSplit->addWidget(failureDetails_);
  failuresSplit->setStretchFactor(0, 1);
  failuresSplit->setStretchFactor(1, 1);
  failuresBox_ = new QWidget;
  auto* failuresLayout = new QVBoxLayout(failuresBox_);
  failuresLayout->setContentsMargins(0, 0, 0, 0);
  failuresLayout->addWidget(failuresTitle_);
  failuresLayout->addWidget(failuresSplit, 1);

  auto* split = new QSplitter(Qt::Vertical);
  split->setObjectName(QStringLiteral("reviewSplit"));
  split->setChildrenCollapsible(false);
  split->addWidget(pairsBox);
  split->addWidget(failuresBox_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split, 1);
}

QString QaReviewPage::stateText(QaPairState state) {
  switch (state) {
    case QaPairState::Accepted: return tr("Accepted");
    case QaPairState::Edited: return tr("Edited");
    case QaPairState::Rejected: return tr("Rejected");
  }
  return {};
}

QString QaReviewPage::pagesText(int firstPage, int lastPage) {
  if (firstPage <= 0) return {};
  const QLocale locale;
  if (lastPage <= firstPage) return locale.toString(firstPage);
  return tr("%1–%2", "a range of pages").arg(locale.toString(firstPage), locale.toString(lastPage));
}

void QaReviewPage::initializePage() {
  showError(error_, {});
  try {
    review_ = QaReview::open(draft_.jobFolder);
  } catch (const std::exception& problem) {
    review_.reset();
    showError(error_, tr("The questions could not be opened: %1").arg(errorText(problem)));
  }
  // The documents the pairs came from, for the filter; the choice is kept when it is still there.
  const QString chosen = filterDocument_->currentData().toString();
  {
    const QSignalBlocker quiet(filterDocument_);
    filterDocument_->clear();
    filterDocument_->addItem(tr("All documents"), QString());
    if (review_) {
      for (const std::string& document : review_->documents()) filterDocument_->addItem(text(document), text(document));
    }
    const int kept = filterDocument_->findData(chosen);
    filterDocument_->setCurrentIndex(kept >= 0 ? kept : 0);
  }
  fillTable();
  fillFailures();
  emit completeChanged();
}

bool QaReviewPage::isComplete() const {
  if (!review_) return false;
  for (const QaReviewPair& pair : review_->pairs()) {
    if (pair.state() != QaPairState::Rejected) return true;
  }
  return false;
}

void QaReviewPage::fillTable() {
  filling_ = true;
  table_->setRowCount(0);
  if (review_) {
    QaPairFilter filter;
    const int state = filterState_->currentData().toInt();
    if (state >= 0) filter.state = static_cast<QaPairState>(state);
    filter.text = filterText_->text().trimmed().toStdString();
    filter.document = filterDocument_->currentData().toString().toStdString();
    const std::vector<std::size_t> shown = review_->filter(filter);
    table_->setRowCount(static_cast<int>(shown.size()));
    for (int row = 0; row < static_cast<int>(shown.size()); ++row) {
      const QaReviewPair& pair = review_->pairs()[shown[static_cast<std::size_t>(row)]];
      QTableWidgetItem* question = cell({}, true);
      question->setData(kPositionRole, static_cast<qulonglong>(shown[static_cast<std::size_t>(row)]));
      table_->setItem(row, QuestionColumn, question);
      table_->setItem(row, AnswerColumn, cell({}, true));
      QTableWidgetItem* document = cell(text(pair.source.document));
      QString where = text(pair.source.title);
      if (!pair.source.section.empty()) where += QLatin1Char('\n') + tr("Section: %1").arg(text(pair.source.section));
      document->setToolTip(where);
      table_->setItem(row, DocumentColumn, document);
      table_->setItem(row, PagesColumn, cell(pagesText(pair.source.firstPage, pair.source.lastPage)));
      table_->setItem(row, StateColumn, cell({}));
      showRow(row);
    }
  }
  const bool fitted = table_->rowCount() <= kRowsFittedToText;
  table_->setWordWrap(fitted);
  table_->verticalHeader()->setSectionResizeMode(fitted ? QHeaderView::ResizeToContents : QHeaderView::Interactive);
  filling_ = false;
  showSummary();
}

// The pair's text and state on its row, as the review has them now.
void QaReviewPage::showRow(int row) {
  const bool wasFilling = std::exchange(filling_, true);
  const std::size_t position = table_->item(row, QuestionColumn)->data(kPositionRole).toULongLong();
  const QaReviewPair& pair = review_->pairs()[position];
  const QaPair& kept = pair.text();
  const bool rejected = pair.state() == QaPairState::Rejected;
  const QColor secondary = meaningColors(table_->palette()).secondaryText;
  for (const int column : {QuestionColumn, AnswerColumn}) {
    QTableWidgetItem* item = table_->item(row, column);
    const std::string& value = column == QuestionColumn ? kept.question : kept.answer;
    const std::string& generated = column == QuestionColumn ? pair.generated.question : pair.generated.answer;
    item->setText(text(value));
    QString tip = text(value);
    if (pair.edit && value != generated) tip += QStringLiteral("\n\n") + tr("The model wrote: %1").arg(text(generated));
    item->setToolTip(tip);
    QFont font = item->font();
    font.setStrikeOut(rejected);
    item->setFont(font);
    if (rejected) item->setForeground(secondary);
    else item->setData(Qt::ForegroundRole, QVariant());
  }
  QTableWidgetItem* state = table_->item(row, StateColumn);
  state->setText(stateText(pair.state()));
  filling_ = wasFilling;
}

void QaReviewPage::showSummary() {
  if (!review_) {
    summary_->clear();
    return;
  }
  std::size_t kept = 0, edited = 0, rejected = 0;
  for (const QaReviewPair& pair : review_->pairs()) {
    switch (pair.state()) {
      case QaPairState::Accepted: ++kept; break;
      case QaPairState::Edited: ++kept, ++edited; break;
      case QaPairState::Rejected: ++rejected; break;
    }
  }
  const QLocale locale;
  const auto number = [&locale](std::size_t value) { return locale.toString(static_cast<qulonglong>(value)); };
  QString line = tr("Pairs: %1. Kept: %2, of which edited: %3. Rejected: %4.")
                     .arg(number(review_->pairs().size()), number(kept), number(edited), number(rejected));
  if (kept == 0) line = nextSentence(line, tr("Keep at least one pair to go on."));
  showAsProblem(summary_, kept == 0);
  summary_->setText(line);
}

void QaReviewPage::fillFailures() {
  failures_->setRowCount(0);
  failureDetails_->clear();
  const std::size_t count = review_ ? review_->failedChunks().size() : 0;
  QString title;
  if (review_ && !review_->jobComplete()) {
    title = tr("The writing was stopped: these are the pairs of the parts done so far.");
  }
  if (count > 0) {
    title = nextSentence(title, tr("Parts without a usable reply (nothing of them is kept): %1")
                                    .arg(QLocale().toString(static_cast<qulonglong>(count))));
  }
  failuresTitle_->setText(title);
  failuresBox_->setVisible(!title.isEmpty());
  failures_->setVisible(count > 0);
  failureDetails_->setVisible(count > 0);
  if (count == 0) return;
  failures_->setRowCount(static_cast<int>(count));
  for (int row = 0; row < static_cast<int>(count); ++row) {
    const QaFailedChunk& failed = review_->failedChunks()[static_cast<std::size_t>(row)];
    QStringList replies;
    for (const QaAttempt& attempt : failed.attempts) replies << text(attempt.reply);
    QTableWidgetItem* document = cell(text(failed.source.document));
    document->setToolTip(text(failed.source.title));
    failures_->setItem(row, 0, document);
    failures_->setItem(row, 1, cell(pagesText(failed.source.firstPage, failed.source.lastPage)));
    QTableWidgetItem* reason = cell(text(failed.reason));
    reason->setToolTip(replies.join(QStringLiteral("\n\n")).left(2000));
    failures_->setItem(row, 2, reason);
  }
  failures_->resizeColumnsToContents();
  failures_->horizontalHeader()->setStretchLastSection(true);
}

void QaReviewPage::showFailureDetails() {
  failureDetails_->clear();
  const QList<QTableWidgetItem*> selected = failures_->selectedItems();
  if (!review_ || selected.isEmpty()) return;
  const QaFailedChunk& failed = review_->failedChunks()[static_cast<std::size_t>(selected.first()->row())];
  QStringList blocks;
  int number = 0;
  for (const QaAttempt& attempt : failed.attempts) {
    ++number;
    const QString heading = attempt.problem.empty()
                                ? tr("Reply %1:").arg(number)
                                : tr("Reply %1, not usable: %2").arg(number).arg(text(attempt.problem));
    blocks << heading + QLatin1Char('\n') + text(attempt.reply);
  }
  if (failed.attempts.empty()) blocks << tr("The model was not asked: %1").arg(text(failed.reason));
  blocks << tr("The part:") + QLatin1Char('\n') + text(failed.text);
  failureDetails_->setPlainText(blocks.join(QStringLiteral("\n\n")));
}

std::vector<std::size_t> QaReviewPage::selectedPositions() const {
  std::set<std::size_t> positions;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows(QuestionColumn)) {
    positions.insert(table_->item(index.row(), QuestionColumn)->data(kPositionRole).toULongLong());
  }
  return {positions.begin(), positions.end()};
}

void QaReviewPage::change(const std::function<void(QaReview&)>& apply) {
  if (!review_) return;
  try {
    apply(*review_);
    showError(error_, {});
  } catch (const std::exception& problem) {
    showError(error_, tr("Not changed: %1").arg(errorText(problem)));
  }
  for (int row = 0; row < table_->rowCount(); ++row) showRow(row);
  showSummary();
  emit completeChanged();
}

void QaReviewPage::decide(bool accept) {
  const std::vector<std::size_t> positions = selectedPositions();
  if (positions.empty()) return;
  change([&](QaReview& review) {
    if (accept) review.accept(positions);
    else review.reject(positions);
  });
}

void QaReviewPage::revertSelected() {
  const std::vector<std::size_t> positions = selectedPositions();
  change([&](QaReview& review) {
    for (const std::size_t position : positions) {
      if (review.pairs()[position].edit) review.revertEdit(position);
    }
  });
}

void QaReviewPage::edited(QTableWidgetItem* item) {
  if (filling_ || !review_) return;
  if (item->column() != QuestionColumn && item->column() != AnswerColumn) return;
  const int row = item->row();
  const std::size_t position = table_->item(row, QuestionColumn)->data(kPositionRole).toULongLong();
  const QaPair kept = review_->pairs()[position].text();
  const std::string question = table_->item(row, QuestionColumn)->text().toStdString();
  const std::string answer = table_->item(row, AnswerColumn)->text().toStdString();
  if (question == kept.question && answer == kept.answer) return;
  change([&](QaReview& review) { review.edit(position, question, answer); });
}

}  // namespace tiertune::gui
