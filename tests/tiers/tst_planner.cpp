// The planner on real model shapes and typical machines (table-driven): what fits where, what
// does not fit and why, and the invariants every plan keeps (nothing lost, budgets respected,
// same inputs same plan, more GPU never means more disk).
#include <QTest>
#include <string>

#include "core/formats/model_config.h"
#include "core/tiers/plan_words.h"
#include "core/tiers/planner.h"
#include "kernels/nf4_format.h"

using namespace tiertune;
using namespace tiertune::tiers;

namespace {

constexpr std::uint64_t GB = 1'000'000'000ull;

// Shapes from the models' published config.json files.
formats::ModelConfig model(const std::string& name) {
  std::string json;
  if (name == "llama3-8b") {
    json = R"({"architectures":["LlamaForCausalLM"],"hidden_size":4096,"intermediate_size":14336,
      "num_hidden_layers":32,"num_attention_heads":32,"num_key_value_heads":8,"vocab_size":128256,
      "max_position_embeddings":8192,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":false})";
  } else if (name == "llama3-70b") {
    json = R"({"architectures":["LlamaForCausalLM"],"hidden_size":8192,"intermediate_size":28672,
      "num_hidden_layers":80,"num_attention_heads":64,"num_key_value_heads":8,"vocab_size":128256,
      "max_position_embeddings":8192,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":false})";
  } else if (name == "qwen2.5-14b") {
    json = R"({"architectures":["Qwen2ForCausalLM"],"hidden_size":5120,"intermediate_size":13824,
      "num_hidden_layers":48,"num_attention_heads":40,"num_key_value_heads":8,"vocab_size":152064,
      "max_position_embeddings":32768,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":false})";
  } else {  // mistral-7b
    json = R"({"architectures":["MistralForCausalLM"],"hidden_size":4096,"intermediate_size":14336,
      "num_hidden_layers":32,"num_attention_heads":32,"num_key_value_heads":8,"vocab_size":32000,
      "max_position_embeddings":32768,"rms_norm_eps":1e-5,"rope_theta":10000.0,"sliding_window":4096})";
  }
  return formats::parseModelConfig(json);
}

MachineBudget workstation24() {  // 24 GB GPU, 64 GB RAM, 1 TB SSD
  return {true, 22 * GB, 56 * GB, 900 * GB, 25e9, 3e9, 2.5e9, 150e12};
}
MachineBudget laptop8() {  // 8 GB GPU, 32 GB RAM, 500 GB SSD
  return {true, 7 * GB, 26 * GB, 400 * GB, 12e9, 2e9, 1.5e9, 40e12};
}
MachineBudget cpuOnly() {  // no GPU: a 16 GB arena in 64 GB of RAM
  return {false, 16 * GB, 40 * GB, 400 * GB, 10e9, 2e9, 1.5e9, 1e12};
}

TrainingSetup setup(const std::string& name, Method method, int microBatch = 1, int sequence = 2048) {
  TrainingSetup result;
  result.model = model(name);
  result.method = method;
  result.microBatch = microBatch;
  result.sequenceLength = sequence;
  return result;
}

std::uint64_t onTier(const Plan& plan, Tier tier) {
  std::uint64_t bytes = 0;
  for (const auto& placement : plan.placements) {
    if (placement.tier == tier) bytes += placement.bytes;
  }
  return bytes;
}

void checkInvariants(const TrainingSetup& training, const MachineBudget& machine, const Plan& plan) {
  std::uint64_t placed = 0;
  for (const auto& placement : plan.placements) placed += placement.bytes;
  // Nothing lost, nothing counted twice (a plan refused for its working memory places nothing).
  if (!plan.placements.empty()) QCOMPARE(placed, plan.totalStateBytes);
  QCOMPARE(plan.totalStateBytes, trainingStateBytes(training, machine.hasGpu));
  if (plan.fits) {
    QVERIFY(plan.peakBytes[0] <= machine.deviceBytes);
    QVERIFY(plan.peakBytes[1] <= machine.hostBytes);
    QVERIFY(plan.peakBytes[2] <= machine.diskBytes);
    QVERIFY(plan.stepSeconds > 0);
    QVERIFY(plan.fixes.empty());
    QCOMPARE(plan.shortfall, Shortfall::None);
  } else {
    QVERIFY(!plan.fixes.empty());
    QVERIFY(plan.shortfall != Shortfall::None);
    for (const PlanFix& fix : plan.fixes) {
      // The shorter sequence it suggests is shorter than the one planned.
      if (fix.kind == FixKind::SmallerBatchAndSequence) QVERIFY(fix.sequenceLength < training.sequenceLength);
    }
  }
  // Same inputs, same plan.
  const Plan again = planTraining(training, machine);
  QCOMPARE(again.placements.size(), plan.placements.size());
  for (std::size_t i = 0; i < plan.placements.size(); ++i) {
    QCOMPARE(again.placements[i].tier, plan.placements[i].tier);
    QCOMPARE(again.placements[i].bytes, plan.placements[i].bytes);
  }
  QCOMPARE(again.stepSeconds, plan.stepSeconds);
  // A larger device never sends more to disk.
  MachineBudget bigger = machine;
  bigger.deviceBytes *= 2;
  QVERIFY(onTier(planTraining(training, bigger), Tier::Disk) <= onTier(plan, Tier::Disk));
}

}  // namespace

class PlannerTest : public QObject {
  Q_OBJECT

 private slots:
  void loraTrainsTheKnownNumberOfParameters() {
    // r = 16 on every attention and MLP projection of Llama 3 8B, as PEFT counts it.
    QCOMPARE(planTraining(setup("llama3-8b", Method::Lora), workstation24()).trainableParameters, 41'943'040ull);
    QCOMPARE(planTraining(setup("llama3-8b", Method::Full), workstation24()).trainableParameters,
             formats::parameterCount(model("llama3-8b")));
  }

  void fullFineTuningNeedsEighteenBytesPerParameterBeforeActivations() {
    const TrainingSetup full = setup("mistral-7b", Method::Full);
    const std::uint64_t parameters = formats::parameterCount(full.model);
    const Plan plan = planTraining(full, workstation24());
    std::uint64_t state = 0;
    for (const auto& placement : plan.placements) {
      if (placement.group != StateGroup::ActivationCheckpoints && placement.group != StateGroup::WorkingBuffers) {
        state += placement.bytes;
      }
    }
    QCOMPARE(state, 18 * parameters);  // fp32 master, grads, m, v + bf16 working copy
  }

  void realModelsOnTypicalMachines_data() {
    QTest::addColumn<QString>("modelName");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("machine");  // 0 workstation24, 1 laptop8, 2 cpuOnly
    QTest::addColumn<bool>("fits");
    QTest::addColumn<bool>("usesDisk");
    QTest::addColumn<int>("bottleneck");
    using B = Bottleneck;
    const auto lora = static_cast<int>(Method::Lora);
    const auto full = static_cast<int>(Method::Full);
    QTest::newRow("llama3-8b lora, 24 GB GPU: all on the GPU") << "llama3-8b" << lora << 0 << true << false << int(B::Compute);
    QTest::newRow("llama3-8b full, 24 GB GPU: spills to RAM and SSD") << "llama3-8b" << full << 0 << true << true << int(B::Disk);
    QTest::newRow("llama3-70b lora, 24 GB GPU: weights stream from SSD") << "llama3-70b" << lora << 0 << true << true << int(B::Disk);
    QTest::newRow("llama3-70b full, 8 GB GPU: does not fit") << "llama3-70b" << full << 1 << false << false << -1;
    QTest::newRow("qwen2.5-14b lora, 8 GB GPU: fits with RAM and SSD") << "qwen2.5-14b" << lora << 1 << true << true << int(B::Disk);
    QTest::newRow("mistral-7b lora, CPU only: fits in RAM") << "mistral-7b" << lora << 2 << true << false << int(B::Compute);
    QTest::newRow("mistral-7b full, CPU only: needs the SSD") << "mistral-7b" << full << 2 << true << true << -1;
  }

  void realModelsOnTypicalMachines() {
    QFETCH(QString, modelName);
    QFETCH(int, method);
    QFETCH(int, machine);
    QFETCH(bool, fits);
    QFETCH(bool, usesDisk);
    QFETCH(int, bottleneck);
    const TrainingSetup training = setup(modelName.toStdString(), static_cast<Method>(method));
    const MachineBudget budget = machine == 0 ? workstation24() : machine == 1 ? laptop8() : cpuOnly();
    const Plan plan = planTraining(training, budget);
    qInfo("%s", noFitText(plan).c_str());
    QCOMPARE(plan.fits, fits);
    QCOMPARE(onTier(plan, Tier::Disk) > 0, usesDisk);
    if (bottleneck >= 0) QCOMPARE(static_cast<int>(plan.bottleneck), bottleneck);
    checkInvariants(training, budget, plan);
    if (!fits) {
      QVERIFY(planSummaryText(plan).find("Does not fit") != std::string::npos);
      bool suggestsLora = false;
      for (const PlanFix& fix : plan.fixes) suggestsLora |= fix.kind == FixKind::UseLora;
      QCOMPARE(suggestsLora, static_cast<Method>(method) == Method::Full);
    }
  }

  void fasterGroupsClaimTheFasterTier() {
    // With the GPU too small for everything, activation checkpoints and trained weights stay on
    // it before the optimizer states, which the optimizer can update where they are.
    const Plan plan = planTraining(setup("llama3-8b", Method::Full), workstation24());
    for (const auto& placement : plan.placements) {
      if (placement.group == StateGroup::ActivationCheckpoints || placement.group == StateGroup::WorkingBuffers) {
        QCOMPARE(placement.tier, Tier::Device);
      }
    }
    QVERIFY(onTier(plan, Tier::Host) > 0);
    std::uint64_t optimizerOnDevice = 0;
    for (const auto& placement : plan.placements) {
      if (placement.group == StateGroup::AdamSecondMoment && placement.tier == Tier::Device) {
        optimizerOnDevice += placement.bytes;
      }
    }
    QCOMPARE(optimizerOnDevice, 0ull);
  }

  void fp32WeightsHaveOneCopyThatStreamsWithTheFrozenOnes() {
    // What both backends store today: no bf16 working copy, and the trained fp32 weights (read by
    // every micro-batch) claiming the device before the gradients. A frozen base takes the bytes of
    // its checkpoint's type: 2 for bf16 / fp16, 4 for an fp32 checkpoint.
    TrainingSetup bf16 = setup("llama3-8b", Method::Full);
    TrainingSetup fp32 = bf16;
    fp32.fp32Weights = true;
    const Plan plan = planTraining(fp32, workstation24());
    std::uint64_t working = 0, master = 0, masterOnDevice = 0, gradientsOnDevice = 0;
    for (const auto& placement : plan.placements) {
      if (placement.group == StateGroup::WorkingWeights) working += placement.bytes;
      if (placement.group == StateGroup::MasterWeights) master += placement.bytes;
      if (placement.tier != Tier::Device) continue;
      if (placement.group == StateGroup::MasterWeights) masterOnDevice += placement.bytes;
      if (placement.group == StateGroup::Gradients) gradientsOnDevice += placement.bytes;
    }
    QCOMPARE(working, 0ull);
    QCOMPARE(master, 4 * plan.trainableParameters);
    QVERIFY(masterOnDevice > 0);
    QVERIFY(gradientsOnDevice < masterOnDevice);
    // 16 bytes per trained parameter before activations, against bf16's 18.
    QVERIFY(trainingStateBytes(fp32, true) < trainingStateBytes(bf16, true));
    TrainingSetup lora = fp32;
    lora.method = Method::Lora;
    lora.frozenWeightBytes = 4;
    TrainingSetup loraBf16 = bf16;
    loraBf16.method = Method::Lora;
    std::uint64_t frozen32 = 0, frozen16 = 0;
    for (const auto& placement : planTraining(lora, workstation24()).placements) {
      if (placement.group == StateGroup::FrozenWeights) frozen32 += placement.bytes;
    }
    for (const auto& placement : planTraining(loraBf16, workstation24()).placements) {
      if (placement.group == StateGroup::FrozenWeights) frozen16 += placement.bytes;
    }
    QCOMPARE(frozen32, 2 * frozen16);
    checkInvariants(fp32, workstation24(), plan);
  }

  // QLoRA: the layers' projection matrices at their NF4 bytes (4.127 bits a weight), everything
  // else of the base at its 16 bits. On an 8 GB laptop GPU the 16-bit base alone is larger than the
  // device budget; the 4-bit one leaves less than half as much to stream from RAM.
  void aFourBitBaseCountsItsProjectionsInNf4() {
    TrainingSetup lora = setup("llama3-8b", Method::Lora);
    TrainingSetup qlora = lora;
    qlora.fourBitBase = true;
    auto frozenBytes = [](const Plan& plan) {
      std::uint64_t bytes = 0;
      for (const auto& placement : plan.placements) {
        if (placement.group == StateGroup::FrozenWeights) bytes += placement.bytes;
      }
      return bytes;
    };
    std::uint64_t expected = 0, projections = 0, projectionBytes = 0;
    for (const formats::ExpectedTensor& tensor : formats::expectedTensors(qlora.model)) {
      std::uint64_t count = 1;
      for (const std::int64_t dim : tensor.shape) count *= static_cast<std::uint64_t>(dim);
      if (formats::isLayerProjection(tensor)) {
        projections += count;
        projectionBytes += kernels::nf4Layout(count).bytes;
        expected += kernels::nf4Layout(count).bytes;
      } else {
        expected += 2 * count;
      }
    }
    const Plan four = planTraining(qlora, laptop8());
    QCOMPARE(frozenBytes(four), expected);
    const double bitsPerWeight = 8.0 * static_cast<double>(projectionBytes) / static_cast<double>(projections);
    QVERIFY2(std::abs(bitsPerWeight - 4.127) < 1e-3, qPrintable(QString::number(bitsPerWeight, 'f', 4)));
    const Plan sixteen = planTraining(lora, laptop8());
    QVERIFY(frozenBytes(sixteen) > laptop8().deviceBytes);
    qInfo("8B frozen base: %.2f GB in 16 bits, %.2f GB with NF4 projections; %s", frozenBytes(sixteen) / 1e9,
          frozenBytes(four) / 1e9, planSummaryText(four).c_str());
    QVERIFY(four.fits);
    QCOMPARE(onTier(four, Tier::Disk), 0ull);
    QVERIFY(onTier(four, Tier::Host) < onTier(sixteen, Tier::Host) / 2);
    QCOMPARE(four.trainableParameters, sixteen.trainableParameters);
    checkInvariants(qlora, laptop8(), four);
  }

  void aHugeBatchIsExplained() {
    const TrainingSetup training = setup("llama3-8b", Method::Lora, 8, 32768);
    const Plan plan = planTraining(training, laptop8());
    QVERIFY(!plan.fits);
    QCOMPARE(plan.shortfall, Shortfall::WorkingMemory);
    QVERIFY(plan.workingBytes > laptop8().deviceBytes);
    QCOMPARE(plan.fixes.front().kind, FixKind::SmallerBatchAndSequence);
    QCOMPARE(plan.fixes.front().sequenceLength, 16384);
    // The command line's words carry the same figures.
    QVERIFY2(planSummaryText(plan).find("working memory") != std::string::npos, planSummaryText(plan).c_str());
    QVERIFY(planSummaryText(plan).find(gigabytesText(plan.workingBytes)) != std::string::npos);
    QVERIFY(planFixText(plan.fixes.front()).find("micro-batch of 1") != std::string::npos);
    QVERIFY(planFixText(plan.fixes.front()).find("16384 tokens") != std::string::npos);
    // A short sequence is halved too, never lengthened.
    MachineBudget tiny = laptop8();
    tiny.deviceBytes = 1'000'000;
    const Plan shortRun = planTraining(setup("llama3-8b", Method::Lora, 8, 128), tiny);
    QCOMPARE(shortRun.shortfall, Shortfall::WorkingMemory);
    QCOMPARE(shortRun.fixes.front().sequenceLength, 64);
  }

  void noDiskMeansNoSpill() {
    MachineBudget machine = workstation24();
    machine.diskBytes = 0;
    const TrainingSetup training = setup("llama3-70b", Method::Lora);
    const Plan plan = planTraining(training, machine);
    QVERIFY(!plan.fits);
    QCOMPARE(plan.shortfall, Shortfall::TrainingState);
    QCOMPARE(plan.fixes.back().kind, FixKind::FreeDiskSpace);
    QCOMPARE(plan.fixes.back().bytes, onTier(plan, Tier::Disk));  // all it placed there, with no disk at all
    QVERIFY(planFixText(plan.fixes.back()).find("offload folder") != std::string::npos);
    checkInvariants(training, machine, plan);
  }
};

QTEST_GUILESS_MAIN(PlannerTest)
#include "tst_planner.moc"
