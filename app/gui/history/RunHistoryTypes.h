// What the run history worker hands back to the GUI thread through queued signals: plain values,
// copied across threads, each tagged with the request it answers so that stale answers (the user
// typed on while a query ran) are dropped.
#pragma once

#include <QMetaType>
#include <QString>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/catalog/run_removal.h"

namespace tiertune::gui {

// At most this many points per curve reach a chart; the catalog thins longer curves in SQL.
inline constexpr int kMaxCurvePoints = 2000;

struct RunPage {
  quint64 generation = 0;   // RunHistoryModel's query generation
  qint64 offset = 0;        // index of rows.front() in the whole sorted result
  qint64 total = 0;         // runs that match the query
  qint64 catalogTotal = 0;  // runs in the catalog, filters aside (empty state vs. "no match")
  std::vector<catalog::RunSummary> rows;
};

struct NamedId {
  catalog::Id id = 0;
  QString name;
};

struct FilterChoices {
  std::vector<NamedId> models;
  std::vector<NamedId> datasets;
};

struct RunCurves {
  catalog::Id runId = 0;
  QString runName;
  std::vector<catalog::MetricPoint> train;
  std::vector<catalog::MetricPoint> validation;
};

struct CurveSet {
  quint64 request = 0;
  std::vector<RunCurves> runs;
};

struct RunDetail {
  catalog::RunRecord run;
  QString modelName;
  QString datasetName;
  RunCurves curves;
  std::vector<catalog::CheckpointRecord> checkpoints;
  std::vector<catalog::ExportRecord> exports;
  std::vector<catalog::EventRecord> events;
  QString catalogFile;  // for work that opens the catalog on a thread of its own (ExportJob)
};

}  // namespace tiertune::gui

Q_DECLARE_METATYPE(tiertune::gui::RunPage)
Q_DECLARE_METATYPE(tiertune::gui::FilterChoices)
Q_DECLARE_METATYPE(tiertune::gui::CurveSet)
Q_DECLARE_METATYPE(tiertune::gui::RunDetail)
Q_DECLARE_METATYPE(tiertune::catalog::RunRemovalPlan)
