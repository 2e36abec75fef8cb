#include "core/catalog/migrations.h"

#include <string>

#include "core/catalog/catalog.h"
#include "core/catalog/sqlite.h"
#include "core/util/error.h"

namespace tiertune::catalog {

namespace {

// Version 1. STRICT tables make SQLite check column types; CHECKs hold what the C++ side assumes
// (non-empty names, known status words, valid JSON), so a bug or a hand edit cannot store a row
// the application would misread. Timestamps are UTC ISO-8601 text (see records.h).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE models(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK(length(name) > 0),
  path TEXT NOT NULL UNIQUE CHECK(length(path) > 0),
  architecture TEXT NOT NULL DEFAULT '',
  parameter_count INTEGER NOT NULL DEFAULT 0 CHECK(parameter_count >= 0),
  context_length INTEGER NOT NULL DEFAULT 0 CHECK(context_length >= 0),
  vocab_size INTEGER NOT NULL DEFAULT 0 CHECK(vocab_size >= 0),
  dtype TEXT NOT NULL DEFAULT '',
  size_bytes INTEGER NOT NULL DEFAULT 0 CHECK(size_bytes >= 0),
  has_chat_template INTEGER NOT NULL DEFAULT 0 CHECK(has_chat_template IN (0, 1)),
  config_sha256 TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  source_path TEXT NOT NULL DEFAULT '',
  source_sha256 TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  train_rows INTEGER NOT NULL DEFAULT 0 CHECK(train_rows >= 0),
  validation_rows INTEGER NOT NULL DEFAULT 0 CHECK(validation_rows >= 0),
  token_count INTEGER NOT NULL DEFAULT 0 CHECK(token_count >= 0),
  stats_json TEXT NOT NULL DEFAULT '{}' CHECK(json_valid(stats_json)),
  created_at TEXT NOT NULL
) STRICT;

-- A model cannot go while runs use it (their history would lose its meaning); a dataset can, and
-- its runs keep their history with dataset_id NULL.
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK(length(name) > 0),
  model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE RESTRICT,
  dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  method TEXT NOT NULL DEFAULT '',
  preset TEXT NOT NULL DEFAULT '',
  config_json TEXT NOT NULL DEFAULT '{}' CHECK(json_valid(config_json)),
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK(status IN ('queued', 'running', 'paused', 'completed', 'failed', 'stopped')),
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  error_text TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX runs_by_model ON runs(model_id);
CREATE INDEX runs_by_dataset ON runs(dataset_id);

-- value NULL stands for NaN (a diverged loss is history too; SQLite cannot store NaN).
CREATE TABLE metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(name) > 0),
  step INTEGER NOT NULL CHECK(step >= 0),
  value REAL,
  PRIMARY KEY(run_id, name, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL CHECK(step >= 0),
  path TEXT NOT NULL UNIQUE CHECK(length(path) > 0),
  manifest_sha256 TEXT NOT NULL DEFAULT '',
  size_bytes INTEGER NOT NULL DEFAULT 0 CHECK(size_bytes >= 0),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX checkpoints_by_run ON checkpoints(run_id, step);

CREATE TABLE exports(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  checkpoint_id INTEGER REFERENCES checkpoints(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK(kind IN ('peft_adapter', 'merged_hf', 'gguf')),
  path TEXT NOT NULL CHECK(length(path) > 0),
  sha256 TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX exports_by_run ON exports(run_id);

-- No foreign key on subject_id: the log outlives what it talks about.
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  level TEXT NOT NULL CHECK(level IN ('info', 'warning', 'error')),
  subject_kind TEXT NOT NULL,
  subject_id INTEGER,
  message TEXT NOT NULL
) STRICT;
)sql";

// Version 2. The run history shows a run's own log lines; without this index every detail view
// would scan the whole event log.
constexpr const char* kSchemaV2 = R"sql(
CREATE INDEX events_by_subject ON events(subject_kind, subject_id, id);
)sql";

// Version 3. The process that executes a run, so that a GUI started later can attach to it or
// find that it died: its pid and its start time (clock ticks after boot, which tells a reused pid
// apart), both NULL while no worker runs it. total_steps is what the worker computed from the
// dataset and the configuration, so that the history shows progress of runs without max_steps.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE runs ADD COLUMN worker_pid INTEGER CHECK(worker_pid IS NULL OR worker_pid > 0);
ALTER TABLE runs ADD COLUMN worker_start_ticks INTEGER
  CHECK(worker_start_ticks IS NULL OR worker_start_ticks >= 0);
ALTER TABLE runs ADD COLUMN total_steps INTEGER CHECK(total_steps IS NULL OR total_steps >= 0);
)sql";

// Version 4. The device that trains the run, as its worker found it (the latest worker's, when a
// run resumed on another machine): the run's detail says where its numbers came from.
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE runs ADD COLUMN device_kind TEXT CHECK(device_kind IS NULL OR device_kind IN ('cpu', 'cuda'));
ALTER TABLE runs ADD COLUMN device_name TEXT CHECK(device_name IS NULL OR length(device_name) <= 256);
ALTER TABLE runs ADD COLUMN device_memory_bytes INTEGER
  CHECK(device_memory_bytes IS NULL OR device_memory_bytes >= 0);
)sql";

// Version 5. Why a run failed as Words (core/util/words.h, as JSON): the window says it in its
// language; error_text keeps the English for the command line, searches and older versions.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE runs ADD COLUMN error_words TEXT
  CHECK(error_words IS NULL OR (json_valid(error_words) AND length(error_words) <= 262144));
)sql";

const Migration kMigrations[] = {
    {1, [](Database& database) { database.exec(kSchemaV1); }},
    {2, [](Database& database) { database.exec(kSchemaV2); }},
    {3, [](Database& database) { database.exec(kSchemaV3); }},
    {4, [](Database& database) { database.exec(kSchemaV4); }},
    {5, [](Database& database) { database.exec(kSchemaV5); }},
};

}  // namespace

std::span<const Migration> schemaMigrations() { return kMigrations; }

int migrate(Database& database, std::span<const Migration> migrations) {
  int previous = 0;
  for (const Migration& step : migrations) {
    if (step.version <= previous) {
      throw Error("Catalog migrations are out of order at version " + std::to_string(step.version));
    }
    previous = step.version;
  }
  const int target = previous;
  Transaction transaction(database);
  const auto current = static_cast<int>(database.queryInteger("PRAGMA user_version"));
  if (current > target) {
    throw Error("The catalog " + database.file().string() + " was written by a newer Tiertune (schema " +
                std::to_string(current) + ", this version understands up to " +
                std::to_string(target) + "). Update Tiertune to open it; the file was left unchanged.");
  }
  for (const Migration& step : migrations) {
    if (step.version <= current) continue;
    try {
      step.apply(database);
    } catch (const Error& error) {
      throw Error("Upgrading the catalog " + database.file().string() + " to schema " +
                  std::to_string(step.version) + " failed; the file was left unchanged. " +
                  error.what());
    }
  }
  if (current == target) return current;  // nothing to do; the transaction rolls back harmlessly
  // PRAGMAs take no bound parameters; both values are integers we produce.
  database.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  database.exec("PRAGMA user_version = " + std::to_string(target));
  transaction.commit();
  return target;
}

}  // namespace tiertune::catalog
