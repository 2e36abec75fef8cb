// A backend that runs every op on another backend and adds up the time each family of ops took:
// where a training step's time goes (the CPU benchmark prints it). On the CPU backend every op is
// done when its call returns, so the wall time of the call is the op's; on an asynchronous backend
// (CUDA) it would be the host's time in the call only, so it is meant for the CPU.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "kernels/backend.h"
#include "kernels/cpu/product_clock.h"

namespace tiertune::kernels {

enum class OpFamily {
  Matmul,       // matmul, and the products with 16-bit and NF4 weights
  HeadProducts, // crossEntropy's products with the head (CPU: cpu::productSeconds() within the op)
  Loss,         // the rest of crossEntropy: softmax, its gradient, the loss
  Attention,    // forward, backward, cached
  Norms,        // RMSNorm forward and backward
  Rope,
  Swiglu,
  Embedding,
  Optimizer,    // AdamW, and the gradient norm
  Elementwise,  // axpy, scale, fill, copy, dropout, bias, widen
  Transfers,    // upload, download, the transfer lane's copies
};
inline constexpr std::size_t kOpFamilyCount = 11;
const char* toString(OpFamily family);

struct OpTimes {
  std::array<double, kOpFamilyCount> seconds{};
  std::array<std::uint64_t, kOpFamilyCount> calls{};
  double total() const;
  double of(OpFamily family) const { return seconds[static_cast<std::size_t>(family)]; }
};

class TimedBackend final : public Backend {
 public:
  explicit TimedBackend(Backend& inner) : inner_(inner) {}

  const OpTimes& times() const { return times_; }
  void resetTimes() { times_ = OpTimes{}; }

  std::string name() const override { return inner_.name(); }
  DeviceBuffer allocate(std::size_t bytes) override { return inner_.allocate(bytes); }
  MemoryUse memoryUse() const override { return inner_.memoryUse(); }
  void resetPeakMemory() override { inner_.resetPeakMemory(); }
  void synchronize() override { inner_.synchronize(); }
  Fence record(Lane lane) override { return inner_.record(lane); }
  void laneWaits(Lane lane, const Fence& fence) override { inner_.laneWaits(lane, fence); }
  void hostWaits(const Fence& fence) override { inner_.hostWaits(fence); }
  HostBuffer allocateHostStaging(std::size_t bytes) override { return inner_.allocateHostStaging(bytes); }

 private:
  // Adds the time from its making to its end to a family.
  class Timer {
   public:
    Timer(TimedBackend& backend, OpFamily family)
        : backend_(backend), family_(static_cast<std::size_t>(family)), start_(std::chrono::steady_clock::now()) {}
    ~Timer() {
      backend_.times_.seconds[family_] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      ++backend_.times_.calls[family_];
    }
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;

   private:
    TimedBackend& backend_;
    std::size_t family_;
    std::chrono::steady_clock::time_point start_;
  };

  void doUpload(std::span<const float> host, DeviceSpan<float> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.upload(host, device);
  }
  void doUpload(std::span<const std::int32_t> host, DeviceSpan<std::int32_t> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.upload(host, device);
  }
  void doUpload(std::span<const std::uint16_t> host, DeviceSpan<std::uint16_t> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.upload(host, device);
  }
  void doUpload(std::span<const std::uint8_t> host, DeviceSpan<std::uint8_t> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.upload(host, device);
  }
  void doDownload(DeviceSpan<const float> device, std::span<float> host) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.download(device, host);
  }
  void doCopy(DeviceSpan<const float> from, DeviceSpan<float> to) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.copy(from, to);
  }
  void doFill(DeviceSpan<float> x, float value) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.fill(x, value);
  }
  void doUploadAsync(std::span<const float> host, DeviceSpan<float> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.uploadAsync(host, device);
  }
  void doDownloadAsync(DeviceSpan<const float> device, std::span<float> host) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.downloadAsync(device, host);
  }
  void doZeroAsync(DeviceSpan<float> device) override {
    const Timer timer(*this, OpFamily::Transfers);
    inner_.zeroAsync(device);
  }
  void doAxpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.axpy(alpha, x, y);
  }
  void doScale(DeviceSpan<float> x, float factor) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.scale(x, factor);
  }
  double doSumOfSquares(DeviceSpan<const float> x) override {
    const Timer timer(*this, OpFamily::Optimizer);
    return inner_.sumOfSquares(x);
  }
  void doMatmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    const Timer timer(*this, OpFamily::Matmul);
    inner_.matmul(a, b, c, shape, alpha, beta);
  }
  void doMatmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format, DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    const Timer timer(*this, OpFamily::Matmul);
    inner_.matmulHalfWeights(a, w, format, c, shape, alpha, beta);
  }
  void doMatmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    const Timer timer(*this, OpFamily::Matmul);
    inner_.matmulNf4Weights(a, w, c, shape, alpha, beta);
  }
  void doWiden(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.widen(in, format, out);
  }
  void doAddBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.addBias(y, bias, rows);
  }
  void doBiasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.biasBackward(dy, rows, dbias);
  }
  void doDropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) override {
    const Timer timer(*this, OpFamily::Elementwise);
    inner_.dropout(x, out, p, seed);
  }
  void doRmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape, DeviceSpan<float> y, DeviceSpan<float> invRms) override {
    const Timer timer(*this, OpFamily::Norms);
    inner_.rmsNormForward(x, weight, shape, y, invRms);
  }
  void doRmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight, DeviceSpan<const float> invRms, const RmsNormShape& shape, DeviceSpan<float> dx, DeviceSpan<float> dweight) override {
    const Timer timer(*this, OpFamily::Norms);
    inner_.rmsNormBackward(dy, x, weight, invRms, shape, dx, dweight);
  }
  void doRope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions, DeviceSpan<const float> invFreq, bool inverse) override {
    const Timer timer(*this, OpFamily::Rope);
    inner_.rope(x, shape, positions, invFreq, inverse);
  }
  void doAttentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v, DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape, DeviceSpan<float> out, DeviceSpan<float> logSumExp) override {
    const Timer timer(*this, OpFamily::Attention);
    inner_.attentionForward(q, k, v, sampleStart, shape, out, logSumExp);
  }
  void doAttentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp, DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape, DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) override {
    const Timer timer(*this, OpFamily::Attention);
    inner_.attentionBackward(dout, q, k, v, out, logSumExp, sampleStart, shape, dq, dk, dv);
  }
  void doCachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values, const CachedAttentionShape& shape, DeviceSpan<float> out) override {
    const Timer timer(*this, OpFamily::Attention);
    inner_.cachedAttention(q, keys, values, shape, out);
  }
  void doSwigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) override {
    const Timer timer(*this, OpFamily::Swiglu);
    inner_.swigluForward(gate, up, out);
  }
  void doSwigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> dgate, DeviceSpan<float> dup) override {
    const Timer timer(*this, OpFamily::Swiglu);
    inner_.swigluBackward(dout, gate, up, dgate, dup);
  }
  void doEmbeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim, DeviceSpan<float> out) override {
    const Timer timer(*this, OpFamily::Embedding);
    inner_.embeddingForward(table, ids, dim, out);
  }
  void doEmbeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim, DeviceSpan<float> dtable) override {
    const Timer timer(*this, OpFamily::Embedding);
    inner_.embeddingBackward(dout, ids, dim, dtable);
  }
  CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float> hidden, const WeightView& head, DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape, DeviceSpan<float> dhidden, DeviceSpan<float> dhead) override {
    // The op's time, then its products' share moved from the loss to the head's products.
    const double productsBefore = cpu::productSeconds();
    CrossEntropyOutcome outcome;
    {
      const Timer timer(*this, OpFamily::Loss);
      outcome = inner_.crossEntropy(hidden, head, targets, shape, dhidden, dhead);
    }
    const double products = cpu::productSeconds() - productsBefore;
    times_.seconds[static_cast<std::size_t>(OpFamily::Loss)] -= products;
    times_.seconds[static_cast<std::size_t>(OpFamily::HeadProducts)] += products;
    ++times_.calls[static_cast<std::size_t>(OpFamily::HeadProducts)];
    return outcome;
  }
  void doAdamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v, const AdamWFactors& factors) override {
    const Timer timer(*this, OpFamily::Optimizer);
    inner_.adamw(params, grads, m, v, factors);
  }

  Backend& inner_;
  OpTimes times_;
};

}  // namespace tiertune::kernels
