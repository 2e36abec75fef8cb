// The streaming executor against the resident run: the same training on the CPU backend with the
// state on the device, spread over device / host / disk, and almost all on disk with a device arena
// under a third of the state gives bit for bit the same losses, gradient norms and weights. And when
// the offload disk fails mid-run (full, or an I/O error), the step fails with an error that names
// the store, the last checkpoint stays intact, and a new run resumes from it on the same curve.
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/model/model_units.h"
#include "core/tiers/plan_words.h"
#include "core/tiers/planner.h"
#include "core/tiers/state_placement.h"
#include "core/train/checkpoint.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "tests/support/scratch.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
using tiers::StateKind;
using tiers::Tier;

namespace {

const char* const kDeepConfig = test::kDeepLlamaConfig;

struct Curve {
  std::vector<double> losses, norms, evaluations;
  std::vector<float> weights;
  std::uint64_t streamedBytes = 0;  // over all steps
  double streamWait = 0, seconds = 0;
};

class Recorder final : public train::TrainingObserver {
 public:
  Curve* curve = nullptr;
  void stepDone(const train::StepReport& report) override {
    curve->losses.push_back(report.loss);
    curve->norms.push_back(report.gradientNorm);
    QVERIFY(report.streamWaitSeconds >= 0 && report.streamWaitSeconds <= report.seconds);
    curve->streamedBytes += report.streamedBytes;
    curve->streamWait += report.streamWaitSeconds;
    curve->seconds += report.seconds;
  }
  void evaluated(const train::EvaluationReport& report) override { curve->evaluations.push_back(report.loss); }
};

std::uint64_t stateBytes(const train::Trainer& trainer) {
  std::uint64_t bytes = 0;
  const tiers::TieredState& state = trainer.tieredState();
  for (std::size_t unit = 0; unit < state.unitCount(); ++unit) {
    for (std::size_t k = 0; k < tiers::kStateKindCount; ++k) {
      const auto kind = static_cast<StateKind>(k);
      bytes += model::ParameterTable::storageBytes(state.specs(kind, unit), state.format(kind));
    }
  }
  return bytes;
}

// Unit by unit and kind by kind, a spread over all three tiers.
tiers::StatePlacement mixedPlacement(std::size_t units) {
  tiers::StatePlacement placement = tiers::residentPlacement(units);
  for (std::size_t unit = 0; unit < units; ++unit) {
    for (std::size_t k = 0; k < tiers::kStateKindCount; ++k) placement.home[unit][k] = static_cast<Tier>((unit + k) % 3);
  }
  return placement;
}

tiers::StatePlacement allOnDisk(std::size_t units) {
  tiers::StatePlacement placement = tiers::residentPlacement(units);
  for (auto& kinds : placement.home) kinds.fill(Tier::Disk);
  return placement;
}

struct Setup {
  std::unique_ptr<QTemporaryDir> scratch = test::makeScratchDir();
  std::filesystem::path root = scratch->path().toStdString();
  formats::ModelConfig model = formats::parseModelConfig(kDeepConfig);

  explicit Setup(formats::Dtype weights = formats::Dtype::F32) {
    test::writeRandomModelFolder(root / "model", kDeepConfig, 11, weights);
    test::writeTokenFile(root / "train.jsonl", 40, 96, 13);
    std::filesystem::create_directories(root / "offload");
  }
  train::RunConfig config(bool lora, const std::string& output) const {
    return config(std::string(lora ? "lora" : "full"), output);
  }
  train::RunConfig config(const std::string& method, const std::string& output) const {
    const std::string json = R"({"model":"model","train_data":"train.jsonl","output":")" + output +
                             R"(","method":")" + method +
                             R"(","lora_rank":4,"lora_dropout":0.1,"micro_batch":2,"gradient_accumulation":2,
                                 "max_steps":5,"warmup_steps":1,"learning_rate":0.01,"weight_decay":0.01,
                                 "max_grad_norm":0.5,"validation_ratio":0.1,"eval_every":2,"checkpoint_every":2,
                                 "sequence_length":16})";
    return train::parseRunConfig(json, root);
  }
  train::TrainerTiering tiering(std::optional<tiers::StatePlacement> placement) const {
    train::TrainerTiering result;
    result.placement = std::move(placement);
    result.options.offloadFolder = root / "offload";
    return result;
  }
};

Curve trainRun(const Setup& setup, const std::string& method, const std::string& output, kernels::Backend& backend,
            std::optional<tiers::StatePlacement> placement, std::uint64_t* arenaPeak = nullptr,
            std::uint64_t* state = nullptr, model::TableFormat* frozen = nullptr) {
  train::Trainer trainer(setup.config(method, output), backend, setup.tiering(std::move(placement)));
  Curve curve;
  Recorder recorder;
  recorder.curve = &curve;
  trainer.run(recorder);
  curve.weights = trainer.trainedValues();
  if (arenaPeak) *arenaPeak = backend.memoryUse().peak;
  if (state) *state = stateBytes(trainer);
  if (frozen) *frozen = trainer.tieredState().format(StateKind::Frozen);
  return curve;
}

void requireIdentical(const Curve& a, const Curve& b) {
  QCOMPARE(a.losses.size(), std::size_t(5));
  QCOMPARE(b.losses.size(), a.losses.size());
  for (std::size_t i = 0; i < a.losses.size(); ++i) {
    QVERIFY(std::isfinite(a.losses[i]));
    QCOMPARE(b.losses[i], a.losses[i]);  // exact: bit for bit
    QCOMPARE(b.norms[i], a.norms[i]);
  }
  QCOMPARE(b.evaluations, a.evaluations);
  QCOMPARE(b.weights.size(), a.weights.size());
  QVERIFY(std::memcmp(a.weights.data(), b.weights.data(), a.weights.size() * sizeof(float)) == 0);
}

}  // namespace

class TieredTrainingTest : public QObject {
  Q_OBJECT

 private slots:
  void offloadingKeepsTheMathematics_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("weights");
    QTest::newRow("lora") << "lora" << static_cast<int>(formats::Dtype::F32);
    QTest::newRow("full") << "full" << static_cast<int>(formats::Dtype::F32);
    // The frozen base kept in the checkpoint's 16 bits in every tier (and moved as such).
    QTest::newRow("lora, bf16 base") << "lora" << static_cast<int>(formats::Dtype::BF16);
    QTest::newRow("lora, fp16 base") << "lora" << static_cast<int>(formats::Dtype::F16);
    // QLoRA: the projections in NF4 beside the rest in 16 or 32 bits, in every tier.
    QTest::newRow("qlora, bf16 base") << "qlora" << static_cast<int>(formats::Dtype::BF16);
    QTest::newRow("qlora, fp32 base") << "qlora" << static_cast<int>(formats::Dtype::F32);
  }
  // Invariant 8 of core/tiers/pass_mover.h: only copies are added, so every placement gives the
  // resident run's curve and weights bit for bit.
  void offloadingKeepsTheMathematics() {
    QFETCH(QString, method);
    QFETCH(int, weights);
    const std::string how = method.toStdString();
    const bool lora = how != "full";
    Setup setup(static_cast<formats::Dtype>(weights));
    const std::size_t units = model::unitCount(setup.model);

    const auto residentBackend = kernels::makeCpuBackend();
    std::uint64_t state = 0;
    model::TableFormat frozen;
    const Curve resident = trainRun(setup, how, "resident", *residentBackend, std::nullopt, nullptr, &state, &frozen);
    const auto dtype = static_cast<formats::Dtype>(weights);
    QCOMPARE(frozen.type, !lora || dtype == formats::Dtype::F32 ? model::ElementType::F32
                          : dtype == formats::Dtype::BF16        ? model::ElementType::Bf16
                                                                 : model::ElementType::F16);
    QCOMPARE(frozen.fourBitProjections, how == "qlora");

    const auto mixedBackend = kernels::makeCpuBackend();
    const Curve mixed = trainRun(setup, how, "mixed", *mixedBackend, mixedPlacement(units));
    requireIdentical(resident, mixed);
    // Each step says what streaming moved and how long it waited: nothing for a resident run.
    QCOMPARE(resident.streamedBytes, std::uint64_t(0));
    QCOMPARE(resident.streamWait, 0.0);
    QVERIFY(mixed.streamedBytes > 0);
    qInfo("mixed placement: %.2f MB streamed over 5 steps, waited %.3f s of %.3f s", mixed.streamedBytes / 1e6,
          mixed.streamWait, mixed.seconds);

    // Everything on disk, with the arena capped below a third of the state (half of it for a
    // 4-bit base, a quarter of the bytes beside working buffers just as large): an allocation past
    // the cap would throw, so finishing proves the run stayed inside it.
    const std::uint64_t cap = how == "qlora" ? state / 2 : state / 3;
    const auto arena = kernels::makeCpuBackend(cap);
    std::uint64_t peak = 0;
    const Curve disk = trainRun(setup, how, "disk", *arena, allOnDisk(units), &peak);
    requireIdentical(resident, disk);
    qInfo("state %.2f MB, arena cap %.2f MB, arena peak %.2f MB", state / 1e6, cap / 1e6, peak / 1e6);
    QVERIFY(peak > 0 && peak < cap);
  }

  void aPlanFromThePlannerRunsTheSameCurve() {
    // The planner's own placement for a small arena and little RAM: most of the state on disk.
    Setup setup;
    const auto residentBackend = kernels::makeCpuBackend();
    std::uint64_t state = 0;
    const Curve resident = trainRun(setup, "full", "resident", *residentBackend, std::nullopt, nullptr, &state);

    tiers::TrainingSetup training;
    training.model = setup.model;
    training.method = tiers::Method::Full;
    training.microBatch = 2;
    training.sequenceLength = 16;
    training.gradientAccumulation = 2;
    training.fp32Weights = true;
    tiers::MachineBudget machine;
    machine.deviceBytes = state / 3;
    machine.hostBytes = state / 10;
    machine.diskBytes = 1ull << 30;
    machine.computeFlopsPerSecond = 1e10;
    const tiers::Plan plan = tiers::planTraining(training, machine);
    QVERIFY2(plan.fits, tiers::planSummaryText(plan).c_str());
    QVERIFY2(plan.peakBytes[static_cast<int>(Tier::Disk)] > state / 2, tiers::planSummaryText(plan).c_str());
    const tiers::StatePlacement placement = tiers::placementFromPlan(training, plan);
    QVERIFY(placement.anyOn(Tier::Device) && placement.anyOn(Tier::Host) && placement.anyOn(Tier::Disk));

    const auto arena = kernels::makeCpuBackend(machine.deviceBytes);
    const Curve planned = trainRun(setup, "full", "planned", *arena, placement);
    requireIdentical(resident, planned);
  }

  void aFailingOffloadDiskStopsTheStepAndTheRunResumes_data() {
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("writing");
    QTest::newRow("disk full while writing") << ENOSPC << true;
    QTest::newRow("I/O error while reading") << EIO << false;
  }
  // Invariant 7: a pass that fails on the mover thread is abandoned and the state stays usable;
  // the step is not trusted, and the run resumes from its last checkpoint.
  void aFailingOffloadDiskStopsTheStepAndTheRunResumes() {
    QFETCH(int, error);
    QFETCH(bool, writing);
    Setup setup;
    const std::size_t units = model::unitCount(setup.model);
    const auto backend = kernels::makeCpuBackend();
    const Curve straight = trainRun(setup, "lora", "straight", *backend, allOnDisk(units));

    // The same run, its disk failing after two steps (a checkpoint was written at step 2).
    train::TrainerTiering tiering = setup.tiering(allOnDisk(units));
    bool failing = false;
    tiering.options.store.faultInjector = [&](bool isWrite, std::uint64_t, std::uint32_t) {
      return failing && isWrite == writing ? error : 0;
    };
    const train::RunConfig config = setup.config(true, "failing");
    {
      train::Trainer trainer(config, *backend, std::move(tiering));
      trainer.trainStep();
      trainer.trainStep();
      trainer.writeCheckpointNow();
      failing = true;
      try {
        trainer.trainStep();
        QFAIL("a step on a failing disk succeeded");
      } catch (const Error& failure) {
        const std::string message = failure.what();
        qInfo("%s", message.c_str());
        QVERIFY2(message.find("offload store") != std::string::npos, message.c_str());
        QVERIFY2(message.find((setup.root / "offload").string()) != std::string::npos, message.c_str());
      }
    }
    // The checkpoint is whole, and a run resumed from it (the disk fine again) lands on the same
    // curve as the run that never failed.
    const auto checkpoints = train::listCheckpoints(setup.root / "failing" / "checkpoints");
    QCOMPARE(checkpoints.size(), std::size_t(1));
    train::Trainer resumed(config, *backend, setup.tiering(allOnDisk(units)));
    resumed.resumeFrom(checkpoints.back());
    QCOMPARE(resumed.step(), std::int64_t(2));
    std::vector<double> losses;
    while (resumed.step() < resumed.totalSteps()) losses.push_back(resumed.trainStep().loss);
    QCOMPARE(losses, std::vector<double>(straight.losses.begin() + 2, straight.losses.end()));
  }

  void aDiskTooSmallIsReportedBeforeTheRun() {
    Setup setup;
    train::TrainerTiering tiering = setup.tiering(allOnDisk(model::unitCount(setup.model)));
    tiering.options.offloadFolder = setup.root / "no such folder";
    const auto backend = kernels::makeCpuBackend();
    try {
      train::Trainer trainer(setup.config(false, "nowhere"), *backend, std::move(tiering));
      QFAIL("a trainer was made without its offload folder");
    } catch (const Error& failure) {
      QVERIFY2(std::string(failure.what()).find("no such folder") != std::string::npos, failure.what());
    }
  }
};

QTEST_GUILESS_MAIN(TieredTrainingTest)
#include "tst_tiered_training.moc"
