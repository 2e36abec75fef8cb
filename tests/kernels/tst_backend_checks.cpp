// The backend's public ops check their arguments once, before any backend runs them
// (kernels/backend.h, kernels/op_checks.h). A backend that only records whether an implementation
// was reached: each op with arguments that do not fit its shape throws std::invalid_argument naming
// the op and never reaches the implementation; the same op with fitting arguments does.
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/backend.h"

using namespace tiertune::kernels;

namespace {

class RecordingBackend final : public Backend {
 public:
  bool reached = false;

  std::string name() const override { return "recording"; }
  DeviceBuffer allocate(std::size_t) override { return {}; }
  MemoryUse memoryUse() const override { return {}; }
  void resetPeakMemory() override {}
  void synchronize() override {}
  Fence record(Lane) override { return {}; }
  void laneWaits(Lane, const Fence&) override {}
  void hostWaits(const Fence&) override {}
  HostBuffer allocateHostStaging(std::size_t) override { return {}; }

 private:
  void doUpload(std::span<const float>, DeviceSpan<float>) override { reached = true; }
  void doUpload(std::span<const std::int32_t>, DeviceSpan<std::int32_t>) override { reached = true; }
  void doUpload(std::span<const std::uint16_t>, DeviceSpan<std::uint16_t>) override { reached = true; }
  void doUpload(std::span<const std::uint8_t>, DeviceSpan<std::uint8_t>) override { reached = true; }
  void doDownload(DeviceSpan<const float>, std::span<float>) override { reached = true; }
  void doCopy(DeviceSpan<const float>, DeviceSpan<float>) override { reached = true; }
  void doFill(DeviceSpan<float>, float) override { reached = true; }
  void doUploadAsync(std::span<const float>, DeviceSpan<float>) override { reached = true; }
  void doDownloadAsync(DeviceSpan<const float>, std::span<float>) override { reached = true; }
  void doZeroAsync(DeviceSpan<float>) override { reached = true; }
  void doAxpy(float, DeviceSpan<const float>, DeviceSpan<float>) override { reached = true; }
  void doScale(DeviceSpan<float>, float) override { reached = true; }
  double doSumOfSquares(DeviceSpan<const float>) override {
    reached = true;
    return 0;
  }
  void doMatmul(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<float>, const MatmulShape&, float,
                float) override {
    reached = true;
  }
  void doMatmulHalfWeights(DeviceSpan<const float>, DeviceSpan<const std::uint16_t>, HalfFormat, DeviceSpan<float>,
                           const MatmulShape&, float, float) override {
    reached = true;
  }
  void doMatmulNf4Weights(DeviceSpan<const float>, DeviceSpan<const std::uint8_t>, DeviceSpan<float>,
                          const MatmulShape&, float, float) override {
    reached = true;
  }
  void doWiden(DeviceSpan<const std::uint16_t>, HalfFormat, DeviceSpan<float>) override { reached = true; }
  void doAddBias(DeviceSpan<float>, DeviceSpan<const float>, std::size_t) override { reached = true; }
  void doBiasBackward(DeviceSpan<const float>, std::size_t, DeviceSpan<float>) override { reached = true; }
  void doDropout(DeviceSpan<const float>, DeviceSpan<float>, float, std::uint64_t) override { reached = true; }
  void doRmsNormForward(DeviceSpan<const float>, DeviceSpan<const float>, const RmsNormShape&, DeviceSpan<float>,
                        DeviceSpan<float>) override {
    reached = true;
  }
  void doRmsNormBackward(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>,
                         DeviceSpan<const float>, const RmsNormShape&, DeviceSpan<float>, DeviceSpan<float>) override {
    reached = true;
  }
  void doRope(DeviceSpan<float>, const RopeShape&, DeviceSpan<const std::int32_t>, DeviceSpan<const float>,
              bool) override {
    reached = true;
  }
  void doAttentionForward(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>,
                          DeviceSpan<const std::int32_t>, const AttentionShape&, DeviceSpan<float>,
                          DeviceSpan<float>) override {
    reached = true;
  }
  void doAttentionBackward(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>,
                           DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>,
                           DeviceSpan<const std::int32_t>, const AttentionShape&, DeviceSpan<float>, DeviceSpan<float>,
                           DeviceSpan<float>) override {
    reached = true;
  }
  void doCachedAttention(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>,
                         const CachedAttentionShape&, DeviceSpan<float>) override {
    reached = true;
  }
  void doSwigluForward(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<float>) override { reached = true; }
  void doSwigluBackward(DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<const float>, DeviceSpan<float>,
                        DeviceSpan<float>) override {
    reached = true;
  }
  void doEmbeddingForward(const WeightView&, DeviceSpan<const std::int32_t>, std::size_t, DeviceSpan<float>) override {
    reached = true;
  }
  void doEmbeddingBackward(DeviceSpan<const float>, DeviceSpan<const std::int32_t>, std::size_t,
                           DeviceSpan<float>) override {
    reached = true;
  }
  CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float>, const WeightView&, DeviceSpan<const std::int32_t>,
                                     const CrossEntropyShape&, DeviceSpan<float>, DeviceSpan<float>) override {
    reached = true;
    return {};
  }
  void doAdamw(DeviceSpan<float>, DeviceSpan<const float>, DeviceSpan<float>, DeviceSpan<float>,
               const AdamWFactors&) override {
    reached = true;
  }
};

// Host memory standing in for backend memory: nothing is computed.
template <typename T>
struct Memory {
  std::vector<T> values;
  explicit Memory(std::size_t n) : values(n) {}
  DeviceSpan<T> span() { return {values.data(), values.size()}; }
  DeviceSpan<T> span(std::size_t n) { return {values.data(), n}; }
};

}  // namespace

class BackendChecksTest : public QObject {
  Q_OBJECT

 private:
  RecordingBackend backend_;

  // The op with bad arguments throws naming it and reaches nothing; with good ones it is reached.
  void refusedThenReached(const char* op, const std::function<void()>& bad, const std::function<void()>& good) {
    backend_.reached = false;
    try {
      bad();
      QFAIL(qPrintable(QString("%1 took arguments that do not fit its shape").arg(op)));
    } catch (const std::invalid_argument& error) {
      QVERIFY2(std::string(error.what()).find(op) != std::string::npos, error.what());
    }
    QVERIFY2(!backend_.reached, op);
    good();
    QVERIFY2(backend_.reached, op);
  }

 private slots:
  void transfersNeedMatchingSizes() {
    Memory<float> device(8);
    std::vector<float> host(7), hostFits(8);
    refusedThenReached("upload", [&] { backend_.upload(std::span<const float>(host), device.span()); },
                       [&] { backend_.upload(std::span<const float>(hostFits), device.span()); });
    refusedThenReached("download", [&] { backend_.download(device.span(), host); },
                       [&] { backend_.download(device.span(), hostFits); });
    refusedThenReached("uploadAsync", [&] { backend_.uploadAsync(host, device.span()); },
                       [&] { backend_.uploadAsync(hostFits, device.span()); });
    refusedThenReached("downloadAsync", [&] { backend_.downloadAsync(device.span(), host); },
                       [&] { backend_.downloadAsync(device.span(), hostFits); });
    Memory<float> other(7);
    refusedThenReached("copy", [&] { backend_.copy(other.span(), device.span()); },
                       [&] { backend_.copy(device.span(), device.span()); });
    refusedThenReached("axpy", [&] { backend_.axpy(1.0f, other.span(), device.span()); },
                       [&] { backend_.axpy(1.0f, device.span(), device.span()); });
  }

  void productsNeedTheShapesElements() {
    const MatmulShape shape{4, 3, 5};
    Memory<float> a(20), b(15), c(12), shortC(11);
    Memory<std::uint16_t> half(15);
    Memory<std::uint8_t> nf4(nf4Layout(15).bytes);
    refusedThenReached("matmul", [&] { backend_.matmul(a.span(), b.span(), shortC.span(), shape); },
                       [&] { backend_.matmul(a.span(), b.span(), c.span(), shape); });
    refusedThenReached("matmulHalfWeights",
                       [&] { backend_.matmulHalfWeights(a.span(), half.span(14), HalfFormat::Bf16, c.span(), shape); },
                       [&] { backend_.matmulHalfWeights(a.span(), half.span(), HalfFormat::Bf16, c.span(), shape); });
    refusedThenReached("matmulNf4Weights",
                       [&] { backend_.matmulNf4Weights(a.span(), nf4.span(nf4.values.size() - 1), c.span(), shape); },
                       [&] { backend_.matmulNf4Weights(a.span(), nf4.span(), c.span(), shape); });
    Memory<std::uint16_t> in(6);
    Memory<float> out(5), outFits(6);
    refusedThenReached("widen", [&] { backend_.widen(in.span(), HalfFormat::F16, out.span()); },
                       [&] { backend_.widen(in.span(), HalfFormat::F16, outFits.span()); });
    Memory<float> y(12), bias(3), shortBias(2);
    refusedThenReached("addBias", [&] { backend_.addBias(y.span(), shortBias.span(), 4); },
                       [&] { backend_.addBias(y.span(), bias.span(), 4); });
    refusedThenReached("biasBackward", [&] { backend_.biasBackward(y.span(), 4, shortBias.span()); },
                       [&] { backend_.biasBackward(y.span(), 4, bias.span()); });
  }

  void layerOpsNeedTheirShapes() {
    const RmsNormShape norm{3, 4, 1e-6};
    Memory<float> x(12), weight(4), shortWeight(3), y(12), invRms(3), dx(12), shortDx(11);
    refusedThenReached("rmsNormForward",
                       [&] { backend_.rmsNormForward(x.span(), shortWeight.span(), norm, y.span(), invRms.span()); },
                       [&] { backend_.rmsNormForward(x.span(), weight.span(), norm, y.span(), invRms.span()); });
    refusedThenReached(
        "rmsNormBackward",
        [&] { backend_.rmsNormBackward(y.span(), x.span(), weight.span(), invRms.span(), norm, shortDx.span(), {}); },
        [&] { backend_.rmsNormBackward(y.span(), x.span(), weight.span(), invRms.span(), norm, dx.span(), {}); });

    Memory<float> rotated(2 * 2 * 4), invFreq(2);
    Memory<std::int32_t> positions(2), shortPositions(1);
    refusedThenReached(
        "rope", [&] { backend_.rope(rotated.span(), RopeShape{2, 2, 4}, shortPositions.span(), invFreq.span(), false); },
        [&] { backend_.rope(rotated.span(), RopeShape{2, 2, 4}, positions.span(), invFreq.span(), false); });

    Memory<float> gate(6), up(6), out(6), shortOut(5);
    refusedThenReached("swigluForward", [&] { backend_.swigluForward(gate.span(), up.span(), shortOut.span()); },
                       [&] { backend_.swigluForward(gate.span(), up.span(), out.span()); });
    refusedThenReached(
        "swigluBackward",
        [&] { backend_.swigluBackward(out.span(), gate.span(), up.span(), shortOut.span(), out.span()); },
        [&] { backend_.swigluBackward(out.span(), gate.span(), up.span(), out.span(), out.span()); });

    Memory<float> dropped(6);
    refusedThenReached("dropout", [&] { backend_.dropout(gate.span(), dropped.span(), 1.0f, 7); },
                       [&] { backend_.dropout(gate.span(), dropped.span(), 0.1f, 7); });
  }

  void attentionNeedsWholeGroupsAndItsElements() {
    const AttentionShape shape{3, 4, 2, 8};   // 4 query heads over 2 key/value heads
    const AttentionShape uneven{3, 4, 3, 8};  // 4 heads do not split over 3
    Memory<float> q(3 * 4 * 8), kv(3 * 2 * 8), out(3 * 4 * 8), lse(4 * 3), shortLse(11);
    Memory<std::int32_t> starts(3);
    refusedThenReached(
        "attentionForward",
        [&] { backend_.attentionForward(q.span(), kv.span(), kv.span(), starts.span(), uneven, out.span(), lse.span()); },
        [&] { backend_.attentionForward(q.span(), kv.span(), kv.span(), starts.span(), shape, out.span(), lse.span()); });
    refusedThenReached(
        "attentionBackward",
        [&] {
          backend_.attentionBackward(out.span(), q.span(), kv.span(), kv.span(), out.span(), shortLse.span(),
                                     starts.span(), shape, q.span(), kv.span(), kv.span());
        },
        [&] {
          backend_.attentionBackward(out.span(), q.span(), kv.span(), kv.span(), out.span(), lse.span(), starts.span(),
                                     shape, q.span(), kv.span(), kv.span());
        });
    const CachedAttentionShape cached{1, 2, 4, 2, 8};  // one query after two cached tokens
    Memory<float> query(4 * 8), cache(3 * 2 * 8), shortCache(2 * 2 * 8), answer(4 * 8);
    refusedThenReached(
        "cachedAttention",
        [&] { backend_.cachedAttention(query.span(), shortCache.span(), cache.span(), cached, answer.span()); },
        [&] { backend_.cachedAttention(query.span(), cache.span(), cache.span(), cached, answer.span()); });
  }

  void embeddingAndLossNeedTheirShapes() {
    Memory<float> table(10 * 4), out(3 * 4), shortOut(11);
    Memory<std::int32_t> ids(3);
    refusedThenReached("embeddingForward", [&] { backend_.embeddingForward(table.span(), ids.span(), 4, shortOut.span()); },
                       [&] { backend_.embeddingForward(table.span(), ids.span(), 4, out.span()); });
    refusedThenReached("embeddingBackward", [&] { backend_.embeddingBackward(out.span(), ids.span(), 0, table.span()); },
                       [&] { backend_.embeddingBackward(out.span(), ids.span(), 4, table.span()); });

    const CrossEntropyShape shape{3, 4, 10};
    Memory<float> hidden(12), dhidden(12), dhead(40);
    Memory<std::uint16_t> halfHead(40);
    Memory<std::int32_t> targets(3), shortTargets(2);
    refusedThenReached(
        "crossEntropy",
        [&] { backend_.crossEntropy(hidden.span(), table.span(), shortTargets.span(), shape, dhidden.span(), dhead.span()); },
        [&] { backend_.crossEntropy(hidden.span(), table.span(), targets.span(), shape, dhidden.span(), dhead.span()); });
    const WeightView frozen(DeviceSpan<const std::uint16_t>(halfHead.span()), HalfFormat::Bf16);
    refusedThenReached(
        "crossEntropy",
        [&] { backend_.crossEntropy(hidden.span(), frozen, targets.span(), shape, dhidden.span(), dhead.span()); },
        [&] { backend_.crossEntropy(hidden.span(), frozen, targets.span(), shape, dhidden.span(), {}); });
  }

  void adamwNeedsFourEqualSpans() {
    Memory<float> params(5), grads(5), m(5), v(4), vFits(5);
    refusedThenReached("adamw", [&] { backend_.adamw(params.span(), grads.span(), m.span(), v.span(), {}, 1); },
                       [&] { backend_.adamw(params.span(), grads.span(), m.span(), vFits.span(), {}, 1); });
  }

  // The one place the factors are made: what both backends' updates use.
  void adamwFactorsAreTheBiasCorrectedStep() {
    const AdamWHyper hyper{1e-3, 0.9, 0.999, 1e-8, 0.1};
    const AdamWFactors f = adamwFactors(hyper, 2);
    QCOMPARE(f.decay, static_cast<float>(1.0 - 1e-3 * 0.1));
    QCOMPARE(f.stepSize, static_cast<float>(1e-3 / (1.0 - 0.9 * 0.9)));
    QCOMPARE(f.sqrtCorrection2, static_cast<float>(std::sqrt(1.0 - 0.999 * 0.999)));
    QCOMPARE(f.beta1, 0.9f);
    QCOMPARE(f.epsilon, 1e-8f);
  }
};

QTEST_GUILESS_MAIN(BackendChecksTest)
#include "tst_backend_checks.moc"
