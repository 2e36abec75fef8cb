// The training loop on a tiny model: the loss falls on learnable data (full fine-tuning; below half
// of the untrained validation loss in 60 steps), a stopped and resumed run
// repeats an uninterrupted one bit for bit (LoRA with dropout and full fine-tuning, gradient
// accumulation, warmup and cosine decay), checkpoints are complete, pruned, and refused when
// altered; token files with errors name the line. Sample generations at each evaluation equal an
// independent greedy generation from the checkpoint of the same step, leave the training bit for bit
// as it is without them, are made for RAM-streamed runs and left out (with one reason) for runs that
// read their weights from the SSD.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/train/checkpoint_model.h"
#include "core/infer/model_text.h"
#include "core/train/trainer.h"
#include "core/model/model_units.h"
#include "core/tiers/state_placement.h"
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
  std::vector<SamplesReport> samples;
  std::vector<std::string> skipped;
  std::int64_t stopAfter = -1;
  void stepDone(const StepReport& report) override { steps.push_back(report); }
  void samplesGenerated(const SamplesReport& report) override { samples.push_back(report); }
  void samplesSkipped(const std::string& reason) override { skipped.push_back(reason); }
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
  // Issue 20 item 4: before the first step, a checkpoint folder is checked for a file that can be
  // written and for room for one checkpoint; what fails names the folder.
  void checkpointRoomIsCheckedBeforeTheFirstStep() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    requireCheckpointRoom(root / "out" / "checkpoints", 1 << 20);
    QVERIFY(fs::is_directory(root / "out" / "checkpoints"));
    QVERIFY(fs::is_empty(root / "out" / "checkpoints"));  // the probe file is gone
    const auto refused = [&](const fs::path& folder, std::int64_t bytes, const std::string& words) {
      try {
        requireCheckpointRoom(folder, bytes);
        QFAIL("no problem found");
      } catch (const Error& error) {
        const std::string message = error.what();
        QVERIFY2(message.find(folder.string()) != std::string::npos, error.what());
        QVERIFY2(message.find(words) != std::string::npos, error.what());
      }
    };
    refused(root / "out" / "checkpoints", std::int64_t{1} << 62, "MiB free");
    std::ofstream(root / "a-file") << "x";
    refused(root / "a-file" / "checkpoints", 1, "\"output\"");
    // Three fp32 copies of every trained element, and some room besides.
    const std::vector<model::ParameterSpec> trained = {{"a", {4, 8}, true}, {"b", {16}, false}};
    QVERIFY(checkpointBytes(trained) >= (32 + 16) * 3 * 4);
  }

  void resumeRepeatsTheUninterruptedRun_data() {
    QTest::addColumn<QString>("method");
    QTest::newRow("lora") << "lora";
    QTest::newRow("full") << "full";
    QTest::newRow("qlora") << "qlora";  // the 4-bit base quantized again, to the same bits, on resume
  }
  void resumeRepeatsTheUninterruptedRun() {
    QFETCH(QString, method);
    const bool lora = method != QStringLiteral("full");
    Setup setup;
    const auto backend = kernels::makeCpuBackend();
    auto configOf = [&](const std::string& output) {
      RunConfig config = setup.config(lora, output);
      config.fourBitBase = method == QStringLiteral("qlora");
      return config;
    };

    Trainer straight(configOf("straight"), *backend);
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
      Trainer interrupted(configOf("resumed"), *backend);
      interrupted.run(first);
    }
    QCOMPARE(first.steps.size(), std::size_t(3));
    QCOMPARE(first.checkpoints, (std::vector<std::int64_t>{3}));

    Trainer resumed(configOf("resumed"), *backend);
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

  void samplesEqualGenerationFromTheCheckpoint_data() {
    QTest::addColumn<bool>("lora");
    QTest::newRow("lora") << true;
    QTest::newRow("full") << false;
  }
  void samplesEqualGenerationFromTheCheckpoint() {
    QFETCH(bool, lora);
    Setup setup;
    const auto backend = kernels::makeCpuBackend();
    RunConfig config = setup.config(lora, "sampled");
    config.checkpointEvery = 2;
    config.keepCheckpoints = 0;
    config.evalSamples = 2;
    config.evalSampleTokens = 8;
    Trainer trainer(config, *backend);
    Recorder recorder;
    trainer.run(recorder);
    QVERIFY(recorder.skipped.empty());
    QCOMPARE(recorder.samples.size(), std::size_t(3));  // with each evaluation: steps 2, 4, 6
    const infer::ModelText text =
        infer::loadModelText(setup.root / "model", formats::loadModelConfig(setup.root / "model" / "config.json"));
    infer::GenerationSettings greedy;
    greedy.sampling.temperature = 0;
    greedy.maxNewTokens = 8;
    greedy.eosIds = text.eosIds;
    std::size_t generated = 0;
    for (std::size_t e = 0; e < recorder.samples.size(); ++e) {
      const SamplesReport& report = recorder.samples[e];
      QCOMPARE(report.step, recorder.evaluations[e].step);
      QCOMPARE(report.samples.size(), std::size_t(2));
      // The checkpoint of the same step, loaded on its own, generates the same tokens.
      const auto runner =
          loadModelRunner(*backend, setup.root / "model", trainer.checkpointsFolder() / checkpointFolderName(report.step));
      for (const GeneratedSample& sample : report.samples) {
        QVERIFY(!sample.promptTokens.empty());
        const infer::GenerationResult expected = infer::generate(*runner, text.tokenizer, sample.promptTokens, greedy);
        QCOMPARE(sample.tokens, expected.tokens);
        QCOMPARE(sample.completion, expected.text);
        QVERIFY(!sample.prompt.empty());
        generated += sample.tokens.size();
      }
    }
    QVERIFY2(generated > 0, "every sample ended at once: the comparison would prove nothing");
    // The prompts are the prompt parts of the first validation samples that have one, at every evaluation.
    QCOMPARE(recorder.samples.front().samples[0].promptTokens, recorder.samples.back().samples[0].promptTokens);
    QVERIFY(recorder.samples.front().samples[0].promptTokens != recorder.samples.front().samples[1].promptTokens);
  }

  void samplesLeaveTrainingUnchanged() {
    Setup setup;
    const auto backend = kernels::makeCpuBackend();
    Recorder with, without;
    std::vector<float> weightsWith, weightsWithout;
    for (const bool samples : {true, false}) {
      RunConfig config = setup.config(true, samples ? "with" : "without");  // LoRA with dropout: random numbers in use
      config.evalSamples = samples ? 3 : 0;
      Trainer trainer(config, *backend);
      trainer.run(samples ? with : without);
      (samples ? weightsWith : weightsWithout) = weightsOf(trainer);
    }
    QCOMPARE(with.samples.size(), std::size_t(3));
    QVERIFY(without.samples.empty() && without.skipped.empty());
    QCOMPARE(with.steps.size(), without.steps.size());
    for (std::size_t i = 0; i < with.steps.size(); ++i) {
      QCOMPARE(with.steps[i].loss, without.steps[i].loss);  // exact: bit for bit
      QCOMPARE(with.steps[i].gradientNorm, without.steps[i].gradientNorm);
    }
    QCOMPARE(with.evaluations.size(), without.evaluations.size());
    for (std::size_t i = 0; i < with.evaluations.size(); ++i) QCOMPARE(with.evaluations[i].loss, without.evaluations[i].loss);
    QVERIFY(weightsWith == weightsWithout);
  }

  void samplesFollowThePlacement() {
    Setup setup;
    fs::create_directories(setup.root / "offload");
    const auto backend = kernels::makeCpuBackend();
    const std::size_t units = model::unitCount(formats::parseModelConfig(test::kTinyLlamaConfig));
    auto runWith = [&](std::optional<tiers::Tier> tier, const std::string& output) {
      TrainerTiering tiering;
      if (tier) {
        tiering.placement = tiers::residentPlacement(units);
        for (auto& kinds : tiering.placement->home) kinds.fill(*tier);
        tiering.options.offloadFolder = setup.root / "offload";
      }
      Trainer trainer(setup.config(true, output), *backend, std::move(tiering));
      Recorder recorder;
      trainer.run(recorder);
      return recorder;
    };
    const Recorder resident = runWith(std::nullopt, "resident");
    // Weights streamed from RAM: the same samples as the resident run.
    const Recorder host = runWith(tiers::Tier::Host, "host");
    QCOMPARE(host.samples.size(), resident.samples.size());
    QVERIFY(!resident.samples.empty());
    for (std::size_t e = 0; e < resident.samples.size(); ++e) {
      for (std::size_t i = 0; i < resident.samples[e].samples.size(); ++i) {
        QCOMPARE(host.samples[e].samples[i].tokens, resident.samples[e].samples[i].tokens);
      }
    }
    // Weights read from the SSD: no samples, and one reason in plain words.
    const Recorder disk = runWith(tiers::Tier::Disk, "disk");
    QVERIFY(disk.samples.empty());
    QCOMPARE(disk.skipped.size(), std::size_t(1));
    QVERIFY2(disk.skipped[0].find("from the SSD") != std::string::npos, disk.skipped[0].c_str());
    QCOMPARE(disk.evaluations.size(), resident.evaluations.size());
  }

  void promptsAreThePartsBeforeTheAnswers() {
    Setup setup;
    // Every token trained (no loss mask): no prompt part in any sample.
    std::ofstream(setup.root / "text.jsonl") << R"({"input_ids":[1,5,6,7,8]})" "\n" R"({"input_ids":[1,9,10,11]})" "\n"
                                               R"({"input_ids":[1,12,13,14]})" "\n";
    RunConfig config = setup.config(true, "text");
    config.trainData = setup.root / "text.jsonl";
    config.validationRatio = 0;
    config.maxSteps = 1;
    const auto backend = kernels::makeCpuBackend();
    Trainer trainer(config, *backend);
    Recorder recorder;
    trainer.run(recorder);
    QVERIFY(recorder.samples.empty());
    QCOMPARE(recorder.skipped.size(), std::size_t(1));
    QVERIFY2(recorder.skipped[0].find("None of the training samples has a prompt") != std::string::npos,
             recorder.skipped[0].c_str());
    // No validation split: the prompts come from the first training samples that have one.
    RunConfig withPrompts = setup.config(true, "no-validation");
    withPrompts.validationRatio = 0;
    withPrompts.maxSteps = 1;
    withPrompts.evalSampleTokens = 4;
    Trainer noValidation(withPrompts, *backend);
    Recorder fromTraining;
    noValidation.run(fromTraining);
    QVERIFY(fromTraining.evaluations.empty());
    QCOMPARE(fromTraining.samples.size(), std::size_t(1));  // at the end, as an evaluation would be
    const std::vector<Sample> trainSamples = loadTokenFile(setup.root / "train.jsonl", 64);
    const auto expectedPrompts = samplePrompts(trainSamples, 3, 12);
    QCOMPARE(fromTraining.samples[0].samples.size(), expectedPrompts.size());
    for (std::size_t i = 0; i < expectedPrompts.size(); ++i) {
      QCOMPARE(fromTraining.samples[0].samples[i].promptTokens, expectedPrompts[i]);
      QVERIFY(fromTraining.samples[0].samples[i].tokens.size() <= 4);
    }
    // The prompt part of a masked sample ends where the trained tokens begin.
    Sample masked{{1, 5, 6, 7, 8}, {0, 0, 0, 1, 1}};
    QCOMPARE(std::vector<std::int32_t>(promptPart(masked).begin(), promptPart(masked).end()),
             (std::vector<std::int32_t>{1, 5, 6}));
    QCOMPARE(samplePrompts(std::vector<Sample>{masked, masked}, 3, 3).size(), std::size_t(0));  // 3 tokens: too long
    QCOMPARE(samplePrompts(std::vector<Sample>{masked, masked}, 1, 4).size(), std::size_t(1));
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
