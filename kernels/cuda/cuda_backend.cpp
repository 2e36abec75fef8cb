// The CUDA backend: Backend over the memory of one GPU. Every op is queued on one stream that the
// backend owns (the compute lane; the cuBLAS handle runs on it too), so ops run in the order they
// are called and the host waits only in download, sumOfSquares, crossEntropy (its loss), the id
// checks of embedding and cross-entropy, upload (until the host memory has been read) and
// synchronize(). The transfer lane is a second stream of its own: the *Async copies run there,
// beside the ops, and fences are cudaEvents (timing off) recorded on one stream and waited for by
// the other. Device memory comes from cudaMalloc, never managed memory; host staging from
// cudaHostAlloc. fp32 storage and compute, except the products: on a card with bf16 tensor cores
// (compute capability 8.0 and up) products of 16 rows or more take bf16 operands with fp32 sums
// through cuBLASLt (bf16_gemm.h), the mixed-precision policy of the README; fewer rows
// (kernels/bf16_rows.h), older cards and TIERTUNE_CUDA_PRODUCTS=fp32 keep fp32 products
// (cublasSgemm). The kernels live in the .cu files of this folder, one per op family, and follow
// kernels/cpu step by step.
#include <algorithm>
#include <array>
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
#include "kernels/bf16_rows.h"
#include "kernels/cuda/bf16_gemm.h"
#include "kernels/cuda/cuda_check.h"
#include "kernels/cuda/cuda_entry.h"
#include "kernels/cuda/cuda_ops.h"
#include "kernels/cuda/gemm_layout.h"
#include "kernels/dropout_mask.h"
#include "kernels/gpu_products.h"
#include "kernels/nf4_format.h"

namespace tiertune::kernels {

namespace {

static_assert(cuda::kNf4Block == kNf4BlockSize && cuda::kNf4Group == kNf4ScaleGroupSize);

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

// Elements of one weight panel at most: widened to fp32 (64 MiB of scratch) or made bf16 (32 MiB).
constexpr std::size_t kPanelElements = std::size_t(16) << 20;
// Elements of the activations rounded to bf16 at once (128 MiB of scratch): a product with more
// (16k tokens by a 14336-wide projection has 235 Mi) runs a block of C's rows at a time.
constexpr std::size_t kActivationElements = std::size_t(64) << 20;

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
    if (properties.major >= 8 && gpuProductsSetting() == GpuProducts::Bf16) {
      bf16Gemm_ = std::make_unique<cuda::Bf16Gemm>(blas);
    }
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
  void doUpload(std::span<const float> from, DeviceSpan<float> to) override { uploadBytes(from, to, "upload"); }
  void doUpload(std::span<const std::int32_t> from, DeviceSpan<std::int32_t> to) override {
    uploadBytes(from, to, "upload");
  }
  void doUpload(std::span<const std::uint16_t> from, DeviceSpan<std::uint16_t> to) override {
    uploadBytes(from, to, "upload");
  }
  void doUpload(std::span<const std::uint8_t> from, DeviceSpan<std::uint8_t> to) override {
    uploadBytes(from, to, "upload");
  }

  void doDownload(DeviceSpan<const float> from, std::span<float> to) override {
    if (from.empty()) return;
    CUDA_CHECK("download", cudaMemcpyAsync(to.data(), from.data(), from.size() * sizeof(float),
                                           cudaMemcpyDeviceToHost, stream()));
    CUDA_CHECK("download", cudaStreamSynchronize(stream()));
  }

  // memmove semantics, as the CPU backend: overlapping ranges go through a scratch copy.
  void doCopy(DeviceSpan<const float> from, DeviceSpan<float> to) override {
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

  void doFill(DeviceSpan<float> x, float value) override { cuda::fill(stream(), x.data(), x.size(), value); }

  void synchronize() override {
    CUDA_CHECK("synchronize", cudaStreamSynchronize(transfer_.get()));
    CUDA_CHECK("synchronize", cudaStreamSynchronize(stream()));
  }

  // The transfer lane may be driven from another thread than the ops (the tiered executor's mover):
  // each call makes this backend's GPU the thread's current device first.
  void doUploadAsync(std::span<const float> from, DeviceSpan<float> to) override {
    copyOnTransferLane(to.data(), from.data(), from.size(), cudaMemcpyHostToDevice, "uploadAsync");
  }

  void doDownloadAsync(DeviceSpan<const float> from, std::span<float> to) override {
    copyOnTransferLane(to.data(), from.data(), from.size(), cudaMemcpyDeviceToHost, "downloadAsync");
  }

  void doZeroAsync(DeviceSpan<float> x) override {
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

  void doAxpy(float alpha, DeviceSpan<const float> x, DeviceSpan<float> y) override {
    cuda::axpy(stream(), alpha, x.data(), y.data(), x.size());
  }

  void doScale(DeviceSpan<float> x, float factor) override { cuda::scale(stream(), x.data(), x.size(), factor); }

  double doSumOfSquares(DeviceSpan<const float> x) override {
    const char* op = "sumOfSquares";
    auto* partials = reductionScratch_.as<double>(cuda::kSumOfSquaresBlocks + 1, stream(), op);
    double* result = partials + cuda::kSumOfSquaresBlocks;
    cuda::sumOfSquares(stream(), x.data(), x.size(), partials, result);
    return downloadDouble(result, op);
  }

  void doMatmul(DeviceSpan<const float> a, DeviceSpan<const float> b, DeviceSpan<float> c, const MatmulShape& shape,
              float alpha, float beta) override {
    const char* op = "matmul";
    if (bf16For(shape)) {  // both operands rounded: A by blocks of rows, B panel by panel
      forEachActivationBlock(op, a, c, shape, [&](const std::uint16_t* rounded, const MatmulShape& block, float* out) {
        matmulBf16Panels(op, rounded, out, block, alpha, beta,
                         [&](std::size_t first, std::size_t count, std::uint16_t* panel) {
                           cuda::roundToBf16(stream(), b.data() + first, panel, count);
                         });
      });
      return;
    }
    cuda::gemmRowMajor(blas(), op, a.data(), shape.transposeA, b.data(), shape.transposeB, c.data(), shape.m, shape.n,
                       shape.k, alpha, beta);
  }

  void doMatmulHalfWeights(DeviceSpan<const float> a, DeviceSpan<const std::uint16_t> w, HalfFormat format,
                         DeviceSpan<float> c, const MatmulShape& shape, float alpha, float beta) override {
    const char* op = "matmulHalfWeights";
    const bool bf16 = format == HalfFormat::Bf16;
    if (bf16For(shape)) {
      forEachActivationBlock(op, a, c, shape, [&](const std::uint16_t* rounded, const MatmulShape& block, float* out) {
        if (bf16) {  // the stored weight is the operand: one product, no copy
          const cuda::RowMajorProduct product =
              cuda::compactProduct(block.m, block.n, block.k, block.transposeA, block.transposeB);
          bf16Gemm_->run(stream(), op, product, rounded, w.data(), out, alpha, beta);
        } else {  // fp16 widened, then rounded to bf16, panel by panel
          matmulBf16Panels(op, rounded, out, block, alpha, beta,
                           [&](std::size_t first, std::size_t count, std::uint16_t* panel) {
                             cuda::f16ToBf16(stream(), w.data() + first, panel, count);
                           });
        }
      });
      return;
    }
    matmulWidenedPanels(op, a, c, shape, alpha, beta, [&](std::size_t first, std::size_t count, float* panel) {
      cuda::widenHalf(stream(), w.data() + first, bf16, panel, count);
    });
  }

  void doMatmulNf4Weights(DeviceSpan<const float> a, DeviceSpan<const std::uint8_t> w, DeviceSpan<float> c,
                        const MatmulShape& shape, float alpha, float beta) override {
    const char* op = "matmulNf4Weights";
    const Nf4Layout layout = nf4Layout(shape.k * shape.n);
    cuda::Nf4Parts parts;
    parts.codes = w.data() + layout.codes;
    parts.blockCodes = w.data() + layout.blockCodes;
    parts.groupScales = reinterpret_cast<const float*>(w.data() + layout.groupScales);
    parts.offset = reinterpret_cast<const float*>(w.data() + layout.offset);
    const float* tables = nf4Tables();
    if (bf16For(shape)) {
      forEachActivationBlock(op, a, c, shape, [&](const std::uint16_t* rounded, const MatmulShape& block, float* out) {
        matmulBf16Panels(op, rounded, out, block, alpha, beta,
                         [&](std::size_t first, std::size_t count, std::uint16_t* panel) {
                           cuda::dequantizeNf4ToBf16(stream(), parts, tables, first, count, panel);
                         });
      });
      return;
    }
    matmulWidenedPanels(op, a, c, shape, alpha, beta, [&](std::size_t first, std::size_t count, float* panel) {
      cuda::dequantizeNf4(stream(), parts, tables, first, count, panel);
    });
  }

  void doWiden(DeviceSpan<const std::uint16_t> in, HalfFormat format, DeviceSpan<float> out) override {
    cuda::widenHalf(stream(), in.data(), format == HalfFormat::Bf16, out.data(), in.size());
  }

  void doAddBias(DeviceSpan<float> y, DeviceSpan<const float> bias, std::size_t rows) override {
    cuda::addBias(stream(), y.data(), bias.data(), rows, bias.size());
  }

  void doBiasBackward(DeviceSpan<const float> dy, std::size_t rows, DeviceSpan<float> dbias) override {
    cuda::biasBackward(stream(), dy.data(), rows, dbias.size(), dbias.data());
  }

  void doDropout(DeviceSpan<const float> x, DeviceSpan<float> out, float p, std::uint64_t seed) override {
    const float keepScale = 1.0f / (1.0f - p);  // as the CPU backend rounds it
    cuda::dropout(stream(), x.data(), out.data(), x.size(), dropoutThreshold(p), keepScale, seed);
  }

  void doRmsNormForward(DeviceSpan<const float> x, DeviceSpan<const float> weight, const RmsNormShape& shape,
                      DeviceSpan<float> y, DeviceSpan<float> invRms) override {
    cuda::rmsNormForward(stream(), x.data(), weight.data(), shape.rows, shape.dim, shape.eps, y.data(), invRms.data());
  }

  void doRmsNormBackward(DeviceSpan<const float> dy, DeviceSpan<const float> x, DeviceSpan<const float> weight,
                       DeviceSpan<const float> invRms, const RmsNormShape& shape, DeviceSpan<float> dx,
                       DeviceSpan<float> dweight) override {
    cuda::rmsNormBackward(stream(), dy.data(), x.data(), weight.data(), invRms.data(), shape.rows, shape.dim,
                          dx.data(), dweight.empty() ? nullptr : dweight.data());
  }

  void doRope(DeviceSpan<float> x, const RopeShape& shape, DeviceSpan<const std::int32_t> positions,
            DeviceSpan<const float> invFreq, bool inverse) override {
    cuda::rope(stream(), x.data(), shape.tokens, shape.heads, shape.headDim, positions.data(), invFreq.data(),
               inverse);
  }

  void doAttentionForward(DeviceSpan<const float> q, DeviceSpan<const float> k, DeviceSpan<const float> v,
                        DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                        DeviceSpan<float> out, DeviceSpan<float> logSumExp) override {
    const char* op = "attentionForward";
    const cuda::AttentionDims dims = attentionDims(shape, op);
    // With bf16 products, attention's tile products take bf16 operands too (attention_bf16.cu).
    if (bf16Gemm_ != nullptr && cuda::attentionForwardBf16(stream(), q.data(), k.data(), v.data(),
                                                           sampleStart.data(), dims, out.data(), logSumExp.data())) {
      return;
    }
    cuda::attentionForward(stream(), q.data(), k.data(), v.data(), sampleStart.data(), dims, out.data(),
                           logSumExp.data());
  }

  void doAttentionBackward(DeviceSpan<const float> dout, DeviceSpan<const float> q, DeviceSpan<const float> k,
                         DeviceSpan<const float> v, DeviceSpan<const float> out, DeviceSpan<const float> logSumExp,
                         DeviceSpan<const std::int32_t> sampleStart, const AttentionShape& shape,
                         DeviceSpan<float> dq, DeviceSpan<float> dk, DeviceSpan<float> dv) override {
    const char* op = "attentionBackward";
    const cuda::AttentionDims dims = attentionDims(shape, op);
    auto* delta = attentionScratch_.as<float>(std::max<std::size_t>(1, dims.heads * dims.tokens), stream(), op);
    cuda::attentionBackward(stream(), dout.data(), q.data(), k.data(), v.data(), out.data(), logSumExp.data(),
                            sampleStart.data(), dims, bf16Gemm_ != nullptr, delta, dq.data(), dk.data(), dv.data());
  }

  void doCachedAttention(DeviceSpan<const float> q, DeviceSpan<const float> keys, DeviceSpan<const float> values,
                       const CachedAttentionShape& shape, DeviceSpan<float> out) override {
    const char* op = "cachedAttention";
    attentionDims(AttentionShape{shape.queries, shape.heads, shape.kvHeads, shape.headDim}, op);  // the head limit
    cuda::cachedAttention(stream(), q.data(), keys.data(), values.data(),
                          cuda::CachedAttentionDims{shape.queries, shape.past, shape.heads, shape.kvHeads,
                                                    shape.headDim},
                          out.data());
  }

  void doSwigluForward(DeviceSpan<const float> gate, DeviceSpan<const float> up, DeviceSpan<float> out) override {
    cuda::swigluForward(stream(), gate.data(), up.data(), out.data(), gate.size());
  }

  void doSwigluBackward(DeviceSpan<const float> dout, DeviceSpan<const float> gate, DeviceSpan<const float> up,
                      DeviceSpan<float> dgate, DeviceSpan<float> dup) override {
    cuda::swigluBackward(stream(), dout.data(), gate.data(), up.data(), dgate.data(), dup.data(), gate.size());
  }

  void doEmbeddingForward(const WeightView& table, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                        DeviceSpan<float> out) override {
    const char* op = "embeddingForward";
    checkIds(ids, table.size(), dim, op);
    if (table.isHalf()) {
      cuda::embeddingForwardHalf(stream(), table.half.data(), table.format == HalfFormat::Bf16, ids.data(), ids.size(),
                                 dim, out.data());
    } else {
      cuda::embeddingForward(stream(), table.f32.data(), ids.data(), ids.size(), dim, out.data());
    }
  }

  void doEmbeddingBackward(DeviceSpan<const float> dout, DeviceSpan<const std::int32_t> ids, std::size_t dim,
                         DeviceSpan<float> dtable) override {
    const char* op = "embeddingBackward";
    checkIds(ids, dtable.size(), dim, op);
    cuda::embeddingBackward(stream(), dout.data(), ids.data(), ids.size(), dim, dtable.data());
  }

  CrossEntropyOutcome doCrossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                   DeviceSpan<const std::int32_t> targets, const CrossEntropyShape& shape,
                                   DeviceSpan<float> dhidden, DeviceSpan<float> dhead) override;

  void doAdamw(DeviceSpan<float> params, DeviceSpan<const float> grads, DeviceSpan<float> m, DeviceSpan<float> v,
               const AdamWFactors& factors) override {
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
    const std::size_t vocab = tableSize / dim;
    for (const std::int32_t id : downloadIds(ids, op)) {
      if (id < 0 || static_cast<std::size_t>(id) >= vocab) {
        throw std::invalid_argument("token id " + std::to_string(id) + " is outside the vocabulary of " +
                                    std::to_string(vocab));
      }
    }
  }

  // The shape as the kernels take it, refused past their head-dimension limit (the groups were
  // checked by the public op).
  static cuda::AttentionDims attentionDims(const AttentionShape& shape, const char* op) {
    if (shape.headDim > cuda::kMaxAttentionHeadDim) {
      throw std::invalid_argument(std::string(op) + ": head dimension " + std::to_string(shape.headDim) +
                                  " is above the CUDA kernel's limit of " +
                                  std::to_string(cuda::kMaxAttentionHeadDim));
    }
    return cuda::AttentionDims{shape.tokens, shape.heads, shape.kvHeads, shape.headDim};
  }

  // Whether a product takes bf16 operands (the file's comment says when). k = 0 stays on cuBLAS's
  // fp32 call, which scales C by beta.
  bool bf16For(const MatmulShape& shape) const {
    return bf16Gemm_ != nullptr && shape.m >= kBf16ProductsFewestRows && shape.k > 0;
  }

  // C's rows in blocks of at most kActivationElements / k: for each, op(A)'s rows rounded to bf16,
  // compact, into scratch, then multiply(rounded, the block's shape, the block's first row of C).
  template <typename Multiply>
  void forEachActivationBlock(const char* op, DeviceSpan<const float> a, DeviceSpan<float> c, const MatmulShape& shape,
                              Multiply multiply) {
    const std::size_t rowsPerBlock = std::max(kBf16ProductsFewestRows, kActivationElements / shape.k);
    for (std::size_t first = 0; first < shape.m; first += rowsPerBlock) {
      const std::size_t count = std::min(rowsPerBlock, shape.m - first);
      const cuda::ActivationBlock block =
          cuda::activationBlock(shape.m, shape.n, shape.k, shape.transposeA, first, count);
      auto* rounded = activationScratch_.as<std::uint16_t>(block.rows * block.columns, stream(), op);
      cuda::roundBlockToBf16(stream(), a.data() + block.sourceOffset, block.sourceLd, block.rows, block.columns,
                             rounded);
      multiply(static_cast<const std::uint16_t*>(rounded),
               MatmulShape{count, shape.n, shape.k, shape.transposeA, shape.transposeB}, c.data() + block.cOffset);
    }
  }

  // C = alpha op(A) op(W) + beta C with W ([k, n], or transposed [n, k]) kept compact: widened to
  // fp32 panel by panel into scratch by widenPanel(first element, count, panel), each panel through
  // cuBLAS's fp32 product, so the widened weight never exists whole. Stream order keeps a panel's
  // widening behind the previous panel's product.
  template <typename WidenPanel>
  void matmulWidenedPanels(const char* op, DeviceSpan<const float> a, DeviceSpan<float> c, const MatmulShape& shape,
                           float alpha, float beta, WidenPanel widenPanel) {
    const std::size_t m = shape.m, n = shape.n, k = shape.k;
    const bool transposeA = shape.transposeA, transposeW = shape.transposeB;
    if (m == 0 || n == 0) return;
    if (k == 0) {
      cuda::gemmRowMajorStrided(blas(), op, a.data(), transposeA, transposeA ? m : k, nullptr, transposeW, 1, c.data(),
                                n, m, n, 0, alpha, beta);
      return;
    }
    forEachWeightPanel<float>(op, shape, panelScratch_, [&](std::size_t first, std::size_t count, float* panel) {
      const std::size_t rowLength = transposeW ? k : n;
      widenPanel(first * rowLength, count * rowLength, panel);
      const cuda::WeightPanelProduct part = cuda::weightPanelProduct(m, n, k, transposeA, transposeW, first, count);
      const cuda::RowMajorProduct& p = part.product;
      cuda::gemmRowMajorStrided(blas(), op, a.data() + part.aOffset, p.transposeA, p.lda, panel, p.transposeB, p.ldb,
                                c.data() + part.cOffset, p.ldc, p.m, p.n, p.k, alpha, part.accumulates ? 1.0f : beta);
    });
  }

  // The same in bf16 (bf16For(shape) holds): A already rounded, compact (forEachActivationBlock),
  // each panel of W made bf16 by makePanel(first element, count, panel), each through the bf16
  // products; c is C's first element.
  template <typename MakePanel>
  void matmulBf16Panels(const char* op, const std::uint16_t* a, float* c, const MatmulShape& shape, float alpha,
                        float beta, MakePanel makePanel) {
    const std::size_t m = shape.m, n = shape.n, k = shape.k;
    const bool transposeA = shape.transposeA, transposeW = shape.transposeB;
    if (n == 0) return;
    forEachWeightPanel<std::uint16_t>(op, shape, bf16PanelScratch_,
                                      [&](std::size_t first, std::size_t count, std::uint16_t* panel) {
      const std::size_t rowLength = transposeW ? k : n;
      makePanel(first * rowLength, count * rowLength, panel);
      const cuda::WeightPanelProduct part = cuda::weightPanelProduct(m, n, k, transposeA, transposeW, first, count);
      bf16Gemm_->run(stream(), op, part.product, a + part.aOffset, panel, c + part.cOffset, alpha,
                     part.accumulates ? 1.0f : beta);
    });
  }

  // Calls product(first stored row, rows, panel) for W's stored rows (W is op's B) in panels of at
  // most kPanelElements elements, the panel in scratch.
  template <typename Element, typename Product>
  void forEachWeightPanel(const char* op, const MatmulShape& shape, Scratch& scratch, Product product) {
    const std::size_t rowLength = shape.transposeB ? shape.k : shape.n;
    const std::size_t total = shape.transposeB ? shape.n : shape.k;
    const std::size_t rows = std::max<std::size_t>(1, kPanelElements / rowLength);
    auto* panel = scratch.as<Element>(std::min(rows, total) * rowLength, stream(), op);
    for (std::size_t first = 0; first < total; first += rows) product(first, std::min(rows, total - first), panel);
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
  Scratch bf16PanelScratch_, activationScratch_;  // the bf16 products: a panel of W, A rounded
  std::unique_ptr<cuda::Bf16Gemm> bf16Gemm_;      // null where products stay fp32
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

// The fused head and loss: the targets checked and counted here, the chunk loop in
// cross_entropy.cu with the head's products through matmulWeight (a 16-bit head widened panel by
// panel, in scratch of its own). The per-token losses are kept in double and summed once, in token
// order, at the end.
CrossEntropyOutcome CudaBackend::doCrossEntropy(DeviceSpan<const float> hidden, const WeightView& head,
                                                DeviceSpan<const std::int32_t> targets,
                                                const CrossEntropyShape& shape, DeviceSpan<float> dhidden,
                                                DeviceSpan<float> dhead) {
  const char* op = "crossEntropy";
  const std::size_t hiddenSize = shape.hiddenSize, vocab = shape.vocab;
  const std::size_t tokens = targets.size();
  const bool backward = !dhidden.empty();

  CrossEntropyOutcome outcome;
  for (const std::int32_t target : downloadIds(targets, op)) {
    if (target == kIgnoreTarget) continue;
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
  cuda::HeadProducts products;
  products.logits = [&](const float* rows, std::size_t count, float* out) {
    matmulWeight(DeviceSpan<const float>(rows, count * hiddenSize), head, DeviceSpan<float>(out, count * vocab),
                 MatmulShape{count, vocab, hiddenSize, false, true});
  };
  products.inputGradient = [&](const float* gradient, std::size_t count, float* out) {
    matmulWeight(DeviceSpan<const float>(gradient, count * vocab), head, DeviceSpan<float>(out, count * hiddenSize),
                 MatmulShape{count, hiddenSize, vocab});
  };
  products.weightGradient = [&](const float* gradient, const float* rows, std::size_t count, float* out) {
    matmul(DeviceSpan<const float>(gradient, count * vocab), DeviceSpan<const float>(rows, count * hiddenSize),
           DeviceSpan<float>(out, vocab * hiddenSize), MatmulShape{vocab, hiddenSize, count, true, false}, 1.0f, 1.0f);
  };
  cuda::crossEntropyChunks(stream(), hidden.data(), targets.data(), tokens, hiddenSize, vocab, chunkTokens,
                           scale, backward ? dhidden.data() : nullptr, backward && !dhead.empty() ? dhead.data() : nullptr,
                           logits, rowLoss, products);
  outcome.lossSum = downloadDouble(rowLoss + tokens, op);
  return outcome;
}

}  // namespace

std::unique_ptr<Backend> cuda::makeBackend(int device) { return std::make_unique<CudaBackend>(device); }

}  // namespace tiertune::kernels
