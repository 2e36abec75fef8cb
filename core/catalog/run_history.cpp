// Catalog queries of the run history (declared in catalog.h): summaries are computed per run by
// correlated subqueries over the metrics primary key (run_id, name, step), so a page of runs costs
// index lookups, not a scan of every metric point; the sort happens in SQL before LIMIT.
#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/catalog/sqlite.h"

namespace tiertune::catalog {

namespace {

std::string quotedLiteral(const char* text) { return std::string("'") + text + "'"; }

// Columns 0..13 as read by readSummary.
std::string summarySelect() {
  return "SELECT r.id, r.name, r.status, m.name, coalesce(d.name, ''), r.method, r.preset, "
         "coalesce((SELECT max(step) FROM metrics WHERE run_id = r.id AND name = " +
         quotedLiteral(kTrainLossMetric) + "), 0) AS steps_done, "
         "coalesce(r.total_steps, json_extract(r.config_json, '$.max_steps')) AS total_steps, "
         "(SELECT min(value) FROM metrics WHERE run_id = r.id AND name = " +
         quotedLiteral(kValidationLossMetric) + ") AS best_loss, "
         // SQLite reads the trailing Z of our timestamps; a run still going counts up to now.
         "CASE WHEN r.started_at IS NULL THEN NULL "
         "ELSE (julianday(coalesce(r.finished_at, 'now')) - julianday(r.started_at)) * 86400.0 "
         "END AS duration, "
         "r.created_at, coalesce(r.started_at, ''), r.error_text, r.error_words "
         "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN datasets d ON d.id = r.dataset_id ";
}

RunSummary readSummary(const Statement& row) {
  RunSummary run;
  run.id = row.integer(0);
  run.name = row.text(1);
  run.status = runStatusFromString(row.text(2)).value_or(RunStatus::Failed);
  run.modelName = row.text(3);
  run.datasetName = row.text(4);
  run.method = row.text(5);
  run.preset = row.text(6);
  run.stepsDone = row.integer(7);
  run.totalSteps = row.optionalInteger(8);
  if (!row.isNull(9)) run.bestValidationLoss = row.real(9);
  if (!row.isNull(10)) run.durationSeconds = row.real(10);
  run.createdAt = row.text(11);
  run.startedAt = row.text(12);
  run.errorText = row.text(13);
  if (!row.isNull(14)) run.errorWords = storedWords(row.text(14));
  return run;
}

using BindValue = std::variant<std::int64_t, std::string>;

struct Filter {
  std::string where;
  std::vector<BindValue> binds;
};

// LIKE with the user's text taken literally: % and _ are escaped.
std::string containsPattern(const std::string& text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

Filter filterOf(const RunQuery& query) {
  Filter filter;
  std::vector<std::string> terms;
  if (!query.search.empty()) {
    terms.push_back("(r.name LIKE ? ESCAPE '\\' OR r.notes LIKE ? ESCAPE '\\')");
    filter.binds.emplace_back(containsPattern(query.search));
    filter.binds.emplace_back(containsPattern(query.search));
  }
  if (query.status) {
    terms.push_back("r.status = ?");
    filter.binds.emplace_back(std::string(toString(*query.status)));
  }
  if (query.modelId) {
    terms.push_back("r.model_id = ?");
    filter.binds.emplace_back(*query.modelId);
  }
  if (query.datasetId) {
    terms.push_back("r.dataset_id = ?");
    filter.binds.emplace_back(*query.datasetId);
  }
  for (std::size_t i = 0; i < terms.size(); ++i) filter.where += (i ? " AND " : "WHERE ") + terms[i];
  return filter;
}

int bindAll(Statement& statement, const std::vector<BindValue>& binds) {
  int index = 1;
  for (const BindValue& value : binds) {
    std::visit([&](const auto& v) { statement.bind(index, v); }, value);
    ++index;
  }
  return index;
}

// Runs without a value (no evaluation yet, never started) go last in either direction.
std::string orderOf(const RunQuery& query) {
  const char* direction = query.descending ? " DESC" : " ASC";
  auto last = [&](const std::string& expression) {
    return expression + " IS NULL, " + expression + direction;
  };
  std::string order;
  switch (query.sortKey) {
    case RunSortKey::Name: order = std::string("r.name COLLATE NOCASE") + direction; break;
    case RunSortKey::Status:
      // Lifecycle order, not the alphabetical order of the stored words.
      order = std::string("CASE r.status WHEN 'queued' THEN 0 WHEN 'running' THEN 1 "
                          "WHEN 'paused' THEN 2 WHEN 'stopped' THEN 3 WHEN 'failed' THEN 4 "
                          "ELSE 5 END") + direction;
      break;
    case RunSortKey::Model: order = std::string("m.name COLLATE NOCASE") + direction; break;
    case RunSortKey::Dataset: order = last("d.name") + " COLLATE NOCASE"; break;
    case RunSortKey::Method:
      order = std::string("r.method") + direction + ", r.preset" + direction;
      break;
    case RunSortKey::Steps: order = std::string("steps_done") + direction; break;
    case RunSortKey::BestValidationLoss: order = last("best_loss"); break;
    case RunSortKey::Duration: order = last("duration"); break;
    case RunSortKey::Started:
      order = std::string("coalesce(r.started_at, r.created_at)") + direction;
      break;
    case RunSortKey::Problem: order = std::string("r.error_text") + direction; break;
  }
  return "ORDER BY " + order + ", r.id" + direction;
}

}  // namespace

std::int64_t Catalog::countRuns(const RunQuery& query) const {
  const Filter filter = filterOf(query);
  Statement count(*db_, "SELECT count(*) FROM runs r " + filter.where);
  bindAll(count, filter.binds);
  count.step();
  return count.integer(0);
}

std::vector<RunSummary> Catalog::runSummaries(const RunQuery& query, std::int64_t offset,
                                              std::int64_t limit) const {
  const Filter filter = filterOf(query);
  Statement select(*db_, summarySelect() + filter.where + " " + orderOf(query) + " LIMIT ? OFFSET ?");
  const int next = bindAll(select, filter.binds);
  select.bind(next, limit).bind(next + 1, offset);
  std::vector<RunSummary> result;
  while (select.step()) result.push_back(readSummary(select));
  return result;
}

std::int64_t Catalog::metricPointCount(Id runId) const {
  Statement count(*db_, "SELECT count(*) FROM metrics WHERE run_id = ?");
  count.bind(1, runId).step();
  return count.integer(0);
}

std::vector<MetricPoint> Catalog::metricCurve(Id runId, const std::string& name, int maxPoints) const {
  const std::int64_t buckets = std::max(1, maxPoints / 2);
  Statement range(*db_,
                  "SELECT count(*), min(step), max(step) FROM metrics "
                  "WHERE run_id = ? AND name = ? AND value IS NOT NULL");
  range.bind(1, runId).bind(2, name).step();
  const std::int64_t count = range.integer(0);
  std::vector<MetricPoint> result;
  if (count == 0) return result;
  const std::int64_t first = range.integer(1);
  const std::int64_t span = range.integer(2) - first + 1;
  if (count <= maxPoints) {
    Statement points(*db_,
                     "SELECT step, value FROM metrics "
                     "WHERE run_id = ? AND name = ? AND value IS NOT NULL ORDER BY step");
    points.bind(1, runId).bind(2, name);
    while (points.step()) result.push_back({points.integer(0), name, points.real(1)});
    return result;
  }
  // Bucket b holds the steps from first + b*span/buckets on: integer arithmetic, so every point
  // lands in exactly one bucket; each bucket gives its lowest and its highest point.
  Statement points(*db_,
                   "SELECT step, value FROM ("
                   "  SELECT step, value,"
                   "    row_number() OVER (PARTITION BY bucket ORDER BY value, step) AS low,"
                   "    row_number() OVER (PARTITION BY bucket ORDER BY value DESC, step) AS high"
                   "  FROM (SELECT step, value, (step - ?) * ? / ? AS bucket FROM metrics"
                   "        WHERE run_id = ? AND name = ? AND value IS NOT NULL))"
                   " WHERE low = 1 OR high = 1 ORDER BY step");
  points.bind(1, first).bind(2, buckets).bind(3, span).bind(4, runId).bind(5, name);
  while (points.step()) result.push_back({points.integer(0), name, points.real(1)});
  return result;
}

}  // namespace tiertune::catalog
