// The CUDA backend: Backend over the memory of one GPU. Every op is queued on one stream that the
// backend owns (the compute lane; the cuBLAS handle runs on it too), so ops run in the order they
// are called and the host waits only in download, sumOfSquares, crossEntropy (its loss), the id
// checks of embedding and cross-entropy, upload (until the host memory has been read) and
// synchronize(). The transfer lane is a second stream of its own: the *Async copies run there,
// beside the ops, and fences are cudaEvents (timing off) recorded on one stream and waited for by
// the other. Device memory comes from cudaMalloc, never managed memory; host staging from
// cudaHostAlloc. fp32 storage and compute; the kernels live in the .cu files of this folder, one
// per op family, and follow kernels/cpu step by step.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "kernels/backend.h"
#include "kernels/cpu/cross_entropy.h"
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_entry.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/dropout_mask.h"
#include "kernels/nf4_format.h"

namespace tiertune::kernels {

namespace {

static_assert(cuda::kIgnoreTargetOnDevice == cpu::kIgnoreTarget);
static_assert(cuda::kNf4Block == kNf4BlockSize && cuda::kNf4Group == kNf4ScaleGroupSize);

void requireSameSize(std::size_t a, std::size_t b, const char* op) {
  if (a != b) {
    throw std::invalid_argument(std::string(op) + ": sizes differ (" + std::to_string(a) + " and " +
                                std::to_string(b) + ")");
  }
}

// The CPU backend reads and writes past a too-short span silently; a GPU would fault or corrupt
// other buffers, so the CUDA backend checks what it touches.
void requireAtLeast(std::size_t size, std::size_t needed, const char* op, const char* what) {
  if (size < needed) {
    throw std::invalid_argument(std::string(op) + ": " + what + " has " + std::to_string(size) +
                                " elements, fewer than the " + std::to_string(needed) + " the shape needs");
  }
}

struct StreamDeleter {
  void operator()(cudaStream_t stream) const { static_cast<void>(cudaStreamDestroy(stream)); }
};
struct EventDeleter {
  void operator()(void* event) const { static_cast<void>(cudaEventDestroy(static_cast<cudaEvent_t>(event))); }
};
struct BlasDeleter {
  void operator()(cublasHandle_t handle) const { static_cast<void>(cublasDestroy(handle)); }
};

// Device memory an op needs for a while (logits of a chunk, partial sums); grows, never shrinks.
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    if (data_ != nullptr) static_cast<void>(cudaFree(data_));
  }

  // At least bytes of device memory. Growing waits for the stream first: queued ops may still
  // use the old block.
  void* ensure(std::size_t bytes, cudaStream_t stream, const char* op) {
    if (bytes <= bytes_) return data_;
    CUDA_CHECK(op, cudaStreamSynchronize(stream));
    if (data_ != nullptr) CUDA_CHECK(op, cudaFree(data_));
    data_ = nullptr;
    bytes_ = 0;
    CUDA_CHECK(op, cudaMalloc(&data_, bytes));
    bytes_ = bytes;
    return data_;
  }
  template <typename T>
  T* as(std::size_t count, cudaStream_t stream, const char* op) {
    return static_cast<T*>(ensure(count * sizeof(T), stream, op));
  }

 private:
  void* data_ = nullptr;
  std::size_t bytes_ = 0;
};

bool overlaps(const void* a, const void* b, std::size_t bytes) {
  const auto x = reinterpret_cast<std::uintptr_t>(a);
  const auto y = reinterpret_cast<std::uintptr_t>(b);
  return x < y + bytes && y < x + bytes;
}

class CudaBackend final : public Backend {
 public:
  explicit CudaBackend(int device) : device_(device) {
    const char* op = "makeCudaBackend";
    int count = 0;
    CUDA_CHECK(op, cudaGetDeviceCount(&count));
    if (device < 0 || device >= count) {
      throw std::invalid_argument("makeCudaBackend: there is no CUDA device " + std::to_string(device) + " (" +
                                  std::to_string(count) + " found)");
    }
    CUDA_CHECK(op, cudaSetDevice(device));
    cudaDeviceProp properties{};
    CUDA_CHECK(op, cudaGetDeviceProperties(&properties, device));
    name_ = std::string("CUDA (") + properties.name + ")";
    cudaStream_t stream = nullptr;
    CUDA_CHECK(op, cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
    stream_.reset(stream);
    cudaStream_t transfer = nullptr;
    CUDA_CHECK(op, cudaStreamCreateWithFlags(&transfer, cudaStreamNonBlocking));
    transfer_.reset(transfer);
    cublasHandle_t blas = nullptr;
    CUBLAS_CHECK(op, cublasCreate(&blas));
    blas_.reset(blas);
    CUBLAS_CHECK(op, cublasSetStream(blas, stream));
    // No TF32 (nor any other reduced precision): fp32 products stay comparable with OpenBLAS.
    CUBLAS_CHECK(op, cublasSetMathMode(blas, CUBLAS_DEFAULT_MATH));
  }

  ~CudaBackend() override {
    // Queued work may still read the scratch buffers the members free after this.
    static_cast<void>(cudaStreamSynchronize(transfer_.get()));
    static_cast<void>(cudaStreamSynchronize(stream()));
  }
  CudaBackend(const CudaBackend&) = delete;
  CudaBackend& operator=(const CudaBackend&) = delete;

  std::string name() const override { return name_; }

  DeviceBuffer allocate(std::size_t bytes) override {
    CUDA_CHECK("allocate", cudaSetDevice(device_));
    void* data = nullptr;
    meter_->charge(bytes, "the CUDA backend");
    if (bytes > 0) {  // a zero-byte buffer holds nothing; cudaMalloc would hand back null anyway
      const cudaError_t error = cudaMalloc(&data, bytes);
      if (error != cudaSuccess) {
        meter_->refund(bytes);
        static_cast<void>(cudaGetLastError());  // an allocation failure is not sticky; clear it
        throw std::runtime_error("the CUDA backend (" + name_ + ") could not allocate " + std::to_string(bytes) +
                                 " bytes (" + std::to_string(bytes >> 20) + " MiB) of device memory: " +
                                 cudaGetErrorName(error) + ": " + cudaGetErrorString(error));
      }
    }
    // A buffer may go while ops that use it are still queued (the decoder replaces its work buffers
    // when a batch grows): wait for the device before the memory can be handed out again. Errors
    // cannot leave a destructor; the next checked call reports a sticky one.
    return DeviceBuffer(data, bytes, [meter = meter_, bytes](void* p) {
      meter->refund(bytes);
      if (p == nullptr) return;
      static_cast<void>(cudaDeviceSynchronize());
      static_cast<void>(cudaFree(p));
    });
  }
  MemoryUse memoryUse() const override { return meter_->use(); }
  void resetPeakMemory() override { meter_->resetPeak(); }

  // The host may reuse its memory as soon as upload returns, so upload waits for the copy.
  void upload(std::span<const float> from, DeviceSpan<float> to) override { uploadBytes(from, to, "upload"); }
  void upload(std::span<const std::int32_t> from, DeviceSpan<std::int32_t> to) override {
    uploadBytes(from, to, "upload");
  }
  void upload(std::span<const std::uint16_t> from, DeviceSpan<std::uint16_t> to) override {
    uploadBytes(from, to, "upload");
  }
  void upload(std::span<const std::uint8_t> from, DeviceSpan<std::uint8_t> to) override {
    uploadBytes(from, to, "upload");
  }

  void download(DeviceSpan<const float> from, std::span<float> to) override {
    requireSameSize(from.size(), to.size(), "download");
    if (from.empty()) return;
    CUDA_CHECK("download", cudaMemcpyAsync(to.data(), from.data(), from.size() * sizeof(float),
                                           cudaMemcpyDeviceToHost, stream()));
    CUDA_CHECK("download", cudaStreamSynchronize(stream()));
  }

  // memmove semantics, as the CPU backend: overlapping ranges go through a scratch copy.
  void copy(DeviceSpan<const float> from, DeviceSpan<float> to) override {
    requireSameSize(from.size(), to.size(), "copy");
    const std::size_t bytes = from.size() * sizeof(float);
    if (bytes == 0 || from.data() == to.data()) return;
    if (overlaps(from.data(), to.data(), bytes)) {
      void* staging = copyScratch_.ensure(bytes, stream(), "copy");
      CUDA_CHECK("copy", cudaMemcpyAsync(staging, from.data(), bytes, cudaMemcpyDeviceToDevice, stream()));
      CUDA_CHECK("copy", cudaMemcpyAsync(to.data(), staging, bytes, cudaMemcpyDeviceToDevice, stream()));
      return;
    }
    CUDA_CHECK("copy", cudaMemcpyAsync(to.data(), from.data(), bytes, cudaMemcpyDeviceToDevice, stream()));
  }

  void fill(DeviceSpan<float> x, float value) override { cuda::fill(stream(), x.data(), x.size(), value); }

  void synchronize() override {
    CUDA_CHECK("synchronize", cudaStreamSynchronize(transfer_.get()));
    CUDA_CHECK("synchronize", cudaStreamSynchronize(stream()));
  }

  // The transfer lane may be driven from another thread than the ops (the tiered executor's mover):
  // each call makes this backend's GPU the thread's current device first.
  void uploadAsync(std::span<const float> from, DeviceSpan<float> to) override {
    requireSameSize(from.size(), to.size(), "uploadAsync");
    copyOnTransferLane(to.data(), from.data(), from.size(), cudaMemcpyHostToDevice, "uploadAsync");
  }

  void downloadAsync(DeviceSpan<const float> from, std::span<float> to) override {
    requireSameSize(from.size(), to.size(), "downloadAsync");
    copyOnTransferLane(to.data(), from.data(), from.size(), cudaMemcpyDeviceToHost, "downloadAsync");
  }

  void zeroAsync(DeviceSpan<float> x) override {
    const char* op = "zeroAsync";
    if (x.empty()) return;
    CUDA_CHECK(op, cudaSetDevice(device_));
    CUDA_CHECK(op, cudaMemsetAsync(x.data(), 0, x.size() * sizeof(float), transfer_.get()));
  }

  Fence record(Lane lane) override {
    const char* op = lane == Lane::Compute ? "record (compute lane)" : "record (transfer lane)";
    CUDA_CHECK(op, cudaSetDevice(device_));
    cudaEvent_t event = nullptr;
    CUDA_CHECK(op, cudaEventCreateWithFlags(&event, cudaEventDisableTiming));
    Fence fence(event, EventDeleter{});  // destroyed with the last copy, also when recording fails
    CUDA_CHECK(op, cudaEventRecord(event, streamOf(lane)));
    return fence;
  }

  void laneWaits(Lane lane, const Fence& fence) override {
    if (fence.handle() == nullptr) return;
    const char* op = lane == Lane::Compute ? "laneWaits (compute lane)" : "laneWaits (transfer lane)";
    CUDA_CHECK(op, cudaStreamWaitEvent(streamOf(lane), static_cast<cudaEvent_t>(fence.handle()), 0));
  }

  void hostWaits(const Fence& fence) override {
    if (fence.handle() == nullptr) return;
    CUDA_CHECK("hostWaits", cudaEventSynchronize(static_cast<cudaEvent_t>(fence.handle())));
  }

  HostBuffer allocateHostStaging(std::size_t bytes) override;

  void axpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) override {
    requireSameSize(x.size(), y.size(), "axpy");
    cuda::axpy(stream(), alpha, x.data(), y.data(), x.size());
  }

  void scale(DeviceSpan<float> x, float factor) override { cuda::scale(stream(), x.data(), x.size(), factor); }

  double sumOfSquares(DeviceSpan<const float> x) override {
    const char* op = "sumOfSquares";
    auto* partials = reductionScratch_.as<double>(cuda::kSumOfSquaresBlocks + 1, stream(), op);
    double* result = partials + cuda::kSumOfSquaresBlocks;
    cuda::sumOfSquares(stream(), x.data(), x.size(), partials, result);
    return downloadDouble(result, op);
  }

  void matmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c, const MatmulShape& shape,
              float alpha, float beta) override {
    const char* op = "matmul";
    requireAtLeast(a.size(), shape.m * shape.k, op, "A");
    requireAtLeast(b.size(), shape.k * shape.n, op, "B");
    requireAtLeast(c.size(), shape.m * shape.n, op, "C");
    cuda::gemmRowMajor(blas(), op, a.data(), shape.transposeA, b.data(), shape.transposeB, c.data(), shape.m, shape.n,
                       shape.k, alpha, beta);
  }

  void matmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                         DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    const char* op = "matmulHalfWeights";
    requireAtLeast(w.size(), shape.k * shape.n, op, "W");
    const bool bf16 = format == HalfFormat::Bf16;
    matmulWidenedPanels(op, a, c, shape, alpha, beta, [&](std::size_t first, std::size_t count, float* panel) {
      cuda::widenHalf(stream(), w.data() + first, bf16, panel, count);
    });
  }

  void matmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                        const MatmulShape& shape, float alpha, float beta) override {
    const char* op = "matmulNf4Weights";
    const Nf4Layout layout = nf4Layout(shape.k * shape.n);
    requireAtLeast(w.size(), layout.bytes, op, "W (bytes)");
    cuda::Nf4Parts parts;
    parts.codes = w.data() + layout.codes;
    parts.blockCodes = w.data() + layout.blockCodes;
    parts.groupScales = reinterpret_cast<const float*>(w.data() + layout.groupScales);
    parts.offset = reinterpret_cast<const float*>(w.data() + layout.offset);
    const float* tables = nf4Tables();
    matmulWidenedPanels(op, a, c, shape, alpha, beta, [&](std::size_t first, std::size_t count, float* panel) {
      cuda::dequantizeNf4(stream(), parts, tables, first, count, panel);
    });
  }

  void widen(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) override {
    requireSameSize(in.size(), out.size(), "widen");
    cuda::widenHalf(stream(), in.data(), format == HalfFormat::Bf16, out.data(), in.size());
  }

  void addBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) override {
    requireSameSize(y.size(), rows * bias.size(), "addBias");
    cuda::addBias(stream(), y.data(), bias.data(), rows, bias.size());
  }

  void biasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) override {
    requireSameSize(dy.size(), rows * dbias.size(), "biasBackward");
    cuda::biasBackward(stream(), dy.data(), rows, dbias.size(), dbias.data());
  }

  void dropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) override {
    requireSameSize(x.size(), out.size(), "dropout");
    const float keepScale = 1.0f / (1.0f - p);  // as the CPU backend rounds it
    cuda::dropout(stream(), x.data(), out.data(), x.size(), dropoutThreshold(p), keepScale, seed);
  }

  void rmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                      DeviceSpan<float> y, DeviceSpan<float> invRms) override {
    const char* op = "rmsNormForward";
    requireSameSize(x.size(), shape.rows * shape.dim, op);
    requireSameSize(weight.size(), shape.dim, "rmsNormForward weight");
    requireAtLeast(y.size(), shape.rows * shape.dim, op, "y");
    requireAtLeast(invRms.size(), shape.rows, op, "invRms");
    cuda::rmsNormForward(stream(), x.data(), weight.data(), shape.rows, shape.dim, shape.eps, y.data(), invRms.data());
  }

  void rmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight,
                       DeviceSpan<const float> invRms, const RmsNormShape& shape, DeviceSpan<float> dx,
                       DeviceSpan<float> dweight) override {
    const char* op = "rmsNormBackward";
    requireSameSize(x.size(), shape.rows * shape.dim, op);
    requireSameSize(weight.size(), shape.dim, "rmsNormBackward weight");
    requireAtLeast(dy.size(), shape.rows * shape.dim, op, "dy");
    requireAtLeast(invRms.size(), shape.rows, op, "invRms");
    requireAtLeast(dx.size(), shape.rows * shape.dim, op, "dx");
    if (!dweight.empty()) requireAtLeast(dweight.size(), shape.dim, op, "dweight");
    cuda::rmsNormBackward(stream(), dy.data(), x.data(), weight.data(), invRms.data(), shape.rows, shape.dim,
                          dx.data(), dweight.empty() ? nullptr : dweight.data());
  }

  void rope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
            DeviceSpan<const float> invFreq, bool inverse) override {
    const char* op = "rope";
    requireSameSize(x.size(), shape.tokens * shape.heads * shape.headDim, op);
    requireAtLeast(positions.size(), shape.tokens, op, "positions");
    requireAtLeast(invFreq.size(), shape.headDim / 2, op, "invFreq");
    cuda::rope(stream(), x.data(), shape.tokens, shape.heads, shape.headDim, positions.data(), invFreq.data(),
               inverse);
  }

  void attentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                        DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                        DeviceSpan<float> out, DeviceSpan<float> logSumExp) override {
    const char* op = "attentionForward";
    const cuda::AttentionDims dims = attentionDims(shape, op);
    requireAtLeast(q.size(), dims.tokens * dims.heads * dims.headDim, op, "q");
    requireAtLeast(k.size(), dims.tokens * dims.kvHeads * dims.headDim, op, "k");
    requireAtLeast(v.size(), dims.tokens * dims.kvHeads * dims.headDim, op, "v");
    requireAtLeast(sampleStart.size(), dims.tokens, op, "sampleStart");
    requireAtLeast(out.size(), dims.tokens * dims.heads * dims.headDim, op, "out");
    requireAtLeast(logSumExp.size(), dims.heads * dims.tokens, op, "logSumExp");
    cuda::attentionForward(stream(), q.data(), k.data(), v.data(), sampleStart.data(), dims, out.data(),
                           logSumExp.data());
  }

  void attentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k,
                         DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp,
                         DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                         DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) override {
    const char* op = "attentionBackward";
    const cuda::AttentionDims dims = attentionDims(shape, op);
    const std::size_t queryElements = dims.tokens * dims.heads * dims.headDim;
    const std::size_t keyElements = dims.tokens * dims.kvHeads * dims.headDim;
    requireAtLeast(dout.size(), queryElements, op, "dout");
    requireAtLeast(q.size(), queryElements, op, "q");
    requireAtLeast(k.size(), keyElements, op, "k");
    requireAtLeast(v.size(), keyElements, op, "v");
    requireAtLeast(out.size(), queryElements, op, "out");
    requireAtLeast(logSumExp.size(), dims.heads * dims.tokens, op, "logSumExp");
    requireAtLeast(sampleStart.size(), dims.tokens, op, "sampleStart");
    requireAtLeast(dq.size(), queryElements, op, "dq");
    requireAtLeast(dk.size(), keyElements, op, "dk");
    requireAtLeast(dv.size(), keyElements, op, "dv");
    auto* delta = attentionScratch_.as<float>(std::max<std::size_t>(1, dims.heads * dims.tokens), stream(), op);
    cuda::attentionBackward(stream(), dout.data(), q.data(), k.data(), v.data(), out.data(), logSumExp.data(),
                            sampleStart.data(), dims, delta, dq.data(), dk.data(), dv.data());
  }

  void cachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values,
                       const CachedAttentionShape& shape, DeviceSpan<float> out) override {
    const char* op = "cachedAttention";
    const cuda::AttentionDims groups =
        attentionDims(AttentionShape{shape.queries, shape.heads, shape.kvHeads, shape.headDim}, op);
    const std::size_t queryElements = shape.queries * groups.heads * groups.headDim;
    const std::size_t cacheElements = (shape.past + shape.queries) * groups.kvHeads * groups.headDim;
    requireAtLeast(q.size(), queryElements, op, "q");
    requireAtLeast(out.size(), queryElements, op, "out");
    requireAtLeast(keys.size(), cacheElements, op, "keys");
    requireAtLeast(values.size(), cacheElements, op, "values");
    cuda::cachedAttention(stream(), q.data(), keys.data(), values.data(),
                          cuda::CachedAttentionDims{shape.queries, shape.past, shape.heads, shape.kvHeads,
                                                    shape.headDim},
                          out.data());
  }

  void swigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) override {
    requireSameSize(gate.size(), up.size(), "swigluForward");
    requireSameSize(gate.size(), out.size(), "swigluForward");
    cuda::swigluForward(stream(), gate.data(), up.data(), out.data(), gate.size());
  }

  void swigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up,
                      DeviceSpan<float> dgate, DeviceSpan<float> dup) override {
    const char* op = "swigluBackward";
    requireSameSize(gate.size(), up.size(), op);
    requireSameSize(gate.size(), dout.size(), op);
    requireSameSize(gate.size(), dgate.size(), op);
    requireSameSize(gate.size(), dup.size(), op);
    cuda::swigluBackward(stream(), dout.data(), gate.data(), up.data(), dgate.data(), dup.data(), gate.size());
  }

  void embeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                        DeviceSpan<float> out) override {
    if (table.isNf4()) throw std::invalid_argument("embeddingForward: an embedding table is never kept in NF4");
    const char* op = "embeddingForward";
    checkIds(ids, table.size(), dim, op);
    requireAtLeast(out.size(), ids.size() * dim, op, "out");
    if (table.isHalf()) {
      cuda::embeddingForwardHalf(stream(), table.half.data(), table.format == HalfFormat::Bf16, ids.data(), ids.size(),
                                 dim, out.data());
    } else {
      cuda::embeddingForward(stream(), table.f32.data(), ids.data(), ids.size(), dim, out.data());
    }
  }

  void embeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                         DeviceSpan<float> dtable) override {
    const char* op = "embeddingBackward";
    checkIds(ids, dtable.size(), dim, op);
    requireAtLeast(dout.size(), ids.size() * dim, op, "dout");
    cuda::embeddingBackward(stream(), dout.data(), ids.data(), ids.size(), dim, dtable.data());
  }

  CrossEntropyOutcome crossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                   DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                   DeviceSpan<float> dhidden, DeviceSpan<float> dhead) override;

  void adamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
             const AdamWHyper& hyper, std::int64_t step) override {
    requireSameSize(params.size(), grads.size(), "adamw");
    requireSameSize(params.size(), m.size(), "adamw (first moments)");
    requireSameSize(params.size(), v.size(), "adamw (second moments)");
    // The factors exactly as kernels/cpu/adamw.cpp computes and rounds them.
    const double correction1 = 1.0 - std::pow(hyper.beta1, static_cast<double>(step));
    const double correction2 = 1.0 - std::pow(hyper.beta2, static_cast<double>(step));
    cuda::AdamWFactors factors;
    factors.decay = static_cast<float>(1.0 - hyper.learningRate * hyper.weightDecay);
    factors.stepSize = static_cast<float>(hyper.learningRate / correction1);
    factors.sqrtCorrection2 = static_cast<float>(std::sqrt(correction2));
    factors.beta1 = static_cast<float>(hyper.beta1);
    factors.beta2 = static_cast<float>(hyper.beta2);
    factors.epsilon = static_cast<float>(hyper.epsilon);
    cuda::adamw(stream(), params.data(), grads.data(), m.data(), v.data(), params.size(), factors);
  }

 private:
  cudaStream_t stream() const { return stream_.get(); }
  cudaStream_t streamOf(Lane lane) const { return lane == Lane::Compute ? stream_.get() : transfer_.get(); }
  cublasHandle_t blas() const { return blas_.get(); }

  void copyOnTransferLane(float* to, const float* from, std::size_t floats, cudaMemcpyKind kind, const char* op) {
    if (floats == 0) return;
    CUDA_CHECK(op, cudaSetDevice(device_));
    CUDA_CHECK(op, cudaMemcpyAsync(to, from, floats * sizeof(float), kind, transfer_.get()));
  }

  template <typename T>
  void uploadBytes(std::span<const T> from, DeviceSpan<T> to, const char* op) {
    requireSameSize(from.size(), to.size(), op);
    if (from.empty()) return;
    CUDA_CHECK(op, cudaMemcpyAsync(to.data(), from.data(), from.size() * sizeof(T), cudaMemcpyHostToDevice, stream()));
    CUDA_CHECK(op, cudaStreamSynchronize(stream()));
  }

  double downloadDouble(const double* device, const char* op) {
    double value = 0;
    CUDA_CHECK(op, cudaMemcpyAsync(&value, device, sizeof value, cudaMemcpyDeviceToHost, stream()));
    CUDA_CHECK(op, cudaStreamSynchronize(stream()));
    return value;
  }

  std::vector<std::int32_t> downloadIds(DeviceSpan<const std::int32_t> ids, const char* op) {
    std::vector<std::int32_t> host(ids.size());
    if (host.empty()) return host;
    CUDA_CHECK(op, cudaMemcpyAsync(host.data(), ids.data(), ids.size() * sizeof(std::int32_t),
                                   cudaMemcpyDeviceToHost, stream()));
    CUDA_CHECK(op, cudaStreamSynchronize(stream()));
    return host;
  }

  // Token ids index rows of a [vocab, dim] table: one outside it would read or write outside the
  // buffer on the GPU. Throws as the CPU backend's embedding does.
  void checkIds(DeviceSpan<const std::int32_t> ids, std::size_t tableSize, std::size_t dim, const char* op) {
    if (dim == 0) throw std::invalid_argument(std::string(op) + ": the embedding dimension is 0");
    const std::size_t vocab = tableSize / dim;
    for (const std::int32_t id : downloadIds(ids, op)) {
      if (id < 0 || static_cast<std::size_t>(id) >= vocab) {
        throw std::invalid_argument("token id " + std::to_string(id) + " is outside the vocabulary of " +
                                    std::to_string(vocab));
      }
    }
  }

  static cuda::AttentionDims attentionDims(const AttentionShape& shape, const char* op) {
    if (shape.kvHeads == 0 || shape.heads % shape.kvHeads != 0) {
      throw std::invalid_argument(std::string(op) + ": " + std::to_string(shape.heads) +
                                  " query heads do not split into groups over " + std::to_string(shape.kvHeads) +
                                  " key/value heads");
    }
    if (shape.headDim > cuda::kMaxAttentionHeadDim) {
      throw std::invalid_argument(std::string(op) + ": head dimension " + std::to_string(shape.headDim) +
                                  " is above the CUDA kernel's limit of " +
                                  std::to_string(cuda::kMaxAttentionHeadDim));
    }
    return cuda::AttentionDims{shape.tokens, shape.heads, shape.kvHeads, shape.headDim};
  }

  // C = alpha op(A) op(W) + beta C with W ([k, n], or transposed [n, k]) kept compact: widened to
  // fp32 panel by panel into scratch (at most kPanelFloats at once) by widenPanel(first element,
  // count, panel), each panel through cuBLAS's fp32 product, so the widened weight never exists
  // whole. Stream order keeps a panel's widening behind the previous panel's product.
  template <typename WidenPanel>
  void matmulWidenedPanels(const char* op, DeviceSpan<const float> a, DeviceSpan<float> c, const MatmulShape& shape,
                           float alpha, float beta, WidenPanel widenPanel) {
    const std::size_t m = shape.m, n = shape.n, k = shape.k;
    const bool transposeA = shape.transposeA, transposeW = shape.transposeB;
    requireAtLeast(a.size(), m * k, op, "A");
    requireAtLeast(c.size(), m * n, op, "C");
    if (m == 0 || n == 0) return;
    const std::size_t lda = transposeA ? m : k;
    if (k == 0) {
      cuda::gemmRowMajorStrided(blas(), op, a.data(), transposeA, lda, nullptr, transposeW, 1, c.data(), n, m, n, 0,
                                alpha, beta);
      return;
    }
    constexpr std::size_t kPanelFloats = std::size_t(16) << 20;  // 64 MiB of scratch
    const std::size_t rowLength = transposeW ? k : n;
    const std::size_t rows = std::max<std::size_t>(1, kPanelFloats / rowLength);
    const std::size_t total = transposeW ? n : k;
    float* panel = panelScratch_.as<float>(std::min(rows, total) * rowLength, stream(), op);
    for (std::size_t first = 0; first < total; first += rows) {
      const std::size_t count = std::min(rows, total - first);
      widenPanel(first * rowLength, count * rowLength, panel);
      if (transposeW) {  // W [n, k]: a block of C's columns
        cuda::gemmRowMajorStrided(blas(), op, a.data(), transposeA, lda, panel, true, k, c.data() + first, n, m,
                                  count, k, alpha, beta);
      } else {  // W [k, n]: a slice of the sum over k
        const float* slice = transposeA ? a.data() + first * m : a.data() + first;
        cuda::gemmRowMajorStrided(blas(), op, slice, transposeA, lda, panel, false, n, c.data(), n, m, n, count, alpha,
                                  first == 0 ? beta : 1.0f);
      }
    }
  }

  // The 16 NF4 values and the 256 dynamic values on the device, uploaded on first use.
  const float* nf4Tables() {
    if (nf4TablesReady_) return nf4TablesScratch_.as<float>(272, stream(), "nf4Tables");
    static const std::array<float, 272> host = [] {
      std::array<float, 272> tables{};
      std::copy(kNf4Values.begin(), kNf4Values.end(), tables.begin());
      std::copy(nf4DynamicValues().begin(), nf4DynamicValues().end(), tables.begin() + 16);
      return tables;
    }();
    float* device = nf4TablesScratch_.as<float>(host.size(), stream(), "nf4Tables");
    CUDA_CHECK("nf4Tables", cudaMemcpyAsync(device, host.data(), sizeof host, cudaMemcpyHostToDevice, stream()));
    nf4TablesReady_ = true;
    return device;
  }

  int device_ = 0;
  std::string name_;
  std::shared_ptr<MemoryMeter> meter_ = std::make_shared<MemoryMeter>();
  std::unique_ptr<std::remove_pointer_t<cudaStream_t>, StreamDeleter> stream_;
  std::unique_ptr<std::remove_pointer_t<cudaStream_t>, StreamDeleter> transfer_;
  std::once_flag pinningNote_;
  std::unique_ptr<std::remove_pointer_t<cublasHandle_t>, BlasDeleter> blas_;
  Scratch copyScratch_, reductionScratch_, attentionScratch_, logitsScratch_, lossScratch_;
  Scratch panelScratch_;  // matmulHalfWeights, matmulNf4Weights: one widened panel of a weight
  Scratch nf4TablesScratch_;
  bool nf4TablesReady_ = false;
};

// Page-locked memory from cudaHostAlloc, 4 KiB aligned inside a block one page larger (the runtime
// promises less alignment than direct I/O needs). When the system will not lock that much memory,
// plain pages: the copies still work, only synchronously and slower, which the note says once.
HostBuffer CudaBackend::allocateHostStaging(std::size_t bytes) {
  constexpr std::size_t page = 4096;
  const std::size_t rounded = (bytes + page - 1) / page * page;
  if (rounded == 0) return HostBuffer();
  CUDA_CHECK("allocateHostStaging", cudaSetDevice(device_));
  void* block = nullptr;
  const cudaError_t error = cudaHostAlloc(&block, rounded + page, cudaHostAllocPortable);
  if (error == cudaSuccess) {
    const auto address = reinterpret_cast<std::uintptr_t>(block);
    auto* data = reinterpret_cast<std::byte*>((address + page - 1) / page * page);
    std::memset(data, 0, rounded);
    return HostBuffer(data, rounded, true, [block](void*) { static_cast<void>(cudaFreeHost(block)); });
  }
  static_cast<void>(cudaGetLastError());  // an allocation failure is not sticky; clear it
  std::call_once(pinningNote_, [&] {
    std::fprintf(stderr,
                 "note: the CUDA backend (%s) could not lock %zu MiB of host memory for transfers (%s: %s); it "
                 "uses ordinary memory instead, and copies to and from the GPU run slower\n",
                 name_.c_str(), rounded >> 20, cudaGetErrorName(error), cudaGetErrorString(error));
  });
  return allocatePageableStaging(rounded);
}

// The fused head and loss, chunk by chunk as kernels/cpu/cross_entropy.cpp: logits of a chunk
// (cuBLAS) → per-row loss and gradient (kernel) → dhidden = g · head, dhead += g^T · hidden (cuBLAS).
// The per-token losses are kept in double and summed once, in token order, at the end.
CrossEntropyOutcome CudaBackend::crossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                              DeviceSpan<const std::int32_t> targets,
                                              const CrossEntropyShape& shape, DeviceSpan<float> dhidden,
                                              DeviceSpan<float> dhead) {
  const char* op = "crossEntropy";
  const std::size_t hiddenSize = shape.hiddenSize, vocab = shape.vocab;
  requireSameSize(hidden.size(), shape.tokens * hiddenSize, "crossEntropy hidden");
  requireSameSize(head.size(), vocab * hiddenSize, "crossEntropy head");
  requireSameSize(targets.size(), shape.tokens, "crossEntropy targets");
  const std::size_t tokens = targets.size();
  const bool backward = !dhidden.empty();
  if (backward) requireAtLeast(dhidden.size(), tokens * hiddenSize, op, "dhidden");
  if (backward && !dhead.empty()) requireAtLeast(dhead.size(), vocab * hiddenSize, op, "dhead");
  if (head.isHalf() && !dhead.empty()) throw std::invalid_argument("crossEntropy: a 16-bit head is not trained");
  if (head.isNf4()) throw std::invalid_argument("crossEntropy: a head is never kept in NF4");

  CrossEntropyOutcome outcome;
  for (const std::int32_t target : downloadIds(targets, op)) {
    if (target == cpu::kIgnoreTarget) continue;
    if (target < 0 || static_cast<std::size_t>(target) >= vocab) {
      throw std::invalid_argument("target token " + std::to_string(target) + " is outside the vocabulary of " +
                                  std::to_string(vocab));
    }
    ++outcome.counted;
  }
  if (backward) CUDA_CHECK(op, cudaMemsetAsync(dhidden.data(), 0, dhidden.size() * sizeof(float), stream()));
  if (outcome.counted == 0) return outcome;

  const float scale = 1.0f / static_cast<float>(shape.normalizer == 0 ? outcome.counted : shape.normalizer);
  const std::size_t chunkTokens = std::max<std::size_t>(1, std::min(shape.chunkTokens, tokens));
  auto* logits = logitsScratch_.as<float>(chunkTokens * vocab, stream(), op);
  auto* rowLoss = lossScratch_.as<double>(tokens + 1, stream(), op);
  double* total = rowLoss + tokens;
  for (std::size_t first = 0; first < tokens; first += chunkTokens) {
    const std::size_t count = std::min(chunkTokens, tokens - first);
    const float* rows = hidden.data() + first * hiddenSize;
    // The head's products through matmulWeight: a 16-bit head widened panel by panel (its own scratch).
    matmulWeight(DeviceSpan<const float>(rows, count * hiddenSize), head, DeviceSpan<float>(logits, count * vocab),
                 MatmulShape{count, vocab, hiddenSize, false, true});
    cuda::crossEntropyRows(stream(), logits, targets.data() + first, count, vocab, scale, backward, rowLoss + first);
    if (!backward) continue;
    matmulWeight(DeviceSpan<const float>(logits, count * vocab), head,
                 dhidden.subspan(first * hiddenSize, count * hiddenSize), MatmulShape{count, hiddenSize, vocab});
    if (!dhead.empty()) {
      cuda::gemmRowMajor(blas(), op, logits, true, rows, false, dhead.data(), vocab, hiddenSize, count, 1.0f, 1.0f);
    }
  }
  cuda::sumInOrder(stream(), rowLoss, tokens, total);
  outcome.lossSum = downloadDouble(total, op);
  return outcome;
}

}  // namespace

std::unique_ptr<Backend> cuda::makeBackend(int device) { return std::make_unique<CudaBackend>(device); }

}  // namespace tiertune::kernels
