#include "generated_runs.h"

#include <cmath>
#include <random>
#include <string>

#include "core/catalog/sqlite.h"

namespace tiertune::test {

namespace {

using catalog::Database;
using catalog::Statement;

const char* const kStatuses[] = {"completed", "completed", "failed", "stopped", "running", "queued", "paused"};

std::string timeText(int minutesFromStart) {
  const int day = 1 + minutesFromStart / (24 * 60) % 28;
  const int hour = minutesFromStart / 60 % 24;
  const int minute = minutesFromStart % 60;
  char text[40];
  std::snprintf(text, sizeof text, "2026-10-%02dT%02d:%02d:00.000Z", day, hour, minute);
  return text;
}

void insertCurve(Statement& insert, catalog::Id run, int points, double start, std::mt19937& random,
                 std::int64_t& count) {
  std::uniform_real_distribution<double> noise(-0.05, 0.05);
  for (int step = 1; step <= points; ++step) {
    const double loss = start * std::exp(-3.0 * step / points) + 0.3 + noise(random);
    insert.bind(1, run).bind(2, std::string_view("train/loss")).bind(3, std::int64_t{step}).bind(4, loss);
    insert.run();
    insert.reset();
    ++count;
    if (step % 5 == 0) {
      insert.bind(1, run).bind(2, std::string_view("val/loss")).bind(3, std::int64_t{step}).bind(4, loss + 0.1);
      insert.run();
      insert.reset();
      ++count;
    }
  }
}

}  // namespace

GeneratedRuns generateRuns(const std::filesystem::path& catalogFile, int runs, int shortPoints, int longPoints) {
  Database database(catalogFile, /*create=*/false);
  database.exec("PRAGMA foreign_keys = ON");
  catalog::Transaction transaction(database);
  GeneratedRuns generated;
  std::mt19937 random(20261130);

  Statement model(database, "INSERT INTO models(name, path, added_at) VALUES(?, ?, ?)");
  for (int i = 0; i < 6; ++i) {
    model.bind(1, "Model " + std::to_string(i)).bind(2, "/models/m" + std::to_string(i)).bind(3, timeText(0)).run();
    model.reset();
    generated.modelIds.push_back(database.lastInsertId());
  }
  Statement dataset(database, "INSERT INTO datasets(name, created_at) VALUES(?, ?)");
  for (int i = 0; i < 8; ++i) {
    dataset.bind(1, "Dataset " + std::to_string(i)).bind(2, timeText(0)).run();
    dataset.reset();
    generated.datasetIds.push_back(database.lastInsertId());
  }

  Statement run(database,
                "INSERT INTO runs(name, model_id, dataset_id, method, preset, config_json, status, created_at, "
                "started_at, finished_at, error_text, notes) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement metric(database, "INSERT INTO metrics(run_id, name, step, value) VALUES(?, ?, ?, ?)");
  std::uniform_int_distribution<int> pick(0, 1 << 20);
  for (int i = 0; i < runs; ++i) {
    const bool isLong = i < 3;
    const std::string status = isLong ? "completed" : kStatuses[pick(random) % std::size(kStatuses)];
    const int created = i * 7;
    const bool started = status != "queued";
    const bool finished = status == "completed" || status == "failed" || status == "stopped";
    const std::string name = isLong ? "long curve " + std::to_string(i + 1) : "run " + std::to_string(i);
    const std::optional<std::int64_t> datasetId =
        i % 11 == 0 ? std::nullopt : std::optional(generated.datasetIds[static_cast<std::size_t>(pick(random) % 8)]);
    run.bind(1, name).bind(2, generated.modelIds[static_cast<std::size_t>(pick(random) % 6)]).bind(3, datasetId);
    run.bind(4, std::string_view(i % 4 == 0 ? "full" : "lora")).bind(5, std::string_view(i % 4 == 0 ? "full" : "quick-lora"));
    run.bind(6, i % 2 ? std::string("{\"max_steps\": ") + std::to_string(shortPoints * 2) + "}" : std::string("{}"));
    run.bind(7, status).bind(8, timeText(created));
    if (started) run.bind(9, timeText(created + 1)); else run.bindNull(9);
    if (finished) run.bind(10, timeText(created + 2 + pick(random) % 300)); else run.bindNull(10);
    run.bind(11, std::string_view(status == "failed" ? "out of memory on the GPU" : ""));
    run.bind(12, std::string_view(i % 7 == 0 ? "part of the warmup sweep" : ""));
    run.run();
    run.reset();
    const catalog::Id id = database.lastInsertId();
    if (isLong) generated.longRunIds.push_back(id);
    const int points = isLong ? longPoints : (started ? shortPoints : 0);
    insertCurve(metric, id, points, 2.0 + (pick(random) % 100) / 50.0, random, generated.metricPoints);
  }
  transaction.commit();
  return generated;
}

}  // namespace tiertune::test
