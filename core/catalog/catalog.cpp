#include "core/catalog/catalog.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/catalog/migrations.h"
#include "core/catalog/sqlite.h"
#include "core/util/error.h"

namespace tiertune::catalog {

namespace fs = std::filesystem;

namespace {

// "2026-11-22T12:34:56.789Z"
std::string nowText() {
  const auto now = std::chrono::system_clock::now();
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(millis));
  return text;
}

std::string quoted(const std::string& name) { return "\u201C" + name + "\u201D"; }

void requireName(const std::string& name, const std::string& what) {
  if (name.empty()) throw Error(what + " needs a name.");
}

void requireJson(const std::string& text, const std::string& what) {
  if (!nlohmann::json::accept(text)) throw Error(what + " is not valid JSON.");
}

// True when the folder beside the catalog holds what a catalog records (imported datasets, run
// folders): an empty catalog file there is a lost catalog, not a new one. Looks at names only.
bool folderHoldsCatalogData(const fs::path& folder) {
  for (const char* kind : {"datasets", "runs"}) {
    std::error_code error;
    const fs::path sub = folder / kind;
    if (fs::is_directory(sub, error) && !fs::is_empty(sub, error) && !error) return true;
  }
  return false;
}

std::uintmax_t sizeOrZero(const fs::path& file) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(file, error);
  return error ? 0 : size;
}

void insertEvent(Database& database, EventLevel level, const std::string& subjectKind,
                 std::optional<Id> subjectId, const std::string& message) {
  Statement insert(database,
                   "INSERT INTO events(at, level, subject_kind, subject_id, message) "
                   "VALUES(?, ?, ?, ?, ?)");
  insert.bind(1, nowText()).bind(2, toString(level)).bind(3, subjectKind).bind(4, subjectId);
  insert.bind(5, message).run();
}

constexpr const char* kModelColumns =
    "id, name, path, architecture, parameter_count, context_length, vocab_size, dtype, "
    "size_bytes, has_chat_template, config_sha256, added_at";

ModelRecord readModel(const Statement& row) {
  ModelRecord model;
  model.id = row.integer(0);
  model.name = row.text(1);
  model.path = row.text(2);
  model.architecture = row.text(3);
  model.parameterCount = row.integer(4);
  model.contextLength = row.integer(5);
  model.vocabSize = row.integer(6);
  model.dtype = row.text(7);
  model.sizeBytes = row.integer(8);
  model.hasChatTemplate = row.integer(9) != 0;
  model.configSha256 = row.text(10);
  model.addedAt = row.text(11);
  return model;
}

constexpr const char* kDatasetColumns =
    "id, name, source_path, source_sha256, format, train_rows, validation_rows, token_count, "
    "stats_json, created_at";

DatasetRecord readDataset(const Statement& row) {
  DatasetRecord dataset;
  dataset.id = row.integer(0);
  dataset.name = row.text(1);
  dataset.sourcePath = row.text(2);
  dataset.sourceSha256 = row.text(3);
  dataset.format = row.text(4);
  dataset.trainRows = row.integer(5);
  dataset.validationRows = row.integer(6);
  dataset.tokenCount = row.integer(7);
  dataset.statsJson = row.text(8);
  dataset.createdAt = row.text(9);
  return dataset;
}

constexpr const char* kRunColumns =
    "id, name, model_id, dataset_id, method, preset, config_json, status, created_at, "
    "started_at, finished_at, error_text, notes, worker_pid, worker_start_ticks, total_steps, "
    "device_kind, device_name, device_memory_bytes, error_words";

RunRecord readRun(const Statement& row) {
  RunRecord run;
  run.id = row.integer(0);
  run.name = row.text(1);
  run.modelId = row.integer(2);
  run.datasetId = row.optionalInteger(3);
  run.method = row.text(4);
  run.preset = row.text(5);
  run.configJson = row.text(6);
  // The schema's CHECK admits only the known words.
  run.status = runStatusFromString(row.text(7)).value_or(RunStatus::Failed);
  run.createdAt = row.text(8);
  run.startedAt = row.text(9);
  run.finishedAt = row.text(10);
  run.errorText = row.text(11);
  run.notes = row.text(12);
  if (const auto pid = row.optionalInteger(13)) run.worker = ProcessIdentity{*pid, row.optionalInteger(14).value_or(0)};
  run.totalSteps = row.optionalInteger(15);
  if (!row.isNull(16)) {
    run.device = TrainingDevice{row.text(16) == "cuda" ? TrainingDevice::Kind::Cuda : TrainingDevice::Kind::Cpu,
                                row.text(17), row.optionalInteger(18).value_or(0)};
  }
  if (!row.isNull(19)) run.errorWords = storedWords(row.text(19));  // damaged: the English stays
  return run;
}

constexpr const char* kCheckpointColumns =
    "id, run_id, step, path, manifest_sha256, size_bytes, created_at";

CheckpointRecord readCheckpoint(const Statement& row) {
  CheckpointRecord checkpoint;
  checkpoint.id = row.integer(0);
  checkpoint.runId = row.integer(1);
  checkpoint.step = row.integer(2);
  checkpoint.path = row.text(3);
  checkpoint.manifestSha256 = row.text(4);
  checkpoint.sizeBytes = row.integer(5);
  checkpoint.createdAt = row.text(6);
  return checkpoint;
}

constexpr const char* kExportColumns = "id, run_id, checkpoint_id, kind, path, sha256, created_at";

ExportRecord readExport(const Statement& row) {
  ExportRecord record;
  record.id = row.integer(0);
  record.runId = row.integer(1);
  record.checkpointId = row.optionalInteger(2);
  record.kind = exportKindFromString(row.text(3)).value_or(ExportKind::PeftAdapter);
  record.path = row.text(4);
  record.sha256 = row.text(5);
  record.createdAt = row.text(6);
  return record;
}

std::vector<EventRecord> readEvents(Statement& query) {
  std::vector<EventRecord> result;
  while (query.step()) {
    EventRecord event;
    event.id = query.integer(0);
    event.at = query.text(1);
    event.level = eventLevelFromString(query.text(2)).value_or(EventLevel::Info);
    event.subjectKind = query.text(3);
    event.subjectId = query.optionalInteger(4);
    event.message = query.text(5);
    result.push_back(std::move(event));
  }
  return result;
}

std::string select(const char* columns, const char* rest) {
  return std::string("SELECT ") + columns + " " + rest;
}

std::string runNameOrThrow(Database& database, Id runId) {
  Statement query(database, "SELECT name FROM runs WHERE id = ?");
  query.bind(1, runId);
  if (!query.step()) throw Error("There is no run " + std::to_string(runId) + " in the catalog.");
  return query.text(0);
}

// Checks the file is ours (or new) before anything writes to it.
void identify(Database& database, bool existed) {
  const fs::path& file = database.file();
  std::int64_t applicationId = 0;
  try {
    // The first read of the file: SQLite checks its header here and writes nothing.
    applicationId = database.queryInteger("PRAGMA application_id");
  } catch (const DatabaseError& failure) {
    if (failure.resultCode() != SQLITE_NOTADB) throw;
    throw Error("The file " + file.string() +
                " is not a Tiertune catalog (it is not a SQLite database, or it is damaged). It "
                "was left unchanged; move it away or choose another data folder in Settings.");
  }
  const auto version = database.queryInteger("PRAGMA user_version");
  const auto objects = database.queryInteger("SELECT count(*) FROM sqlite_schema");
  const bool fresh = applicationId == 0 && version == 0 && objects == 0;
  if (!fresh && applicationId != kApplicationId) {
    throw Error("The file " + file.string() +
                " is a SQLite database of another program, not a Tiertune catalog. It was left "
                "unchanged; choose another data folder in Settings or move the file away.");
  }
  if (version > kSchemaVersion) {
    throw Error("The catalog " + file.string() + " was written by a newer Tiertune (schema " +
                std::to_string(version) + ", this version understands up to " +
                std::to_string(kSchemaVersion) +
                "). Update Tiertune to open it; the file was left unchanged.");
  }
  if (existed && !fresh) {
    const std::string check = database.queryText("PRAGMA quick_check(1)");
    if (check != "ok") {
      throw Error("The catalog " + file.string() + " is damaged (" + check +
                  "). It was left unchanged; restore it from a backup or move it away to start "
                  "a new catalog.");
    }
  }
}

}  // namespace

Catalog Catalog::open(const fs::path& file) {
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) {
    throw Error("Cannot create the folder " + folder.string() + " for the catalog: " +
                error.message() + ". Choose another data folder in Settings.");
  }
  // SQLite keeps its write-ahead log next to the file, so the folder itself must be writable.
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw Error("The folder " + folder.string() + " cannot be written (" + errnoText(errno) +
                "), so the catalog cannot be kept there. Choose another data folder in Settings.");
  }
  // The file is only ever looked at through SQLite: see "One rule" in catalog.h.
  const bool existed = fs::exists(file, error);
  if (existed) {
    if (!fs::is_regular_file(file, error)) {
      throw Error("The catalog path " + file.string() + " is not a regular file.");
    }
    const fs::path wal = fs::path(file.string() + "-wal");
    if (sizeOrZero(file) == 0 && sizeOrZero(wal) == 0 && folderHoldsCatalogData(folder)) {
      throw Error("The catalog " + file.string() +
                  " is empty (0 bytes), but its folder holds the datasets and runs of an earlier "
                  "catalog, so the catalog was lost or cut short. It was left unchanged: restore " +
                  file.filename().string() +
                  " from a backup, or choose another data folder in Settings to start a new catalog.");
    }
  }

  auto database = std::make_unique<Database>(file, /*create=*/true);
  try {
    // First, so that everything below waits for other writers instead of failing.
    database->exec("PRAGMA busy_timeout = 5000");
    identify(*database, existed);
    const std::string journal = database->queryText("PRAGMA journal_mode = WAL");
    if (journal != "wal") {
      throw Error("The catalog " + file.string() + " cannot use write-ahead logging (journal mode " +
                  journal + "); is its folder on a network file system?");
    }
    // FULL: a committed action survives a power cut, not only a crash. The catalog writes little.
    database->exec("PRAGMA synchronous = FULL");
    database->exec("PRAGMA foreign_keys = ON");
    const auto before = database->queryInteger("PRAGMA user_version");
    const int after = migrate(*database, schemaMigrations());
    if (before != after) {
      Transaction transaction(*database);
      insertEvent(*database, EventLevel::Info, "catalog", std::nullopt,
                  before == 0 ? "Created the catalog (schema " + std::to_string(after) + ")"
                              : "Upgraded the catalog from schema " + std::to_string(before) +
                                    " to " + std::to_string(after));
      transaction.commit();
    }
  } catch (const Error& failure) {
    // A newly created empty file that we refused to set up is not left behind.
    database.reset();
    if (!existed) {
      fs::remove(file, error);
    }
    throw;
  }
  return Catalog(std::move(database));
}

Catalog::Catalog(std::unique_ptr<Database> database) : db_(std::move(database)) {}
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() = default;

const fs::path& Catalog::file() const { return db_->file(); }

int Catalog::schemaVersion() const {
  return static_cast<int>(db_->queryInteger("PRAGMA user_version"));
}

std::string Catalog::integrityCheck() const {
  Statement check(*db_, "PRAGMA integrity_check(20)");
  std::string result;
  while (check.step()) result += (result.empty() ? "" : "; ") + check.text(0);
  return result;
}

std::int64_t Catalog::dataVersion() const { return db_->queryInteger("PRAGMA data_version"); }

// --- models -------------------------------------------------------------------------------------

namespace {

// Inside a write transaction: the id and name of the model whose folder is path, if any.
std::optional<std::pair<Id, std::string>> modelWithFolder(Database& db, const std::string& path) {
  Statement existing(db, "SELECT id, name FROM models WHERE path = ?");
  existing.bind(1, path);
  if (!existing.step()) return std::nullopt;
  return std::pair{existing.integer(0), existing.text(1)};
}

// Inside a write transaction: the new row and its event.
Id insertModel(Database& db, const NewModel& model) {
  Statement insert(db,
                   "INSERT INTO models(name, path, architecture, parameter_count, context_length, "
                   "vocab_size, dtype, size_bytes, has_chat_template, config_sha256, added_at) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, model.name).bind(2, model.path).bind(3, model.architecture);
  insert.bind(4, model.parameterCount).bind(5, model.contextLength).bind(6, model.vocabSize);
  insert.bind(7, model.dtype).bind(8, model.sizeBytes);
  insert.bind(9, std::int64_t{model.hasChatTemplate ? 1 : 0}).bind(10, model.configSha256);
  insert.bind(11, nowText()).run();
  const Id id = db.lastInsertId();
  insertEvent(db, EventLevel::Info, "model", id,
              "Added the model " + quoted(model.name) + " from " + model.path);
  return id;
}

}  // namespace

Id Catalog::addModel(const NewModel& model) {
  requireName(model.name, "A model");
  if (model.path.empty()) throw Error("The model " + quoted(model.name) + " needs a folder.");
  Transaction transaction(*db_);
  if (const auto existing = modelWithFolder(*db_, model.path)) {
    throw Error("The folder " + model.path + " is already in the catalog as the model " +
                quoted(existing->second) + ".");
  }
  const Id id = insertModel(*db_, model);
  transaction.commit();
  return id;
}

Id Catalog::findOrAddModel(const NewModel& model) {
  requireName(model.name, "A model");
  if (model.path.empty()) throw Error("The model " + quoted(model.name) + " needs a folder.");
  Transaction transaction(*db_);
  if (const auto existing = modelWithFolder(*db_, model.path)) return existing->first;
  const Id id = insertModel(*db_, model);
  transaction.commit();
  return id;
}

std::vector<ModelRecord> Catalog::models() const {
  Statement query(*db_, select(kModelColumns, "FROM models ORDER BY name COLLATE NOCASE, id"));
  std::vector<ModelRecord> result;
  while (query.step()) result.push_back(readModel(query));
  return result;
}

std::optional<ModelRecord> Catalog::model(Id id) const {
  Statement query(*db_, select(kModelColumns, "FROM models WHERE id = ?"));
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return readModel(query);
}

void Catalog::removeModel(Id id) {
  Transaction transaction(*db_);
  Statement nameQuery(*db_, "SELECT name FROM models WHERE id = ?");
  nameQuery.bind(1, id);
  if (!nameQuery.step()) throw Error("There is no model " + std::to_string(id) + " in the catalog.");
  const std::string name = nameQuery.text(0);
  Statement users(*db_, "SELECT name FROM runs WHERE model_id = ? ORDER BY id");
  users.bind(1, id);
  std::vector<std::string> runNames;
  while (users.step()) runNames.push_back(quoted(users.text(0)));
  if (!runNames.empty()) {
    std::string list;
    for (std::size_t i = 0; i < runNames.size() && i < 5; ++i) list += (i ? ", " : "") + runNames[i];
    if (runNames.size() > 5) list += ", \u2026";
    throw Error("The model " + quoted(name) + " is used by " + std::to_string(runNames.size()) +
                (runNames.size() == 1 ? " run (" : " runs (") + list +
                "). Delete those runs first; the model was not removed.");
  }
  Statement remove(*db_, "DELETE FROM models WHERE id = ?");
  remove.bind(1, id).run();
  insertEvent(*db_, EventLevel::Info, "model", id, "Removed the model " + quoted(name));
  transaction.commit();
}

// --- datasets -----------------------------------------------------------------------------------

Id Catalog::addDataset(const NewDataset& dataset) {
  requireName(dataset.name, "A dataset");
  requireJson(dataset.statsJson, "The statistics of a dataset");
  Transaction transaction(*db_);
  Statement existing(*db_, "SELECT 1 FROM datasets WHERE name = ?");
  existing.bind(1, dataset.name);
  if (existing.step()) {
    throw Error("A dataset named " + quoted(dataset.name) +
                " is already in the catalog; choose another name.");
  }
  Statement insert(*db_,
                   "INSERT INTO datasets(name, source_path, source_sha256, format, train_rows, "
                   "validation_rows, token_count, stats_json, created_at) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, dataset.name).bind(2, dataset.sourcePath).bind(3, dataset.sourceSha256);
  insert.bind(4, dataset.format).bind(5, dataset.trainRows).bind(6, dataset.validationRows);
  insert.bind(7, dataset.tokenCount).bind(8, dataset.statsJson).bind(9, nowText()).run();
  const Id id = db_->lastInsertId();
  insertEvent(*db_, EventLevel::Info, "dataset", id,
              "Imported the dataset " + quoted(dataset.name) + " (" +
                  std::to_string(dataset.trainRows) + " training rows)");
  transaction.commit();
  return id;
}

std::vector<DatasetRecord> Catalog::datasets() const {
  Statement query(*db_, select(kDatasetColumns, "FROM datasets ORDER BY name COLLATE NOCASE, id"));
  std::vector<DatasetRecord> result;
  while (query.step()) result.push_back(readDataset(query));
  return result;
}

std::optional<DatasetRecord> Catalog::dataset(Id id) const {
  Statement query(*db_, select(kDatasetColumns, "FROM datasets WHERE id = ?"));
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return readDataset(query);
}

void Catalog::removeDataset(Id id) {
  Transaction transaction(*db_);
  Statement nameQuery(*db_, "SELECT name FROM datasets WHERE id = ?");
  nameQuery.bind(1, id);
  if (!nameQuery.step()) {
    throw Error("There is no dataset " + std::to_string(id) + " in the catalog.");
  }
  const std::string name = nameQuery.text(0);
  // A run that is training (or paused) reads the dataset's token files: its worker would lose them.
  // Other runs keep their history without it.
  Statement users(*db_,
                  "SELECT name, status FROM runs WHERE dataset_id = ? AND status IN ('running', 'paused') "
                  "ORDER BY id LIMIT 1");
  users.bind(1, id);
  if (users.step()) {
    throw Error("The dataset " + quoted(name) + " cannot be removed while the run " + quoted(users.text(0)) +
                " (" + users.text(1) + ") uses it. Stop the run first, or wait until it ends.");
  }
  Statement remove(*db_, "DELETE FROM datasets WHERE id = ?");
  remove.bind(1, id).run();
  insertEvent(*db_, EventLevel::Info, "dataset", id, "Removed the dataset " + quoted(name));
  transaction.commit();
}

// --- runs ---------------------------------------------------------------------------------------

Id Catalog::createRun(const NewRun& run) {
  requireName(run.name, "A run");
  requireJson(run.configJson, "The configuration of the run " + quoted(run.name));
  Transaction transaction(*db_);
  Statement modelQuery(*db_, "SELECT 1 FROM models WHERE id = ?");
  modelQuery.bind(1, run.modelId);
  if (!modelQuery.step()) {
    throw Error("The run " + quoted(run.name) + " names model " + std::to_string(run.modelId) +
                ", which is not in the catalog.");
  }
  if (run.datasetId) {
    Statement datasetQuery(*db_, "SELECT 1 FROM datasets WHERE id = ?");
    datasetQuery.bind(1, *run.datasetId);
    if (!datasetQuery.step()) {
      throw Error("The run " + quoted(run.name) + " names dataset " +
                  std::to_string(*run.datasetId) + ", which is not in the catalog.");
    }
  }
  Statement insert(*db_,
                   "INSERT INTO runs(name, model_id, dataset_id, method, preset, config_json, "
                   "status, created_at) VALUES(?, ?, ?, ?, ?, ?, 'queued', ?)");
  insert.bind(1, run.name).bind(2, run.modelId).bind(3, run.datasetId).bind(4, run.method);
  insert.bind(5, run.preset).bind(6, run.configJson).bind(7, nowText()).run();
  const Id id = db_->lastInsertId();
  insertEvent(*db_, EventLevel::Info, "run", id, "Created the run " + quoted(run.name));
  transaction.commit();
  return id;
}

std::vector<RunRecord> Catalog::runs() const {
  Statement query(*db_, select(kRunColumns, "FROM runs ORDER BY created_at DESC, id DESC"));
  std::vector<RunRecord> result;
  while (query.step()) result.push_back(readRun(query));
  return result;
}

std::vector<RunRecord> Catalog::runsWithCheckpoints() const {
  Statement query(*db_, select(kRunColumns, "FROM runs WHERE EXISTS (SELECT 1 FROM checkpoints "
                                            "WHERE checkpoints.run_id = runs.id) "
                                            "ORDER BY created_at DESC, id DESC"));
  std::vector<RunRecord> result;
  while (query.step()) result.push_back(readRun(query));
  return result;
}

namespace {

// "a/./b/" and "a/b" name one folder.
std::filesystem::path normalizedFolder(const std::filesystem::path& folder) {
  std::filesystem::path normal = folder.lexically_normal();
  if (normal.has_relative_path() && normal.filename().empty()) normal = normal.parent_path();
  return normal;
}

}  // namespace

std::vector<std::pair<Id, std::filesystem::path>> Catalog::runOutputFolders() const {
  Statement query(*db_, "SELECT id, json_extract(config_json, '$.output') FROM runs");
  std::vector<std::pair<Id, std::filesystem::path>> folders;
  while (query.step()) {
    const std::string output = query.isNull(1) ? std::string() : query.text(1);
    if (!output.empty()) folders.emplace_back(query.integer(0), normalizedFolder(output));
  }
  return folders;
}

std::optional<RunRecord> Catalog::runWritingTo(const std::filesystem::path& outputFolder) const {
  const std::filesystem::path wanted = normalizedFolder(outputFolder);
  for (const auto& [id, folder] : runOutputFolders()) {
    if (folder == wanted) return run(id);
  }
  return std::nullopt;
}

std::optional<RunRecord> Catalog::run(Id id) const {
  Statement query(*db_, select(kRunColumns, "FROM runs WHERE id = ?"));
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return readRun(query);
}

void Catalog::setRunStatus(Id id, RunStatus status, const std::string& errorText) {
  setRunStatus(id, status, errorText, std::nullopt);
}

void Catalog::setRunFailed(Id id, const Words& why) { setRunStatus(id, RunStatus::Failed, why.english(), why); }

void Catalog::setRunStatus(Id id, RunStatus status, const std::string& errorText, const std::optional<Words>& error) {
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, id);
  const bool ended =
      status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Stopped;
  const std::string now = nowText();
  // A resumed run (Running again after Stopped/Failed) is no longer finished.
  Statement update(*db_,
                   "UPDATE runs SET status = ?, "
                   "started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) "
                   "ELSE started_at END, "
                   "finished_at = CASE WHEN ? THEN ? ELSE NULL END, "
                   "error_text = ?, error_words = ? WHERE id = ?");
  update.bind(1, toString(status)).bind(2, toString(status)).bind(3, now);
  update.bind(4, std::int64_t{ended ? 1 : 0}).bind(5, now);
  update.bind(6, status == RunStatus::Failed ? errorText : std::string());
  // Words beyond the schema's CHECK on error_words (256 KiB) are left out: the English stays.
  constexpr std::size_t kMaxErrorWordsBytes = 262144;
  const std::string words = status == RunStatus::Failed && error ? wordsToJson(*error).dump() : std::string();
  if (words.empty() || words.size() > kMaxErrorWordsBytes) {
    update.bindNull(7);
  } else {
    update.bind(7, words);
  }
  update.bind(8, id).run();
  std::string message = "The run " + quoted(name) + " is now " + toString(status);
  if (status == RunStatus::Failed && !errorText.empty()) message += ": " + errorText;
  insertEvent(*db_, status == RunStatus::Failed ? EventLevel::Error : EventLevel::Info, "run", id,
              message);
  transaction.commit();
}

void Catalog::setRunWorker(Id id, const std::optional<ProcessIdentity>& worker) {
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, id);
  Statement update(*db_, "UPDATE runs SET worker_pid = ?, worker_start_ticks = ? WHERE id = ?");
  update.bind(1, worker ? std::optional<Id>(worker->pid) : std::nullopt);
  update.bind(2, worker ? std::optional<Id>(worker->startTicks) : std::nullopt).bind(3, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id,
              worker ? "The run " + quoted(name) + " is executed by process " + std::to_string(worker->pid)
                     : "No process executes the run " + quoted(name) + " any more");
  transaction.commit();
}

void Catalog::setRunTotalSteps(Id id, std::int64_t totalSteps) {
  if (totalSteps < 0) throw Error("A run cannot take " + std::to_string(totalSteps) + " steps.");
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, id);
  Statement update(*db_, "UPDATE runs SET total_steps = ? WHERE id = ?");
  update.bind(1, totalSteps).bind(2, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id,
              "The run " + quoted(name) + " takes " + std::to_string(totalSteps) + " steps");
  transaction.commit();
}

void Catalog::setRunDevice(Id id, const TrainingDevice& device) {
  if (device.memoryBytes < 0) throw Error("A device cannot have " + std::to_string(device.memoryBytes) + " bytes.");
  std::string name = device.name.substr(0, std::min<std::size_t>(device.name.size(), 256));
  if (name.size() < device.name.size()) {  // cut at a character's start, never inside one
    while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
    if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80) != 0) name.pop_back();
  }
  Transaction transaction(*db_);
  const std::string runName = runNameOrThrow(*db_, id);
  Statement update(*db_, "UPDATE runs SET device_kind = ?, device_name = ?, device_memory_bytes = ? WHERE id = ?");
  update.bind(1, device.kind == TrainingDevice::Kind::Cuda ? "cuda" : "cpu").bind(2, name);
  update.bind(3, device.memoryBytes).bind(4, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id, "The run " + quoted(runName) + " trains on " + name);
  transaction.commit();
}

void Catalog::renameRun(Id id, const std::string& name) {
  requireName(name, "A run");
  Transaction transaction(*db_);
  const std::string old = runNameOrThrow(*db_, id);
  Statement update(*db_, "UPDATE runs SET name = ? WHERE id = ?");
  update.bind(1, name).bind(2, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id, "Renamed the run " + quoted(old) + " to " + quoted(name));
  transaction.commit();
}

void Catalog::setRunNotes(Id id, const std::string& notes) {
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, id);
  Statement update(*db_, "UPDATE runs SET notes = ? WHERE id = ?");
  update.bind(1, notes).bind(2, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id, "Changed the notes of the run " + quoted(name));
  transaction.commit();
}

void Catalog::deleteRun(Id id) {
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, id);
  Statement remove(*db_, "DELETE FROM runs WHERE id = ?");  // metrics, checkpoints, exports cascade
  remove.bind(1, id).run();
  insertEvent(*db_, EventLevel::Info, "run", id, "Deleted the run " + quoted(name));
  transaction.commit();
}

// --- metrics ------------------------------------------------------------------------------------

void Catalog::appendMetrics(Id runId, std::span<const MetricPoint> points) {
  if (points.empty()) return;
  Transaction transaction(*db_);
  runNameOrThrow(*db_, runId);
  Statement insert(*db_,
                   "INSERT INTO metrics(run_id, name, step, value) VALUES(?, ?, ?, ?) "
                   "ON CONFLICT(run_id, name, step) DO UPDATE SET value = excluded.value");
  for (const MetricPoint& point : points) {
    if (point.name.empty()) throw Error("A metric point needs a name.");
    if (point.step < 0) throw Error("The metric " + point.name + " has a negative step.");
    insert.bind(1, runId).bind(2, point.name).bind(3, point.step).bind(4, point.value);
    insert.run();
    insert.reset();
  }
  transaction.commit();  // metrics are the run's own history, not events of their own
}

std::vector<MetricPoint> Catalog::metrics(Id runId, const std::string& name) const {
  std::vector<MetricPoint> result;
  const bool all = name.empty();
  Statement query(*db_, all ? "SELECT step, name, value FROM metrics WHERE run_id = ? "
                              "ORDER BY name, step"
                            : "SELECT step, name, value FROM metrics WHERE run_id = ? AND name = ? "
                              "ORDER BY step");
  query.bind(1, runId);
  if (!all) query.bind(2, name);
  while (query.step()) result.push_back({query.integer(0), query.text(1), query.real(2)});
  return result;
}

// --- checkpoints and exports --------------------------------------------------------------------

Id Catalog::addCheckpoint(const NewCheckpoint& checkpoint) {
  if (checkpoint.path.empty()) throw Error("A checkpoint needs a folder.");
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, checkpoint.runId);
  Statement insert(*db_,
                   "INSERT INTO checkpoints(run_id, step, path, manifest_sha256, size_bytes, "
                   "created_at) VALUES(?, ?, ?, ?, ?, ?)");
  insert.bind(1, checkpoint.runId).bind(2, checkpoint.step).bind(3, checkpoint.path);
  insert.bind(4, checkpoint.manifestSha256).bind(5, checkpoint.sizeBytes).bind(6, nowText()).run();
  const Id id = db_->lastInsertId();
  insertEvent(*db_, EventLevel::Info, "run", checkpoint.runId,
              "Saved a checkpoint of the run " + quoted(name) + " at step " +
                  std::to_string(checkpoint.step));
  transaction.commit();
  return id;
}

void Catalog::removeCheckpoint(Id id) {
  Transaction transaction(*db_);
  Statement owner(*db_, "SELECT run_id, step FROM checkpoints WHERE id = ?");
  owner.bind(1, id);
  if (!owner.step()) throw Error("There is no checkpoint " + std::to_string(id) + " in the catalog.");
  const Id runId = owner.integer(0);
  const std::int64_t step = owner.integer(1);
  const std::string name = runNameOrThrow(*db_, runId);
  Statement remove(*db_, "DELETE FROM checkpoints WHERE id = ?");
  remove.bind(1, id).run();
  insertEvent(*db_, EventLevel::Info, "run", runId,
              "Removed the checkpoint of the run " + quoted(name) + " at step " + std::to_string(step));
  transaction.commit();
}

std::vector<CheckpointRecord> Catalog::checkpoints(Id runId) const {
  Statement query(*db_, select(kCheckpointColumns, "FROM checkpoints WHERE run_id = ? ORDER BY step, id"));
  query.bind(1, runId);
  std::vector<CheckpointRecord> result;
  while (query.step()) result.push_back(readCheckpoint(query));
  return result;
}

Id Catalog::addExport(const NewExport& exportRecord) {
  if (exportRecord.path.empty()) throw Error("An export needs a path.");
  Transaction transaction(*db_);
  const std::string name = runNameOrThrow(*db_, exportRecord.runId);
  if (exportRecord.checkpointId) {
    Statement owner(*db_, "SELECT run_id FROM checkpoints WHERE id = ?");
    owner.bind(1, *exportRecord.checkpointId);
    if (!owner.step() || owner.integer(0) != exportRecord.runId) {
      throw Error("The export of the run " + quoted(name) + " names checkpoint " +
                  std::to_string(*exportRecord.checkpointId) + ", which is not one of its own.");
    }
  }
  Statement insert(*db_,
                   "INSERT INTO exports(run_id, checkpoint_id, kind, path, sha256, created_at) "
                   "VALUES(?, ?, ?, ?, ?, ?)");
  insert.bind(1, exportRecord.runId).bind(2, exportRecord.checkpointId);
  insert.bind(3, toString(exportRecord.kind)).bind(4, exportRecord.path);
  insert.bind(5, exportRecord.sha256).bind(6, nowText()).run();
  const Id id = db_->lastInsertId();
  insertEvent(*db_, EventLevel::Info, "run", exportRecord.runId,
              "Exported the run " + quoted(name) + " as " + toString(exportRecord.kind) + " to " +
                  exportRecord.path);
  transaction.commit();
  return id;
}

std::vector<ExportRecord> Catalog::exports(Id runId) const {
  Statement query(*db_, select(kExportColumns, "FROM exports WHERE run_id = ? ORDER BY id"));
  query.bind(1, runId);
  std::vector<ExportRecord> result;
  while (query.step()) result.push_back(readExport(query));
  return result;
}

// --- events -------------------------------------------------------------------------------------

void Catalog::logEvent(EventLevel level, const std::string& subjectKind, std::optional<Id> subjectId,
                       const std::string& message) {
  Transaction transaction(*db_);
  insertEvent(*db_, level, subjectKind, subjectId, message);
  transaction.commit();
}

std::vector<EventRecord> Catalog::events(int limit) const {
  Statement query(*db_,
                  "SELECT id, at, level, subject_kind, subject_id, message FROM events "
                  "ORDER BY id DESC LIMIT ?");
  query.bind(1, std::int64_t{limit});
  return readEvents(query);
}

std::vector<EventRecord> Catalog::runEvents(Id runId, int limit) const {
  // Served by the index events_by_subject (schema 2).
  Statement query(*db_,
                  "SELECT id, at, level, subject_kind, subject_id, message FROM events "
                  "WHERE subject_kind = 'run' AND subject_id = ? ORDER BY id DESC LIMIT ?");
  query.bind(1, runId).bind(2, std::int64_t{limit});
  return readEvents(query);
}

}  // namespace tiertune::catalog
