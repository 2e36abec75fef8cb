#include "app/gui/pages/RunsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/history/RunCompareDialog.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/history/RunFilterBar.h"
#include "app/gui/history/RunHistoryModel.h"
#include "app/gui/history/RunHistoryWorker.h"
#include "app/gui/newrun/NewRunWizard.h"
#include "app/gui/pages/EmptyState.h"
#include "app/gui/pages/PageHeading.h"
#include "app/gui/runs/RunMonitor.h"
#include "app/gui/runs/RunSupervisor.h"

namespace tiertune::gui {

namespace {

// A long run name does not push the other columns out of view; the full name is in its tooltip.
constexpr int kNameColumnMaxWidth = 320;
// A header's text counts for its column's width up to about this many characters: a long header over
// an empty or narrow column ("Best validation loss") does not take the room the names need. It is
// shortened with "…" and says itself in full in its tooltip.
constexpr int kHeaderCharactersCounted = 9;

enum StackIndex { kTable = 0, kEmpty = 1, kNoMatch = 2, kError = 3 };
const QString kIcon = QStringLiteral(":/icons/runs.svg");

QString bulletList(const std::vector<std::filesystem::path>& paths) {
  QStringList lines;
  for (const auto& path : paths) lines << QStringLiteral("\u2022 ") + QString::fromStdString(path.string());
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

RunsPage::RunsPage(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      worker_(new RunHistoryWorker(this)),
      model_(new RunHistoryModel(*worker_, this)),
      filters_(new RunFilterBar),
      controls_(new QWidget),
      count_(new QLabel),
      problem_(new QLabel),
      newRun_(new QPushButton(tr("New fine-tune…"))),
      compare_(new QPushButton(tr("Compare curves"))),
      details_(new QPushButton(tr("Details…"))),
      delete_(new QPushButton(tr("Delete…"))),
      monitor_(new QPushButton(tr("Monitor"))),
      stop_(new QPushButton(tr("Stop"))),
      resume_(new QPushButton(tr("Resume"))),
      stack_(new QStackedWidget),
      table_(new QTableView),
      empty_(new EmptyState(kIcon, tr("No runs yet"),
                            tr("A run fine-tunes a base model on a dataset. Add a model and import a "
                               "dataset first, then click “New fine-tune…”. Every run is kept here with its status, loss curve "
                               "and checkpoints, so that you can compare, resume and export it."))),
      noMatch_(new EmptyState(kIcon, tr("No run matches"),
                              tr("No run matches the search and filters above. Clear the search "
                                 "field or choose “All” in the lists to see every run."))),
      error_(new EmptyState(kIcon, {}, {})) {  // its words are set when there is an error
  setObjectName(QStringLiteral("runsPage"));
  newRun_->setObjectName(QStringLiteral("newRunButton"));
  newRun_->setToolTip(tr("Choose a model, a dataset and a goal, see the memory plan, and start training."));
  compare_->setObjectName(QStringLiteral("compareRunsButton"));
  compare_->setToolTip(tr("Select two or more runs (Ctrl+click) to see their loss curves together."));
  details_->setObjectName(QStringLiteral("runDetailsButton"));
  delete_->setObjectName(QStringLiteral("deleteRunButton"));
  monitor_->setObjectName(QStringLiteral("monitorRunButton"));
  monitor_->setToolTip(tr("Watch the run live: loss, progress, memory and its log."));
  stop_->setObjectName(QStringLiteral("stopSelectedRunButton"));
  stop_->setToolTip(tr("Save a checkpoint after the current step, then end the run."));
  resume_->setObjectName(QStringLiteral("resumeSelectedRunButton"));
  resume_->setToolTip(tr("Continue a stopped or failed run from its newest checkpoint."));
  for (QPushButton* button : {monitor_, stop_, resume_}) button->hide();  // until setSupervisor
  count_->setObjectName(QStringLiteral("runCount"));
  problem_->setObjectName(QStringLiteral("runsProblem"));
  problem_->setWordWrap(true);
  showAsProblem(problem_);
  problem_->hide();

  table_->setObjectName(QStringLiteral("runTable"));
  table_->setModel(model_);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  // Fixed row height: the view never measures thousands of rows.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setResizeContentsPrecision(50);  // measure 50 rows, not every loaded one
  table_->horizontalHeader()->setSortIndicator(RunHistoryModel::Started, Qt::DescendingOrder);
  table_->setSortingEnabled(true);  // the model sorts in SQL
  table_->setAccessibleName(tr("Runs"));

  stack_->insertWidget(kTable, table_);
  stack_->insertWidget(kEmpty, empty_);
  stack_->insertWidget(kNoMatch, noMatch_);
  stack_->insertWidget(kError, error_);

  auto* subtitle = new QLabel(tr("Every fine-tuning run, finished or not. Select several to "
                                 "compare their loss curves; double-click one to see all of it."));
  subtitle->setWordWrap(true);
  // Search, filters and actions mean nothing before the first run: hidden until there is one.
  auto* actions = new QHBoxLayout(controls_);
  actions->setContentsMargins(0, 0, 0, 0);
  actions->addWidget(count_, 1);
  actions->addWidget(monitor_);
  actions->addWidget(stop_);
  actions->addWidget(resume_);
  actions->addWidget(compare_);
  actions->addWidget(details_);
  actions->addWidget(delete_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 18, 24, 18);
  auto* headingRow = new QHBoxLayout;
  headingRow->addWidget(pageHeading(tr("Runs")), 1);
  headingRow->addWidget(newRun_, 0, Qt::AlignBottom);
  layout->addLayout(headingRow);
  layout->addWidget(subtitle);
  layout->addSpacing(8);
  layout->addWidget(filters_);
  layout->addWidget(controls_);
  layout->addWidget(problem_);
  layout->addWidget(stack_, 1);

  connect(filters_, &RunFilterBar::changed, this, &RunsPage::applyFilters);
  connect(model_, &RunHistoryModel::loaded, this, &RunsPage::onLoaded);
  connect(model_, &RunHistoryModel::failed, this, [this](const QString& message) {
    error_->setText(tr("The catalog could not be read"), message);
    stack_->setCurrentIndex(kError);
    setControlsVisible(false);
  });
  // A reset (new runs, another order) keeps the runs the user had selected selected.
  connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
    if (!table_->selectionModel()->selectedRows().isEmpty()) keptSelection_ = selectedRunIds();
  });
  connect(model_, &QAbstractItemModel::modelReset, this, [this] {
    restoreSelection();
    updateButtons();
  });
  connect(model_, &QAbstractItemModel::dataChanged, this, [this] {
    fitColumns();
    updateButtons();
  });
  connect(table_->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
    if (!fittingColumns_) userSizedColumns_.insert(column);
  });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::updateButtons);
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    // A run that is executing opens its live monitor; any other its details.
    const catalog::RunSummary& run = model_->run(index.row());
    const bool executing = run.status == catalog::RunStatus::Running || run.status == catalog::RunStatus::Paused;
    if (!(executing && openMonitor(run.id))) openDetails(run.id);
  });
  connect(monitor_, &QPushButton::clicked, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() == 1) openMonitor(ids.front());
  });
  connect(stop_, &QPushButton::clicked, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() == 1 && supervisor_) supervisor_->stopRun(ids.front());
  });
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() == 1 && supervisor_ && supervisor_->resumeRun(ids.front())) {
      openMonitor(ids.front());
    }
  });
  connect(newRun_, &QPushButton::clicked, this, &RunsPage::newRun);
  // A run the wizard created starts at once in its worker, and its monitor opens.
  connect(this, &RunsPage::runCreated, this, [this](qint64 runId) {
    refresh();
    if (supervisor_ && supervisor_->startRun(runId)) openMonitor(runId);
  });
  connect(compare_, &QPushButton::clicked, this, &RunsPage::compareSelected);
  connect(details_, &QPushButton::clicked, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() == 1) openDetails(ids.front());
  });
  connect(delete_, &QPushButton::clicked, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() == 1) deleteRun(ids.front());
  });
  connect(worker_, &RunHistoryWorker::choicesFetched, filters_, &RunFilterBar::setChoices);
  connect(worker_, &RunHistoryWorker::removalPlanned, this, &RunsPage::onRemovalPlanned);
  connect(worker_, &RunHistoryWorker::runChanged, model_, &RunHistoryModel::reload);
  connect(worker_, &RunHistoryWorker::runRemoved, this, &RunsPage::onRunRemoved);
  connect(worker_, &RunHistoryWorker::failed, this, &RunsPage::showProblem);
  connect(&context_, &AppContext::catalogChanged, this, &RunsPage::refresh);
  setControlsVisible(false);  // until the first answer says there are runs
  updateButtons();
}

RunsPage::~RunsPage() = default;

void RunsPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void RunsPage::refresh() {
  catalog::Catalog* catalog = context_.catalog();
  if (!catalog) {
    error_->setCatalogNotOpened(context_.catalogError());
    stack_->setCurrentIndex(kError);
    setControlsVisible(false);
    openFile_.clear();
    worker_->requestOpen({});
    updateButtons();
    return;
  }
  // The path only: the catalog itself is opened again on the worker's thread.
  const QString file = QString::fromStdString(catalog->file().string());
  if (file != openFile_) {
    openFile_ = file;
    worker_->requestOpen(file);
  }
  worker_->requestChoices();
  applyFilters();
}

void RunsPage::applyFilters() {
  if (openFile_.isEmpty()) return;
  catalog::RunQuery query = model_->query();
  filters_->applyTo(query);
  // The same filter again (the catalog changed under it): refresh what is shown, keeping the
  // selection and the scroll position.
  if (query == model_->query() && model_->hasLoaded()) {
    model_->refresh();
  } else {
    model_->setQuery(query);
  }
}

void RunsPage::onLoaded() {
  problem_->hide();
  const QLocale locale;
  const qint64 matching = model_->matchingRuns();
  const qint64 all = model_->catalogRuns();
  setControlsVisible(all > 0);
  if (all == 0) {
    stack_->setCurrentIndex(kEmpty);
    count_->clear();
  } else if (matching == 0) {
    stack_->setCurrentIndex(kNoMatch);
    count_->setText(tr("No run matches (of %1).").arg(locale.toString(all)));
  } else {
    stack_->setCurrentIndex(kTable);
    count_->setText(matching == all ? tr("Runs: %1").arg(locale.toString(all))
                                    : tr("%1 of %2 runs match").arg(locale.toString(matching), locale.toString(all)));
  }
  if (model_->rowCount() > 0) fitColumns();
  updateButtons();
}

void RunsPage::fitColumns() {
  // Measured on the first rows only (the header's resize precision), so a refresh costs little.
  // The first time the columns take their content's width; later they only grow, when a longer
  // name or status arrives, and a column the user resized is left as they made it.
  QHeaderView* header = table_->horizontalHeader();
  fittingColumns_ = true;
  const bool first = !sizedColumns_;
  sizedColumns_ = true;
  const int headerRoom = header->fontMetrics().horizontalAdvance(QString(kHeaderCharactersCounted, QLatin1Char('n'))) +
                         3 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) +
                         header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
  for (int column = 0; column < RunHistoryModel::ColumnCount; ++column) {
    if (userSizedColumns_.contains(column)) continue;
    const int content = static_cast<QAbstractItemView*>(table_)->sizeHintForColumn(column);
    int wanted = std::max(content, std::min(header->sectionSizeHint(column), headerRoom));
    if (column == RunHistoryModel::Name) wanted = std::min(wanted, kNameColumnMaxWidth);
    if (first || wanted > header->sectionSize(column) ||
        (column == RunHistoryModel::Name && header->sectionSize(column) > kNameColumnMaxWidth)) {
      header->resizeSection(column, wanted);
    }
  }
  fittingColumns_ = false;
}

bool RunsPage::showsEmptyState() const { return stack_->currentIndex() == kEmpty; }
bool RunsPage::showsNoMatch() const { return stack_->currentIndex() == kNoMatch; }
bool RunsPage::showsError() const { return stack_->currentIndex() == kError; }

void RunsPage::restoreSelection() {
  if (keptSelection_.empty()) return;
  QItemSelection selection;
  for (int row = 0; row < model_->rowCount(); ++row) {
    if (std::find(keptSelection_.begin(), keptSelection_.end(), model_->run(row).id) != keptSelection_.end()) {
      selection.select(model_->index(row, 0), model_->index(row, RunHistoryModel::ColumnCount - 1));
    }
  }
  keptSelection_.clear();
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

std::vector<catalog::Id> RunsPage::selectedRunIds() const {
  std::vector<catalog::Id> ids;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows()) ids.push_back(model_->run(index.row()).id);
  return ids;
}

void RunsPage::updateButtons() {
  const std::size_t selected = stack_->currentIndex() == kTable ? selectedRunIds().size() : 0;
  compare_->setEnabled(selected >= 2);
  details_->setEnabled(selected == 1);
  delete_->setEnabled(selected == 1);
  std::optional<catalog::RunSummary> one;
  if (selected == 1) one = model_->run(table_->selectionModel()->selectedRows().front().row());
  const bool live = one && supervisor_ && supervisor_->isLive(one->id);
  monitor_->setEnabled(one.has_value());
  stop_->setEnabled(live);
  resume_->setEnabled(one && !live &&
                      (one->status == catalog::RunStatus::Stopped || one->status == catalog::RunStatus::Failed));
}

void RunsPage::setSupervisor(RunSupervisor* supervisor) {
  supervisor_ = supervisor;
  for (QPushButton* button : {monitor_, stop_, resume_}) button->setVisible(supervisor_ != nullptr);
  if (supervisor_) connect(supervisor_, &RunSupervisor::runStatusChanged, this, &RunsPage::updateButtons);
  updateButtons();
}

RunMonitor* RunsPage::openMonitor(catalog::Id runId) {
  if (!supervisor_) return nullptr;
  QPointer<RunMonitor>& monitor = monitors_[runId];
  if (!monitor) {
    // A window of its own (parented for its lifetime only), so that it can sit beside the main one.
    monitor = new RunMonitor(context_, *supervisor_, runId, this);
    monitor->setAttribute(Qt::WA_DeleteOnClose);
  }
  monitor->show();
  monitor->raise();
  monitor->activateWindow();
  return monitor;
}

void RunsPage::setControlsVisible(bool visible) {
  filters_->setVisible(visible);
  controls_->setVisible(visible);
}

void RunsPage::showProblem(const QString& message) {
  problem_->setText(message);
  problem_->show();
}

RunCompareDialog* RunsPage::compareSelected() {
  const auto ids = selectedRunIds();
  if (ids.size() < 2) return nullptr;
  auto* dialog = new RunCompareDialog(*worker_, ids, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

RunDetailDialog* RunsPage::openDetails(catalog::Id runId) {
  auto* dialog = new RunDetailDialog(*worker_, runId, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // Its status, checkpoints and exports follow the catalog while it is open (a worker or an export
  // in another process changes them).
  connect(&context_, &AppContext::catalogChanged, dialog, &RunDetailDialog::reload);
  connect(dialog, &RunDetailDialog::deleteRequested, this, [this](qint64 id) { deleteRun(id); });
  connect(dialog, &RunDetailDialog::runAgainRequested, this, [this](qint64 id) { runAgain(id); });
  connect(dialog, &RunDetailDialog::chatRequested, this, [this, dialog](qint64 id) {
    dialog->close();  // the playground takes the window
    emit chatRequested(id);
  });
  dialog->show();
  return dialog;
}

NewRunWizard* RunsPage::newRun() {
  auto* wizard = new NewRunWizard(context_, this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard, &NewRunWizard::runCreated, this, &RunsPage::runCreated);
  wizard->show();
  return wizard;
}

NewRunWizard* RunsPage::runAgain(catalog::Id runId) {
  catalog::Catalog* store = context_.catalog();
  const std::optional<catalog::RunRecord> run = store ? store->run(runId) : std::nullopt;
  if (!run) {
    showProblem(tr("Run %1 is no longer in the catalog.").arg(runId));
    return nullptr;
  }
  auto* wizard = new NewRunWizard(context_, *run, this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard, &NewRunWizard::runCreated, this, &RunsPage::runCreated);
  wizard->show();
  return wizard;
}

void RunsPage::deleteRun(catalog::Id runId) {
  removing_ = runId;
  worker_->requestRemovalPlan(runId);  // onRemovalPlanned asks the user
}

void RunsPage::onRemovalPlanned(const catalog::RunRemovalPlan& plan) {
  if (plan.runId != removing_) return;
  removing_ = 0;
  const QLocale locale;
  QString details = tr("From the catalog: the run, its %1 metric points, %2 checkpoint records and "
                       "%3 export records.")
                        .arg(locale.toString(plan.metricPoints), locale.toString(plan.checkpoints),
                             locale.toString(plan.exports));
  details += QStringLiteral("\n\n") +
             (plan.folders.empty() ? tr("No folder of this run is left on the disk.")
                                   : tr("From the disk, with everything in them:") + QLatin1Char('\n') +
                                         bulletList(plan.folders));
  if (!plan.keptExports.empty()) {
    details += QStringLiteral("\n\n") + tr("Exports saved elsewhere are kept:") + QLatin1Char('\n') +
               bulletList(plan.keptExports);
  }
  QMessageBox box(QMessageBox::Warning, tr("Delete run"),
                  tr("Delete the run “%1”? This cannot be undone.").arg(QString::fromStdString(plan.runName)),
                  QMessageBox::Yes | QMessageBox::Cancel, this);
  box.setInformativeText(details);
  box.button(QMessageBox::Yes)->setText(tr("Delete"));
  box.setDefaultButton(QMessageBox::Cancel);
  if (box.exec() != QMessageBox::Yes) return;
  worker_->requestRemoval(plan);
}

void RunsPage::onRunRemoved(qint64 runId, const QStringList& problems) {
  if (!problems.isEmpty()) {
    QMessageBox::warning(this, tr("Some files were not removed"),
                         tr("The run is gone from the catalog, but these could not be removed; "
                            "delete them by hand:") + QStringLiteral("\n\n") + problems.join(QLatin1Char('\n')));
  }
  context_.notifyCatalogChanged();  // other pages (a model in use by runs) and this list
  emit runRemoved(runId, problems);
}

}  // namespace tiertune::gui
