// The reference backend: Backend over host memory, each op a call into the kernels of this folder.
// Element-wise ops run in parallel with OpenMP's static schedule and reductions in a fixed order,
// so a run repeats bit for bit for the same thread count.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <omp.h>

#include "kernels/backend.h"
#include "kernels/cpu/adamw.h"
#include "kernels/cpu/attention.h"
#include "kernels/cpu/blas_kernels.h"
#include "kernels/cpu/cached_attention.h"
#include "kernels/cpu/cross_entropy.h"
#include "kernels/cpu/embedding.h"
#include "kernels/cpu/matmul.h"
#include "kernels/cpu/nf4.h"
#include "kernels/cpu/parallel_chunks.h"
#include "kernels/cpu/rms_norm.h"
#include "kernels/cpu/rope.h"
#include "kernels/cpu/swiglu.h"
#include "kernels/cpu/vector_kernels.h"
#include "kernels/dropout_mask.h"

namespace tiertune::kernels {

namespace {

template <typename T>
std::span<T> host(DeviceSpan<T> span) {
  return std::span<T>(span.data(), span.size());
}

class CpuBackend final : public Backend {
 public:
  explicit CpuBackend(std::size_t arenaBytes) : meter_(std::make_shared<MemoryMeter>(arenaBytes)) {}

  std::string name() const override { return "cpu"; }

  DeviceBuffer allocate(std::size_t bytes) override {
    // 4 KiB alignment: whole pages, so the tiered executor can read from the SSD straight into a
    // buffer with O_DIRECT (and whole cache lines for AVX-512 loads).
    constexpr std::size_t alignment = 4096;
    const std::size_t rounded = std::max<std::size_t>(alignment, (bytes + alignment - 1) / alignment * alignment);
    meter_->charge(rounded, "the CPU backend");
    void* data = std::aligned_alloc(alignment, rounded);
    if (data == nullptr) {
      meter_->refund(rounded);
      throw std::runtime_error("the CPU backend could not allocate " + std::to_string(bytes >> 20) + " MiB of memory");
    }
    // The meter outlives the backend when a buffer does.
    return DeviceBuffer(data, bytes, [meter = meter_, rounded](void* p) {
      std::free(p);
      meter->refund(rounded);
    });
  }
  MemoryUse memoryUse() const override { return meter_->use(); }
  void resetPeakMemory() override { meter_->resetPeak(); }

  void doUpload(std::span<const float> from, DeviceSpan<float> to) override {
    std::copy(from.begin(), from.end(), to.data());
  }
  void doUpload(std::span<const std::int32_t> from, DeviceSpan<std::int32_t> to) override {
    std::copy(from.begin(), from.end(), to.data());
  }
  void doUpload(std::span<const std::uint16_t> from, DeviceSpan<std::uint16_t> to) override {
    std::copy(from.begin(), from.end(), to.data());
  }
  void doUpload(std::span<const std::uint8_t> from, DeviceSpan<std::uint8_t> to) override {
    std::copy(from.begin(), from.end(), to.data());
  }
  void doDownload(DeviceSpan<const float> from, std::span<float> to) override {
    std::copy(from.data(), from.data() + from.size(), to.begin());
  }
  void doCopy(DeviceSpan<const float> from, DeviceSpan<float> to) override {
    if (from.size() != 0) std::memmove(to.data(), from.data(), from.size() * sizeof(float));
  }
  void doFill(DeviceSpan<float> x, float value) override {
    float* data = x.data();
    cpu::forEachChunk(x.size(), [&](std::size_t first, std::size_t count) {
      std::fill(data + first, data + first + count, value);
    });
  }
  void synchronize() override {}

  // One lane in effect: every copy is done when the call returns, so every fence is signalled.
  void doUploadAsync(std::span<const float> from, DeviceSpan<float> to) override { doUpload(from, to); }
  void doDownloadAsync(DeviceSpan<const float> from, std::span<float> to) override { doDownload(from, to); }
  void doZeroAsync(DeviceSpan<float> x) override { doFill(x, 0.0f); }
  Fence record(Lane) override { return Fence(); }
  void laneWaits(Lane, const Fence&) override {}
  void hostWaits(const Fence&) override {}
  HostBuffer allocateHostStaging(std::size_t bytes) override { return allocatePageableStaging(bytes); }

  void doAxpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) override {
    const float* in = x.data();
    float* out = y.data();
    const cpu::VectorKernels& kernels = cpu::vectorKernels();
    cpu::forEachChunk(x.size(), [&](std::size_t first, std::size_t count) {
      kernels.axpy(alpha, in + first, out + first, count);
    });
  }

  void doScale(DeviceSpan<float> x, float factor) override {
    float* data = x.data();
    const cpu::VectorKernels& kernels = cpu::vectorKernels();
    cpu::forEachChunk(x.size(), [&](std::size_t first, std::size_t count) {
      kernels.scale(data + first, count, factor);
    });
  }

  double doSumOfSquares(DeviceSpan<const float> x) override {
    // Fixed chunks summed in order: the same result for every thread count.
    const std::size_t n = x.size();
    std::vector<double> partial((n + cpu::kElementChunk - 1) / cpu::kElementChunk);
    const float* data = x.data();
    const cpu::VectorKernels& kernels = cpu::vectorKernels();
    cpu::forEachChunk(n, [&](std::size_t first, std::size_t count) {
      partial[first / cpu::kElementChunk] = kernels.sumOfSquares(data + first, count);
    });
    double total = 0;
    for (const double p : partial) total += p;
    return total;
  }

  void doMatmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c, const MatmulShape& shape,
              float alpha, float beta) override {
    cpu::matmul<float>(host(a), shape.transposeA, host(b), shape.transposeB, host(c), shape.m, shape.n, shape.k,
                       alpha, beta);
  }

  void doMatmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                         DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    cpu::matmulHalfWeights(host(a), shape.transposeA, host(w), format, shape.transposeB, host(c), shape.m, shape.n,
                           shape.k, alpha, beta);
  }

  void doMatmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                        const MatmulShape& shape, float alpha, float beta) override {
    cpu::matmulNf4Weights(host(a), shape.transposeA, host(w), shape.transposeB, host(c), shape.m, shape.n, shape.k,
                          alpha, beta);
  }

  void doWiden(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) override {
    cpu::widenHalf(host(in), format, host(out));
  }

  void doAddBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) override {
    const std::size_t n = bias.size();
    float* out = y.data();
    const float* b = bias.data();
#pragma omp parallel for schedule(static)
    for (std::size_t row = 0; row < rows; ++row) {
      for (std::size_t i = 0; i < n; ++i) out[row * n + i] += b[i];
    }
  }

  void doBiasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) override {
    const std::size_t n = dbias.size();
    const float* in = dy.data();
    float* out = dbias.data();
#pragma omp parallel for schedule(static)
    for (std::size_t i = 0; i < n; ++i) {
      float sum = 0;
      for (std::size_t row = 0; row < rows; ++row) sum += in[row * n + i];
      out[i] += sum;
    }
  }

  void doDropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) override {
    const float* in = x.data();
    float* result = out.data();
    const std::size_t n = x.size();
    const float keepScale = 1.0f / (1.0f - p);
    const std::uint32_t threshold = dropoutThreshold(p);
#pragma omp parallel for schedule(static)
    for (std::size_t i = 0; i < n; ++i) {
      result[i] = dropoutKeeps(seed, i, threshold) ? in[i] * keepScale : 0.0f;
    }
  }

  void doRmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                      DeviceSpan<float> y, DeviceSpan<float> invRms) override {
    cpu::rmsNormForward<float>(host(x), host(weight), shape.rows, shape.eps, host(y), host(invRms));
  }

  void doRmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight,
                       DeviceSpan<const float> invRms, const RmsNormShape& shape, DeviceSpan<float> dx,
                       DeviceSpan<float> dweight) override {
    cpu::rmsNormBackward<float>(host(dy), host(x), host(weight), host(invRms), shape.rows, host(dx), host(dweight));
  }

  void doRope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
            DeviceSpan<const float> invFreq, bool inverse) override {
    cpu::ropeApply<float>(host(x), shape.tokens, shape.heads, shape.headDim, host(positions), host(invFreq), inverse);
  }

  void doAttentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                        DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                        DeviceSpan<float> out, DeviceSpan<float> logSumExp) override {
    cpu::attentionForward<float>(host(q), host(k), host(v), host(sampleStart), shape, host(out), host(logSumExp));
  }

  void doAttentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k,
                         DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp,
                         DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                         DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) override {
    cpu::attentionBackward<float>(host(dout), host(q), host(k), host(v), host(out), host(logSumExp),
                                  host(sampleStart), shape, host(dq), host(dk), host(dv));
  }

  void doCachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values,
                       const CachedAttentionShape& shape, DeviceSpan<float> out) override {
    cpu::cachedAttention<float>(host(q), host(keys), host(values), shape, host(out));
  }

  void doSwigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) override {
    cpu::swigluForward<float>(host(gate), host(up), host(out));
  }
  void doSwigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up,
                      DeviceSpan<float> dgate, DeviceSpan<float> dup) override {
    cpu::swigluBackward<float>(host(dout), host(gate), host(up), host(dgate), host(dup));
  }

  void doEmbeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                        DeviceSpan<float> out) override {
    if (table.isHalf()) {
      cpu::embeddingForwardHalf(host(table.half), table.format, host(ids), dim, host(out));
    } else {
      cpu::embeddingForward<float>(host(table.f32), host(ids), dim, host(out));
    }
  }
  void doEmbeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                         DeviceSpan<float> dtable) override {
    cpu::embeddingBackward<float>(host(dout), host(ids), dim, host(dtable));
  }

  CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                   DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                   DeviceSpan<float> dhidden, DeviceSpan<float> dhead) override {
    const cpu::CrossEntropyResult result =
        head.isHalf() ? cpu::crossEntropyWithHalfHead(host(hidden), host(head.half), head.format, host(targets),
                                                      shape.hiddenSize, shape.vocab, shape.chunkTokens, host(dhidden),
                                                      shape.normalizer)
                      : cpu::crossEntropyWithHead<float>(host(hidden), host(head.f32), host(targets), shape.hiddenSize,
                                                         shape.vocab, shape.chunkTokens, host(dhidden), host(dhead),
                                                         shape.normalizer);
    return CrossEntropyOutcome{result.lossSum, result.counted};
  }

  void doAdamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
               const AdamWFactors& factors) override {
    cpu::adamwStep(host(params), host(grads), host(m), host(v), factors);
  }

 private:
  std::shared_ptr<MemoryMeter> meter_;
};

}  // namespace

std::unique_ptr<Backend> makeCpuBackend(std::size_t arenaBytes) {
  cpu::useBestBlasKernels();  // the kernels chosen before any thread computes with them
  return std::make_unique<CpuBackend>(arenaBytes);
}

}  // namespace tiertune::kernels
