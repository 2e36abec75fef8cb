// The backend's transfer lane without a GPU. The CPU backend's part: its copies are the synchronous
// ones, its fences are signalled, its host staging is whole zeroed 4 KiB blocks. The tiered
// executor's part: on a backend whose transfer lane runs late (each copy waits in a queue until a
// fence after it is waited for, as a copy stream may), a streamed run must still give the resident
// run's curve bit for bit, which holds only if the executor waits for every copy where it must: the
// ops for a unit's copies, the host for the staging it refills, endPass for the copies down. A
// control run that drops the ops' waits shows that the late lane would catch a missing one.
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model/model_units.h"
#include "core/tiers/aligned_buffer.h"
#include "core/tiers/state_placement.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "kernels/backend.h"
#include "tests/support/scratch.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
using kernels::DeviceSpan;
using kernels::Fence;
using kernels::Lane;

namespace {

// The CPU backend with a transfer lane that runs late: *Async copies queue up and run, in order,
// only when the ops (laneWaits(Compute, ...)) or the host (hostWaits) wait for a transfer fence
// after them, or at synchronize(). The ops themselves run at once, as on the CPU backend, so a
// compute fence is done when recorded.
class LateTransferBackend final : public kernels::Backend {
 public:
  // ignoreComputeWaits: the ops do not wait for transfer fences (the control run).
  explicit LateTransferBackend(bool ignoreComputeWaits = false) : ignoreComputeWaits_(ignoreComputeWaits) {}

  std::size_t copiesQueued() const { return queued_; }
  std::size_t transferWaitsForCompute() const { return transferWaitsForCompute_; }

  std::string name() const override { return "cpu with a late transfer lane"; }
  kernels::DeviceBuffer allocate(std::size_t bytes) override { return cpu_->allocate(bytes); }
  kernels::MemoryUse memoryUse() const override { return cpu_->memoryUse(); }
  void resetPeakMemory() override { cpu_->resetPeakMemory(); }
  void doUpload(std::span<const float> h, DeviceSpan<float> d) override { cpu_->upload(h, d); }
  void doUpload(std::span<const std::int32_t> h, DeviceSpan<std::int32_t> d) override { cpu_->upload(h, d); }
  void doUpload(std::span<const std::uint16_t> h, DeviceSpan<std::uint16_t> d) override { cpu_->upload(h, d); }
  void doUpload(std::span<const std::uint8_t> h, DeviceSpan<std::uint8_t> d) override { cpu_->upload(h, d); }
  void doDownload(DeviceSpan<const float> d, std::span<float> h) override { cpu_->download(d, h); }
  void doCopy(DeviceSpan<const float> from, DeviceSpan<float> to) override { cpu_->copy(from, to); }
  void doFill(DeviceSpan<float> x, float value) override { cpu_->fill(x, value); }
  void synchronize() override { runQueued(SIZE_MAX); }

  void doUploadAsync(std::span<const float> h, DeviceSpan<float> d) override {
    queue([this, h, d] { cpu_->upload(h, d); });
  }
  void doDownloadAsync(DeviceSpan<const float> d, std::span<float> h) override {
    queue([this, h, d] { cpu_->download(d, h); });
  }
  void doZeroAsync(DeviceSpan<float> d) override {
    queue([this, d] { cpu_->fill(d, 0.0f); });
  }
  Fence record(Lane lane) override {
    std::lock_guard lock(mutex_);
    auto* point = new Point{lane, queued_};
    return Fence(point, [](void* p) { delete static_cast<Point*>(p); });
  }
  void laneWaits(Lane lane, const Fence& fence) override {
    const Point* point = static_cast<const Point*>(fence.handle());
    if (point == nullptr) return;
    if (lane == Lane::Transfer && point->lane == Lane::Compute) {
      std::lock_guard lock(mutex_);
      ++transferWaitsForCompute_;  // the ops ran already: nothing to hold back
    }
    if (lane == Lane::Compute && point->lane == Lane::Transfer && !ignoreComputeWaits_) runQueued(point->copies);
  }
  void hostWaits(const Fence& fence) override {
    const Point* point = static_cast<const Point*>(fence.handle());
    if (point != nullptr && point->lane == Lane::Transfer) runQueued(point->copies);
  }
  kernels::HostBuffer allocateHostStaging(std::size_t bytes) override { return cpu_->allocateHostStaging(bytes); }

  void doAxpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) override { cpu_->axpy(alpha, x, y); }
  void doScale(DeviceSpan<float> x, float factor) override { cpu_->scale(x, factor); }
  double doSumOfSquares(DeviceSpan<const float> x) override { return cpu_->sumOfSquares(x); }
  void doMatmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c,
              const kernels::MatmulShape& shape, float alpha, float beta) override {
    cpu_->matmul(a, b, c, shape, alpha, beta);
  }
  void doMatmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, kernels::HalfFormat format,
                         DeviceSpan<float> c, const kernels::MatmulShape& shape, float alpha, float beta) override {
    cpu_->matmulHalfWeights(a, w, format, c, shape, alpha, beta);
  }
  void doMatmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                        const kernels::MatmulShape& shape, float alpha, float beta) override {
    cpu_->matmulNf4Weights(a, w, c, shape, alpha, beta);
  }
  void doWiden(DeviceSpan<const std::uint16_t> in, kernels::HalfFormat format, DeviceSpan<float> out) override {
    cpu_->widen(in, format, out);
  }
  void doAddBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) override {
    cpu_->addBias(y, bias, rows);
  }
  void doBiasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) override {
    cpu_->biasBackward(dy, rows, dbias);
  }
  void doDropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) override {
    cpu_->dropout(x, out, p, seed);
  }
  void doRmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const kernels::RmsNormShape& shape,
                      DeviceSpan<float> y, DeviceSpan<float> invRms) override {
    cpu_->rmsNormForward(x, weight, shape, y, invRms);
  }
  void doRmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight,
                       DeviceSpan<const float> invRms, const kernels::RmsNormShape& shape, DeviceSpan<float> dx,
                       DeviceSpan<float> dweight) override {
    cpu_->rmsNormBackward(dy, x, weight, invRms, shape, dx, dweight);
  }
  void doRope(DeviceSpan<float> x, const kernels::RopeShape& shape, DeviceSpan<const std::int32_t> positions,
            DeviceSpan<const float> invFreq, bool inverse) override {
    cpu_->rope(x, shape, positions, invFreq, inverse);
  }
  void doAttentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                        DeviceSpan<const std::int32_t> sampleStart, const kernels::AttentionShape& shape,
                        DeviceSpan<float> out, DeviceSpan<float> logSumExp) override {
    cpu_->attentionForward(q, k, v, sampleStart, shape, out, logSumExp);
  }
  void doAttentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k,
                         DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp,
                         DeviceSpan<const std::int32_t> sampleStart, const kernels::AttentionShape& shape,
                         DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) override {
    cpu_->attentionBackward(dout, q, k, v, out, logSumExp, sampleStart, shape, dq, dk, dv);
  }
  void doCachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values,
                       const kernels::CachedAttentionShape& shape, DeviceSpan<float> out) override {
    cpu_->cachedAttention(q, keys, values, shape, out);
  }
  void doSwigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) override {
    cpu_->swigluForward(gate, up, out);
  }
  void doSwigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up,
                      DeviceSpan<float> dgate, DeviceSpan<float> dup) override {
    cpu_->swigluBackward(dout, gate, up, dgate, dup);
  }
  void doEmbeddingForward(const kernels::WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                        DeviceSpan<float> out) override {
    cpu_->embeddingForward(table, ids, dim, out);
  }
  void doEmbeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                         DeviceSpan<float> dtable) override {
    cpu_->embeddingBackward(dout, ids, dim, dtable);
  }
  kernels::CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float> hidden, const kernels::WeightView& head,
                                            DeviceSpan<const std::int32_t> targets,
                                            const kernels::CrossEntropyShape& shape, DeviceSpan<float> dhidden,
                                            DeviceSpan<float> dhead) override {
    return cpu_->crossEntropy(hidden, head, targets, shape, dhidden, dhead);
  }
  void doAdamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
               const kernels::AdamWFactors& factors) override {
    cpu_->adamw(params, grads, m, v, factors);
  }

 private:
  struct Point {
    Lane lane;
    std::size_t copies;  // copies queued on the transfer lane before it
  };

  void queue(std::function<void()> copy) {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(copy));
    ++queued_;
  }
  // Runs the queued copies up to the count-th, in order (from whichever thread waits).
  void runQueued(std::size_t count) {
    std::lock_guard lock(mutex_);
    while (done_ < count && !pending_.empty()) {
      pending_.front()();
      pending_.pop_front();
      ++done_;
    }
  }

  std::unique_ptr<kernels::Backend> cpu_ = kernels::makeCpuBackend();
  bool ignoreComputeWaits_ = false;
  std::mutex mutex_;
  std::deque<std::function<void()>> pending_;
  std::size_t queued_ = 0, done_ = 0, transferWaitsForCompute_ = 0;
};

// Every unit's kinds spread over device, host and disk.
tiers::StatePlacement spreadPlacement(std::size_t units) {
  tiers::StatePlacement placement = tiers::residentPlacement(units);
  for (std::size_t unit = 0; unit < units; ++unit) {
    for (std::size_t k = 0; k < tiers::kStateKindCount; ++k) placement.home[unit][k] = static_cast<tiers::Tier>((unit + k) % 3);
  }
  return placement;
}

struct Curve {
  std::vector<double> losses;
  std::vector<float> weights;
};

class Run {
 public:
  Run() {
    test::writeRandomModelFolder(root_ / "model", test::kTinyLlamaConfig, 5);
    test::writeTokenFile(root_ / "train.jsonl", 24, 64, 6);
    std::filesystem::create_directories(root_ / "offload");
  }
  std::size_t units() const { return model::unitCount(formats::parseModelConfig(test::kTinyLlamaConfig)); }

  Curve train(bool lora, kernels::Backend& backend, std::optional<tiers::StatePlacement> placement,
              const std::string& output) const {
    const std::string json = R"({"model":"model","train_data":"train.jsonl","output":")" + output +
                             R"(","method":")" + (lora ? "lora" : "full") +
                             R"(","lora_rank":4,"lora_dropout":0.1,"micro_batch":2,"gradient_accumulation":2,
                                 "max_steps":4,"warmup_steps":1,"learning_rate":0.01,"sequence_length":16})";
    train::TrainerTiering tiering;
    tiering.placement = std::move(placement);
    tiering.options.offloadFolder = root_ / "offload";
    train::Trainer trainer(train::parseRunConfig(json, root_), backend, tiering);
    Curve curve;
    while (trainer.step() < trainer.totalSteps()) curve.losses.push_back(trainer.trainStep().loss);
    curve.weights = trainer.trainedValues();
    return curve;
  }

 private:
  std::unique_ptr<QTemporaryDir> scratch_ = test::makeScratchDir();
  std::filesystem::path root_ = scratch_->path().toStdString();
};

bool identical(const Curve& a, const Curve& b) {
  return a.losses == b.losses && a.weights.size() == b.weights.size() &&
         std::memcmp(a.weights.data(), b.weights.data(), a.weights.size() * sizeof(float)) == 0;
}

}  // namespace

class TransferLaneTest : public QObject {
  Q_OBJECT

 private slots:
  void theCpuBackendCopiesAtOnceAndItsFencesAreSignalled() {
    const auto cpu = kernels::makeCpuBackend();
    const kernels::DeviceBuffer buffer = cpu->allocate(1000 * sizeof(float));
    const DeviceSpan<float> device = buffer.as<float>().subspan(0, 1000);
    std::vector<float> values(1000), back(1000, -1.0f);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.25f * static_cast<float>(i);

    cpu->uploadAsync(values, device);
    const Fence uploaded = cpu->record(Lane::Transfer);
    QVERIFY(uploaded.handle() == nullptr);  // signalled: the copy is done
    cpu->downloadAsync(device, back);       // no wait needed on the CPU backend
    QCOMPARE(back, values);

    QVERIFY(cpu->record(Lane::Compute).handle() == nullptr);
    cpu->laneWaits(Lane::Compute, uploaded);
    cpu->laneWaits(Lane::Transfer, cpu->record(Lane::Compute));
    cpu->hostWaits(uploaded);
    cpu->zeroAsync(device.subspan(10, 990));
    cpu->download(device, back);
    QCOMPARE(back[9], values[9]);
    QVERIFY(std::all_of(back.begin() + 10, back.end(), [](float v) { return v == 0.0f; }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cpu->uploadAsync(std::span(values).first(5), device));
  }

  void hostStagingIsWholeZeroedBlocks_data() {
    QTest::addColumn<std::size_t>("bytes");
    QTest::addColumn<std::size_t>("expected");
    QTest::newRow("none") << std::size_t(0) << std::size_t(0);
    QTest::newRow("one byte") << std::size_t(1) << std::size_t(4096);
    QTest::newRow("one block") << std::size_t(4096) << std::size_t(4096);
    QTest::newRow("a block and a byte") << std::size_t(4097) << std::size_t(8192);
  }
  void hostStagingIsWholeZeroedBlocks() {
    QFETCH(std::size_t, bytes);
    QFETCH(std::size_t, expected);
    const auto cpu = kernels::makeCpuBackend();
    const kernels::HostBuffer staging = cpu->allocateHostStaging(bytes);
    QCOMPARE(staging.bytes(), expected);
    QVERIFY(!staging.pinned());  // the CPU backend has nothing to pin for
    QCOMPARE(reinterpret_cast<std::uintptr_t>(staging.data()) % 4096, std::uintptr_t(0));
    QVERIFY(std::all_of(staging.data(), staging.data() + staging.bytes(), [](std::byte b) { return b == std::byte{0}; }));
    // Not charged to the arena: host staging is the host tier's.
    QCOMPARE(cpu->memoryUse().inUse, std::size_t(0));

    const tiers::AlignedBuffer buffer(bytes, *cpu);
    QCOMPARE(buffer.size(), expected);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(buffer.data()) % tiers::kBlockBytes, std::uintptr_t(0));
  }

  void aStreamedRunWaitsForItsLateCopies_data() {
    QTest::addColumn<bool>("lora");
    QTest::newRow("lora") << true;
    QTest::newRow("full") << false;
  }
  // Invariant 4 of core/tiers/pass_mover.h: every wait for a copy where it must be.
  void aStreamedRunWaitsForItsLateCopies() {
    QFETCH(bool, lora);
    const Run run;
    const auto cpu = kernels::makeCpuBackend();
    const Curve resident = run.train(lora, *cpu, std::nullopt, "resident");
    QCOMPARE(resident.losses.size(), std::size_t(4));

    LateTransferBackend late;
    const Curve streamed = run.train(lora, late, spreadPlacement(run.units()), "streamed");
    QVERIFY(late.copiesQueued() > 0);
    QVERIFY(late.transferWaitsForCompute() > 0);  // slots reused only after their ops' fences
    QVERIFY(identical(resident, streamed));

    // The control: the same run whose ops do not wait for their copies computes on stale slots. What
    // a stale slot holds is whatever the arena gave it, so the control may also stop on gradients
    // that are not finite: that too shows the late lane catching the missing waits.
    LateTransferBackend careless(true);
    try {
      const Curve stale = run.train(lora, careless, spreadPlacement(run.units()), "stale");
      QVERIFY(!identical(resident, stale));
    } catch (const Error& diverged) {
      QVERIFY2(std::string(diverged.what()).find("not finite") != std::string::npos, diverged.what());
    }
  }
};

QTEST_GUILESS_MAIN(TransferLaneTest)
#include "tst_transfer_lane.moc"
