// The run history table: a QAbstractTableModel over the catalog's runs that never touches SQLite
// itself. Filter and sort go to RunHistoryWorker as a query; rows arrive a page at a time
// (canFetchMore/fetchMore as the view scrolls), so thousands of runs load only as they are seen.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "app/gui/history/RunHistoryTypes.h"

namespace tiertune::gui {

class RunHistoryWorker;

class RunHistoryModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Name, Status, Model, Dataset, Method, Steps, BestLoss, Duration, Started, Problem, ColumnCount };
  static constexpr qint64 kPageSize = 200;

  RunHistoryModel(RunHistoryWorker& worker, QObject* parent = nullptr);

  // Asks for the first page of a new filter or order; the rows shown stay until it arrives.
  void setQuery(const catalog::RunQuery& query);
  const catalog::RunQuery& query() const { return query_; }
  void reload() { setQuery(query_); }
  // Asks again for the rows already shown, as the catalog holds them now (another process changed
  // it). When the same runs come back in the same order they are updated in place, so selection and
  // scrolling stay; otherwise the table is reset.
  void refresh();

  bool isLoading() const { return pendingGeneration_ != 0; }
  bool hasLoaded() const { return loadedOnce_; }
  qint64 matchingRuns() const { return total_; }    // runs that match the filter
  qint64 catalogRuns() const { return catalogTotal_; }  // runs in the catalog
  const catalog::RunSummary& run(int row) const { return rows_[static_cast<std::size_t>(row)]; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent = {}) const override;
  void fetchMore(const QModelIndex& parent = {}) override;
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 signals:
  void loaded();                          // a page arrived; counts may have changed
  void failed(const QString& message);    // the catalog could not be read

 private:
  void onPage(const RunPage& page);
  void onFailed(quint64 generation, const QString& message);
  QString text(const catalog::RunSummary& run, int column) const;

  RunHistoryWorker& worker_;
  catalog::RunQuery query_;
  quint64 generation_ = 0;         // of the latest query asked for
  quint64 pendingGeneration_ = 0;  // of the request in flight; 0 when none
  quint64 refreshGeneration_ = 0;  // of the latest refresh(): its answer may update in place
  bool loadedOnce_ = false;
  std::vector<catalog::RunSummary> rows_;
  qint64 total_ = 0;
  qint64 catalogTotal_ = 0;
};

}  // namespace tiertune::gui
