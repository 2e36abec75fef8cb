// The catalog's run history queries and run removal: summaries (steps, best validation loss,
// duration) filtered and sorted in SQL, curves thinned to a point limit that keep the extremes,
// the schema 2 upgrade that indexes the event log by subject, and deleting a run with its folders.
#include <QTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/catalog/catalog.h"
#include "core/catalog/migrations.h"
#include "core/catalog/run_removal.h"
#include "core/catalog/sqlite.h"
#include "core/settings/settings.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::catalog;
namespace fs = std::filesystem;

namespace {

// Queries spelled out field by field (designated initializers that skip fields warn under -Wextra).
RunQuery sorted(RunSortKey key, bool descending) {
  RunQuery query;
  query.sortKey = key;
  query.descending = descending;
  return query;
}

RunQuery searching(const std::string& text) {
  RunQuery query;
  query.search = text;
  return query;
}

RunQuery filtered(std::optional<RunStatus> status, std::optional<Id> modelId, std::optional<Id> datasetId = {}) {
  RunQuery query;
  query.status = status;
  query.modelId = modelId;
  query.datasetId = datasetId;
  return query;
}

}  // namespace

class TestRunHistoryQueries : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder() const { return fs::path(scratch_->path().toStdString()); }
  fs::path catalogFile() const { return folder() / settings::kCatalogFileName; }

  static Id addModel(Catalog& catalog, const std::string& name) {
    NewModel model;
    model.name = name;
    model.path = "/models/" + name;
    return catalog.addModel(model);
  }

  static std::vector<std::string> names(const std::vector<RunSummary>& runs) {
    std::vector<std::string> result;
    for (const auto& run : runs) result.push_back(run.name);
    return result;
  }

 private slots:
  void init() { scratch_ = test::makeScratchDir(); }

  void upgradesASchema1CatalogAndIndexesEventsBySubject() {
    {
      Database database(catalogFile(), true);
      QCOMPARE(migrate(database, schemaMigrations().first(1)), 1);
      database.exec("INSERT INTO models(name, path, added_at) VALUES('m', '/m', '2026-01-01T00:00:00.000Z');"
                    "INSERT INTO runs(name, model_id, created_at, notes) "
                    "VALUES('kept', 1, '2026-01-01T00:00:00.000Z', 'old notes');"
                    "INSERT INTO events(at, level, subject_kind, subject_id, message) "
                    "VALUES('2026-01-01T00:00:00.000Z', 'info', 'run', 1, 'Created the run');");
    }
    Catalog catalog = Catalog::open(catalogFile());
    QCOMPARE(catalog.schemaVersion(), kSchemaVersion);  // through every later schema
    QCOMPARE(catalog.run(1)->notes, std::string("old notes"));
    QCOMPARE(catalog.events().front().message,
             "Upgraded the catalog from schema 1 to " + std::to_string(kSchemaVersion));
    const auto events = catalog.runEvents(1);
    QCOMPARE(events.size(), 1u);
    QCOMPARE(events[0].message, std::string("Created the run"));
    Database raw(catalogFile(), false);
    QCOMPARE(raw.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_subject'"), 1);
    Statement explain(raw, "EXPLAIN QUERY PLAN SELECT id FROM events "
                           "WHERE subject_kind = 'run' AND subject_id = 1 ORDER BY id DESC");
    std::string plan;
    while (explain.step()) plan += explain.text(3) + "\n";  // the "detail" column
    QVERIFY2(plan.find("events_by_subject") != std::string::npos, plan.c_str());
  }

  void summarisesFiltersAndSortsInSql() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id llama = addModel(catalog, "Llama");
    const Id qwen = addModel(catalog, "Qwen");
    NewDataset faq;
    faq.name = "faq";
    const Id data = catalog.addDataset(faq);
    const Id a = catalog.createRun({"alpha 100%", llama, data, "lora", "quick-lora", "{\"max_steps\": 50}"});
    const Id b = catalog.createRun({"beta", qwen, std::nullopt, "full", "full", "{}"});
    const Id c = catalog.createRun({"gamma", llama, data, "lora", "balanced-lora", "{}"});
    catalog.setRunNotes(c, "Tried a higher RANK");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    catalog.appendMetrics(a, std::vector<MetricPoint>{{10, "train/loss", 2.0}, {20, "train/loss", 1.5},
                                                      {10, "val/loss", 1.9}, {20, "val/loss", 1.7}});
    catalog.appendMetrics(b, std::vector<MetricPoint>{{5, "train/loss", 3.0}, {5, "val/loss", nan},
                                                      {5, "val/loss", 1.2}});
    catalog.setRunStatus(a, RunStatus::Running);
    catalog.setRunStatus(a, RunStatus::Completed);
    catalog.setRunStatus(b, RunStatus::Failed, "out of memory");

    const auto all = catalog.runSummaries(sorted(RunSortKey::Name, false), 0, 10);
    QCOMPARE(names(all), (std::vector<std::string>{"alpha 100%", "beta", "gamma"}));
    QCOMPARE(all[0].stepsDone, 20);
    QCOMPARE(all[0].totalSteps, std::optional<std::int64_t>(50));
    QCOMPARE(all[0].bestValidationLoss, std::optional<double>(1.7));
    QCOMPARE(all[0].modelName, std::string("Llama"));
    QCOMPARE(all[0].datasetName, std::string("faq"));
    QVERIFY(all[0].durationSeconds && *all[0].durationSeconds >= 0 && *all[0].durationSeconds < 60);
    QCOMPARE(all[1].bestValidationLoss, std::optional<double>(1.2));  // the NaN replaced, not a minimum
    QCOMPARE(all[1].errorText, std::string("out of memory"));
    QVERIFY(!all[2].bestValidationLoss && !all[2].durationSeconds && all[2].stepsDone == 0);

    // Runs without a value go last both ways.
    for (const bool descending : {false, true}) {
      const auto byLoss = catalog.runSummaries(sorted(RunSortKey::BestValidationLoss, descending), 0, 10);
      QCOMPARE(byLoss.back().name, std::string("gamma"));
      QCOMPARE(byLoss.front().name, std::string(descending ? "alpha 100%" : "beta"));
    }
    // Paging.
    const auto second = catalog.runSummaries(sorted(RunSortKey::Name, true), 1, 1);
    QCOMPARE(names(second), std::vector<std::string>{"beta"});

    QCOMPARE(catalog.countRuns(searching("rank")), 1);  // notes, any case
    QCOMPARE(catalog.countRuns(searching("%")), 1);     // taken literally
    QCOMPARE(catalog.countRuns(searching("_")), 0);
    QCOMPARE(catalog.countRuns(filtered(RunStatus::Failed, {})), 1);
    QCOMPARE(catalog.countRuns(filtered({}, llama)), 2);
    QCOMPARE(catalog.countRuns(filtered({}, llama, data)), 2);
    QCOMPARE(catalog.countRuns(filtered(RunStatus::Completed, qwen)), 0);
    QCOMPARE(catalog.metricPointCount(a), 4);
  }

  void curvesAreThinnedKeepingTheirExtremes() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id run = catalog.createRun({"long", addModel(catalog, "m"), std::nullopt, "lora", "", "{}"});
    std::vector<MetricPoint> points;
    for (int step = 1; step <= 10000; ++step) points.push_back({step, "train/loss", 2.0 - step * 1e-4});
    points[4999].value = 9.0;    // a spike
    points[6999].value = -1.0;   // the lowest point
    points[100].value = std::numeric_limits<double>::quiet_NaN();
    catalog.appendMetrics(run, points);

    const auto thin = catalog.metricCurve(run, "train/loss", 200);
    QVERIFY2(thin.size() <= 200 && thin.size() >= 150, std::to_string(thin.size()).c_str());
    auto has = [&](std::int64_t step, double value) {
      return std::any_of(thin.begin(), thin.end(), [&](const MetricPoint& p) { return p.step == step && p.value == value; });
    };
    QVERIFY(has(5000, 9.0));
    QVERIFY(has(7000, -1.0));
    QVERIFY(std::is_sorted(thin.begin(), thin.end(), [](const auto& x, const auto& y) { return x.step < y.step; }));
    QCOMPARE(catalog.metricCurve(run, "train/loss", 20000).size(), 9999u);  // all but the NaN
    QVERIFY(catalog.metricCurve(run, "val/loss", 200).empty());
  }

  void removesARunWithItsFoldersAndKeepsWhatIsShared() {
    Catalog catalog = Catalog::open(catalogFile());
    const Id model = addModel(catalog, "m");
    const fs::path own = folder() / "own";
    const fs::path shared = folder() / "shared";
    const fs::path elsewhere = folder() / "exports" / "model.gguf";
    for (const fs::path& path : {own / "step-00000002", shared / "step-00000001", shared / "step-00000003"}) {
      fs::create_directories(path);
    }
    fs::create_directories(elsewhere.parent_path());
    std::ofstream(elsewhere) << "gguf";
    const std::string ownConfig = "{\"output\": \"" + own.string() + "\"}";
    const std::string sharedConfig = "{\"output\": \"" + shared.string() + "\"}";
    const Id first = catalog.createRun({"first", model, std::nullopt, "lora", "", ownConfig});
    const Id second = catalog.createRun({"second", model, std::nullopt, "lora", "", sharedConfig});
    const Id third = catalog.createRun({"third", model, std::nullopt, "lora", "", sharedConfig});
    catalog.addCheckpoint({first, 2, (own / "step-00000002").string(), "", 1});
    catalog.addExport({first, std::nullopt, ExportKind::Gguf, elsewhere.string(), ""});
    catalog.addCheckpoint({second, 1, (shared / "step-00000001").string(), "", 1});
    catalog.addCheckpoint({third, 3, (shared / "step-00000003").string(), "", 1});

    const RunRemovalPlan plan = planRunRemoval(catalog, first);
    QCOMPARE(plan.folders, std::vector<fs::path>{fs::weakly_canonical(own)});
    QCOMPARE(plan.keptExports, std::vector<fs::path>{elsewhere});
    QCOMPARE(plan.checkpoints, 1);
    QVERIFY(removeRunWithFiles(catalog, plan).empty());
    QVERIFY(!fs::exists(own) && fs::exists(elsewhere) && !catalog.run(first));

    // Another run writes to the same folder: only this run's checkpoint goes.
    const RunRemovalPlan sharedPlan = planRunRemoval(catalog, second);
    QCOMPARE(sharedPlan.folders, std::vector<fs::path>{fs::weakly_canonical(shared / "step-00000001")});
    QVERIFY(removeRunWithFiles(catalog, sharedPlan).empty());
    QVERIFY(fs::exists(shared / "step-00000003") && !fs::exists(shared / "step-00000001"));

    // A checkpoint row that names a folder outside the run's output folder (a damaged or
    // hand-edited row) is not deleted (issue 20 item 5).
    const fs::path victim = folder() / "victim";
    fs::create_directories(victim);
    const Id fifth = catalog.createRun({"fifth", model, std::nullopt, "lora", "", sharedConfig});
    catalog.addCheckpoint({fifth, 5, victim.string(), "", 1});
    catalog.addCheckpoint({fifth, 6, (shared / ".." / "victim").string(), "", 1});
    QVERIFY(planRunRemoval(catalog, fifth).folders.empty());
    QVERIFY(removeRunWithFiles(catalog, planRunRemoval(catalog, fifth)).empty());
    QVERIFY(fs::exists(victim));

    // A folder that holds the catalog itself is never removed whole.
    const Id fourth = catalog.createRun({"fourth", model, std::nullopt, "lora", "",
                                         "{\"output\": \"" + folder().string() + "\"}"});
    QVERIFY(planRunRemoval(catalog, fourth).folders.empty());

    catalog.setRunStatus(third, RunStatus::Running);
    std::string message;
    try {
      planRunRemoval(catalog, third);
    } catch (const Error& error) {
      message = error.what();
    }
    QVERIFY2(message.find("still running") != std::string::npos, message.c_str());
  }
};

QTEST_MAIN(TestRunHistoryQueries)
#include "tst_run_history_queries.moc"
