// The catalog: one SQLite file in the data folder that remembers every model, dataset, run,
// metric, checkpoint and export. The GUI, the CLI and the training worker share this API.
// Every public mutating call is one transaction and logs its event in that same transaction
// (metric points excepted: they are a run's own history, not events). A Catalog serves one
// thread at a time; other threads and processes open their own and read while one writes.
//
// One rule: no descriptor of a catalog file (the database, its -wal and -shm) is ever opened
// outside SQLite, in any process that may hold a connection to it: no header check with a stream,
// no copy, no hash, no size probe that opens it (stat() is fine). Why: SQLite's locks are POSIX
// advisory locks, which belong to the process, and closing ANY descriptor of a file drops every
// lock the process holds on that file. A window whose page once read the header that way lost the
// locks of its long-lived connection; the next worker to close thought it was the last one,
// checkpointed and deleted the WAL under the window, which then read and wrote a log no other
// process could see (SQLite, "How To Corrupt An SQLite Database File", section 2.2). Whatever
// must be known about the file is asked through a connection: Catalog::open identifies the file
// by SQLite's own header check; a backup would use the online backup API.
// tests/catalog/tst_catalog_sharing and tests/gui/tst_catalog_follow hold the rule in place.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/catalog/records.h"
#include "core/catalog/run_history.h"

namespace tiertune::catalog {

class Database;  // core/catalog/sqlite.h

// The schema version this build writes and understands (PRAGMA user_version).
inline constexpr int kSchemaVersion = 5;
// PRAGMA application_id of a Tiertune catalog ("TTUN"), so another SQLite file is never mistaken
// for ours and never migrated.
inline constexpr int kApplicationId = 0x5454554E;

class Catalog {
 public:
  // Opens the catalog file, creating it (and its folder) when missing and migrating an older
  // schema in ordered steps. Throws tiertune::Error with a message that names the file when it
  // is from a newer Tiertune, is not a Tiertune catalog, is damaged, or cannot be written.
  static Catalog open(const std::filesystem::path& file);

  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;
  ~Catalog();

  const std::filesystem::path& file() const;
  int schemaVersion() const;

  // SQLite's PRAGMA integrity_check through this connection: "ok", or the first problems found.
  std::string integrityCheck() const;
  // A number that changes whenever another connection (another thread's or another process's)
  // commits a change to the file; this connection's own commits leave it unchanged. Cheap: it reads
  // the shared WAL index, not the database. The GUI polls it to follow workers and imports.
  std::int64_t dataVersion() const;

  // Models. Paths are unique: adding the same folder twice is an error that says so.
  Id addModel(const NewModel& model);
  // The model whose folder is model.path: the row already there (another process, such as a second
  // training run started on the same new folder, may have added it a moment ago) or a new one.
  // Looking up and adding in one write transaction is what keeps that race from being an error.
  Id findOrAddModel(const NewModel& model);
  std::vector<ModelRecord> models() const;
  std::optional<ModelRecord> model(Id id) const;
  // Refused (with a message naming the runs) while runs still use the model.
  void removeModel(Id id);

  // Datasets. Names are unique.
  Id addDataset(const NewDataset& dataset);
  std::vector<DatasetRecord> datasets() const;
  std::optional<DatasetRecord> dataset(Id id) const;
  void removeDataset(Id id);

  // Runs, newest first.
  Id createRun(const NewRun& run);
  std::vector<RunRecord> runs() const;
  std::optional<RunRecord> run(Id id) const;
  // The runs that have at least one checkpoint, newest first, in one query (the playground's list).
  std::vector<RunRecord> runsWithCheckpoints() const;
  // Every run's output folder (its configuration's "output", lexically normalized, without a
  // trailing separator), by run id, in one query: two runs in one folder would overwrite each
  // other's checkpoints.
  std::vector<std::pair<Id, std::filesystem::path>> runOutputFolders() const;
  // The run whose output folder is outputFolder (compared as above), if any.
  std::optional<RunRecord> runWritingTo(const std::filesystem::path& outputFolder) const;
  // Moves a run to a new status; sets startedAt on Running (first time) and finishedAt on
  // Completed/Failed/Stopped. errorText is stored for Failed and cleared otherwise.
  void setRunStatus(Id id, RunStatus status, const std::string& errorText = {});
  // Failed, with translatable words: errorText keeps their English, errorWords the words.
  void setRunFailed(Id id, const Words& why);
  // The worker process that executes the run (none: it ended), recorded by the worker itself.
  void setRunWorker(Id id, const std::optional<ProcessIdentity>& worker);
  // The number of optimizer steps the run takes, once the worker has computed it.
  void setRunTotalSteps(Id id, std::int64_t totalSteps);
  // The device the run's worker trains on (the GPU, or the CPU), recorded when it starts.
  void setRunDevice(Id id, const TrainingDevice& device);
  void renameRun(Id id, const std::string& name);
  void setRunNotes(Id id, const std::string& notes);
  // Deletes the run with its metrics, checkpoints and exports rows (not their files).
  void deleteRun(Id id);

  // Metrics: appended in one transaction per batch; (run, name, step) is unique and a repeated
  // point replaces the old value (a resumed run rewrites the steps after its checkpoint).
  void appendMetrics(Id runId, std::span<const MetricPoint> points);
  // Points of one metric of a run, by step; all metrics when name is empty.
  std::vector<MetricPoint> metrics(Id runId, const std::string& name = {}) const;

  // Run history (run_history.cpp): filtered, sorted pages of run summaries, computed in SQL.
  std::int64_t countRuns(const RunQuery& query) const;
  std::vector<RunSummary> runSummaries(const RunQuery& query, std::int64_t offset,
                                       std::int64_t limit) const;
  std::int64_t metricPointCount(Id runId) const;
  // One metric of a run by step, NaN points left out, thinned in SQL to at most maxPoints
  // (maxPoints / 2 equal step ranges, each giving its lowest and highest point, so that spikes
  // and the minimum survive). All points when there are no more than maxPoints.
  std::vector<MetricPoint> metricCurve(Id runId, const std::string& name, int maxPoints) const;
  // The event log of one run, newest first.
  std::vector<EventRecord> runEvents(Id runId, int limit = 500) const;

  Id addCheckpoint(const NewCheckpoint& checkpoint);
  std::vector<CheckpointRecord> checkpoints(Id runId) const;  // by step
  // The row only (the trainer removes the folder); exports made from it keep their files.
  void removeCheckpoint(Id id);

  Id addExport(const NewExport& exportRecord);
  std::vector<ExportRecord> exports(Id runId) const;

  // The event log, newest first.
  void logEvent(EventLevel level, const std::string& subjectKind, std::optional<Id> subjectId,
                const std::string& message);
  std::vector<EventRecord> events(int limit = 200) const;

 private:
  void setRunStatus(Id id, RunStatus status, const std::string& errorText, const std::optional<Words>& error);
  explicit Catalog(std::unique_ptr<Database> database);
  std::unique_ptr<Database> db_;
};

}  // namespace tiertune::catalog
