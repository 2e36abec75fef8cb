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
// Shapes are given in the comments and in kernels/op_shapes.h, row-major. Ops that "accumulate" add
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

#include "kernels/memory_meter.h"
#include "kernels/nf4_format.h"
#include "kernels/op_checks.h"
#include "kernels/op_shapes.h"

namespace tiertune::kernels {

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

// Every op is a public non-virtual function that checks its arguments against its shape once
// (kernels/op_checks.h), then calls the backend's implementation, the private virtual of the same
// name with "do" in front (as ggml-backend separates its checks from its backends). A backend
// implements the do* functions and checks only what is its own: limits of its kernels, values it
// must read (token ids on the GPU).
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
  // Waits for all the work queued on both lanes.
  virtual void synchronize() = 0;

  // Host -> backend (the 16-bit overload for 16-bit weights, the bytes for NF4 weights) and back,
  // on the compute lane; the host memory is free again when the call returns.
  void upload(std::span<const float> host, DeviceSpan<float> device) { checkedUpload(host, device); }
  void upload(std::span<const std::int32_t> host, DeviceSpan<std::int32_t> device) { checkedUpload(host, device); }
  void upload(std::span<const std::uint16_t> host, DeviceSpan<std::uint16_t> device) { checkedUpload(host, device); }
  void upload(std::span<const std::uint8_t> host, DeviceSpan<std::uint8_t> device) { checkedUpload(host, device); }
  void download(DeviceSpan<const float> device, std::span<float> host) {
    checks::sameSize(device.size(), host.size(), "download");
    doDownload(device, host);
  }
  void copy(DeviceSpan<const float> from, DeviceSpan<float> to) {
    checks::sameSize(from.size(), to.size(), "copy");
    doCopy(from, to);
  }
  void fill(DeviceSpan<float> x, float value) { doFill(x, value); }

  // --- The transfer lane --------------------------------------------------------------------------
  // Copies that run beside the ops, in their call order. The host memory must stay as it is (and,
  // for a download, unread) until a fence recorded on the transfer lane after the copy is signalled:
  // the copy may still be reading or writing it after the call returns. Backend memory the copy
  // writes must not be in use by queued ops: make the transfer lane wait for a compute fence first.
  void uploadAsync(std::span<const float> host, DeviceSpan<float> device) {
    checks::sameSize(host.size(), device.size(), "uploadAsync");
    doUploadAsync(host, device);
  }
  void downloadAsync(DeviceSpan<const float> device, std::span<float> host) {
    checks::sameSize(device.size(), host.size(), "downloadAsync");
    doDownloadAsync(device, host);
  }
  void zeroAsync(DeviceSpan<float> device) { doZeroAsync(device); }  // all bits zero: 0.0f
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
  void axpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) {
    checks::sameSize(x.size(), y.size(), "axpy");
    doAxpy(alpha, x, y);
  }
  void scale(DeviceSpan<float> x, float factor) { doScale(x, factor); }
  // sum of x^2 in double (gradient norms): the host waits for the result.
  double sumOfSquares(DeviceSpan<const float> x) { return doSumOfSquares(x); }

  // C = alpha op(A) op(B) + beta C.
  void matmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c, const MatmulShape& shape,
              float alpha = 1.0f, float beta = 0.0f) {
    checkProduct(a.size(), b.size(), c.size(), shape, "matmul");
    doMatmul(a, b, c, shape, alpha, beta);
  }
  // The same with B a weight kept in its checkpoint's 16-bit format (bf16 or fp16: a frozen base
  // weight, never widened in storage): widened exactly to fp32 panel by panel inside the product,
  // fp32 accumulation. On the CPU backend the same sums in the same order as matmul over the
  // widened weight would give only up to the panel split; see kernels/cpu/half_weights.h.
  void matmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                         DeviceSpan<float> c, const MatmulShape& shape, float alpha = 1.0f, float beta = 0.0f) {
    checkProduct(a.size(), w.size(), c.size(), shape, "matmulHalfWeights");
    doMatmulHalfWeights(a, w, format, c, shape, alpha, beta);
  }
  // The same with B an NF4 weight of shape.k x shape.n weights (its bytes, kernels/nf4_format.h):
  // dequantized to fp32 panel by panel inside the product; on the CPU backend the same sums as
  // matmul over the dequantized weight up to the panel split (kernels/cpu/nf4.h).
  void matmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                        const MatmulShape& shape, float alpha = 1.0f, float beta = 0.0f) {
    const char* op = "matmulNf4Weights";
    checkProduct(a.size(), shape.k * shape.n, c.size(), shape, op);
    checks::atLeast(w.size(), nf4Layout(shape.k * shape.n).bytes, op, "W (bytes)");
    doMatmulNf4Weights(a, w, c, shape, alpha, beta);
  }
  // out = in widened exactly to fp32 (a 16-bit norm weight or bias for the fp32 ops).
  void widen(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) {
    checks::sameSize(in.size(), out.size(), "widen");
    doWiden(in, format, out);
  }
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
  void addBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) {
    checks::sameSize(y.size(), rows * bias.size(), "addBias");
    doAddBias(y, bias, rows);
  }
  void biasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) {
    checks::sameSize(dy.size(), rows * dbias.size(), "biasBackward");
    doBiasBackward(dy, rows, dbias);
  }

  // Inverted dropout with a counter-based generator: element i is kept when
  // hash(seed, i) >= p, and scaled by 1 / (1 - p). The same seed gives the same mask on every
  // backend and thread count; the backward recomputes it instead of storing it. out may be x.
  void dropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) {
    checks::sameSize(x.size(), out.size(), "dropout");
    checks::refuse(!(p >= 0.0f && p < 1.0f), "dropout", "the probability is not in [0, 1)");
    doDropout(x, out, p, seed);
  }

  // x, y [rows, dim]; weight [dim]; invRms [rows]. The backward accumulates dweight unless it is
  // empty (a frozen weight) and overwrites dx.
  void rmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                      DeviceSpan<float> y, DeviceSpan<float> invRms) {
    const char* op = "rmsNormForward";
    checks::sameSize(x.size(), shape.rows * shape.dim, op);
    checks::sameSize(weight.size(), shape.dim, "rmsNormForward weight");
    checks::atLeast(y.size(), shape.rows * shape.dim, op, "y");
    checks::atLeast(invRms.size(), shape.rows, op, "invRms");
    doRmsNormForward(x, weight, shape, y, invRms);
  }
  void rmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight,
                       DeviceSpan<const float> invRms, const RmsNormShape& shape, DeviceSpan<float> dx,
                       DeviceSpan<float> dweight) {
    const char* op = "rmsNormBackward";
    checks::sameSize(x.size(), shape.rows * shape.dim, op);
    checks::sameSize(weight.size(), shape.dim, "rmsNormBackward weight");
    checks::atLeast(dy.size(), shape.rows * shape.dim, op, "dy");
    checks::atLeast(invRms.size(), shape.rows, op, "invRms");
    checks::atLeast(dx.size(), shape.rows * shape.dim, op, "dx");
    if (!dweight.empty()) checks::atLeast(dweight.size(), shape.dim, op, "dweight");
    doRmsNormBackward(dy, x, weight, invRms, shape, dx, dweight);
  }

  // x [tokens, heads, headDim] rotated in place; positions [tokens]; invFreq [headDim / 2].
  // inverse rotates back, which is also the backward.
  void rope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
            DeviceSpan<const float> invFreq, bool inverse) {
    const char* op = "rope";
    checks::sameSize(x.size(), shape.tokens * shape.heads * shape.headDim, op);
    checks::atLeast(positions.size(), shape.tokens, op, "positions");
    checks::atLeast(invFreq.size(), shape.headDim / 2, op, "invFreq");
    doRope(x, shape, positions, invFreq, inverse);
  }

  // Causal grouped-query attention; see kernels/op_shapes.h and kernels/cpu/attention.h for
  // shapes. dq, dk, dv overwritten.
  void attentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                        DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                        DeviceSpan<float> out, DeviceSpan<float> logSumExp) {
    checkAttention(q.size(), k.size(), v.size(), sampleStart.size(), out.size(), logSumExp.size(), shape,
                   "attentionForward");
    doAttentionForward(q, k, v, sampleStart, shape, out, logSumExp);
  }
  void attentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k,
                         DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp,
                         DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                         DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) {
    const char* op = "attentionBackward";
    checkAttention(q.size(), k.size(), v.size(), sampleStart.size(), out.size(), logSumExp.size(), shape, op);
    const std::size_t queryElements = shape.tokens * shape.heads * shape.headDim;
    const std::size_t keyElements = shape.tokens * shape.kvHeads * shape.headDim;
    checks::atLeast(dout.size(), queryElements, op, "dout");
    checks::atLeast(dq.size(), queryElements, op, "dq");
    checks::atLeast(dk.size(), keyElements, op, "dk");
    checks::atLeast(dv.size(), keyElements, op, "dv");
    doAttentionBackward(dout, q, k, v, out, logSumExp, sampleStart, shape, dq, dk, dv);
  }

  // Generation: new queries of one sequence against its key/value cache; see
  // kernels/cpu/cached_attention.h for shapes. keys and values hold at least past + queries rows
  // (the new tokens' rows already written); out is overwritten.
  void cachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values,
                       const CachedAttentionShape& shape, DeviceSpan<float> out) {
    const char* op = "cachedAttention";
    checks::groups(shape.heads, shape.kvHeads, op);
    const std::size_t queryElements = shape.queries * shape.heads * shape.headDim;
    const std::size_t cacheElements = (shape.past + shape.queries) * shape.kvHeads * shape.headDim;
    checks::atLeast(q.size(), queryElements, op, "q");
    checks::atLeast(out.size(), queryElements, op, "out");
    checks::atLeast(keys.size(), cacheElements, op, "keys");
    checks::atLeast(values.size(), cacheElements, op, "values");
    doCachedAttention(q, keys, values, shape, out);
  }

  // out = silu(gate) * up, all [n]; the backward overwrites dgate and dup.
  void swigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) {
    checks::sameSize(gate.size(), up.size(), "swigluForward");
    checks::sameSize(gate.size(), out.size(), "swigluForward");
    doSwigluForward(gate, up, out);
  }
  void swigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up,
                      DeviceSpan<float> dgate, DeviceSpan<float> dup) {
    const char* op = "swigluBackward";
    checks::sameSize(gate.size(), up.size(), op);
    checks::sameSize(gate.size(), dout.size(), op);
    checks::sameSize(gate.size(), dgate.size(), op);
    checks::sameSize(gate.size(), dup.size(), op);
    doSwigluBackward(dout, gate, up, dgate, dup);
  }

  // table [vocab, dim]; ids [tokens]; out [tokens, dim] (fp32: a 16-bit table's rows widened
  // exactly). The backward accumulates into dtable. An id outside the table throws
  // std::invalid_argument naming it (each backend reads the ids where they are).
  void embeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                        DeviceSpan<float> out) {
    const char* op = "embeddingForward";
    checks::refuse(table.isNf4(), op, "an embedding table is never kept in NF4");
    checks::refuse(dim == 0, op, "the embedding dimension is 0");
    checks::atLeast(out.size(), ids.size() * dim, op, "out");
    doEmbeddingForward(table, ids, dim, out);
  }
  void embeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                         DeviceSpan<float> dtable) {
    const char* op = "embeddingBackward";
    checks::refuse(dim == 0, op, "the embedding dimension is 0");
    checks::atLeast(dout.size(), ids.size() * dim, op, "dout");
    doEmbeddingBackward(dout, ids, dim, dtable);
  }

  // The head fused with cross-entropy, chunked (never all logits at once). hidden [tokens,
  // hiddenSize]; head [vocab, hiddenSize]; targets [tokens] (kIgnoreTarget masks). With dhidden
  // not empty the backward runs in the same pass: dhidden overwritten, dhead accumulated unless
  // empty (a frozen head; a 16-bit head is always frozen, so its dhead must be empty). A target
  // outside the vocabulary throws std::invalid_argument naming it.
  CrossEntropyOutcome crossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                   DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                   DeviceSpan<float> dhidden, DeviceSpan<float> dhead) {
    const char* op = "crossEntropy";
    checks::sameSize(hidden.size(), shape.tokens * shape.hiddenSize, "crossEntropy hidden");
    checks::sameSize(head.size(), shape.vocab * shape.hiddenSize, "crossEntropy head");
    checks::sameSize(targets.size(), shape.tokens, "crossEntropy targets");
    if (!dhidden.empty()) checks::atLeast(dhidden.size(), shape.tokens * shape.hiddenSize, op, "dhidden");
    if (!dhidden.empty() && !dhead.empty()) checks::atLeast(dhead.size(), shape.vocab * shape.hiddenSize, op, "dhead");
    checks::refuse(head.isHalf() && !dhead.empty(), op, "a 16-bit head is not trained");
    checks::refuse(head.isNf4(), op, "a head is never kept in NF4");
    return doCrossEntropy(hidden, head, targets, shape, dhidden, dhead);
  }

  // One AdamW step over fp32 master weights and moments (step counts from 1), with the factors of
  // adamwFactors (kernels/op_shapes.h).
  void adamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
             const AdamWHyper& hyper, std::int64_t step) {
    adamw(params, grads, m, v, adamwFactors(hyper, step));
  }
  // The same with the step's factors made already (a backend that wraps another passes them on).
  void adamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
             const AdamWFactors& factors) {
    checks::sameSize(params.size(), grads.size(), "adamw");
    checks::sameSize(params.size(), m.size(), "adamw (first moments)");
    checks::sameSize(params.size(), v.size(), "adamw (second moments)");
    doAdamw(params, grads, m, v, factors);
  }

 private:
  // The forward's operands and results, which the backward reads too.
  static void checkAttention(std::size_t q, std::size_t k, std::size_t v, std::size_t sampleStart, std::size_t out,
                             std::size_t logSumExp, const AttentionShape& shape, const char* op) {
    checks::groups(shape.heads, shape.kvHeads, op);
    const std::size_t queryElements = shape.tokens * shape.heads * shape.headDim;
    const std::size_t keyElements = shape.tokens * shape.kvHeads * shape.headDim;
    checks::atLeast(q, queryElements, op, "q");
    checks::atLeast(k, keyElements, op, "k");
    checks::atLeast(v, keyElements, op, "v");
    checks::atLeast(sampleStart, shape.tokens, op, "sampleStart");
    checks::atLeast(out, queryElements, op, "out");
    checks::atLeast(logSumExp, shape.heads * shape.tokens, op, "logSumExp");
  }
  template <typename T>
  void checkedUpload(std::span<const T> host, DeviceSpan<T> device) {
    checks::sameSize(host.size(), device.size(), "upload");
    doUpload(host, device);
  }
  static void checkProduct(std::size_t a, std::size_t b, std::size_t c, const MatmulShape& shape, const char* op) {
    checks::atLeast(a, shape.m * shape.k, op, "A");
    checks::atLeast(b, shape.k * shape.n, op, "B");
    checks::atLeast(c, shape.m * shape.n, op, "C");
  }

  // The implementations, called with checked arguments.
  virtual void doUpload(std::span<const float> host, DeviceSpan<float> device) = 0;
  virtual void doUpload(std::span<const std::int32_t> host, DeviceSpan<std::int32_t> device) = 0;
  virtual void doUpload(std::span<const std::uint16_t> host, DeviceSpan<std::uint16_t> device) = 0;
  virtual void doUpload(std::span<const std::uint8_t> host, DeviceSpan<std::uint8_t> device) = 0;
  virtual void doDownload(DeviceSpan<const float> device, std::span<float> host) = 0;
  virtual void doCopy(DeviceSpan<const float> from, DeviceSpan<float> to) = 0;
  virtual void doFill(DeviceSpan<float> x, float value) = 0;
  virtual void doUploadAsync(std::span<const float> host, DeviceSpan<float> device) = 0;
  virtual void doDownloadAsync(DeviceSpan<const float> device, std::span<float> host) = 0;
  virtual void doZeroAsync(DeviceSpan<float> device) = 0;
  virtual void doAxpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) = 0;
  virtual void doScale(DeviceSpan<float> x, float factor) = 0;
  virtual double doSumOfSquares(DeviceSpan<const float> x) = 0;
  virtual void doMatmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c,
                        const MatmulShape& shape, float alpha, float beta) = 0;
  virtual void doMatmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                                   DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) = 0;
  virtual void doMatmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                                  const MatmulShape& shape, float alpha, float beta) = 0;
  virtual void doWiden(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) = 0;
  virtual void doAddBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) = 0;
  virtual void doBiasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) = 0;
  virtual void doDropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) = 0;
  virtual void doRmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                                DeviceSpan<float> y, DeviceSpan<float> invRms) = 0;
  virtual void doRmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x,
                                 DeviceSpan<const float> weight, DeviceSpan<const float> invRms,
                                 const RmsNormShape& shape, DeviceSpan<float> dx, DeviceSpan<float> dweight) = 0;
  virtual void doRope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
                      DeviceSpan<const float> invFreq, bool inverse) = 0;
  virtual void doAttentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                                  DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                                  DeviceSpan<float> out, DeviceSpan<float> logSumExp) = 0;
  virtual void doAttentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q,
                                   DeviceSpan<const float> k, DeviceSpan<const float> v, DeviceSpan<const float> out,
                                   DeviceSpan<const float> logSumExp, DeviceSpan<const std::int32_t> sampleStart,
                                   const AttentionShape& shape, DeviceSpan<float> dq, DeviceSpan<float> dk,
                                   DeviceSpan<float> dv) = 0;
  virtual void doCachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys,
                                 DeviceSpan<const float> values, const CachedAttentionShape& shape,
                                 DeviceSpan<float> out) = 0;
  virtual void doSwigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) = 0;
  virtual void doSwigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate,
                                DeviceSpan<const float> up, DeviceSpan<float> dgate, DeviceSpan<float> dup) = 0;
  virtual void doEmbeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                                  DeviceSpan<float> out) = 0;
  virtual void doEmbeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                                   DeviceSpan<float> dtable) = 0;
  virtual CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                             DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                             DeviceSpan<float> dhidden, DeviceSpan<float> dhead) = 0;
  virtual void doAdamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m,
                       DeviceSpan<float> v, const AdamWFactors& factors) = 0;
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
