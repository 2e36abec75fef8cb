// The training loop on a tiny model: the loss falls on learnable data (full fine-tuning; below half
// of the untrained validation loss in 60 steps), a stopped and resumed run
// repeats an uninterrupted one bit for bit (LoRA with dropout and full fine-tuning, gradient
// accumulation, warmup and cosine decay), checkpoints are complete, pruned, and refused when
// altered; token files with errors name the line.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/train/trainer.h"
#include "core/util/error.h"
#include "kernels/backend.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::train;
namespace fs = std::filesystem;

namespace {

struct Recorder : TrainingObserver {
  std::vector<StepReport> steps;
  std::vector<EvaluationReport> evaluations;
  std::vector<std::int64_t> checkpoints;
  std::int64_t stopAfter = -1;
  void stepDone(const StepReport& report) override { steps.push_back(report); }
  void evaluated(const EvaluationReport& report) override { evaluations.push_back(report); }
  void checkpointWritten(std::int64_t step, const WrittenCheckpoint&) override { checkpoints.push_back(step); }
  bool stopRequested() override { return stopAfter >= 0 && !steps.empty() && steps.back().step >= stopAfter; }
};

std::vector<float> weightsOf(const Trainer& trainer) { return trainer.trainedValues(); }

struct Setup {
  std::unique_ptr<QTemporaryDir> scratch = test::makeScratchDir();
  fs::path root = scratch->path().toStdString();
  Setup() {
    test::writeRandomModelFolder(root / "model", test::kTinyLlamaConfig, 3);
    test::writeTokenFile(root / "train.jsonl", 24, 64, 5);
  }
  RunConfig config(bool lora, const std::string& output) const {
    const std::string json = R"({"model":"model","train_data":"train.jsonl","output":")" + output +
                             R"(","method":")" + (lora ? "lora" : "full") +
                             R"(","lora_rank":4,"lora_dropout":0.1,"micro_batch":2,"gradient_accumulation":2,
                                 "max_steps":6,"warmup_steps":2,"learning_rate":0.01,"weight_decay":0.01,
                                 "validation_ratio":0.2,"eval_every":2,"checkpoint_every":4,"sequence_length":12})";
    return parseRunConfig(json, root);
  }
};

}  // namespace

class TrainerTest : public QObject {
  Q_OBJECT

 private slots:
  void resumeRepeatsTheUninterruptedRun_data() {
    QTest::addColumn<bool>("lora");
    QTest::newRow("lora") << true;
    QTest::newRow("full") << false;
  }
  void resumeRepeatsTheUninterruptedRun() {
    QFETCH(bool, lora);
    Setup setup;
    const auto backend = kernels::makeCpuBackend();

    Trainer straight(setup.config(lora, "straight"), *backend);
    QCOMPARE(straight.totalSteps(), 6);
    QCOMPARE(straight.validationSamples(), std::size_t(5));  // 20% of 24
    Recorder all;
    straight.run(all);
    QCOMPARE(all.steps.size(), std::size_t(6));
    QCOMPARE(all.checkpoints, (std::vector<std::int64_t>{4, 6}));
    QCOMPARE(all.evaluations.size(), std::size_t(3));  // steps 2, 4, 6
    QCOMPARE(all.steps[0].learningRate, 0.0);          // warmup starts at 0, as transformers
    QCOMPARE(all.steps[1].learningRate, 0.005);

    Recorder first;
    first.stopAfter = 3;
    {
      Trainer interrupted(setup.config(lora, "resumed"), *backend);
      interrupted.run(first);
    }
    QCOMPARE(first.steps.size(), std::size_t(3));
    QCOMPARE(first.checkpoints, (std::vector<std::int64_t>{3}));

    Trainer resumed(setup.config(lora, "resumed"), *backend);
    resumed.resumeFrom(setup.root / "resumed" / "checkpoints" / checkpointFolderName(3));
    Recorder rest;
    resumed.run(rest);
    QCOMPARE(rest.steps.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
      QCOMPARE(rest.steps[i].step, all.steps[i + 3].step);
      QCOMPARE(rest.steps[i].loss, all.steps[i + 3].loss);  // exact: bit for bit
      QCOMPARE(rest.steps[i].gradientNorm, all.steps[i + 3].gradientNorm);
    }
    QVERIFY(weightsOf(resumed) == weightsOf(straight));
  }

  void theLossFalls() {
    Setup setup;
    const auto backend = kernels::makeCpuBackend();
    RunConfig config = setup.config(false, "learn");
    config.maxSteps = 60;
    config.adamw.learningRate = 0.01;
    config.schedule = LrSchedule::Constant;
    config.loraConfig.dropout = 0;
    config.evalEvery = 0;
    Trainer trainer(config, *backend);
    const double before = trainer.evaluate().loss;
    Recorder recorder;
    trainer.run(recorder);
    const double after = recorder.evaluations.back().loss;
    QVERIFY2(after < 0.5 * before, qPrintable(QStringLiteral("validation loss %1 -> %2").arg(before).arg(after)));
  }

  void checkpointsArePrunedAndVerified() {
    Setup setup;
    const auto backend = kernels::makeCpuBackend();
    RunConfig config = setup.config(true, "pruned");
    config.checkpointEvery = 1;
    config.keepCheckpoints = 2;
    Trainer trainer(config, *backend);
    Recorder recorder;
    trainer.run(recorder);
    const std::vector<fs::path> kept = listCheckpoints(trainer.checkpointsFolder());
    QCOMPARE(kept.size(), std::size_t(2));
    QCOMPARE(kept.back().filename().string(), checkpointFolderName(6));
    for (const char* file : {"adapter_model.safetensors", "optimizer.safetensors", "trainer_state.json", "manifest.json"}) {
      QVERIFY2(fs::exists(kept.back() / file), file);
    }
    // A byte changed in the optimizer state: resuming refuses, naming the file.
    {
      std::fstream stream(kept.back() / "optimizer.safetensors", std::ios::in | std::ios::out | std::ios::binary);
      stream.seekp(-5, std::ios::end);
      stream.put('\x7f');
    }
    Trainer again(config, *backend);
    try {
      again.resumeFrom(kept.back());
      QFAIL("an altered checkpoint was accepted");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("optimizer.safetensors is missing or was changed") != std::string::npos,
               error.what());
    }
  }

  void tokenFileErrorsNameTheLine() {
    Setup setup;
    std::ofstream(setup.root / "bad.jsonl") << R"({"input_ids":[1,2,3]})" "\n" R"({"input_ids":[1,2,300]})" "\n";
    try {
      loadTokenFile(setup.root / "bad.jsonl", 64);
      QFAIL("an id outside the vocabulary passed");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("bad.jsonl line 2: \"input_ids\" must hold token ids from 0 to 63") !=
                   std::string::npos,
               error.what());
    }
    std::ofstream(setup.root / "mask.jsonl") << R"({"input_ids":[1,2,3],"loss_mask":[1,0]})" "\n";
    QVERIFY_THROWS_EXCEPTION(Error, loadTokenFile(setup.root / "mask.jsonl", 64));
  }

  void sampleOrderIsAShufflePerEpoch() {
    SampleOrder order(10, 7);
    std::vector<int> seen(10, 0);
    for (int i = 0; i < 10; ++i) ++seen[order.at(static_cast<std::uint64_t>(i))];
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    std::vector<std::size_t> epoch0, epoch1;
    for (int i = 0; i < 10; ++i) epoch0.push_back(order.at(static_cast<std::uint64_t>(i)));
    for (int i = 10; i < 20; ++i) epoch1.push_back(order.at(static_cast<std::uint64_t>(i)));
    QVERIFY(epoch0 != epoch1);
    SampleOrder again(10, 7);
    QCOMPARE(again.at(13), epoch1[3]);  // a pure function of (seed, position)
  }
};

QTEST_GUILESS_MAIN(TrainerTest)
#include "tst_trainer.moc"
