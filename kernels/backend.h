// The compute backend: where tensors live and the operations the training core runs on them. The
// decoder in core/model and the executor in core/tiers talk only to this interface; the CPU
// backend (kernels/cpu) is the reference every other backend is held to.
//
// Memory of a backend is handed out as DeviceBuffer (owning) and DeviceSpan (a typed view). Model
// code never dereferences a DeviceSpan: on the CUDA backend it points into GPU memory. Data crosses
// between host and backend only through upload/download (on the compute lane, waiting for the
// host memory) and the *Async copies of the transfer lane (ordered with the ops by fences). Every
// op is asynchronous with respect to the host on backends that can be; synchronize() waits for all
// of them.
//
// Shapes are given in the comments, row-major, as in the CPU kernels. Ops that "accumulate" add
// into their output (+=), so gradients of several micro-batches add up; the others overwrite it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "kernels/cpu/attention.h"
#include "kernels/cpu/adamw.h"
#include "kernels/cpu/cached_attention.h"
#include "kernels/cpu/half_weights.h"
#include "kernels/memory_meter.h"

namespace tiertune::kernels {

// Shapes and hyperparameters shared by every backend (defined beside the CPU kernels).
using AttentionShape = cpu::AttentionShape;
using AdamWHyper = cpu::AdamWHyper;
using CachedAttentionShape = cpu::CachedAttentionShape;
using HalfFormat = cpu::HalfFormat;

// A typed view of backend memory. Converts to a view of const elements.
template <typename T>
class DeviceSpan {
 public:
  DeviceSpan() = default;
  DeviceSpan(T* data, std::size_t size) : data_(data), size_(size) {}
  template <typename U>
    requires std::is_same_v<const U, T>
  DeviceSpan(DeviceSpan<U> other) : data_(other.data()), size_(other.size()) {}  // NOLINT: implicit by design

  T* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Throws std::out_of_range when [offset, offset + count) is not inside the view.
  DeviceSpan subspan(std::size_t offset, std::size_t count) const;

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

// A weight as it is stored: fp32 (trained weights, their masters), the 16 bits its checkpoint
// ships in (bf16 or fp16: a frozen base weight, never widened in storage), or NF4 (a projection of
// a QLoRA run's 4-bit base: its bytes as kernels/nf4_format.h lays them out). The ops that read a
// weight take this view, so one call serves all; exactly one of the three spans is set.
struct WeightView {
  DeviceSpan<const float> f32;
  DeviceSpan<const std::uint16_t> half;
  HalfFormat format = HalfFormat::Bf16;  // of half
  DeviceSpan<const std::uint8_t> nf4;
  std::size_t nf4Elements = 0;           // weights in nf4

  WeightView() = default;
  WeightView(DeviceSpan<const float> values) : f32(values) {}  // NOLINT: implicit by design
  WeightView(DeviceSpan<float> values) : f32(values) {}        // NOLINT: implicit by design
  WeightView(DeviceSpan<const std::uint16_t> bits, HalfFormat halfFormat) : half(bits), format(halfFormat) {}
  static WeightView fourBit(DeviceSpan<const std::uint8_t> bytes, std::size_t elements) {
    WeightView view;
    view.nf4 = bytes;
    view.nf4Elements = elements;
    return view;
  }

  bool isHalf() const { return !half.empty(); }
  bool isNf4() const { return !nf4.empty(); }
  bool empty() const { return f32.empty() && half.empty() && nf4.empty(); }
  // Elements (weights), whatever the storage.
  std::size_t size() const { return isNf4() ? nf4Elements : isHalf() ? half.size() : f32.size(); }
};

// Bytes allocated by a backend, released by it when the buffer goes away.
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  // Inline, so that the CUDA module and the programs each have it without linking each other.
  DeviceBuffer(void* data, std::size_t bytes, std::function<void(void*)> release)
      : data_(data, std::move(release)), bytes_(bytes) {}
  DeviceBuffer(DeviceBuffer&&) noexcept = default;
  DeviceBuffer& operator=(DeviceBuffer&&) noexcept = default;

  std::size_t bytes() const { return bytes_; }
  // The whole buffer as elements of T.
  template <typename T>
  DeviceSpan<T> as() const {
    return DeviceSpan<T>(static_cast<T*>(data_.get()), bytes_ / sizeof(T));
  }

 private:
  std::unique_ptr<void, std::function<void(void*)>> data_;
  std::size_t bytes_ = 0;
};

// Host memory a backend hands out for transfers (allocateHostStaging): 4 KiB aligned, a whole
// number of 4 KiB blocks (so direct I/O can read into it), zero-filled. pinned: page-locked, so
// copies from and to it run asynchronously at the link's full rate (CUDA); otherwise plain pages.
class HostBuffer {
 public:
  HostBuffer() = default;
  HostBuffer(void* data, std::size_t bytes, bool pinned, std::function<void(void*)> release)
      : data_(data, std::move(release)), bytes_(bytes), pinned_(pinned) {}
  HostBuffer(HostBuffer&&) noexcept = default;
  HostBuffer& operator=(HostBuffer&&) noexcept = default;

  std::byte* data() const { return static_cast<std::byte*>(data_.get()); }
  std::size_t bytes() const { return bytes_; }
  bool pinned() const { return pinned_; }

 private:
  std::unique_ptr<void, std::function<void(void*)>> data_;
  std::size_t bytes_ = 0;
  bool pinned_ = false;
};

// Plain host memory as HostBuffer describes it, not pinned: the CPU backend's staging, and the
// CUDA backend's where pinning fails. Inline, like DeviceBuffer, for the module and the programs.
inline HostBuffer allocatePageableStaging(std::size_t bytes) {
  constexpr std::size_t page = 4096;
  const std::size_t rounded = (bytes + page - 1) / page * page;
  if (rounded == 0) return HostBuffer();
  void* data = std::aligned_alloc(page, rounded);
  if (data == nullptr) throw std::bad_alloc();
  std::memset(data, 0, rounded);
  return HostBuffer(data, rounded, false, [](void* p) { std::free(p); });
}

// The two queues of work of a backend. Ops run on the compute lane, in the order they are called.
// The transfer lane carries the *Async copies between host and backend memory beside them (on CUDA
// a second stream, so a copy overlaps the ops); the two lanes are ordered only through fences.
enum class Lane { Compute, Transfer };

// A point in one lane's queue: signalled once everything queued on that lane before it has run.
// A default Fence is signalled already (the CPU backend's lanes run synchronously, so all of its
// fences are). Copies share the same point.
class Fence {
 public:
  Fence() = default;
  Fence(void* handle, std::function<void(void*)> release) : handle_(handle, std::move(release)) {}
  // The backend's own handle (a cudaEvent_t), null when there is nothing to wait for.
  void* handle() const { return handle_.get(); }

 private:
  std::shared_ptr<void> handle_;
};

struct MatmulShape {
  std::size_t m = 0, n = 0, k = 0;  // C [m, n] = op(A) [m, k] · op(B) [k, n]
  bool transposeA = false;          // A stored [k, m]
  bool transposeB = false;          // B stored [n, k]
};

struct RmsNormShape {
  std::size_t rows = 0;
  std::size_t dim = 0;
  double eps = 1e-6;
};

struct RopeShape {
  std::size_t tokens = 0, heads = 0, headDim = 0;
};

struct CrossEntropyShape {
  std::size_t tokens = 0, hiddenSize = 0, vocab = 0;
  std::size_t chunkTokens = 1024;  // logits held at once: chunkTokens x vocab
  // The gradient is that of sum(loss) / normalizer; 0 means the tokens this call counts. Gradient
  // accumulation passes the count over the whole optimizer step.
  std::size_t normalizer = 0;
};

struct CrossEntropyOutcome {
  double lossSum = 0;        // sum of the per-token losses over counted tokens
  std::size_t counted = 0;   // tokens whose target is not kIgnoreTarget
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;

  // Memory. Allocation failures throw std::runtime_error naming the size and the backend; so does
  // an allocation past the backend's cap (makeCpuBackend's arena). (The kernels sit below core and
  // its tiertune::Error: every thread and event boundary above catches std::exception.)
  virtual DeviceBuffer allocate(std::size_t bytes) = 0;
  // The bytes this backend's buffers hold now, their high-water mark and the cap.
  virtual MemoryUse memoryUse() const = 0;
  virtual void resetPeakMemory() = 0;
  virtual void upload(std::span<const float> host, DeviceSpan<float> device) = 0;
  virtual void upload(std::span<const std::int32_t> host, DeviceSpan<std::int32_t> device) = 0;
  virtual void upload(std::span<const std::uint16_t> host, DeviceSpan<std::uint16_t> device) = 0;  // 16-bit weights
  virtual void upload(std::span<const std::uint8_t> host, DeviceSpan<std::uint8_t> device) = 0;    // NF4 weights
  virtual void download(DeviceSpan<const float> device, std::span<float> host) = 0;
  virtual void copy(DeviceSpan<const float> from, DeviceSpan<float> to) = 0;
  virtual void fill(DeviceSpan<float> x, float value) = 0;
  // Waits for all the work queued on both lanes.
  virtual void synchronize() = 0;

  // --- The transfer lane --------------------------------------------------------------------------
  // Copies that run beside the ops, in their call order. The host memory must stay as it is (and,
  // for a download, unread) until a fence recorded on the transfer lane after the copy is signalled:
  // the copy may still be reading or writing it after the call returns. Backend memory the copy
  // writes must not be in use by queued ops: make the transfer lane wait for a compute fence first.
  virtual void uploadAsync(std::span<const float> host, DeviceSpan<float> device) = 0;
  virtual void downloadAsync(DeviceSpan<const float> device, std::span<float> host) = 0;
  virtual void zeroAsync(DeviceSpan<float> device) = 0;  // all bits zero: 0.0f
  // A fence after everything queued on the lane so far. Throws naming the call on failure.
  virtual Fence record(Lane lane) = 0;
  // The lane's later work waits until the fence is signalled; the host does not block.
  virtual void laneWaits(Lane lane, const Fence& fence) = 0;
  // The host blocks until the fence is signalled.
  virtual void hostWaits(const Fence& fence) = 0;
  // Host memory for the *Async copies, as HostBuffer says: page-locked where the backend can pin
  // it; where pinning fails (the system's locked-memory limit) plain memory, with a note on stderr
  // once per backend. Throws std::bad_alloc when there is no memory at all.
  virtual HostBuffer allocateHostStaging(std::size_t bytes) = 0;

  // Element-wise: y += alpha * x; x *= factor.
  virtual void axpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) = 0;
  virtual void scale(DeviceSpan<float> x, float factor) = 0;
  // sum of x^2 in double (gradient norms): the host waits for the result.
  virtual double sumOfSquares(DeviceSpan<const float> x) = 0;

  // C = alpha op(A) op(B) + beta C.
  virtual void matmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c,
                      const MatmulShape& shape, float alpha = 1.0f, float beta = 0.0f) = 0;
  // The same with B a weight kept in its checkpoint's 16-bit format (bf16 or fp16: a frozen base
  // weight, never widened in storage): widened exactly to fp32 panel by panel inside the product,
  // fp32 accumulation. On the CPU backend the same sums in the same order as matmul over the
  // widened weight would give only up to the panel split; see kernels/cpu/half_weights.h.
  virtual void matmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                                 DeviceSpan<float> c, const MatmulShape& shape, float alpha = 1.0f,
                                 float beta = 0.0f) = 0;
  // The same with B an NF4 weight of shape.k x shape.n weights (its bytes, kernels/nf4_format.h):
  // dequantized to fp32 panel by panel inside the product; on the CPU backend the same sums as
  // matmul over the dequantized weight up to the panel split (kernels/cpu/nf4.h).
  virtual void matmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                                const MatmulShape& shape, float alpha = 1.0f, float beta = 0.0f) = 0;
  // out = in widened exactly to fp32 (a 16-bit norm weight or bias for the fp32 ops).
  virtual void widen(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) = 0;
  // C = alpha op(A) op(W) + beta C with W as stored: matmul for fp32, matmulHalfWeights for 16 bits,
  // matmulNf4Weights for 4.
  void matmulWeight(DeviceSpan<const float> a, const WeightView& w, DeviceSpan<float> c, const MatmulShape& shape,
                    float alpha = 1.0f, float beta = 0.0f) {
    if (w.isNf4()) {
      if (w.nf4Elements != shape.k * shape.n) {
        throw std::invalid_argument("matmulWeight: an NF4 weight of " + std::to_string(w.nf4Elements) +
                                    " weights in a product that needs " + std::to_string(shape.k * shape.n));
      }
      matmulNf4Weights(a, w.nf4, c, shape, alpha, beta);
    } else if (w.isHalf()) {
      matmulHalfWeights(a, w.half, w.format, c, shape, alpha, beta);
    } else {
      matmul(a, w.f32, c, shape, alpha, beta);
    }
  }
  // y [rows, n] += bias [n] on every row; dbias [n] += the column sums of dy [rows, n].
  virtual void addBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) = 0;
  virtual void biasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) = 0;

  // Inverted dropout with a counter-based generator: element i is kept when
  // hash(seed, i) >= p, and scaled by 1 / (1 - p). The same seed gives the same mask on every
  // backend and thread count; the backward recomputes it instead of storing it. out may be x.
  virtual void dropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) = 0;

  // x, y [rows, dim]; weight [dim]; invRms [rows]. The backward accumulates dweight unless it is
  // empty (a frozen weight) and overwrites dx.
  virtual void rmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                              DeviceSpan<float> y, DeviceSpan<float> invRms) = 0;
  virtual void rmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x,
                               DeviceSpan<const float> weight, DeviceSpan<const float> invRms,
                               const RmsNormShape& shape, DeviceSpan<float> dx, DeviceSpan<float> dweight) = 0;

  // x [tokens, heads, headDim] rotated in place; positions [tokens]; invFreq [headDim / 2].
  // inverse rotates back, which is also the backward.
  virtual void rope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
                    DeviceSpan<const float> invFreq, bool inverse) = 0;

  // Causal grouped-query attention; see kernels/cpu/attention.h for shapes. dq, dk, dv overwritten.
  virtual void attentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                                DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                                DeviceSpan<float> out, DeviceSpan<float> logSumExp) = 0;
  virtual void attentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q,
                                 DeviceSpan<const float> k, DeviceSpan<const float> v, DeviceSpan<const float> out,
                                 DeviceSpan<const float> logSumExp, DeviceSpan<const std::int32_t> sampleStart,
                                 const AttentionShape& shape, DeviceSpan<float> dq, DeviceSpan<float> dk,
                                 DeviceSpan<float> dv) = 0;

  // Generation: new queries of one sequence against its key/value cache; see
  // kernels/cpu/cached_attention.h for shapes. keys and values hold at least past + queries rows
  // (the new tokens' rows already written); out is overwritten.
  virtual void cachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys,
                               DeviceSpan<const float> values, const CachedAttentionShape& shape,
                               DeviceSpan<float> out) = 0;

  // out = silu(gate) * up, all [n]; the backward overwrites dgate and dup.
  virtual void swigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) = 0;
  virtual void swigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate,
                              DeviceSpan<const float> up, DeviceSpan<float> dgate, DeviceSpan<float> dup) = 0;

  // table [vocab, dim]; ids [tokens]; out [tokens, dim] (fp32: a 16-bit table's rows widened
  // exactly). The backward accumulates into dtable.
  virtual void embeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                                DeviceSpan<float> out) = 0;
  virtual void embeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                                 DeviceSpan<float> dtable) = 0;

  // The head fused with cross-entropy, chunked (never all logits at once). hidden [tokens,
  // hiddenSize]; head [vocab, hiddenSize]; targets [tokens] (kIgnoreTarget masks). With dhidden
  // not empty the backward runs in the same pass: dhidden overwritten, dhead accumulated unless
  // empty (a frozen head; a 16-bit head is always frozen, so its dhead must be empty).
  virtual CrossEntropyOutcome crossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                           DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                           DeviceSpan<float> dhidden, DeviceSpan<float> dhead) = 0;

  // One AdamW step over fp32 master weights and moments (step counts from 1).
  virtual void adamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m,
                     DeviceSpan<float> v, const AdamWHyper& hyper, std::int64_t step) = 0;
};

// The reference backend: host memory, OpenBLAS and the OpenMP loops of kernels/cpu. arenaBytes caps
// what it may allocate at once: the CPU backend's "device" tier, which the tiered executor plans for.
std::unique_ptr<Backend> makeCpuBackend(std::size_t arenaBytes = MemoryUse{}.limit);

// The CUDA backend (kernels/cuda): fp32 in the memory of GPU `device`, every op on one stream of
// its own, matrix products through cuBLAS. It lives in the CUDA module (libtiertune-cuda.so),
// loaded on the first call (kernels/cuda_loader.cpp), unless the program links
// tiertune_kernels_cuda itself. Throws std::invalid_argument for a device that does not exist and
// std::runtime_error when there is no CUDA backend (a build without CUDA; the module or a CUDA
// library it needs missing: the message names it) or the CUDA runtime fails (no driver, no
// device), naming the call.
std::unique_ptr<Backend> makeCudaBackend(int device = 0);

template <typename T>
DeviceSpan<T> DeviceSpan<T>::subspan(std::size_t offset, std::size_t count) const {
  if (offset > size_ || count > size_ - offset) {
    throw std::out_of_range("device span [" + std::to_string(offset) + ", +" + std::to_string(count) +
                            ") outside " + std::to_string(size_) + " elements");
  }
  return DeviceSpan(data_ + offset, count);
}

}  // namespace tiertune::kernels
