// The run history's own catalog connection on its own thread: every query and change the history
// makes runs here, so the GUI thread never waits on SQLite. Requests are queued calls (request*()
// may be called from the GUI thread); answers come back as queued signals.
#pragma once

#include <QObject>
#include <QThread>
#include <functional>
#include <optional>

#include "app/gui/history/RunHistoryTypes.h"

namespace tiertune::gui {

class RunHistoryWorker : public QObject {
  Q_OBJECT

 public:
  // Starts the thread; the catalog file is opened there on the first request.
  explicit RunHistoryWorker(QObject* parent = nullptr);
  ~RunHistoryWorker() override;  // finishes the query in progress, then stops the thread

  // All of these return at once; the work happens on the worker thread, in call order.
  void requestOpen(const QString& catalogFile);
  void requestRuns(quint64 generation, const catalog::RunQuery& query, qint64 offset, qint64 limit);
  void requestChoices();
  void requestCurves(quint64 request, const std::vector<catalog::Id>& runIds);
  void requestDetail(catalog::Id runId);
  void requestRename(catalog::Id runId, const QString& name);
  void requestNotes(catalog::Id runId, const QString& notes);
  void requestRemovalPlan(catalog::Id runId);
  void requestRemoval(const catalog::RunRemovalPlan& plan);

 signals:
  void runsFetched(const tiertune::gui::RunPage& page);
  void runsFailed(quint64 generation, const QString& message);
  void choicesFetched(const tiertune::gui::FilterChoices& choices);
  void curvesFetched(const tiertune::gui::CurveSet& curves);
  void detailFetched(const tiertune::gui::RunDetail& detail);
  void removalPlanned(const tiertune::catalog::RunRemovalPlan& plan);
  // A rename or notes change is in the catalog.
  void runChanged(qint64 runId);
  // The run is gone from the catalog; problems: its folders that could not be removed, in words.
  void runRemoved(qint64 runId, const QStringList& problems);
  // A request other than a page of runs failed; the words are for the user.
  void failed(const QString& message);

 private:
  // Runs work on the worker thread with the open catalog; a tiertune::Error it throws (or one from
  // opening the catalog) goes to onError with its words.
  void post(std::function<void(catalog::Catalog&)> work,
            std::function<void(const QString&)> onError);
  // post() whose errors are reported through failed().
  void post(std::function<void(catalog::Catalog&)> work);

  QThread thread_;
  QObject* threadContext_;  // lives on thread_: queued calls run in its thread
  QString file_;            // touched only on the worker thread
  std::optional<catalog::Catalog> catalog_;
};

}  // namespace tiertune::gui
