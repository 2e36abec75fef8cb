// The fine-tune wizard's goal presets: each default and the reason it is what it is, on a small
// and a large model and dataset; the sequence length that covers the dataset's examples; and the
// dataset statistics the presets read.
#include <QTest>

#include "core/train/goal_presets.h"

using namespace tiertune;
using namespace tiertune::train;

namespace {

constexpr std::int64_t kBillion = 1'000'000'000;

PresetInputs smallModelSmallData() {
  PresetInputs inputs;
  inputs.parameterCount = 500'000'000;  // Qwen2.5-0.5B
  inputs.contextLength = 32768;
  inputs.trainExamples = 800;
  inputs.trainTokens = 200'000;
  inputs.hasValidation = true;
  inputs.longestExample = 900;
  inputs.histogramBinTokens = 64;
  inputs.lengthHistogram = {100, 300, 300, 90, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};  // 99 % under 320 tokens
  return inputs;
}

PresetInputs largeModelLargeData() {
  PresetInputs inputs;
  inputs.parameterCount = 8 * kBillion;  // Llama 3.1 8B
  inputs.contextLength = 131072;
  inputs.trainExamples = 50'000;
  inputs.trainTokens = 40'000'000;
  inputs.longestExample = 6000;
  return inputs;
}

RunConfig presetConfig(GoalPreset preset, const PresetInputs& inputs) {
  RunConfig config;
  config.modelFolder = "/models/m";
  config.outputFolder = "/runs/r";
  config.seed = 7;
  applyPreset(preset, inputs, config);
  return config;
}

}  // namespace

class GoalPresetsTest : public QObject {
  Q_OBJECT

 private slots:
  void keysRoundTrip() {
    for (const GoalPreset preset : {GoalPreset::QuickLora, GoalPreset::BalancedLora, GoalPreset::FullFineTune}) {
      QVERIFY(presetFromKey(presetKey(preset)) == preset);
    }
    QCOMPARE(std::string(presetKey(GoalPreset::BalancedLora)), std::string("balanced-lora"));
    QVERIFY(!presetFromKey("custom"));
  }

  void defaults_data() {
    QTest::addColumn<int>("preset");
    QTest::addColumn<bool>("large");
    QTest::addColumn<bool>("lora");
    QTest::addColumn<int>("rank");
    QTest::addColumn<int>("targets");
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("sequenceLength");
    QTest::addColumn<int>("microBatch");
    QTest::addColumn<int>("accumulation");
    QTest::addColumn<double>("weightDecay");
    // Quick: attention projections at rank 8, one pass, sequences capped at 1,024 tokens; the
    // small dataset's 99th percentile (320 tokens) rounds up to 384; 800 examples allow 8 per
    // step, 4 short sequences per forward on a small model.
    QTest::newRow("quick, small") << int(GoalPreset::QuickLora) << false << true << 8 << 4 << 3e-4 << 1 << 384 << 4 << 2 << 0.0;
    // Balanced: every projection at rank 16, three passes over under 1,000 examples, 16 per step.
    QTest::newRow("balanced, small") << int(GoalPreset::BalancedLora) << false << true << 16 << 7 << 2e-4 << 3 << 384 << 4 << 4 << 0.0;
    // Full: ten times lower rate than LoRA, at most two passes, 32 examples per step, light decay.
    QTest::newRow("full, small") << int(GoalPreset::FullFineTune) << false << false << 16 << 7 << 2e-5 << 2 << 384 << 4 << 8 << 0.01;
    // Large model: long sequences one at a time, the rest by accumulation; Quick stays at 1,024 tokens.
    QTest::newRow("quick, large") << int(GoalPreset::QuickLora) << true << true << 8 << 4 << 3e-4 << 1 << 1024 << 1 << 8 << 0.0;
    // 40 million tokens: rank 32 to hold more; 50,000 examples: one pass; covers the 6,000-token
    // longest example up to Balanced's cap of 4,096.
    QTest::newRow("balanced, large") << int(GoalPreset::BalancedLora) << true << true << 32 << 7 << 2e-4 << 1 << 4096 << 1 << 16 << 0.0;
    // 8B parameters: a full fine-tune's rate halves again to 1e-5.
    QTest::newRow("full, large") << int(GoalPreset::FullFineTune) << true << false << 16 << 7 << 1e-5 << 1 << 2048 << 1 << 32 << 0.01;
  }

  void defaults() {
    QFETCH(int, preset);
    QFETCH(bool, large);
    const PresetInputs inputs = large ? largeModelLargeData() : smallModelSmallData();
    const RunConfig config = presetConfig(static_cast<GoalPreset>(preset), inputs);
    QTEST(config.lora, "lora");
    QTEST(int(config.loraConfig.rank), "rank");
    QTEST(int(config.loraConfig.targets.size()), "targets");
    QCOMPARE(config.loraConfig.alpha, 2.0 * double(config.loraConfig.rank));  // scaling 2 whatever the rank
    QTEST(config.adamw.learningRate, "learningRate");
    QTEST(int(config.epochs), "epochs");
    QTEST(int(config.sequenceLength), "sequenceLength");
    QTEST(int(config.microBatch), "microBatch");
    QTEST(int(config.gradientAccumulation), "accumulation");
    QTEST(config.adamw.weightDecay, "weightDecay");
    // What the preset does not decide is kept.
    QCOMPARE(config.modelFolder.string(), std::string("/models/m"));
    QCOMPARE(config.seed, std::uint64_t(7));
    QVERIFY(!config.maxSteps);
  }

  void fullFineTuningTakesATenthOfLorasRate() {
    for (const PresetInputs& inputs : {smallModelSmallData(), largeModelLargeData()}) {
      const double lora = presetConfig(GoalPreset::BalancedLora, inputs).adamw.learningRate;
      const double full = presetConfig(GoalPreset::FullFineTune, inputs).adamw.learningRate;
      QVERIFY2(lora / full > 9.99 && lora / full < 20.01, qPrintable(QString::number(lora / full)));
    }
  }

  void intervalsFollowTheSteps() {
    // 800 examples x 3 epochs / 16 per step = 150 steps: ten evaluations, five checkpoints.
    const RunConfig balanced = presetConfig(GoalPreset::BalancedLora, smallModelSmallData());
    QCOMPARE(plannedSteps(balanced, 800), std::int64_t(150));
    QCOMPARE(balanced.evalEvery, std::int64_t(15));
    QCOMPARE(balanced.checkpointEvery, std::int64_t(30));
    QCOMPARE(balanced.warmupRatio, 0.03);
    // Full: checkpoints hold the whole model and its optimizer, only two of them; more warmup.
    const RunConfig full = presetConfig(GoalPreset::FullFineTune, smallModelSmallData());
    QCOMPARE(plannedSteps(full, 800), std::int64_t(50));
    QCOMPARE(full.checkpointEvery, std::int64_t(25));
    QCOMPARE(full.warmupRatio, 0.05);
    // No validation split: evaluate at the end only.
    PresetInputs noValidation = largeModelLargeData();
    QCOMPARE(presetConfig(GoalPreset::QuickLora, noValidation).evalEvery, std::int64_t(0));
  }

  void tinyDatasetStillHasSeveralStepsPerEpoch() {
    PresetInputs inputs = smallModelSmallData();
    inputs.trainExamples = 20;  // 20 / 8 = 2 examples per step, not 16
    const RunConfig config = presetConfig(GoalPreset::BalancedLora, inputs);
    QCOMPARE(config.microBatch * config.gradientAccumulation, std::int64_t(2));
    inputs.trainExamples = 3;  // at least one example per step
    QCOMPARE(presetConfig(GoalPreset::FullFineTune, inputs).microBatch, std::int64_t(1));
  }

  void sequenceLengthCoversTheExamplesWithinTheContext() {
    PresetInputs inputs;
    inputs.contextLength = 128;  // never above the model's context
    inputs.longestExample = 5000;
    QCOMPARE(coveringSequenceLength(inputs, 4096), std::int64_t(128));
    inputs.contextLength = 8192;  // the longest example, rounded up to 128, under the cap
    inputs.longestExample = 1000;
    QCOMPARE(coveringSequenceLength(inputs, 4096), std::int64_t(1024));
    inputs.longestExample = 20;  // at least 128
    QCOMPARE(coveringSequenceLength(inputs, 4096), std::int64_t(128));
    inputs.longestExample = 0;  // nothing known: the cap
    QCOMPARE(coveringSequenceLength(inputs, 2048), std::int64_t(2048));
    // One outlier of 100 does not set the length: 99 % are under 2 bins of 256.
    inputs.histogramBinTokens = 256;
    inputs.lengthHistogram = {50, 49, 0, 0, 0, 0, 0, 0, 0, 1};
    inputs.longestExample = 2500;
    QCOMPARE(coveringSequenceLength(inputs, 4096), std::int64_t(512));
  }

  void readsTheDatasetStatistics() {
    PresetInputs inputs;
    readDatasetStatistics(
        "{\"histogram_bin_tokens\": 32, \"train\": {\"rows\": 30, \"tokens\": 900, \"longest\": 70, \"histogram\": [10, 15, 5]},"
        " \"validation\": {\"rows\": 3}}",
        inputs);
    QCOMPARE(inputs.longestExample, std::int64_t(70));
    QCOMPARE(inputs.trainTokens, std::int64_t(900));
    QCOMPARE(inputs.histogramBinTokens, std::int64_t(32));
    QCOMPARE(inputs.lengthHistogram.size(), std::size_t(3));
    QVERIFY(inputs.hasValidation);
    PresetInputs untouched;
    readDatasetStatistics("not json", untouched);
    QCOMPARE(untouched.longestExample, std::int64_t(0));
    QVERIFY(!untouched.hasValidation);
  }
};

QTEST_MAIN(GoalPresetsTest)
#include "tst_goal_presets.moc"
