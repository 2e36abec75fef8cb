// The run time said before a run starts (core/train/run_time.h): the data's real sample lengths,
// the steps as the trainer counts them, a run's parts added up (start, steps, evaluations with
// their sample answers, checkpoints), the range on a busy machine, and a step measured on a model
// of the run's shape. What must hold is the arithmetic and the inputs it takes; how close the
// estimate comes to a real run is measured in tests/bench (bench_run_time), never asserted here.
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/formats/model_config.h"
#include "core/train/run_config.h"
#include "core/train/run_time.h"
#include "kernels/backend.h"
#include "tests/support/scratch.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

// Samples of the given lengths, every token counted.
void writeSamples(const fs::path& file, const std::vector<int>& lengths) {
  std::ofstream out(file);
  for (const int length : lengths) {
    out << "{\"input_ids\": [";
    for (int i = 0; i < length; ++i) out << (i ? ", " : "") << (i % 50);
    out << "]}\n";
  }
}

}  // namespace

class RunTimeTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    scratch_ = test::makeScratchDir();
    root_ = scratch_->path().toStdString();
    test::writeRandomModelFolder(root_ / "model", test::kTinyLlamaConfig, 3);
    writeSamples(root_ / "train.jsonl", {10, 20, 30, 40, 100, 200, 300, 400, 50, 60});
  }

  void stepsAreCountedAsTheTrainerCountsThem() {
    train::RunConfig config = parse(R"("micro_batch": 2, "gradient_accumulation": 2, "epochs": 3)");
    QCOMPARE(train::stepsOfRun(config, 10), std::int64_t(8));  // 30 samples, 4 a step: 7.5 -> 8
    config.maxSteps = 5;
    QCOMPARE(train::stepsOfRun(config, 10), std::int64_t(5));
    config.maxSteps.reset();
    QCOMPARE(train::stepsOfRun(config, 0), std::int64_t(1));
  }

  // The mean length is that of the samples cut at the sequence length; a held-out share comes off
  // the training samples.
  void theDataIsMeasuredAsTheTrainerCutsIt() {
    const train::RunConfig config = parse(R"("sequence_length": 128, "validation_ratio": 0.2)");
    const train::DataShape shape = train::dataShapeOf(config, 64);
    QCOMPARE(shape.trainSamples + shape.validationSamples, std::size_t(10));
    QCOMPARE(shape.validationSamples, std::size_t(2));
    // The first eight: 10 20 30 40 100 128 128 128.
    QCOMPARE(shape.meanTrainTokens, (10 + 20 + 30 + 40 + 100 + 128 + 128 + 128) / 8.0);
    QCOMPARE(shape.meanValidationTokens, (50 + 60) / 2.0);
    QCOMPARE(shape.meanSquareTrainTokens,
             (10.0 * 10 + 20 * 20 + 30 * 30 + 40 * 40 + 100 * 100 + 3 * 128 * 128) / 8.0);
    QVERIFY(shape.tokenBytes > 0);
  }

  // start + steps x step + evaluations + checkpoints; evaluations every eval_every steps and at the
  // end; a checkpoint every checkpoint_every steps; the busy range only when the cores are busy.
  void aRunIsItsPartsAddedUp() {
    const train::RunConfig config = parse(
        R"("micro_batch": 2, "gradient_accumulation": 3, "max_steps": 10, "eval_every": 4, "checkpoint_every": 5,
            "eval_samples": 2, "eval_sample_tokens": 10, "validation_ratio": 0.2)");
    const train::DataShape data = train::dataShapeOf(config, 64);
    tiers::Plan plan;
    plan.trainableParameters = 1000;
    plan.transferSeconds = 0.001;
    tiers::MachineBudget machine;
    machine.diskWriteBytesPerSecond = 12000.0;  // 12 bytes a parameter: one second a checkpoint
    machine.diskReadBytesPerSecond = 1e9;
    train::StepMeasurement measured;
    measured.forwardBackwardSeconds = 0.5;
    measured.evaluateSeconds = 0.1;
    measured.optimizerSecondsPerParameter = 1e-4;
    measured.nextTokenSeconds = 0.01;
    measured.firstTouchBytesPerSecond = 1e9;
    measured.hashBytesPerSecond = 12000.0;  // as slow as the disk here: two seconds a checkpoint
    const train::RunTimeEstimate estimate =
        train::estimateRunTime(config, data, plan, machine, measured, std::optional<double>(0.1));
    QVERIFY(estimate.measured);
    QCOMPARE(estimate.steps, std::int64_t(10));
    QCOMPARE(estimate.stepSeconds, 3 * 0.5 + 1000 * 1e-4);
    // Evaluations at steps 4, 8 and 10; each: one batch of the 2 validation samples at their mean
    // length against the training mean, and 2 answers of 10 tokens.
    const double oneEvaluation = 0.1 * (data.meanValidationTokens / data.meanTrainTokens) + 2 * 10 * 0.01;
    QVERIFY(std::abs(estimate.evaluationSeconds - 3 * oneEvaluation) < 1e-9);
    // Steps 5 and 10: flushed, hashed, and gathered in new host pages (12 kB at 1 GB/s).
    QVERIFY(std::abs(estimate.checkpointSeconds - 2 * (0.2 + 1.0 + 1.0 + 12000 / 1e9)) < 1e-9);
    QVERIFY(estimate.startSeconds >= 1.0);
    // The state's memory zeroed at the start: a plan of 2 GB adds two seconds at 1 GB/s.
    plan.peakBytes[0] = 2'000'000'000;
    QVERIFY(std::abs(train::estimateRunTime(config, data, plan, machine, measured, {}).startSeconds -
                     (estimate.startSeconds + 2.0)) < 1e-6);
    plan.peakBytes[0] = 0;
    QVERIFY(std::abs(estimate.totalSeconds - (estimate.startSeconds + 10 * estimate.stepSeconds +
                                             estimate.evaluationSeconds + estimate.checkpointSeconds)) < 1e-9);
    QVERIFY(!estimate.busyTotalSeconds);

    // Cores busy with other work: the estimate says how far the run may stretch.
    const train::RunTimeEstimate busy = train::estimateRunTime(config, data, plan, machine, measured, 1.0);
    QVERIFY(busy.busyTotalSeconds);
    QCOMPARE(*busy.busyTotalSeconds, 2 * busy.totalSeconds);

    // Derived from the plan (nothing measured): the plan's compute, which assumed full sequences,
    // scaled to the samples' real length; a slower link sets the pace.
    plan.computeSeconds = 6.0;
    const train::RunTimeEstimate derived = train::estimateRunTime(config, data, plan, machine, std::nullopt, {});
    QVERIFY(!derived.measured);
    QCOMPARE(derived.stepSeconds, 6.0 * data.meanTrainTokens / config.sequenceLength);
    plan.transferSeconds = 100;
    QCOMPARE(train::estimateRunTime(config, data, plan, machine, std::nullopt, {}).stepSeconds, 100.0);
  }

  // A step of the tiny model is measured on the CPU backend: every figure a positive number.
  void aStepIsMeasuredOnAModelOfTheRunsShape_data() {
    QTest::addColumn<bool>("lora");
    QTest::newRow("full") << false;
    QTest::newRow("lora") << true;
  }
  void aStepIsMeasuredOnAModelOfTheRunsShape() {
    QFETCH(bool, lora);
    const train::RunConfig config = parse(lora ? R"("method": "lora", "lora_rank": 4)" : R"("method": "full")");
    const formats::ModelConfig model = formats::parseModelConfig(test::kTinyLlamaConfig);
    const auto backend = kernels::makeCpuBackend();
    const std::optional<train::StepMeasurement> step =
        train::measureStep(config, model, train::dataShapeOf(config, model.vocabSize), *backend);
    QVERIFY(step);
    for (const double seconds : {step->forwardBackwardSeconds, step->evaluateSeconds, step->nextTokenSeconds,
                                 step->optimizerSecondsPerParameter, step->firstTouchBytesPerSecond,
                                 step->hashBytesPerSecond}) {
      QVERIFY(std::isfinite(seconds) && seconds > 0);
    }
    QVERIFY(step->tokens > 0);
  }

 private:
  train::RunConfig parse(const std::string& fields) const {
    const std::string json = R"({"model": "model", "train_data": "train.jsonl", "output": "out", )" + fields + "}";
    return train::parseRunConfig(json, root_);
  }

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path root_;
};

QTEST_GUILESS_MAIN(RunTimeTest)
#include "tst_run_time.moc"
