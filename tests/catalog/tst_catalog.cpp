// The catalog: what it stores and returns, the constraints of its schema, ordered migrations,
// refusing files it must not touch, readers beside a writer, and a writer killed mid-transaction.
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "core/catalog/migrations.h"
#include "core/catalog/sqlite.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::catalog;
namespace fs = std::filesystem;

namespace {

// Runs body in a forked child and returns its exit status (or 128 + signal).
template <typename Body>
int inChild(Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    int code = 99;
    try {
      code = body();
    } catch (...) {
      code = 98;
    }
    _exit(code);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

QByteArray fileHash(const fs::path& file) {
  QFile in(QString::fromStdString(file.string()));
  if (!in.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256);
}

// A second connection that does not go through Catalog: what any other reader would see.
class RawConnection {
 public:
  explicit RawConnection(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw Error("raw open failed");
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawConnection() { sqlite3_close_v2(db_); }
  int exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }
  std::string text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0)) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    return result;
  }
  long long integer(const std::string& sql) { return std::stoll(text(sql)); }
  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_ = nullptr;
};

NewModel sampleModel(const std::string& path = "/models/qwen2.5-0.5b") {
  NewModel model;
  model.name = "Qwen2.5-0.5B";
  model.path = path;
  model.architecture = "Qwen2ForCausalLM";
  model.parameterCount = 494032768;
  model.contextLength = 32768;
  model.vocabSize = 151936;
  model.dtype = "bfloat16";
  model.sizeBytes = 988097824;
  model.hasChatTemplate = true;
  model.configSha256 = std::string(64, 'a');
  return model;
}

std::vector<MetricPoint> lossPoints(std::int64_t firstStep, int count, double base = 2.0) {
  std::vector<MetricPoint> points;
  for (int i = 0; i < count; ++i) {
    points.push_back({firstStep + i, "train/loss", base / static_cast<double>(firstStep + i + 1)});
  }
  return points;
}

// Expects body to throw tiertune::Error whose message contains every one of the words.
template <typename Body>
bool throwsMentioning(Body body, const std::vector<std::string>& words, std::string* message = nullptr) {
  try {
    body();
  } catch (const Error& error) {
    if (message) *message = error.what();
    for (const auto& word : words) {
      if (std::string(error.what()).find(word) == std::string::npos) {
        qWarning("message lacks \"%s\": %s", word.c_str(), error.what());
        return false;
      }
    }
    return true;
  }
  qWarning("no tiertune::Error thrown");
  return false;
}

}  // namespace

class CatalogTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder() const { return scratch_->path().toStdString(); }
  fs::path catalogFile() const { return folder() / settings::kCatalogFileName; }

 private slots:
  void init() {
    scratch_ = tiertune::test::makeScratchDir();
    QVERIFY(scratch_->isValid());
  }

  void createsAFreshCatalogWithItsSettings() {
    const fs::path file = folder() / "nested" / "data" / settings::kCatalogFileName;
    {
      Catalog catalog = Catalog::open(file);
      QCOMPARE(catalog.schemaVersion(), kSchemaVersion);
      QCOMPARE(catalog.file(), file);
      const auto events = catalog.events();
      QCOMPARE(events.size(), 1u);
      QVERIFY(events[0].message.find("Created the catalog") != std::string::npos);
      RawConnection raw(file);
      QCOMPARE(raw.text("PRAGMA journal_mode"), std::string("wal"));
      QCOMPARE(raw.integer("PRAGMA application_id"), static_cast<long long>(kApplicationId));
      QCOMPARE(raw.integer("PRAGMA user_version"), static_cast<long long>(kSchemaVersion));
      for (const char* table : {"models", "datasets", "runs", "metrics", "checkpoints", "exports", "events"}) {
        QCOMPARE(raw.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='") +
                             table + "'"),
                 1LL);
      }
    }
    // Opening again changes nothing and logs no second creation.
    Catalog again = Catalog::open(file);
    QCOMPARE(again.events().size(), 1u);
  }

  void storesAndReturnsEveryRecord() {
    Catalog catalog = Catalog::open(catalogFile());
    const NewModel newModel = sampleModel();
    const Id modelId = catalog.addModel(newModel);
    const auto model = catalog.model(modelId);
    QVERIFY(model);
    QCOMPARE(model->name, newModel.name);
    QCOMPARE(model->path, newModel.path);
    QCOMPARE(model->architecture, newModel.architecture);
    QCOMPARE(model->parameterCount, newModel.parameterCount);
    QCOMPARE(model->contextLength, newModel.contextLength);
    QCOMPARE(model->vocabSize, newModel.vocabSize);
    QCOMPARE(model->dtype, newModel.dtype);
    QCOMPARE(model->sizeBytes, newModel.sizeBytes);
    QCOMPARE(model->hasChatTemplate, true);
    QCOMPARE(model->configSha256, newModel.configSha256);
    QCOMPARE(model->addedAt.size(), std::string("2026-11-22T12:34:56.789Z").size());
    QCOMPARE(model->addedAt.back(), 'Z');

    NewDataset newDataset;
    newDataset.name = "support-tickets";
    newDataset.sourcePath = "/data/tickets.jsonl";
    newDataset.format = "messages";
    newDataset.trainRows = 900;
    newDataset.validationRows = 100;
    newDataset.tokenCount = 123456;
    newDataset.statsJson = R"({"lengths":[1,2,3]})";
    const Id datasetId = catalog.addDataset(newDataset);
    const auto dataset = catalog.dataset(datasetId);
    QVERIFY(dataset);
    QCOMPARE(dataset->name, newDataset.name);
    QCOMPARE(dataset->trainRows, 900);
    QCOMPARE(dataset->validationRows, 100);
    QCOMPARE(dataset->tokenCount, 123456);
    QCOMPARE(dataset->statsJson, newDataset.statsJson);

    NewRun newRun;
    newRun.name = "first try";
    newRun.modelId = modelId;
    newRun.datasetId = datasetId;
    newRun.method = "lora";
    newRun.preset = "quick-lora";
    newRun.configJson = R"({"rank":16,"lr":0.0002})";
    const Id runId = catalog.createRun(newRun);
    const auto run = catalog.run(runId);
    QVERIFY(run);
    QCOMPARE(run->name, newRun.name);
    QCOMPARE(run->modelId, modelId);
    QCOMPARE(run->datasetId, std::optional<Id>(datasetId));
    QCOMPARE(run->status, RunStatus::Queued);
    QCOMPARE(run->configJson, newRun.configJson);
    QVERIFY(run->startedAt.empty());
    QVERIFY(run->finishedAt.empty());

    std::vector<MetricPoint> points = lossPoints(0, 5);
    points.push_back({4, "val/loss", std::nan("")});  // a diverged value is kept, as NaN
    points.push_back({4, "lr", 2e-4});
    catalog.appendMetrics(runId, points);
    const auto loss = catalog.metrics(runId, "train/loss");
    QCOMPARE(loss.size(), 5u);
    for (std::size_t i = 0; i < loss.size(); ++i) {
      QCOMPARE(loss[i].step, static_cast<std::int64_t>(i));
      QCOMPARE(loss[i].value, points[i].value);
    }
    const auto val = catalog.metrics(runId, "val/loss");
    QCOMPARE(val.size(), 1u);
    QVERIFY(std::isnan(val[0].value));
    QCOMPARE(catalog.metrics(runId).size(), 7u);

    const Id checkpointId = catalog.addCheckpoint({runId, 4, "/data/runs/1/step-4", "beef", 4096});
    const auto checkpoints = catalog.checkpoints(runId);
    QCOMPARE(checkpoints.size(), 1u);
    QCOMPARE(checkpoints[0].id, checkpointId);
    QCOMPARE(checkpoints[0].step, 4);
    QCOMPARE(checkpoints[0].path, std::string("/data/runs/1/step-4"));
    QCOMPARE(checkpoints[0].sizeBytes, 4096);

    catalog.addExport({runId, checkpointId, ExportKind::Gguf, "/out/model.gguf", "cafe"});
    const auto exports = catalog.exports(runId);
    QCOMPARE(exports.size(), 1u);
    QCOMPARE(exports[0].kind, ExportKind::Gguf);
    QCOMPARE(exports[0].checkpointId, std::optional<Id>(checkpointId));

    // Each action logged, newest first.
    const auto events = catalog.events();
    QVERIFY(events.size() >= 6u);
    QVERIFY(events[0].message.find("Exported") != std::string::npos);
    QCOMPARE(events[0].subjectKind, std::string("run"));
    QCOMPARE(events[0].subjectId, std::optional<Id>(runId));
  }

  void refusesDuplicatesAndBadInputWithClearWords() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id modelId = catalog.addModel(sampleModel());
    QVERIFY(throwsMentioning([&] { catalog.addModel(sampleModel()); },
                             {"/models/qwen2.5-0.5b", "already in the catalog"}));
    NewDataset dataset;
    dataset.name = "chats";
    catalog.addDataset(dataset);
    QVERIFY(throwsMentioning([&] { catalog.addDataset(dataset); }, {"chats", "already"}));
    dataset.name = "broken stats";
    dataset.statsJson = "{not json";
    QVERIFY(throwsMentioning([&] { catalog.addDataset(dataset); }, {"not valid JSON"}));
    NewRun run;
    run.name = "r";
    run.modelId = modelId + 100;
    QVERIFY(throwsMentioning([&] { catalog.createRun(run); }, {"not in the catalog"}));
    run.modelId = modelId;
    run.configJson = "[1,";
    QVERIFY(throwsMentioning([&] { catalog.createRun(run); }, {"not valid JSON"}));
    run.configJson = "{}";
    run.name.clear();
    QVERIFY(throwsMentioning([&] { catalog.createRun(run); }, {"needs a name"}));
    QVERIFY(throwsMentioning([&] { catalog.appendMetrics(999, lossPoints(0, 1)); }, {"no run 999"}));
    // Nothing of the refused actions was stored.
    QCOMPARE(catalog.models().size(), 1u);
    QCOMPARE(catalog.datasets().size(), 1u);
    QCOMPARE(catalog.runs().size(), 0u);
  }

  // The schema holds its rules against any writer, not only against our C++ checks.
  void schemaConstraintsHoldForRawSql() {
    { Catalog::open(catalogFile()); }
    RawConnection raw(catalogFile());
    QCOMPARE(raw.exec("PRAGMA foreign_keys = ON"), SQLITE_OK);
    const std::string now = "'2026-01-01T00:00:00.000Z'";
    QCOMPARE(raw.exec("INSERT INTO models(name, path, added_at) VALUES('m', '/m', " + now + ")"), SQLITE_OK);
    const std::vector<std::string> refused = {
        "INSERT INTO models(name, path, added_at) VALUES('m2', '/m', " + now + ")",           // unique path
        "INSERT INTO models(name, path, added_at) VALUES('', '/e', " + now + ")",             // empty name
        "INSERT INTO models(name, path, parameter_count, added_at) VALUES('x', '/x', 'many', " + now + ")",  // STRICT
        "INSERT INTO runs(name, model_id, status, created_at) VALUES('r', 1, 'bogus', " + now + ")",
        "INSERT INTO runs(name, model_id, created_at) VALUES('r', 42, " + now + ")",          // FK
        "INSERT INTO runs(name, model_id, config_json, created_at) VALUES('r', 1, '{', " + now + ")",
        "INSERT INTO metrics(run_id, name, step, value) VALUES(1, 'loss', 0, 1.0)",          // no run 1
        "INSERT INTO events(at, level, subject_kind, message) VALUES(" + now + ", 'loud', 'x', 'm')",
        "INSERT INTO exports(run_id, kind, path, created_at) VALUES(1, 'zip', '/p', " + now + ")",
    };
    for (const auto& sql : refused) {
      if (raw.exec(sql) == SQLITE_OK) QFAIL(("accepted: " + sql).c_str());
    }
    QCOMPARE(raw.exec("INSERT INTO runs(name, model_id, created_at) VALUES('r', 1, " + now + ")"), SQLITE_OK);
    QCOMPARE(raw.exec("INSERT INTO metrics(run_id, name, step, value) VALUES(1, 'loss', -1, 1.0)") == SQLITE_OK, false);
    QCOMPARE(raw.exec("INSERT INTO metrics(run_id, name, step, value) VALUES(1, 'loss', 0, 1.0)"), SQLITE_OK);
    QCOMPARE(raw.exec("INSERT INTO metrics(run_id, name, step, value) VALUES(1, 'loss', 0, 2.0)") == SQLITE_OK, false);
    QCOMPARE(raw.exec("DELETE FROM models WHERE id = 1") == SQLITE_OK, false);  // RESTRICT
  }

  void deletingARunTakesItsHistoryAndAModelInUseStays() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id modelId = catalog.addModel(sampleModel());
    NewDataset dataset;
    dataset.name = "d";
    const Id datasetId = catalog.addDataset(dataset);
    NewRun run{"keeper", modelId, datasetId, "lora", "quick-lora", "{}"};
    const Id keeper = catalog.createRun(run);
    run.name = "doomed";
    const Id doomed = catalog.createRun(run);
    for (Id id : {keeper, doomed}) {
      catalog.appendMetrics(id, lossPoints(0, 10));
      const Id checkpoint = catalog.addCheckpoint({id, 10, "/ck/" + std::to_string(id), "", 1});
      catalog.addExport({id, checkpoint, ExportKind::PeftAdapter, "/ex/" + std::to_string(id), ""});
    }
    std::string message;
    QVERIFY(throwsMentioning([&] { catalog.removeModel(modelId); }, {"keeper", "doomed", "2 runs"}, &message));
    QVERIFY(catalog.model(modelId));

    catalog.deleteRun(doomed);
    QVERIFY(!catalog.run(doomed));
    QCOMPARE(catalog.metrics(doomed).size(), 0u);
    QCOMPARE(catalog.checkpoints(doomed).size(), 0u);
    QCOMPARE(catalog.exports(doomed).size(), 0u);
    QCOMPARE(catalog.metrics(keeper).size(), 10u);  // the other run keeps everything
    // Only runs with a checkpoint are offered to chat with, newest first.
    run.name = "no checkpoint yet";
    const Id bare = catalog.createRun(run);
    run.name = "newest";
    const Id newest = catalog.createRun(run);
    catalog.addCheckpoint({newest, 5, "/ck/newest", "", 1});
    const auto chattable = catalog.runsWithCheckpoints();
    QCOMPARE(chattable.size(), 2u);
    QCOMPARE(chattable[0].id, newest);
    QCOMPARE(chattable[1].id, keeper);
    QVERIFY(catalog.run(bare));
    // The run that writes into a folder is found by its configuration's "output".
    run.name = "writes somewhere";
    run.configJson = R"({"output": "/data/runs/first", "method": "lora"})";
    const Id writer = catalog.createRun(run);
    QCOMPARE(catalog.runWritingTo("/data/runs/first")->id, writer);
    QCOMPARE(catalog.runWritingTo("/data/runs/./first/")->id, writer);
    QVERIFY(!catalog.runWritingTo("/data/runs/second"));
    catalog.deleteRun(writer);
    catalog.deleteRun(bare);
    catalog.deleteRun(newest);
    QCOMPARE(catalog.checkpoints(keeper).size(), 1u);

    // A dataset may go: its runs keep their history and forget the dataset.
    catalog.removeDataset(datasetId);
    QCOMPARE(catalog.run(keeper)->datasetId, std::optional<Id>());
    QCOMPARE(catalog.metrics(keeper).size(), 10u);

    catalog.deleteRun(keeper);
    catalog.removeModel(modelId);
    QVERIFY(catalog.models().empty());
  }

  void runStatusKeepsItsTimes() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id modelId = catalog.addModel(sampleModel());
    const Id runId = catalog.createRun({"r", modelId, std::nullopt, "lora", "custom", "{}"});
    catalog.setRunStatus(runId, RunStatus::Running);
    const std::string started = catalog.run(runId)->startedAt;
    QVERIFY(!started.empty());
    QVERIFY(catalog.run(runId)->finishedAt.empty());
    catalog.setRunStatus(runId, RunStatus::Failed, "CUDA out of memory at step 12");
    auto failed = catalog.run(runId);
    QCOMPARE(failed->status, RunStatus::Failed);
    QCOMPARE(failed->errorText, std::string("CUDA out of memory at step 12"));
    QVERIFY(!failed->finishedAt.empty());
    QCOMPARE(catalog.events()[0].level, EventLevel::Error);
    // Resumed: running again, not finished, the first start kept, the old error gone.
    catalog.setRunStatus(runId, RunStatus::Running);
    auto resumed = catalog.run(runId);
    QCOMPARE(resumed->startedAt, started);
    QVERIFY(resumed->finishedAt.empty());
    QVERIFY(resumed->errorText.empty());
    catalog.setRunStatus(runId, RunStatus::Completed);
    QCOMPARE(catalog.run(runId)->status, RunStatus::Completed);
    catalog.renameRun(runId, "renamed");
    catalog.setRunNotes(runId, "lr too high?");
    QCOMPARE(catalog.run(runId)->name, std::string("renamed"));
    QCOMPARE(catalog.run(runId)->notes, std::string("lr too high?"));
    QVERIFY(throwsMentioning([&] { catalog.setRunStatus(runId + 7, RunStatus::Running); }, {"no run"}));
  }

  // A failure kept as Words comes back as Words (the window translates them), its English in
  // errorText for the command line; a failure kept as text has none, a resumed run loses both, and
  // a damaged stored value reads as no words, leaving the English.
  void aFailureKeepsItsWords() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id modelId = catalog.addModel(sampleModel());
    const Id runId = catalog.createRun({"r", modelId, std::nullopt, "lora", "custom", "{}"});
    const tiertune::Words inner(TIERTUNE_WORDS("test", "the disk of %1 is full"), {"/data"});
    catalog.setRunFailed(runId, tiertune::Words(TIERTUNE_WORDS("test", "step %1 failed: %2"), {"12", inner}));
    const auto failed = catalog.run(runId);
    QCOMPARE(failed->errorText, std::string("step 12 failed: the disk of /data is full"));
    QVERIFY(failed->errorWords);
    QCOMPARE(failed->errorWords->source(), std::string("step %1 failed: %2"));
    QCOMPARE(failed->errorWords->places()[1].source(), std::string("the disk of %1 is full"));
    QCOMPARE(failed->errorWords->english(), failed->errorText);
    QVERIFY(catalog.runs()[0].errorWords);

    catalog.setRunStatus(runId, RunStatus::Running);
    QVERIFY(!catalog.run(runId)->errorWords);
    catalog.setRunStatus(runId, RunStatus::Failed, "plain words");
    QVERIFY(!catalog.run(runId)->errorWords);
    QCOMPARE(catalog.run(runId)->errorText, std::string("plain words"));

    {
      Database raw(catalogFile(), false);
      raw.exec("UPDATE runs SET error_words = '{\"context\": 1}'");
    }
    QVERIFY(!catalog.run(runId)->errorWords);
    QCOMPARE(catalog.run(runId)->errorText, std::string("plain words"));
  }

  // The worker records itself (pid and start time) and the run's length; a GUI started later reads
  // them to attach. The history's steps column prefers the worker's count to max_steps.
  void theWorkerOfARunAndItsTotalStepsAreRecorded() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id runId = catalog.createRun({"r", catalog.addModel(sampleModel()), std::nullopt, "lora", "custom",
                                        "{\"max_steps\": 50}"});
    QVERIFY(!catalog.run(runId)->worker);
    QVERIFY(!catalog.run(runId)->totalSteps);
    catalog.setRunWorker(runId, ProcessIdentity{4242, 987654});
    QCOMPARE(catalog.run(runId)->worker, std::optional<ProcessIdentity>(ProcessIdentity{4242, 987654}));
    QVERIFY(catalog.events()[0].message.find("process 4242") != std::string::npos);
    const RunQuery all;
    QCOMPARE(catalog.runSummaries(all, 0, 10)[0].totalSteps, std::optional<std::int64_t>(50));
    catalog.setRunTotalSteps(runId, 37);
    QCOMPARE(catalog.run(runId)->totalSteps, std::optional<std::int64_t>(37));
    QCOMPARE(catalog.runSummaries(all, 0, 10)[0].totalSteps, std::optional<std::int64_t>(37));
    catalog.setRunWorker(runId, std::nullopt);
    QVERIFY(!catalog.run(runId)->worker);
    QCOMPARE(catalog.run(runId)->totalSteps, std::optional<std::int64_t>(37));
    QVERIFY(throwsMentioning([&] { catalog.setRunTotalSteps(runId, -1); }, {"-1 steps"}));
    QVERIFY(throwsMentioning([&] { catalog.setRunWorker(runId + 9, ProcessIdentity{1, 1}); }, {"no run"}));

    RawConnection raw(catalogFile());
    for (const char* column : {"worker_pid", "worker_start_ticks", "total_steps"}) {
      const std::string negative = std::string("UPDATE runs SET ") + column + " = -5";
      if (raw.exec(negative) == SQLITE_OK) QFAIL(("accepted: " + negative).c_str());
      const std::string text = std::string("UPDATE runs SET ") + column + " = 'soon'";  // STRICT
      if (raw.exec(text) == SQLITE_OK) QFAIL(("accepted: " + text).c_str());
    }
  }

  // The worker records the device it trains on; the run's detail shows it. Names are kept whole
  // up to 256 bytes and cut at a character's start beyond; the schema refuses other kinds.
  void theDeviceARunTrainsOnIsRecorded() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id runId = catalog.createRun({"r", catalog.addModel(sampleModel()), std::nullopt, "lora", "custom", "{}"});
    QVERIFY(!catalog.run(runId)->device);
    const TrainingDevice gpu{TrainingDevice::Kind::Cuda, "NVIDIA H100 80GB HBM3", 85017493504};
    catalog.setRunDevice(runId, gpu);
    QCOMPARE(catalog.run(runId)->device, std::optional<TrainingDevice>(gpu));
    QVERIFY(catalog.events()[0].message.find("trains on NVIDIA H100 80GB HBM3") != std::string::npos);
    // Resumed on another machine: the latest worker's device.
    std::string longName(255, 'x');
    longName += "\u00e9\u00e9";  // two 2-byte characters across the 256-byte limit
    catalog.setRunDevice(runId, {TrainingDevice::Kind::Cpu, longName, 16ll << 30});
    const TrainingDevice stored = *catalog.run(runId)->device;
    QCOMPARE(stored.kind, TrainingDevice::Kind::Cpu);
    QCOMPARE(stored.name, std::string(255, 'x'));
    QCOMPARE(stored.memoryBytes, 16ll << 30);
    QVERIFY(throwsMentioning([&] { catalog.setRunDevice(runId, {TrainingDevice::Kind::Cpu, "c", -1}); }, {"-1 bytes"}));
    QVERIFY(throwsMentioning([&] { catalog.setRunDevice(runId + 9, gpu); }, {"no run"}));
    RawConnection raw(catalogFile());
    if (raw.exec("UPDATE runs SET device_kind = 'tpu'") == SQLITE_OK) QFAIL("accepted a device kind of 'tpu'");
    if (raw.exec("UPDATE runs SET device_memory_bytes = -5") == SQLITE_OK) QFAIL("accepted negative memory");
  }

  // A catalog written by the previous version keeps its runs, which have no worker yet.
  void aVersion2CatalogUpgradesWithItsRuns() {
    {
      Database db(catalogFile(), true);
      QCOMPARE(migrate(db, schemaMigrations().first(2)), 2);
      db.exec("INSERT INTO models(name, path, added_at) VALUES('m', '/m', '2026-01-01T00:00:00.000Z')");
      db.exec("INSERT INTO runs(name, model_id, status, created_at) "
              "VALUES('old', 1, 'stopped', '2026-01-01T00:00:00.000Z')");
    }
    Catalog catalog = Catalog::open(catalogFile());
    QCOMPARE(catalog.schemaVersion(), kSchemaVersion);
    const std::vector<RunRecord> runs = catalog.runs();
    QCOMPARE(runs.size(), 1u);
    QCOMPARE(runs[0].name, std::string("old"));
    QCOMPARE(runs[0].status, RunStatus::Stopped);
    QVERIFY(!runs[0].worker);
    QVERIFY(!runs[0].totalSteps);
    QVERIFY(!runs[0].device);
  }

  // A resumed run rewrites the steps after its checkpoint: the new values replace the old.
  void metricsOfAResumedRunReplaceTheOldSteps() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id runId = catalog.createRun({"r", catalog.addModel(sampleModel()), std::nullopt, "", "", "{}"});
    catalog.appendMetrics(runId, lossPoints(0, 10, 2.0));
    catalog.appendMetrics(runId, lossPoints(6, 4, 5.0));
    const auto loss = catalog.metrics(runId, "train/loss");
    QCOMPARE(loss.size(), 10u);
    QCOMPARE(loss[5].value, 2.0 / 6);
    QCOMPARE(loss[6].value, 5.0 / 7);
    QCOMPARE(loss[9].value, 5.0 / 10);
  }

  void migrationsRunInOrderAndAllOrNothing() {
    const fs::path file = catalogFile();
    std::vector<int> applied;
    const std::vector<Migration> steps = {
        {1, [&](Database& db) { applied.push_back(1); db.exec("CREATE TABLE a(x INTEGER)"); }},
        {2, [&](Database& db) { applied.push_back(2); db.exec("ALTER TABLE a ADD COLUMN y TEXT"); }},
        {3, [&](Database& db) { applied.push_back(3); db.exec("CREATE TABLE b(z INTEGER)"); }},
    };
    {
      Database db(file, true);
      QCOMPARE(migrate(db, std::span(steps).first(1)), 1);
      QCOMPARE(applied, std::vector<int>({1}));
      QCOMPARE(migrate(db, steps), 3);  // from 1: only the newer steps, in order
      QCOMPARE(applied, std::vector<int>({1, 2, 3}));
      QCOMPARE(migrate(db, steps), 3);  // nothing left to do
      QCOMPARE(applied.size(), 3u);
      QCOMPARE(db.queryInteger("PRAGMA application_id"), static_cast<std::int64_t>(kApplicationId));
    }
    // A failing step leaves the file exactly at the version before the upgrade began.
    const std::vector<Migration> failing = {
        steps[0], steps[1], steps[2],
        {4, [](Database& db) { db.exec("CREATE TABLE c(w INTEGER)"); }},
        {5, [](Database& db) { db.exec("THIS IS NOT SQL"); }},
    };
    {
      Database db(file, false);
      QVERIFY(throwsMentioning([&] { migrate(db, failing); }, {"schema 5", "left unchanged", file.string()}));
      QCOMPARE(db.queryInteger("PRAGMA user_version"), 3);
      QCOMPARE(db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'c'"), 0);
      // Steps out of order are a programming error, refused before anything is applied.
      const std::vector<Migration> unordered = {steps[1], steps[0]};
      QVERIFY(throwsMentioning([&] { migrate(db, unordered); }, {"out of order"}));
      // Older than the file: refused, untouched.
      QVERIFY(throwsMentioning([&] { migrate(db, std::span(steps).first(2)); }, {"newer"}));
      QCOMPARE(db.queryInteger("PRAGMA user_version"), 3);
    }
    // The real list ends at the schema version this build writes.
    QCOMPARE(schemaMigrations().back().version, kSchemaVersion);
  }

  void refusesACatalogFromANewerTiertune() {
    { Catalog::open(catalogFile()); }
    {
      RawConnection raw(catalogFile());
      QCOMPARE(raw.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)), SQLITE_OK);
    }
    const QByteArray before = fileHash(catalogFile());
    QVERIFY(throwsMentioning([&] { Catalog::open(catalogFile()); },
                             {catalogFile().string(), "newer Tiertune", "left unchanged"}));
    QCOMPARE(fileHash(catalogFile()), before);
  }

  void refusesAFileThatIsNotASqliteDatabase() {
    {
      std::ofstream out(catalogFile(), std::ios::binary);
      for (int i = 0; i < 8192; ++i) out.put(static_cast<char>(QRandomGenerator::global()->generate()));
    }
    const QByteArray before = fileHash(catalogFile());
    QVERIFY(throwsMentioning([&] { Catalog::open(catalogFile()); },
                             {catalogFile().string(), "not a Tiertune catalog"}));
    QCOMPARE(fileHash(catalogFile()), before);
  }

  void refusesADamagedCatalog() {
    {
      Catalog catalog = Catalog::open(catalogFile());
      const Id runId = catalog.createRun({"r", catalog.addModel(sampleModel()), std::nullopt, "", "", "{}"});
      catalog.appendMetrics(runId, lossPoints(0, 5000));  // several pages of b-tree
    }
    QVERIFY(!fs::exists(folder() / (std::string(settings::kCatalogFileName) + "-wal")));  // checkpointed on close
    {
      // Scribble over the middle of the file, keeping its header intact.
      std::fstream io(catalogFile(), std::ios::in | std::ios::out | std::ios::binary);
      const auto size = static_cast<long>(fs::file_size(catalogFile()));
      io.seekp(size / 2);
      for (int i = 0; i < 8192; ++i) io.put(static_cast<char>(0xA5 ^ i));
    }
    const QByteArray before = fileHash(catalogFile());
    QVERIFY(throwsMentioning([&] { Catalog::open(catalogFile()); }, {catalogFile().string(), "damaged"}));
    QCOMPARE(fileHash(catalogFile()), before);
  }

  // A damaged page met by a connection that is already open is called damage only when a fresh
  // connection agrees; a healthy file is never called damaged, nor is the user told to move it away.
  void damageIsClaimedOnlyWhenAFreshConnectionAgrees() {
    {
      Catalog catalog = Catalog::open(catalogFile());
      catalog.addModel(sampleModel());
    }
    Database healthy(catalogFile(), false);
    std::string message;
    QVERIFY(throwsMentioning([&] { healthy.fail("reading the catalog", SQLITE_CORRUPT); },
                             {catalogFile().string(), "checks as healthy", "nothing in it was lost"}, &message));
    QVERIFY2(message.find("damaged") == std::string::npos && message.find("move it away") == std::string::npos,
             message.c_str());
    try {
      healthy.fail("reading the catalog", SQLITE_CORRUPT);
    } catch (const DatabaseError& error) {
      QCOMPARE(error.resultCode(), SQLITE_CORRUPT);
    }
    QCOMPARE(checkFileFreshly(catalogFile()), std::string("ok"));
  }

  // The words of a failure never show SQL; a busy catalog is not called damaged.
  void failuresAreInWordsWithoutSql() {
    Catalog catalog = Catalog::open(catalogFile());
    catalog.addModel(sampleModel());
    std::string message;
    QVERIFY(throwsMentioning([&] { catalog.addModel(sampleModel()); }, {"already in the catalog"}, &message));
    Database database(catalogFile(), false);
    QVERIFY(throwsMentioning([&] { Statement(database, "INSERT INTO models(name, path) VALUES('x', NULL)").run(); },
                             {catalogFile().string(), "saving a change to the catalog"}, &message));
    QVERIFY2(message.find("INSERT") == std::string::npos, message.c_str());
    QVERIFY(throwsMentioning([&] { database.fail("reading the catalog", SQLITE_BUSY); }, {"locked"}, &message));
    QVERIFY2(message.find("damaged") == std::string::npos, message.c_str());
  }

  // Two runs started at once on the same new model folder: each looks for the folder, finds none
  // and registers it. The one that comes second takes the row the first added instead of failing
  // with "already in the catalog" (issue 20, item 17). A person adding the folder twice still hears so.
  void aFolderRegisteredMeanwhileByAnotherProcessIsTaken() {
    Catalog first = Catalog::open(catalogFile());
    Catalog second = Catalog::open(catalogFile());
    QVERIFY(first.models().empty());  // the first run found no row for its folder ...
    const Id added = second.addModel(sampleModel());  // ... and the second run registered it
    QCOMPARE(first.findOrAddModel(sampleModel()), added);
    QCOMPARE(first.models().size(), std::size_t{1});
    QVERIFY(throwsMentioning([&] { first.addModel(sampleModel()); }, {"already in the catalog"}));
    NewModel other = sampleModel();
    other.path += "-other";
    const Id otherId = first.findOrAddModel(other);
    QVERIFY(otherId != added);
    QCOMPARE(second.model(otherId)->path, other.path);
  }

  // An empty catalog file beside the datasets and runs of an earlier catalog is a lost catalog:
  // refused in words and left alone, not silently started anew.
  void anEmptyCatalogBesideEarlierDataIsRefused() {
    fs::create_directories(folder() / "datasets" / "d-1");
    { std::ofstream empty(catalogFile()); }
    QVERIFY(throwsMentioning([&] { Catalog::open(catalogFile()); },
                             {catalogFile().string(), "empty (0 bytes)", "restore", "backup"}));
    QCOMPARE(fs::file_size(catalogFile()), std::uintmax_t{0});
    // With nothing beside it, an empty file is simply a new catalog.
    fs::remove_all(folder() / "datasets");
    Catalog fresh = Catalog::open(catalogFile());
    QCOMPARE(fresh.schemaVersion(), kSchemaVersion);
  }

  // A dataset whose run trains (or waits to) keeps its files: removal is refused, naming the run.
  void aDatasetInUseByAnExecutingRunIsNotRemoved() {
    Catalog catalog = Catalog::open(catalogFile());
    NewDataset dataset;
    dataset.name = "support tickets";
    dataset.format = "messages";
    const Id datasetId = catalog.addDataset(dataset);
    const Id runId = catalog.createRun({"tickets r16", catalog.addModel(sampleModel()), datasetId, "lora", "", "{}"});
    catalog.setRunStatus(runId, RunStatus::Running);
    QVERIFY(throwsMentioning([&] { catalog.removeDataset(datasetId); }, {"support tickets", "tickets r16", "Stop"}));
    QVERIFY(catalog.dataset(datasetId));
    catalog.setRunStatus(runId, RunStatus::Stopped);
    catalog.removeDataset(datasetId);
    QVERIFY(!catalog.dataset(datasetId));
    QCOMPARE(catalog.run(runId)->datasetId, std::optional<Id>{});
  }

  void refusesAnotherProgramsDatabase() {
    {
      sqlite3* db = nullptr;
      QCOMPARE(sqlite3_open(catalogFile().c_str(), &db), SQLITE_OK);
      QCOMPARE(sqlite3_exec(db, "CREATE TABLE photos(id INTEGER); INSERT INTO photos VALUES(1);", nullptr,
                            nullptr, nullptr),
               SQLITE_OK);
      sqlite3_close(db);
    }
    const QByteArray before = fileHash(catalogFile());
    QVERIFY(throwsMentioning([&] { Catalog::open(catalogFile()); },
                             {catalogFile().string(), "another program"}));
    QCOMPARE(fileHash(catalogFile()), before);
  }

  void refusesAFolderItCannotWrite() {
    // A path whose "folder" is a file cannot be created.
    { std::ofstream(folder() / "plain-file") << "x"; }
    QVERIFY(throwsMentioning([&] { Catalog::open(folder() / "plain-file" / settings::kCatalogFileName); },
                             {(folder() / "plain-file").string(), "Cannot create the folder"}));

    // Permissions: checked as an unprivileged user, since root writes anywhere.
    const fs::path locked = folder() / "locked";
    fs::create_directories(locked);
    { Catalog::open(folder() / "readonly-file" / settings::kCatalogFileName); }
    const fs::path readonlyFile = folder() / "readonly-file" / settings::kCatalogFileName;
    fs::permissions(folder(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(readonlyFile.parent_path(), fs::perms::all);
    fs::permissions(readonlyFile, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const QByteArray before = fileHash(readonlyFile);

    const auto asUnprivilegedUser = [](auto body) {
      return inChild([&] {
        if (geteuid() == 0 && setuid(65534) != 0) return 97;
        return body() ? 0 : 1;
      });
    };
    QCOMPARE(asUnprivilegedUser([&] {
               return throwsMentioning([&] { Catalog::open(locked / settings::kCatalogFileName); },
                                       {locked.string(), "cannot be written"});
             }),
             0);
    QVERIFY(!fs::exists(locked / settings::kCatalogFileName));
    QCOMPARE(asUnprivilegedUser([&] {
               return throwsMentioning([&] { Catalog::open(readonlyFile); },
                                       {readonlyFile.string(), "cannot be written"});
             }),
             0);
    QCOMPARE(fileHash(readonlyFile), before);
  }

  // WAL: a reader keeps its snapshot while a writer commits, and neither waits for the other.
  void aReaderKeepsItsSnapshotWhileAWriterCommits() {
    Catalog writer = Catalog::open(catalogFile());
    const Id runId = writer.createRun({"r", writer.addModel(sampleModel()), std::nullopt, "", "", "{}"});
    writer.appendMetrics(runId, lossPoints(0, 100));
    RawConnection reader(catalogFile());
    QCOMPARE(reader.exec("BEGIN"), SQLITE_OK);
    QCOMPARE(reader.integer("SELECT count(*) FROM metrics"), 100LL);
    writer.appendMetrics(runId, lossPoints(100, 50));  // commits while the read transaction is open
    QCOMPARE(reader.integer("SELECT count(*) FROM metrics"), 100LL);
    QCOMPARE(reader.exec("COMMIT"), SQLITE_OK);
    QCOMPARE(reader.integer("SELECT count(*) FROM metrics"), 150LL);
  }

  // Threads with their own Catalog: readers only ever see whole batches, in order.
  void concurrentReadersSeeOnlyWholeBatches() {
    constexpr int kBatch = 50;
    constexpr int kBatches = 80;
    Id runId = 0;
    {
      Catalog setup = Catalog::open(catalogFile());
      runId = setup.createRun({"r", setup.addModel(sampleModel()), std::nullopt, "", "", "{}"});
    }
    std::atomic<bool> writing{true};
    std::atomic<int> reads{0};
    std::string writerError;
    std::string readerError;
    std::thread writerThread([&] {
      try {
        Catalog writer = Catalog::open(catalogFile());
        for (int b = 0; b < kBatches; ++b) writer.appendMetrics(runId, lossPoints(b * kBatch, kBatch));
      } catch (const std::exception& error) {
        writerError = error.what();
      }
      writing = false;
    });
    std::vector<std::thread> readers;
    std::vector<std::string> readerErrors(2);
    for (int r = 0; r < 2; ++r) {
      readers.emplace_back([&, r] {
        try {
          Catalog reader = Catalog::open(catalogFile());
          std::size_t last = 0;
          do {
            const auto points = reader.metrics(runId, "train/loss");
            ++reads;
            if (points.size() % kBatch != 0) throw Error("saw a partial batch: " + std::to_string(points.size()));
            if (points.size() < last) throw Error("went back in time");
            for (std::size_t i = 0; i < points.size(); ++i) {
              if (points[i].step != static_cast<std::int64_t>(i)) throw Error("steps not contiguous");
            }
            last = points.size();
          } while (writing);
        } catch (const std::exception& error) {
          readerErrors[static_cast<std::size_t>(r)] = error.what();
        }
      });
    }
    writerThread.join();
    for (auto& reader : readers) reader.join();
    QCOMPARE(writerError, std::string());
    for (const auto& error : readerErrors) QCOMPARE(error, std::string());
    QVERIFY(reads > 0);
    QCOMPARE(Catalog::open(catalogFile()).metrics(runId).size(), static_cast<std::size_t>(kBatch * kBatches));
  }

  // A process killed in the middle of a large transaction, whose pages already spilled into the
  // write-ahead log, leaves the last committed state and a sound file.
  void aWriterKilledMidTransactionLeavesTheLastCommit() {
    Id runId = 0;
    {
      Catalog setup = Catalog::open(catalogFile());
      runId = setup.createRun({"r", setup.addModel(sampleModel()), std::nullopt, "", "", "{}"});
    }
    int pipeFds[2];
    QCOMPARE(pipe(pipeFds), 0);
    const pid_t child = fork();
    if (child == 0) {
      close(pipeFds[0]);
      try {
        Catalog writer = Catalog::open(catalogFile());
        for (int b = 0; b < 5; ++b) writer.appendMetrics(runId, lossPoints(b * 100, 100));
        RawConnection raw(catalogFile());
        raw.exec("PRAGMA cache_size = 8");  // a tiny cache: uncommitted pages spill to the WAL
        raw.exec("BEGIN IMMEDIATE");
        raw.exec("INSERT INTO models(name, path, added_at) VALUES('ghost', '/ghost', 'now')");
        for (int i = 0; i < 20000; i += 1000) {
          raw.exec("WITH RECURSIVE s(n) AS (SELECT " + std::to_string(1000 + i) +
                   " UNION ALL SELECT n + 1 FROM s WHERE n < " + std::to_string(1999 + i) +
                   ") INSERT INTO metrics SELECT " + std::to_string(runId) + ", 'train/loss', n, n FROM s");
        }
        const char ready = 'T';
        if (write(pipeFds[1], &ready, 1) != 1) _exit(3);
        pause();
      } catch (...) {
        _exit(2);
      }
      _exit(4);
    }
    close(pipeFds[1]);
    char signal = 0;
    QCOMPARE(read(pipeFds[0], &signal, 1), static_cast<ssize_t>(1));
    close(pipeFds[0]);
    QCOMPARE(signal, 'T');
    QVERIFY(fs::file_size(folder() / (std::string(settings::kCatalogFileName) + "-wal")) > 100 * 1024);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    QVERIFY(WIFSIGNALED(status));

    Catalog after = Catalog::open(catalogFile());  // runs quick_check on open
    QCOMPARE(after.metrics(runId).size(), 500u);
    QCOMPARE(after.models().size(), 1u);
    RawConnection raw(catalogFile());
    QCOMPARE(raw.text("PRAGMA integrity_check"), std::string("ok"));
  }

  // Killed at random moments while committing batch after batch: never a partial batch.
  void aWriterKilledAtRandomKeepsWholeBatches() {
    constexpr int kBatch = 200;
    for (int round = 0; round < 4; ++round) {
      const fs::path file = folder() / ("round" + std::to_string(round)) / settings::kCatalogFileName;
      Id runId = 0;
      {
        Catalog setup = Catalog::open(file);
        runId = setup.createRun({"r", setup.addModel(sampleModel()), std::nullopt, "", "", "{}"});
      }
      int pipeFds[2];
      QCOMPARE(pipe(pipeFds), 0);
      const pid_t child = fork();
      if (child == 0) {
        close(pipeFds[0]);
        try {
          Catalog writer = Catalog::open(file);
          for (int b = 0;; ++b) {
            writer.appendMetrics(runId, lossPoints(static_cast<std::int64_t>(b) * kBatch, kBatch));
            const char done = 'B';
            if (write(pipeFds[1], &done, 1) != 1) _exit(3);
          }
        } catch (...) {
          _exit(2);
        }
      }
      close(pipeFds[1]);
      int committed = 0;
      char byte = 0;
      while (committed < 3 && read(pipeFds[0], &byte, 1) == 1) ++committed;
      QCOMPARE(committed, 3);
      usleep(QRandomGenerator::global()->bounded(20000u));
      kill(child, SIGKILL);
      while (read(pipeFds[0], &byte, 1) == 1) ++committed;  // batches reported before the kill
      close(pipeFds[0]);
      int status = 0;
      waitpid(child, &status, 0);
      QVERIFY(WIFSIGNALED(status));

      Catalog after = Catalog::open(file);
      const auto points = after.metrics(runId, "train/loss");
      QCOMPARE(points.size() % kBatch, 0u);
      // Every reported commit is there; at most one more committed before its report was sent.
      QVERIFY(points.size() >= static_cast<std::size_t>(committed * kBatch));
      QVERIFY(points.size() <= static_cast<std::size_t>((committed + 1) * kBatch));
      for (std::size_t i = 0; i < points.size(); ++i) QCOMPARE(points[i].step, static_cast<std::int64_t>(i));
    }
  }
};

QTEST_GUILESS_MAIN(CatalogTest)
#include "tst_catalog.moc"
