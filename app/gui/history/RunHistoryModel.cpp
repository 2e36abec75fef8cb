#include "app/gui/history/RunHistoryModel.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <algorithm>

#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/TimeText.h"
#include "app/gui/history/RunHistoryWorker.h"
#include "app/gui/history/RunText.h"

namespace tiertune::gui {

namespace {

catalog::RunSortKey sortKeyOf(int column) {
  using catalog::RunSortKey;
  switch (column) {
    case RunHistoryModel::Name: return RunSortKey::Name;
    case RunHistoryModel::Status: return RunSortKey::Status;
    case RunHistoryModel::Model: return RunSortKey::Model;
    case RunHistoryModel::Dataset: return RunSortKey::Dataset;
    case RunHistoryModel::Method: return RunSortKey::Method;
    case RunHistoryModel::Steps: return RunSortKey::Steps;
    case RunHistoryModel::BestLoss: return RunSortKey::BestValidationLoss;
    case RunHistoryModel::Duration: return RunSortKey::Duration;
    case RunHistoryModel::Problem: return RunSortKey::Problem;
    default: return RunSortKey::Started;
  }
}

}  // namespace

RunHistoryModel::RunHistoryModel(RunHistoryWorker& worker, QObject* parent)
    : QAbstractTableModel(parent), worker_(worker) {
  connect(&worker_, &RunHistoryWorker::runsFetched, this, &RunHistoryModel::onPage);
  connect(&worker_, &RunHistoryWorker::runsFailed, this, &RunHistoryModel::onFailed);
}

void RunHistoryModel::setQuery(const catalog::RunQuery& query) {
  query_ = query;
  pendingGeneration_ = ++generation_;
  worker_.requestRuns(generation_, query_, 0, kPageSize);
}

void RunHistoryModel::refresh() {
  if (!loadedOnce_) {
    setQuery(query_);
    return;
  }
  pendingGeneration_ = ++generation_;
  refreshGeneration_ = generation_;
  worker_.requestRuns(generation_, query_, 0, std::max<qint64>(kPageSize, static_cast<qint64>(rows_.size())));
}

namespace {

bool sameRuns(const std::vector<catalog::RunSummary>& a, const std::vector<catalog::RunSummary>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const catalog::RunSummary& x, const catalog::RunSummary& y) { return x.id == y.id; });
}

}  // namespace

void RunHistoryModel::onPage(const RunPage& page) {
  if (page.generation != generation_) return;  // answers a query the user has since changed
  pendingGeneration_ = 0;
  loadedOnce_ = true;
  total_ = page.total;
  catalogTotal_ = page.catalogTotal;
  if (page.generation == refreshGeneration_ && page.offset == 0 && sameRuns(page.rows, rows_)) {
    rows_ = page.rows;
    if (!rows_.empty()) emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
  } else if (page.offset == 0) {
    beginResetModel();
    rows_ = page.rows;
    endResetModel();
  } else if (page.offset == static_cast<qint64>(rows_.size()) && !page.rows.empty()) {
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(page.rows.size()) - 1);
    rows_.insert(rows_.end(), page.rows.begin(), page.rows.end());
    endInsertRows();
  }
  emit loaded();
}

void RunHistoryModel::onFailed(quint64 generation, const QString& message) {
  if (generation != generation_) return;
  pendingGeneration_ = 0;
  emit failed(message);
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

bool RunHistoryModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !isLoading() && static_cast<qint64>(rows_.size()) < total_;
}

void RunHistoryModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent)) return;
  pendingGeneration_ = generation_;
  worker_.requestRuns(generation_, query_, static_cast<qint64>(rows_.size()), kPageSize);
}

void RunHistoryModel::sort(int column, Qt::SortOrder order) {
  catalog::RunQuery query = query_;
  query.sortKey = sortKeyOf(column);
  query.descending = order == Qt::DescendingOrder;
  setQuery(query);
}

QString RunHistoryModel::text(const catalog::RunSummary& run, int column) const {
  switch (column) {
    case Name: return QString::fromStdString(run.name);
    case Status: return RunText::status(run.status);
    case Model: return QString::fromStdString(run.modelName);
    case Dataset: return QString::fromStdString(run.datasetName);
    case Method: return RunText::method(run.method, run.preset);
    case Steps: return RunText::steps(run.stepsDone, run.totalSteps);
    case BestLoss: return RunText::loss(run.bestValidationLoss);
    case Duration: return RunText::duration(run.durationSeconds);
    case Started: return run.startedAt.empty() ? tr("not started") : localTimeText(run.startedAt);
    case Problem: return failureText(run.errorText, run.errorWords);
    default: return {};
  }
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
  const catalog::RunSummary& run = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole: return text(run, index.column());
    case Qt::ToolTipRole:
      // Names and problems are often longer than their column.
      if (index.column() == Name || index.column() == Problem) return text(run, index.column());
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == Steps || index.column() == BestLoss || index.column() == Duration) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      }
      return {};
    case Qt::ForegroundRole:
      if (index.column() == Status && run.status == catalog::RunStatus::Failed) {
        return QBrush(meaningColors(QApplication::palette()).problemText);
      }
      if (index.column() == Started && run.startedAt.empty()) {
        return QBrush(meaningColors(QApplication::palette()).secondaryText);
      }
      return {};
    case Qt::UserRole: return QVariant::fromValue(static_cast<qint64>(run.id));
    default: return {};
  }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  // The tooltip says a header in full where its column is too narrow for it.
  if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Model: return tr("Model");
    case Dataset: return tr("Dataset");
    case Method: return tr("Method");
    case Steps: return tr("Steps");
    // Short in the header (a header view clips a long one on both sides, without "…"), in full in
    // its tooltip.
    case BestLoss: return role == Qt::ToolTipRole ? tr("Best validation loss") : tr("Val. loss");
    case Duration: return tr("Duration");
    case Started: return tr("Started");
    case Problem: return tr("Problem");
    default: return {};
  }
}

}  // namespace tiertune::gui
