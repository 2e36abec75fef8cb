// Parity of the CUDA backend with the CPU reference backend: every Backend op, forward and
// backward, on fresh random inputs, run on both and compared with a stated bound; then one
// forward and backward of tiny decoders (core/model) on both; then whole short training runs of the
// real trainer (core/train), whose loss curves and final weights must agree; then the transfer
// lane's ordering by fences (an op sees a copy it waits for; a copy waits for the ops still reading
// its target) and the tiered executor streaming a run through it against the resident run. Plain C++, no Qt: it runs on GPU
// machines that have no Qt (tests/device/cuda_checks.sh). Without a CUDA device it says so and
// exits 77, which CTest counts as skipped. --self-check puts a second CPU backend in the CUDA
// backend's place: it checks the harness itself on machines without a GPU.
//
// Each check prints one line: its name, the measured error and the bound. The error of a tensor
// is max |cuda - cpu| / max(max |cpu|, tiny): relative to the tensor's scale, not per element, so
// values near zero (cancellation) do not dominate. Bounds, in fp32 (unit roundoff 6e-8):
//   1e-5  element-wise ops: each element is a handful of roundings on either side (both sides
//         without fused multiply-add, but expf/sinf/cosf differ by an ulp or two);
//   1e-4  GEMMs and reductions (matmul, norms, attention, cross-entropy): the order of the
//         additions differs (cuBLAS split-K and tiles against OpenBLAS, warp trees against
//         loops), which costs about sqrt(k) ulps of the largest partial sum;
//   1e-10 sums accumulated in double (sumOfSquares);
//   0     dropout, fill and copy: the same hash, the same single rounding: bit for bit;
//   1e-3  the decoder's loss and gradients: several layers of the above, compounded; and every
//         step's loss and the final trained weights of a 30-step run (see checkTraining for why
//         the optimizer does not amplify the differences past that).
// Those checks run with TIERTUNE_CUDA_PRODUCTS=fp32 (fp32 products on both sides). Then a second
// pass, "bf16 products", takes the CUDA backend as it trains: products of 16 rows or more with bf16
// operands and fp32 sums (kernels/cuda/bf16_gemm.h). There the CPU side computes the rounded
// definition: the operands the GPU rounds are rounded on the host first (nearest even, as
// cpu::floatToBf16), then multiplied exactly, so the products keep the 1e-4 bound and a wrong
// rounding, layout or panel shows; products of fewer rows must stay fp32 (the CPU side then takes
// the values unrounded). Where the GPU rounds an intermediate the CPU side cannot reach (the loss's
// gradient before the head's products):
//   1e-2  one bf16 rounding (2^-9 relative) in a sum, relative to the tensor's scale (measured
//         about 2e-3 with the rounding left out on purpose);
// and the tiny decoders against the CPU's fp32 products, every operand of every product rounded,
// layers compounding. Bounds from an emulation in PyTorch of the same policy on models of these
// shapes (operands rounded, fp32 sums; five random models each), with margin:
//   1e-2  the decoder's loss (emulated: at most 2.4e-3);
//   1e-1  the decoder's gradients (emulated: 0.9e-2 to 4.5e-2 of the largest gradient);
//   5e-2  every step's loss of a 30-step run (emulated: at most 3.5e-2). The final weights are
//         printed, not bounded: Adam turns gradient noise into full-size steps.
// Any NaN or infinity in a CUDA output fails its check, whatever the bound: outputs are poisoned
// with NaN before every op that overwrites them, so an element an op forgets to write shows up.
// Outputs an op accumulates into start from random values instead.
//
// The seed comes from std::random_device and is printed; TIERTUNE_TEST_SEED=<number> repeats a run.
#include <cuda_runtime_api.h>
#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/hardware/compute_speed.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/model/parameter_table.h"
#include "core/model/model_units.h"
#include "core/model/token_batch.h"
#include "core/tiers/state_placement.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"
#include "kernels/backend.h"
#include "kernels/bf16_rows.h"
#include "kernels/cpu/cross_entropy.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/nf4.h"
#include "kernels/cpu/rope.h"
#include "kernels/nf4_format.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::kernels;

namespace {

constexpr double kElementwise = 1e-5;
constexpr double kReduction = 1e-4;
constexpr double kDoubleSum = 1e-10;
constexpr double kBitwise = 0;
constexpr double kModel = 1e-3;
constexpr double kBf16Intermediate = 1e-2;
constexpr double kBf16DecoderLoss = 1e-2;
constexpr double kBf16DecoderGradients = 1e-1;
constexpr double kBf16Training = 5e-2;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

int failures = 0;
int checksRun = 0;

void report(const std::string& name, bool passed, const std::string& detail) {
  ++checksRun;
  if (!passed) ++failures;
  std::printf("%s %-72s %s\n", passed ? "PASS" : "FAIL", name.c_str(), detail.c_str());
  std::fflush(stdout);
}

std::string scientific(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2e", value);
  return text;
}

// Compares a CUDA result with the CPU's: error as in the header comment, and no NaN/Inf at all.
void compare(const std::string& name, const std::vector<float>& reference, const std::vector<float>& actual,
             double bound) {
  if (reference.size() != actual.size()) {
    report(name, false, "sizes differ: " + std::to_string(reference.size()) + " and " + std::to_string(actual.size()));
    return;
  }
  double largest = 0, difference = 0;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    if (!std::isfinite(actual[i])) {
      report(name, false, "CUDA output [" + std::to_string(i) + "] is " + std::to_string(actual[i]));
      return;
    }
    if (!std::isfinite(reference[i])) {
      report(name, false, "CPU reference [" + std::to_string(i) + "] is " + std::to_string(reference[i]));
      return;
    }
    largest = std::max(largest, std::abs(static_cast<double>(reference[i])));
    difference = std::max(difference, std::abs(static_cast<double>(actual[i]) - reference[i]));
  }
  const double error = difference / std::max(largest, 1e-30);
  const bool passed = bound == 0 ? difference == 0 : error <= bound;
  report(name, passed,
         "error " + scientific(error) + " (bound " + (bound == 0 ? std::string("bitwise") : scientific(bound)) +
             ", max |ref| " + scientific(largest) + ", " + std::to_string(reference.size()) + " values)");
}

void compareScalar(const std::string& name, double reference, double actual, double bound) {
  const double error = std::abs(actual - reference) / std::max(std::abs(reference), 1e-30);
  report(name, std::isfinite(actual) && error <= bound,
         "cpu " + std::to_string(reference) + ", cuda " + std::to_string(actual) + ", error " + scientific(error) +
             " (bound " + scientific(bound) + ")");
}

// Host values and their copies on both backends. [0] is the CPU's, [1] the CUDA backend's.
class Twin {
 public:
  Twin() = default;
  Twin(Backend& cpu, Backend& gpu, const std::vector<float>& values) : Twin(cpu, gpu, values, values) {}
  // Different values on either side (an operand the CPU side takes rounded to bf16).
  Twin(Backend& cpu, Backend& gpu, const std::vector<float>& cpuValues, const std::vector<float>& gpuValues)
      : size_(cpuValues.size()) {
    buffers_[0] = cpu.allocate(cpuValues.size() * sizeof(float));
    buffers_[1] = gpu.allocate(gpuValues.size() * sizeof(float));
    cpu.upload(cpuValues, (*this)[0]);
    gpu.upload(gpuValues, (*this)[1]);
  }
  DeviceSpan<float> operator[](int side) const { return buffers_[side].as<float>().subspan(0, size_); }
  std::size_t size() const { return size_; }

 private:
  DeviceBuffer buffers_[2];
  std::size_t size_ = 0;
};

class IdTwin {
 public:
  IdTwin(Backend& cpu, Backend& gpu, const std::vector<std::int32_t>& values) : size_(values.size()) {
    buffers_[0] = cpu.allocate(std::max<std::size_t>(1, values.size()) * sizeof(std::int32_t));
    buffers_[1] = gpu.allocate(std::max<std::size_t>(1, values.size()) * sizeof(std::int32_t));
    cpu.upload(values, (*this)[0]);
    gpu.upload(values, (*this)[1]);
  }
  DeviceSpan<std::int32_t> operator[](int side) const {
    return buffers_[side].as<std::int32_t>().subspan(0, size_);
  }

 private:
  DeviceBuffer buffers_[2];
  std::size_t size_ = 0;
};

class Harness {
 public:
  // selfCheck: the "CUDA" side is a second CPU backend, so the harness itself (inputs, poisoning,
  // the reference side of every check) runs where there is no GPU.
  Harness(std::uint64_t seed, bool selfCheck)
      : random_(seed), cpu_(makeCpuBackend()), gpu_(selfCheck ? makeCpuBackend() : makeCudaBackend(0)),
        selfCheck_(selfCheck) {}

  Backend& backend(int side) { return side == 0 ? *cpu_ : *gpu_; }
  bool selfCheck() const { return selfCheck_; }
  std::string gpuName() const { return gpu_->name(); }

  std::vector<float> uniform(std::size_t n, float low = -1, float high = 1) {
    std::uniform_real_distribution<float> distribution(low, high);
    std::vector<float> values(n);
    for (float& value : values) value = distribution(random_);
    return values;
  }
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
  std::uint64_t bits() { return random_(); }

  Twin twin(const std::vector<float>& values) { return Twin(*cpu_, *gpu_, values); }
  // An operand of a product the GPU computes in bf16 when `rounds`: the CPU side takes it rounded
  // (the rounded definition), the GPU side as it is; both rounded in --self-check, whose "GPU" is
  // a CPU backend with exact products.
  Twin operand(const std::vector<float>& values, bool rounds) {
    if (!rounds) return twin(values);
    const std::vector<float> rounded = roundedToBf16(values);
    return Twin(*cpu_, *gpu_, rounded, selfCheck_ ? rounded : values);
  }
  static std::vector<float> roundedToBf16(const std::vector<float>& values) {
    std::vector<float> rounded(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) rounded[i] = cpu::bf16ToFloat(cpu::floatToBf16(values[i]));
    return rounded;
  }
  Twin random(std::size_t n, float low = -1, float high = 1) { return twin(uniform(n, low, high)); }
  Twin poisoned(std::size_t n) { return twin(std::vector<float>(n, kNaN)); }
  IdTwin ids(const std::vector<std::int32_t>& values) { return IdTwin(*cpu_, *gpu_, values); }

  // Runs op on the CPU backend, then on the CUDA backend, then waits for the GPU.
  void both(const std::function<void(Backend&, int)>& op) {
    op(*cpu_, 0);
    op(*gpu_, 1);
    gpu_->synchronize();
  }

  std::vector<float> read(const Twin& twin, int side) {
    std::vector<float> values(twin.size());
    backend(side).download(twin[side], values);
    return values;
  }
  void compare(const std::string& name, const Twin& twin, double bound) {
    ::compare(name, read(twin, 0), read(twin, 1), bound);
  }

 private:
  std::mt19937_64 random_;
  std::unique_ptr<Backend> cpu_, gpu_;
  bool selfCheck_ = false;
};

// ---- element-wise ----------------------------------------------------------------------------

void checkMemory(Harness& h) {
  const std::size_t n = 10007;
  const Twin x = h.poisoned(n);
  h.both([&](Backend& b, int s) { b.fill(x[s], 0.37f); });
  h.compare("fill", x, kBitwise);

  const Twin from = h.random(n);
  const Twin to = h.poisoned(n);
  h.both([&](Backend& b, int s) { b.copy(from[s], to[s]); });
  h.compare("copy", to, kBitwise);

  // Overlapping ranges of one buffer: memmove semantics, both directions.
  const Twin shifted = h.random(n);
  h.both([&](Backend& b, int s) {
    b.copy(shifted[s].subspan(0, n - 5), shifted[s].subspan(5, n - 5));
    b.copy(shifted[s].subspan(3, n - 3), shifted[s].subspan(0, n - 3));
  });
  h.compare("copy (overlapping ranges)", shifted, kBitwise);
}

void checkElementwise(Harness& h) {
  const std::size_t n = (1u << 16) + 7;
  const Twin x = h.random(n);
  const Twin y = h.random(n);  // accumulated into
  h.both([&](Backend& b, int s) { b.axpy(-0.625f, x[s], y[s]); });
  h.compare("axpy", y, kElementwise);

  const Twin z = h.random(n);
  h.both([&](Backend& b, int s) { b.scale(z[s], 1.37f); });
  h.compare("scale", z, kElementwise);

  for (const std::size_t count : {std::size_t(0), std::size_t(1), std::size_t(1000), std::size_t(3u << 20) + 11}) {
    const Twin values = h.random(count, -2, 2);
    double result[2] = {0, 0};
    h.both([&](Backend& b, int s) { result[s] = b.sumOfSquares(values[s]); });
    if (count == 0) {
      report("sumOfSquares (empty)", result[1] == 0, "cuda " + std::to_string(result[1]));
    } else {
      compareScalar("sumOfSquares (n=" + std::to_string(count) + ")", result[0], result[1], kDoubleSum);
    }
  }

  const std::size_t rows = 37, columns = 61;
  const Twin biased = h.random(rows * columns);
  const Twin bias = h.random(columns);
  h.both([&](Backend& b, int s) { b.addBias(biased[s], bias[s], rows); });
  h.compare("addBias", biased, kElementwise);

  // 300 rows summed per column in fp32 in row order on both sides.
  const Twin dy = h.random(300 * columns);
  const Twin dbias = h.random(columns);  // accumulated into
  h.both([&](Backend& b, int s) { b.biasBackward(dy[s], 300, dbias[s]); });
  h.compare("biasBackward", dbias, kElementwise);

  for (const float p : {0.1f, 0.5f}) {
    const std::uint64_t seed = h.bits();
    const Twin in = h.random(n, 0.5f, 1.5f);  // never zero: a zero output is a dropped element
    const Twin out = h.poisoned(n);
    h.both([&](Backend& b, int s) { b.dropout(in[s], out[s], p, seed); });
    h.compare("dropout p=" + std::to_string(p).substr(0, 3) + " (the same mask, bit for bit)", out, kBitwise);
    h.both([&](Backend& b, int s) { b.dropout(in[s], in[s], p, seed); });  // in place
    h.compare("dropout in place p=" + std::to_string(p).substr(0, 3), in, kBitwise);
  }

  const Twin gate = h.random(n, -6, 6);
  const Twin up = h.random(n, -2, 2);
  const Twin act = h.poisoned(n);
  h.both([&](Backend& b, int s) { b.swigluForward(gate[s], up[s], act[s]); });
  h.compare("swigluForward", act, kElementwise);
  const Twin dact = h.random(n);
  const Twin dgate = h.poisoned(n);
  const Twin dup = h.poisoned(n);
  h.both([&](Backend& b, int s) { b.swigluBackward(dact[s], gate[s], up[s], dgate[s], dup[s]); });
  h.compare("swigluBackward dgate", dgate, kElementwise);
  h.compare("swigluBackward dup", dup, kElementwise);
}

void checkAdamw(Harness& h) {
  const std::size_t n = 10007;
  for (const std::int64_t step : {std::int64_t(1), std::int64_t(7), std::int64_t(1000)}) {
    const Twin params = h.random(n);
    const Twin grads = h.random(n, -0.1f, 0.1f);
    const Twin m = h.random(n, -0.01f, 0.01f);
    const Twin v = h.random(n, 0.0f, 1e-3f);
    AdamWHyper hyper;
    hyper.learningRate = 3e-4;
    hyper.weightDecay = 0.01;
    h.both([&](Backend& b, int s) { b.adamw(params[s], grads[s], m[s], v[s], hyper, step); });
    const std::string name = "adamw step " + std::to_string(step);
    h.compare(name + " params", params, kElementwise);
    h.compare(name + " m", m, kElementwise);
    h.compare(name + " v", v, kElementwise);
  }
}

// ---- matrix products -------------------------------------------------------------------------

void checkMatmul(Harness& h) {
  struct Case {
    std::size_t m, n, k;
    float alpha, beta;
  };
  for (const Case c : {Case{37, 61, 45, 1.0f, 0.0f}, Case{37, 61, 45, 0.75f, -0.5f}, Case{1, 1, 1, 2.0f, 0.0f},
                       Case{128, 96, 1000, 1.0f, 1.0f}, Case{301, 17, 64, -1.5f, 0.25f}}) {
    for (const bool transposeA : {false, true}) {
      for (const bool transposeB : {false, true}) {
        const Twin a = h.random(c.m * c.k);
        const Twin b = h.random(c.k * c.n);
        // C is read only when beta is not 0: poisoned then, as an overwritten output.
        const Twin out = c.beta == 0 ? h.poisoned(c.m * c.n) : h.random(c.m * c.n);
        const MatmulShape shape{c.m, c.n, c.k, transposeA, transposeB};
        h.both([&](Backend& backend, int s) { backend.matmul(a[s], b[s], out[s], shape, c.alpha, c.beta); });
        h.compare("matmul " + std::to_string(c.m) + "x" + std::to_string(c.n) + "x" + std::to_string(c.k) +
                      (transposeA ? " A^T" : " A") + (transposeB ? " B^T" : " B") + " alpha " +
                      std::to_string(c.alpha).substr(0, 5) + " beta " + std::to_string(c.beta).substr(0, 5),
                  out, kReduction);
      }
    }
  }
}

// A frozen weight kept in 16 bits, on both backends; the GPU widens it in panels of 16 Mi floats,
// so the 4100 x 4100 weight takes two (the CPU's take 1 Mi: seventeen). The self-check, which runs
// in CI without a GPU, takes a 1100 x 1100 weight: two of the CPU's panels.
void checkHalfWeights(Harness& h) {
  const std::size_t large = h.selfCheck() ? 1100 : 4100;
  for (const HalfFormat format : {HalfFormat::Bf16, HalfFormat::F16}) {
    const std::string label = format == HalfFormat::Bf16 ? "bf16" : "fp16";
    for (const std::size_t side : {std::size_t(61), large}) {
      const std::size_t m = 9, n = side, k = side;
      const std::vector<float> values = h.uniform(n * k);
      std::vector<std::uint16_t> bits(values.size());
      for (std::size_t i = 0; i < values.size(); ++i) {
        bits[i] = format == HalfFormat::Bf16 ? cpu::floatToBf16(values[i]) : cpu::floatToF16(values[i]);
      }
      DeviceBuffer weights[2];
      for (int s = 0; s < 2; ++s) {
        weights[s] = h.backend(s).allocate(bits.size() * sizeof(std::uint16_t));
        h.backend(s).upload(bits, weights[s].as<std::uint16_t>().subspan(0, bits.size()));
      }
      auto w = [&](int s) { return DeviceSpan<const std::uint16_t>(weights[s].as<std::uint16_t>().subspan(0, bits.size())); };
      const Twin widened = h.poisoned(bits.size());
      h.both([&](Backend& backend, int s) { backend.widen(w(s), format, widened[s]); });
      h.compare("widen " + label + " " + std::to_string(bits.size()), widened, 0.0);
      for (const bool transposeA : {false, true}) {
        for (const bool transposeW : {false, true}) {
          const Twin a = h.random(m * k);
          const Twin out = h.random(m * n);
          const MatmulShape shape{m, n, k, transposeA, transposeW};
          h.both([&](Backend& backend, int s) { backend.matmulHalfWeights(a[s], w(s), format, out[s], shape, 0.5f, -1.0f); });
          h.compare("matmulHalfWeights " + label + " " + std::to_string(m) + "x" + std::to_string(n) + "x" +
                        std::to_string(k) + (transposeA ? " A^T" : " A") + (transposeW ? " W^T" : " W"),
                    out, kReduction);
        }
      }
    }
    // A 16-bit embedding table (rows widened exactly) and a frozen 16-bit head in the fused loss.
    const std::size_t vocab = 97, dim = 45, tokens = 300;
    std::vector<std::uint16_t> table(vocab * dim);
    for (std::uint16_t& b : table) {
      const float value = h.uniform(1)[0];
      b = format == HalfFormat::Bf16 ? cpu::floatToBf16(value) : cpu::floatToF16(value);
    }
    DeviceBuffer tables[2];
    for (int s = 0; s < 2; ++s) {
      tables[s] = h.backend(s).allocate(table.size() * sizeof(std::uint16_t));
      h.backend(s).upload(table, tables[s].as<std::uint16_t>().subspan(0, table.size()));
    }
    auto view = [&](int s) {
      return WeightView(DeviceSpan<const std::uint16_t>(tables[s].as<std::uint16_t>().subspan(0, table.size())), format);
    };
    std::vector<std::int32_t> ids(tokens);
    for (auto& id : ids) id = static_cast<std::int32_t>(h.below(vocab));
    const IdTwin idTwin = h.ids(ids);
    const Twin looked = h.poisoned(tokens * dim);
    h.both([&](Backend& b, int s) { b.embeddingForward(view(s), idTwin[s], dim, looked[s]); });
    h.compare("embeddingForward " + label + " table", looked, kBitwise);
    std::vector<std::int32_t> targets(tokens);
    for (std::size_t t = 0; t < tokens; ++t) {
      targets[t] = t % 4 == 1 ? kernels::kIgnoreTarget : static_cast<std::int32_t>(h.below(vocab));
    }
    const IdTwin targetTwin = h.ids(targets);
    const Twin hidden = h.random(tokens * dim, -2, 2);
    const Twin dhidden = h.poisoned(tokens * dim);
    const CrossEntropyShape shape{tokens, dim, vocab, 64, 0};
    CrossEntropyOutcome outcome[2];
    h.both([&](Backend& b, int s) { outcome[s] = b.crossEntropy(hidden[s], view(s), targetTwin[s], shape, dhidden[s], {}); });
    compareScalar("crossEntropy " + label + " head lossSum", outcome[0].lossSum, outcome[1].lossSum, kReduction);
    h.compare("crossEntropy " + label + " head dhidden", dhidden, kReduction);
  }
}

// A frozen projection kept in NF4 (QLoRA), on both backends. The product with an identity A is the
// dequantized weight itself, which must be the same bits on both (the CUDA kernel rounds as the
// CPU does); then the products, forward (W^T) and input gradient (W), with panels as above.
void checkNf4Weights(Harness& h) {
  const std::size_t large = h.selfCheck() ? 1100 : 4100;
  for (const std::size_t side : {std::size_t(61), large}) {
    const std::size_t n = side, k = side;
    const Nf4Layout layout = nf4Layout(n * k);
    std::vector<std::uint8_t> bytes(layout.bytes);
    cpu::quantizeNf4(h.uniform(n * k, -0.05f, 0.05f), bytes);
    DeviceBuffer weights[2];
    for (int s = 0; s < 2; ++s) {
      weights[s] = h.backend(s).allocate(bytes.size());
      h.backend(s).upload(bytes, weights[s].as<std::uint8_t>().subspan(0, bytes.size()));
    }
    auto w = [&](int s) { return DeviceSpan<const std::uint8_t>(weights[s].as<std::uint8_t>().subspan(0, bytes.size())); };
    if (side <= 1100) {
      std::vector<float> identity(k * k, 0.0f);
      for (std::size_t i = 0; i < k; ++i) identity[i * k + i] = 1.0f;
      const Twin eye = h.twin(identity);
      const Twin read = h.poisoned(k * n);
      h.both([&](Backend& backend, int s) {
        backend.matmulNf4Weights(eye[s], w(s), read[s], MatmulShape{k, n, k, false, false});
      });
      h.compare("NF4 weights read back " + std::to_string(n * k), read, kBitwise);
    }
    for (const bool transposeA : {false, true}) {
      for (const bool transposeW : {false, true}) {
        const std::size_t m = 9;
        const Twin a = h.random(m * k);
        const Twin out = h.random(m * n);
        const MatmulShape shape{m, n, k, transposeA, transposeW};
        h.both([&](Backend& backend, int s) { backend.matmulNf4Weights(a[s], w(s), out[s], shape, 0.5f, -1.0f); });
        h.compare("matmulNf4Weights " + std::to_string(m) + "x" + std::to_string(n) + "x" + std::to_string(k) +
                      (transposeA ? " A^T" : " A") + (transposeW ? " W^T" : " W"),
                  out, kReduction);
      }
    }
  }
}

// ---- normalization, rotary embedding, embeddings ------------------------------------------------

void checkRmsNorm(Harness& h) {
  struct Case {
    std::size_t rows, dim;
  };
  for (const Case c : {Case{37, 61}, Case{8, 4096}, Case{130, 6}}) {
    const RmsNormShape shape{c.rows, c.dim, 1e-6};
    const std::string name = "rmsNorm " + std::to_string(c.rows) + "x" + std::to_string(c.dim);
    const Twin x = h.random(c.rows * c.dim, -3, 3);
    const Twin weight = h.random(c.dim, 0.5f, 1.5f);
    const Twin y = h.poisoned(c.rows * c.dim);
    const Twin invRms = h.poisoned(c.rows);
    h.both([&](Backend& b, int s) { b.rmsNormForward(x[s], weight[s], shape, y[s], invRms[s]); });
    h.compare(name + " forward y", y, kReduction);
    h.compare(name + " forward invRms", invRms, kReduction);

    // The backward's inputs are the same on both sides: the CPU's invRms.
    const Twin savedInvRms = h.twin(h.read(invRms, 0));
    const Twin dy = h.random(c.rows * c.dim);
    for (const bool frozen : {false, true}) {
      const Twin dx = h.poisoned(c.rows * c.dim);
      const Twin dweight = h.random(c.dim);  // accumulated into
      h.both([&](Backend& b, int s) {
        b.rmsNormBackward(dy[s], x[s], weight[s], savedInvRms[s], shape, dx[s],
                          frozen ? DeviceSpan<float>() : dweight[s]);
      });
      h.compare(name + " backward dx" + (frozen ? " (frozen weight)" : ""), dx, kReduction);
      if (!frozen) h.compare(name + " backward dweight", dweight, kReduction);
    }
  }
}

void checkRope(Harness& h) {
  for (const std::size_t headDim : {std::size_t(64), std::size_t(128), std::size_t(6)}) {
    const RopeShape shape{70, 8, headDim};
    std::vector<std::int32_t> positions(shape.tokens);
    for (std::size_t t = 0; t < shape.tokens; ++t) positions[t] = static_cast<std::int32_t>(t < 30 ? t : t - 30 + 2000);
    const IdTwin positionIds = h.ids(positions);
    const Twin invFreq = h.twin(cpu::ropeInverseFrequencies<float>(headDim, 500000.0, cpu::RopeScalingSpec{}));
    for (const bool inverse : {false, true}) {
      const Twin x = h.random(shape.tokens * shape.heads * headDim);
      h.both([&](Backend& b, int s) { b.rope(x[s], shape, positionIds[s], invFreq[s], inverse); });
      h.compare("rope headDim " + std::to_string(headDim) + (inverse ? " inverse" : " forward"), x, kElementwise);
    }
  }
}

void checkEmbedding(Harness& h) {
  const std::size_t vocab = 97, dim = 45, tokens = 300;  // tokens > vocab: ids repeat
  std::vector<std::int32_t> ids(tokens);
  for (auto& id : ids) id = static_cast<std::int32_t>(h.below(vocab));
  const IdTwin idTwin = h.ids(ids);
  const Twin table = h.random(vocab * dim);
  const Twin out = h.poisoned(tokens * dim);
  h.both([&](Backend& b, int s) { b.embeddingForward(table[s], idTwin[s], dim, out[s]); });
  h.compare("embeddingForward", out, kBitwise);
  const Twin dout = h.random(tokens * dim);
  const Twin dtable = h.random(vocab * dim);  // accumulated into
  h.both([&](Backend& b, int s) { b.embeddingBackward(dout[s], idTwin[s], dim, dtable[s]); });
  h.compare("embeddingBackward (repeated ids add up)", dtable, kElementwise);
}

// ---- attention -----------------------------------------------------------------------------------

// bf16: the second pass, where head dimensions 64 and 128 take the tensor-core kernels
// (kernels/cuda/attention_bf16.cu): the CPU side gets q, k, v and dout rounded, so the scores and
// logSumExp keep 1e-4; what the GPU rounds inside (P before P V, P and dS in the backward) is held
// to one bf16 rounding (1e-2). Other head dimensions stay fp32.
void checkAttention(Harness& h, const AttentionShape& shape, const std::vector<std::int32_t>& sampleStart,
                    const std::string& label, bool bf16 = false) {
  const std::size_t queryElements = shape.tokens * shape.heads * shape.headDim;
  const std::size_t keyElements = shape.tokens * shape.kvHeads * shape.headDim;
  const bool rounds = bf16 && (shape.headDim == 64 || shape.headDim == 128);
  const double bound = rounds ? kBf16Intermediate : kReduction;
  const std::string name = std::string(bf16 ? "bf16 " : "") + "attention " + label + (bf16 && !rounds ? " (fp32)" : "");
  const IdTwin starts = h.ids(sampleStart);
  // Scores of a few units, as in a trained model: softmax neither flat nor one-hot.
  const Twin q = h.operand(h.uniform(queryElements, -1.5f, 1.5f), rounds);
  const Twin k = h.operand(h.uniform(keyElements, -1.5f, 1.5f), rounds);
  const Twin v = h.operand(h.uniform(keyElements), rounds);
  const Twin out = h.poisoned(queryElements);
  const Twin logSumExp = h.poisoned(shape.heads * shape.tokens);
  h.both([&](Backend& b, int s) { b.attentionForward(q[s], k[s], v[s], starts[s], shape, out[s], logSumExp[s]); });
  h.compare(name + " forward out", out, bound);
  h.compare(name + " forward logSumExp", logSumExp, kReduction);

  // The backward gets the same out and logSumExp on both sides: the CPU's.
  const Twin savedOut = h.twin(h.read(out, 0));
  const Twin savedLse = h.twin(h.read(logSumExp, 0));
  const Twin dout = h.operand(h.uniform(queryElements), rounds);
  const Twin dq = h.poisoned(queryElements);
  const Twin dk = h.poisoned(keyElements);
  const Twin dv = h.poisoned(keyElements);
  h.both([&](Backend& b, int s) {
    b.attentionBackward(dout[s], q[s], k[s], v[s], savedOut[s], savedLse[s], starts[s], shape, dq[s], dk[s], dv[s]);
  });
  h.compare(name + " backward dq", dq, bound);
  h.compare(name + " backward dk", dk, bound);
  h.compare(name + " backward dv", dv, bound);
}

std::vector<std::int32_t> packedStarts(const std::vector<std::size_t>& sampleLengths) {
  std::vector<std::int32_t> starts;
  for (const std::size_t length : sampleLengths) {
    const auto first = static_cast<std::int32_t>(starts.size());
    starts.insert(starts.end(), length, first);
  }
  return starts;
}

void checkAttention(Harness& h) {
  checkAttention(h, {70, 8, 2, 64}, packedStarts({29, 41}), "70 tokens 8/2 heads d64, two samples");
  checkAttention(h, {70, 8, 2, 128}, packedStarts({29, 41}), "70 tokens 8/2 heads d128, two samples");
  checkAttention(h, {70, 8, 8, 64}, packedStarts({70}), "70 tokens 8/8 heads d64, one sample");
  checkAttention(h, {45, 6, 3, 40}, packedStarts({1, 20, 3, 21}), "45 tokens 6/3 heads d40, four samples");
  checkAttention(h, {33, 4, 2, 6}, packedStarts({33}), "33 tokens 4/2 heads d6");
  // The tiled kernels (head dimensions 64 and 128): token counts that are not a multiple of their
  // 64-row tiles, sample boundaries inside tiles (50 and 140), and a training-sized sequence.
  checkAttention(h, {200, 8, 2, 64}, packedStarts({50, 90, 60}), "200 tokens 8/2 heads d64, three samples");
  checkAttention(h, {200, 8, 2, 128}, packedStarts({50, 90, 60}), "200 tokens 8/2 heads d128, three samples");
  checkAttention(h, {1024, 16, 8, 64}, packedStarts({1024}), "1024 tokens 16/8 heads d64, one sample");
}

// Generation: new queries against a KV cache with spare rows past the filled ones (whose values
// must not be read). Decoding is one query; a prefill many.
void checkCachedAttention(Harness& h, const CachedAttentionShape& shape, const std::string& label) {
  const std::size_t queryElements = shape.queries * shape.heads * shape.headDim;
  const std::size_t cacheElements = (shape.past + shape.queries + 3) * shape.kvHeads * shape.headDim;
  const Twin q = h.random(queryElements, -1.5f, 1.5f);
  const Twin keys = h.random(cacheElements, -1.5f, 1.5f);
  const Twin values = h.random(cacheElements);
  const Twin out = h.poisoned(queryElements);
  h.both([&](Backend& b, int s) { b.cachedAttention(q[s], keys[s], values[s], shape, out[s]); });
  h.compare("cachedAttention " + label, out, kReduction);
}

void checkCachedAttention(Harness& h) {
  checkCachedAttention(h, {1, 300, 8, 2, 64}, "decode after 300 tokens, 8/2 heads d64");
  checkCachedAttention(h, {1, 0, 4, 4, 128}, "first token, 4/4 heads d128");
  checkCachedAttention(h, {37, 20, 6, 3, 40}, "37 tokens after 20, 6/3 heads d40");
}

// ---- cross-entropy ---------------------------------------------------------------------------------

void checkCrossEntropy(Harness& h) {
  const std::size_t tokens = 37, hiddenSize = 45, vocab = 301;
  struct Case {
    std::string label;
    std::size_t chunkTokens, normalizer;
    bool backward, frozenHead, allIgnored;
  };
  const std::vector<Case> cases = {
      {"chunks of 8, trainable head", 8, 0, true, false, false},
      {"chunks of 8, frozen head, normalizer 100", 8, 100, true, true, false},
      {"one chunk of 1024, trainable head", 1024, 0, true, false, false},
      {"chunks of 1, trainable head, normalizer 50", 1, 50, true, false, false},
      {"forward only, chunks of 5", 5, 0, false, false, false},
      {"every target ignored", 8, 0, true, false, true},
  };
  for (const Case& c : cases) {
    const std::string name = "crossEntropy " + c.label;
    std::vector<std::int32_t> targets(tokens);
    for (std::size_t t = 0; t < tokens; ++t) {
      targets[t] = c.allIgnored || t % 4 == 1 ? kernels::kIgnoreTarget : static_cast<std::int32_t>(h.below(vocab));
    }
    const IdTwin targetTwin = h.ids(targets);
    const Twin hidden = h.random(tokens * hiddenSize, -2, 2);
    const Twin head = h.random(vocab * hiddenSize, -0.5f, 0.5f);
    const Twin dhidden = h.poisoned(tokens * hiddenSize);
    const Twin dhead = h.random(vocab * hiddenSize);  // accumulated into
    const CrossEntropyShape shape{tokens, hiddenSize, vocab, c.chunkTokens, c.normalizer};
    CrossEntropyOutcome outcome[2];
    h.both([&](Backend& b, int s) {
      outcome[s] = b.crossEntropy(hidden[s], head[s], targetTwin[s], shape, c.backward ? dhidden[s] : DeviceSpan<float>(),
                                  c.backward && !c.frozenHead ? dhead[s] : DeviceSpan<float>());
    });
    report(name + " counted", outcome[0].counted == outcome[1].counted,
           "cpu " + std::to_string(outcome[0].counted) + ", cuda " + std::to_string(outcome[1].counted));
    if (c.allIgnored) {
      report(name + " lossSum", outcome[1].lossSum == 0, "cuda " + std::to_string(outcome[1].lossSum));
    } else {
      compareScalar(name + " lossSum", outcome[0].lossSum, outcome[1].lossSum, kReduction);
    }
    if (c.backward) {
      // All zeros when every target is ignored: compare bit for bit then (the error is 0 / tiny).
      h.compare(name + " dhidden", dhidden, c.allIgnored ? kBitwise : kReduction);
      h.compare(name + (c.frozenHead ? " dhead (frozen, untouched)" : " dhead"), dhead, kReduction);
    }
  }
}

// ---- the decoder, end to end -------------------------------------------------------------------

const char* const kQwen2Config =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":24,"num_hidden_layers":3,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":36,"vocab_size":61,
        "max_position_embeddings":64,"rms_norm_eps":1e-6,"rope_theta":10000.0,"tie_word_embeddings":false})";
const char* const kQwen3Config =
    R"({"architectures":["Qwen3ForCausalLM"],"model_type":"qwen3","hidden_size":64,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":2,"head_dim":32,"intermediate_size":96,"vocab_size":131,
        "max_position_embeddings":128,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":false})";

// Head dimension 64: the bf16 pass's decoders take the tensor-core attention forward.
const char* const kLlamaHead64Config =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":128,"num_hidden_layers":2,
        "num_attention_heads":2,"num_key_value_heads":1,"intermediate_size":192,"vocab_size":97,
        "max_position_embeddings":128,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";

std::vector<float> hostCopy(const model::ParameterTable& table) {
  std::vector<float> values(table.elementCount());
  table.backend().download(table.all(), values);
  return values;
}

void checkDecoder(Harness& h, const char* configJson, const std::string& label, bool lora,
                  double lossBound = kModel, double gradientBound = kModel) {
  const formats::ModelConfig config = formats::parseModelConfig(configJson);
  const auto vocab = static_cast<std::size_t>(config.vocabSize);
  model::TokenBatch batch;
  for (const std::size_t length : {std::size_t(17), std::size_t(9), std::size_t(23)}) {
    std::vector<std::int32_t> ids(length);
    for (auto& id : ids) id = static_cast<std::int32_t>(h.below(vocab));
    std::vector<std::uint8_t> mask(length, 1);
    mask[0] = mask[1] = 0;  // a prompt
    batch.append(ids, mask);
  }
  model::LoraConfig loraConfig;
  loraConfig.rank = 4;
  loraConfig.dropout = 0.25;
  const std::uint64_t weightSeed = h.bits(), dropoutSeed = h.bits();
  std::vector<float> gradients[2];
  double loss[2] = {0, 0};
  for (const int side : {0, 1}) {
    Backend& backend = h.backend(side);
    const model::ParameterTable base(backend, model::baseParameterSpecs(config));
    model::initializeBaseWeights(base, weightSeed, 0.2);
    std::unique_ptr<model::ParameterTable> adapter;
    if (lora) {
      adapter = std::make_unique<model::ParameterTable>(backend, model::loraParameterSpecs(config, loraConfig));
      model::initializeLora(*adapter, config, loraConfig, weightSeed + 1);
      // B non-zero, so that gradient flows into A through the adapters.
      for (std::int64_t layer = 0; layer < config.layerCount; ++layer) {
        backend.fill(adapter->tensor(model::loraTensorName(layer, model::LinearModule::Up, 'B')), 0.05f);
        backend.fill(adapter->tensor(model::loraTensorName(layer, model::LinearModule::Query, 'B')), -0.03f);
      }
    }
    const model::ParameterTable& trained = lora ? *adapter : base;
    const model::ParameterTable grads = trained.sameLayout();
    // Chunks of 8 tokens: the cross-entropy takes several chunks.
    model::Decoder decoder(backend, config, base, adapter.get(), lora ? &loraConfig : nullptr, &grads,
                           model::DecoderOptions{true, 8});
    loss[side] = decoder.forwardBackward(batch, batch.countedTargets(), dropoutSeed).sum;
    gradients[side] = hostCopy(grads);
  }
  const std::string name = "decoder " + label;
  compareScalar(name + " loss sum", loss[0], loss[1], lossBound);
  compare(name + " gradients", gradients[0], gradients[1], gradientBound);
}

// ---- bf16 products (the second pass) ----------------------------------------------------------

std::string shapeLabel(std::size_t m, std::size_t n, std::size_t k, bool transposeA, bool transposeB, const char* b) {
  return std::to_string(m) + "x" + std::to_string(n) + "x" + std::to_string(k) + (transposeA ? " A^T " : " A ") + b +
         (transposeB ? "^T" : "");
}

// fp32 operands, both rounded by the GPU; B of 4100 x 4100 takes two of its bf16 panels (16 Mi
// values each); A of 16400 x 4100 (more than 64 Mi values) is rounded in two blocks of rows; 15
// rows stay fp32.
void checkBf16Matmul(Harness& h) {
  struct Case {
    std::size_t m, n, k;
    float alpha, beta;
  };
  const std::size_t large = h.selfCheck() ? 1100 : 4100, tall = h.selfCheck() ? 600 : 16400;
  for (const Case c : {Case{37, 61, 45, 1.0f, 0.0f}, Case{128, 96, 1000, 0.75f, -0.5f}, Case{301, 17, 64, -1.5f, 0.25f},
                       Case{16, 8, 2048, 1.0f, 1.0f}, Case{15, 33, 70, 1.0f, 0.0f}, Case{40, large, large, 1.0f, 0.0f},
                       Case{tall, 17, large, 1.0f, 0.5f}}) {
    const bool rounds = c.m >= kBf16ProductsFewestRows;
    for (const bool transposeA : {false, true}) {
      for (const bool transposeB : {false, true}) {
        const Twin a = h.operand(h.uniform(c.m * c.k), rounds);
        const Twin b = h.operand(h.uniform(c.k * c.n), rounds);
        const Twin out = c.beta == 0 ? h.poisoned(c.m * c.n) : h.random(c.m * c.n);
        const MatmulShape shape{c.m, c.n, c.k, transposeA, transposeB};
        h.both([&](Backend& backend, int s) { backend.matmul(a[s], b[s], out[s], shape, c.alpha, c.beta); });
        h.compare(std::string("bf16 matmul ") + shapeLabel(c.m, c.n, c.k, transposeA, transposeB, "B") +
                      (rounds ? "" : " (fewer rows: fp32)"),
                  out, kReduction);
      }
    }
  }
}

// A 16-bit weight on each side, as its own bits (bf16), or on the CPU side as the bf16 the GPU
// makes of it (fp16 widened, then rounded).
struct SidedWeight {
  DeviceBuffer buffers[2];
  HalfFormat formats[2] = {HalfFormat::Bf16, HalfFormat::Bf16};
  std::size_t size = 0;
  DeviceSpan<const std::uint16_t> operator[](int side) const {
    return DeviceSpan<const std::uint16_t>(buffers[side].as<std::uint16_t>().subspan(0, size));
  }
};

SidedWeight sidedWeight(Harness& h, const std::vector<std::uint16_t>& cpuBits, HalfFormat cpuFormat,
                        const std::vector<std::uint16_t>& gpuBits, HalfFormat gpuFormat) {
  SidedWeight weight;
  weight.size = cpuBits.size();
  weight.formats[0] = cpuFormat;
  weight.formats[1] = gpuFormat;
  const std::vector<std::uint16_t>* bits[2] = {&cpuBits, &gpuBits};
  for (int s = 0; s < 2; ++s) {
    weight.buffers[s] = h.backend(s).allocate(bits[s]->size() * sizeof(std::uint16_t));
    h.backend(s).upload(*bits[s], weight.buffers[s].as<std::uint16_t>().subspan(0, bits[s]->size()));
  }
  return weight;
}

void checkBf16HalfWeights(Harness& h) {
  const std::size_t large = h.selfCheck() ? 1100 : 4100;
  for (const HalfFormat format : {HalfFormat::Bf16, HalfFormat::F16}) {
    const std::string label = format == HalfFormat::Bf16 ? "bf16" : "fp16";
    for (const std::size_t side : {std::size_t(61), large}) {
      const std::size_t n = side, k = side;
      const std::vector<float> values = h.uniform(n * k);
      std::vector<std::uint16_t> stored(values.size()), asBf16(values.size());
      for (std::size_t i = 0; i < values.size(); ++i) {
        stored[i] = format == HalfFormat::Bf16 ? cpu::floatToBf16(values[i]) : cpu::floatToF16(values[i]);
        asBf16[i] = format == HalfFormat::Bf16 ? stored[i] : cpu::floatToBf16(cpu::f16ToFloat(stored[i]));
      }
      for (const std::size_t m : {std::size_t(40), std::size_t(9)}) {
        const bool rounds = m >= kBf16ProductsFewestRows;
        // In --self-check the "GPU" is a CPU backend with exact products: it takes what the CPU
        // side takes.
        const bool gpuAsCpu = rounds && h.selfCheck();
        const SidedWeight w = sidedWeight(h, rounds ? asBf16 : stored, rounds ? HalfFormat::Bf16 : format,
                                          gpuAsCpu ? asBf16 : stored, gpuAsCpu ? HalfFormat::Bf16 : format);
        for (const bool transposeA : {false, true}) {
          for (const bool transposeW : {false, true}) {
            const Twin a = h.operand(h.uniform(m * k), rounds);
            const Twin out = h.random(m * n);
            const MatmulShape shape{m, n, k, transposeA, transposeW};
            h.both([&](Backend& backend, int s) {
              backend.matmulHalfWeights(a[s], w[s], w.formats[s], out[s], shape, 0.5f, -1.0f);
            });
            h.compare("bf16 matmulHalfWeights " + label + " " + shapeLabel(m, n, k, transposeA, transposeW, "W") +
                          (rounds ? "" : " (fewer rows: fp32)"),
                      out, kReduction);
          }
        }
      }
    }
  }
}

// NF4 on the GPU, dequantized to bf16 in panels; on the CPU side the same weight dequantized to
// bf16 on the host (cpu::dequantizeNf4ToBf16, the definition), multiplied as a bf16 weight.
void checkBf16Nf4Weights(Harness& h) {
  const std::size_t large = h.selfCheck() ? 1100 : 4100;
  for (const std::size_t side : {std::size_t(61), large}) {
    const std::size_t n = side, k = side, m = 40;
    const Nf4Layout layout = nf4Layout(n * k);
    std::vector<std::uint8_t> bytes(layout.bytes);
    cpu::quantizeNf4(h.uniform(n * k, -0.05f, 0.05f), bytes);
    std::vector<std::uint16_t> dequantized(n * k);
    cpu::dequantizeNf4ToBf16(bytes, n * k, 0, dequantized);
    const SidedWeight reference = sidedWeight(h, dequantized, HalfFormat::Bf16, dequantized, HalfFormat::Bf16);
    DeviceBuffer nf4 = h.backend(1).allocate(bytes.size());
    h.backend(1).upload(bytes, nf4.as<std::uint8_t>().subspan(0, bytes.size()));
    const DeviceSpan<const std::uint8_t> gpuWeight(nf4.as<std::uint8_t>().subspan(0, bytes.size()));
    const auto product = [&](Backend& backend, int s, const Twin& a, const Twin& out, const MatmulShape& shape,
                             float alpha, float beta) {
      if (s == 0 || h.selfCheck()) {
        backend.matmulHalfWeights(a[s], reference[s], HalfFormat::Bf16, out[s], shape, alpha, beta);
      } else {
        backend.matmulNf4Weights(a[s], gpuWeight, out[s], shape, alpha, beta);
      }
    };
    if (side == 61) {  // the identity (exact in bf16) reads the weight back: the same bits
      std::vector<float> identity(k * k, 0.0f);
      for (std::size_t i = 0; i < k; ++i) identity[i * k + i] = 1.0f;
      const Twin eye = h.twin(identity);
      const Twin read = h.poisoned(k * n);
      h.both([&](Backend& backend, int s) { product(backend, s, eye, read, MatmulShape{k, n, k, false, false}, 1, 0); });
      h.compare("bf16 NF4 weights read back " + std::to_string(n * k), read, kBitwise);
    }
    for (const bool transposeA : {false, true}) {
      for (const bool transposeW : {false, true}) {
        const Twin a = h.operand(h.uniform(m * k), true);
        const Twin out = h.random(m * n);
        const MatmulShape shape{m, n, k, transposeA, transposeW};
        h.both([&](Backend& backend, int s) { product(backend, s, a, out, shape, 0.5f, -1.0f); });
        h.compare("bf16 matmulNf4Weights " + shapeLabel(m, n, k, transposeA, transposeW, "W"), out, kReduction);
      }
    }
  }
}

// The fused loss over 300 tokens in chunks of 64 (every chunk 16 rows or more): a trainable fp32
// head (both operands rounded) and a frozen bf16 head. The logits' operands are rounded on the CPU
// side too, so the loss keeps 1e-4; the gradients pass through the softmax's gradient, which the
// GPU rounds and the CPU side cannot: 1e-2.
void checkBf16CrossEntropy(Harness& h) {
  const std::size_t tokens = 300, hiddenSize = 45, vocab = 97;
  std::vector<std::int32_t> targets(tokens);
  for (std::size_t t = 0; t < tokens; ++t) {
    targets[t] = t % 4 == 1 ? kernels::kIgnoreTarget : static_cast<std::int32_t>(h.below(vocab));
  }
  const IdTwin targetTwin = h.ids(targets);
  const CrossEntropyShape shape{tokens, hiddenSize, vocab, 64, 0};
  {
    const Twin hidden = h.operand(h.uniform(tokens * hiddenSize, -2, 2), true);
    const Twin head = h.operand(h.uniform(vocab * hiddenSize, -0.5f, 0.5f), true);
    const Twin dhidden = h.poisoned(tokens * hiddenSize);
    const Twin dhead = h.random(vocab * hiddenSize);
    CrossEntropyOutcome outcome[2];
    h.both([&](Backend& b, int s) { outcome[s] = b.crossEntropy(hidden[s], head[s], targetTwin[s], shape, dhidden[s], dhead[s]); });
    compareScalar("bf16 crossEntropy trainable head lossSum", outcome[0].lossSum, outcome[1].lossSum, kReduction);
    h.compare("bf16 crossEntropy trainable head dhidden", dhidden, kBf16Intermediate);
    h.compare("bf16 crossEntropy trainable head dhead", dhead, kBf16Intermediate);
  }
  {
    std::vector<std::uint16_t> bits(vocab * hiddenSize);
    for (std::uint16_t& b : bits) b = cpu::floatToBf16(h.uniform(1, -0.5f, 0.5f)[0]);
    const SidedWeight head = sidedWeight(h, bits, HalfFormat::Bf16, bits, HalfFormat::Bf16);
    const Twin hidden = h.operand(h.uniform(tokens * hiddenSize, -2, 2), true);
    const Twin dhidden = h.poisoned(tokens * hiddenSize);
    CrossEntropyOutcome outcome[2];
    h.both([&](Backend& b, int s) {
      outcome[s] = b.crossEntropy(hidden[s], WeightView(head[s], HalfFormat::Bf16), targetTwin[s], shape, dhidden[s], {});
    });
    compareScalar("bf16 crossEntropy frozen bf16 head lossSum", outcome[0].lossSum, outcome[1].lossSum, kReduction);
    h.compare("bf16 crossEntropy frozen bf16 head dhidden", dhidden, kBf16Intermediate);
  }
}

// ---- whole training runs --------------------------------------------------------------------------

// A scratch folder under $TMPDIR (or /tmp), removed with everything in it when this goes.
class ScratchFolder {
 public:
  ScratchFolder() {
    const std::filesystem::path base = std::filesystem::temp_directory_path();
    std::string pattern = (base / "tiertune-parity-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a folder under " + base.string());
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The same run (model folder, token file, seeds) with the real trainer on both backends, step by
// step: 30 optimizer steps of 2 micro-batches of 2 samples, gradient clipping, AdamW with weight
// decay, warmup and cosine decay, activation checkpointing; LoRA with dropout 0.1. Every step's
// loss must agree within 1e-3 and so must the trained weights at the end; the two curves are
// printed side by side for the log.
//
// Adam divides each gradient element by its own running magnitude, so an element whose gradient is
// at rounding level takes a full-size step of either sign, and the two backends' weights part by
// 2 x learning rate there. Epsilon 1e-6 (gradients here are ~1e-3..1e-1) damps exactly those
// elements and leaves the rest of the update as it is; the learning rate (2e-3) still makes the
// loss fall visibly within 30 steps.
train::RunConfig trainingRun(Harness& h, const ScratchFolder& scratch, const char* configJson, bool lora) {
  const std::uint64_t modelSeed = h.bits(), dataSeed = h.bits(), runSeed = h.bits();
  const formats::ModelConfig modelConfig = formats::parseModelConfig(configJson);
  test::writeRandomModelFolder(scratch.path() / "model", configJson, modelSeed);
  test::writeTokenFile(scratch.path() / "train.jsonl", 48, static_cast<int>(modelConfig.vocabSize), dataSeed);

  train::RunConfig config;
  config.modelFolder = scratch.path() / "model";
  config.trainData = scratch.path() / "train.jsonl";
  config.outputFolder = scratch.path() / "output";
  config.lora = lora;
  config.loraConfig.rank = 4;
  config.loraConfig.alpha = 8;
  config.loraConfig.dropout = 0.1;
  config.sequenceLength = 16;
  config.microBatch = 2;
  config.gradientAccumulation = 2;
  config.maxSteps = 30;
  config.adamw = kernels::AdamWHyper{2e-3, 0.9, 0.999, 1e-6, 0.01};
  config.schedule = train::LrSchedule::Cosine;
  config.warmupSteps = 3;
  config.maxGradNorm = 1.0;
  config.seed = runSeed;
  config.activationCheckpointing = true;
  return config;
}

// bound holds every step's loss; the final weights too at kModel, else they are printed only.
void checkTraining(Harness& h, const char* configJson, const std::string& label, bool lora, bool fourBitBase = false,
                   double bound = kModel) {
  const ScratchFolder scratch;
  train::RunConfig config = trainingRun(h, scratch, configJson, lora);
  config.fourBitBase = fourBitBase;

  std::vector<double> losses[2];
  std::vector<float> weights[2];
  for (const int side : {0, 1}) {
    train::Trainer trainer(config, h.backend(side));
    while (trainer.step() < trainer.totalSteps()) losses[side].push_back(trainer.trainStep().loss);
    weights[side] = trainer.trainedValues();
  }

  const std::string name = "training " + label + " (30 steps)";
  std::printf("     %s: step, cpu loss, cuda loss, relative error\n", name.c_str());
  double worst = 0;
  bool finite = true;
  for (std::size_t step = 0; step < losses[0].size(); ++step) {
    const double cpuLoss = losses[0][step], gpuLoss = losses[1][step];
    const double error = std::abs(gpuLoss - cpuLoss) / std::max(std::abs(cpuLoss), 1e-30);
    finite = finite && std::isfinite(cpuLoss) && std::isfinite(gpuLoss);
    worst = std::isfinite(error) ? std::max(worst, error) : std::numeric_limits<double>::infinity();
    std::printf("     %4zu %12.6f %12.6f %10.2e\n", step + 1, cpuLoss, gpuLoss, error);
  }
  const bool complete = losses[0].size() == 30 && losses[1].size() == 30;
  report(name + " loss at every step", complete && finite && worst <= bound,
         "worst error " + scientific(worst) + " (bound " + scientific(bound) + "), loss " +
             std::to_string(losses[0].empty() ? 0.0 : losses[0].front()) + " -> " +
             std::to_string(losses[0].empty() ? 0.0 : losses[0].back()));
  if (bound == kModel) {
    compare(name + " final trained weights", weights[0], weights[1], kModel);
    return;
  }
  double largest = 0, difference = 0;
  for (std::size_t i = 0; i < weights[0].size() && i < weights[1].size(); ++i) {
    largest = std::max(largest, std::abs(static_cast<double>(weights[0][i])));
    difference = std::max(difference, std::abs(static_cast<double>(weights[1][i]) - weights[0][i]));
  }
  std::printf("     %s final trained weights: error %s (not bounded: see the header)\n", name.c_str(),
              scientific(difference / std::max(largest, 1e-30)).c_str());
}

// ---- the transfer lane -----------------------------------------------------------------------
// Copies on the transfer lane are ordered with the ops only by fences. Each check queues work so
// that a missing or misplaced wait would show: a 64 MiB copy that the ops must not overtake, and
// a copy into a buffer that long queued ops still have to read.

// Host staging as a float view, filled with value(i).
std::span<float> stagedFloats(const HostBuffer& staging, std::size_t n, const std::function<float(std::size_t)>& value) {
  const std::span<float> floats(reinterpret_cast<float*>(staging.data()), n);
  for (std::size_t i = 0; i < n; ++i) floats[i] = value(i);
  return floats;
}

void checkTransferLane(Harness& h) {
  Backend& gpu = h.backend(1);
  constexpr std::size_t n = (64u << 20) / sizeof(float);
  const HostBuffer staging = gpu.allocateHostStaging(n * sizeof(float) + 1);
  const bool wholeBlocks = staging.bytes() == n * sizeof(float) + 4096 &&
                           reinterpret_cast<std::uintptr_t>(staging.data()) % 4096 == 0;
  const bool zeroed = std::all_of(staging.data(), staging.data() + staging.bytes(), [](std::byte b) { return b == std::byte{0}; });
  report("host staging: 4 KiB aligned whole blocks, zero-filled", wholeBlocks && zeroed,
         std::to_string(staging.bytes()) + " bytes");
  // The CPU backend's staging is plain memory; the CUDA backend's must be page-locked, or the
  // copies run synchronously and nothing overlaps.
  report("host staging page-locked (plain memory on the CPU backend)", staging.pinned() != h.selfCheck(),
         staging.pinned() ? "pinned" : "pageable");

  // An op that waits for the transfer fence sees the whole upload.
  const std::span<float> host = stagedFloats(staging, n, [](std::size_t i) { return static_cast<float>(i % 4093) * 0.5f; });
  const std::vector<float> expected(host.begin(), host.end());
  const DeviceBuffer slot = gpu.allocate(n * sizeof(float));
  const DeviceBuffer seen = gpu.allocate(n * sizeof(float));
  gpu.fill(slot.as<float>(), kNaN);
  gpu.synchronize();
  gpu.uploadAsync(host, slot.as<float>());
  gpu.laneWaits(Lane::Compute, gpu.record(Lane::Transfer));
  gpu.copy(slot.as<float>(), seen.as<float>());
  std::vector<float> copied(n);
  gpu.download(seen.as<float>(), copied);
  compare("an op after laneWaits(compute, upload fence) sees the 64 MiB upload", expected, copied, kBitwise);

  // The transfer lane waits for the ops still reading the slot before it overwrites it: the ops
  // first keep the compute lane busy (matrix products on other buffers), then copy the slot away.
  const std::size_t m = h.selfCheck() ? 64 : 2048;
  const DeviceBuffer busy = gpu.allocate(3 * m * m * sizeof(float));
  const DeviceSpan<float> a = busy.as<float>().subspan(0, m * m), b = busy.as<float>().subspan(m * m, m * m),
                          c = busy.as<float>().subspan(2 * m * m, m * m);
  gpu.fill(a, 0.5f);
  gpu.fill(b, 0.25f);
  gpu.synchronize();
  for (int i = 0; i < (h.selfCheck() ? 1 : 40); ++i) gpu.matmul(a, b, c, MatmulShape{m, m, m, false, false});
  gpu.copy(slot.as<float>(), seen.as<float>());
  gpu.laneWaits(Lane::Transfer, gpu.record(Lane::Compute));
  stagedFloats(staging, n, [](std::size_t i) { return -static_cast<float>(i % 511); });
  gpu.uploadAsync(host, slot.as<float>());
  gpu.hostWaits(gpu.record(Lane::Transfer));
  gpu.synchronize();
  gpu.download(seen.as<float>(), copied);
  compare("the ops read the slot before the transfer lane overwrote it", expected, copied, kBitwise);

  // A download on the transfer lane, after the ops that wrote the buffer, into staging.
  gpu.scale(slot.as<float>(), 2.0f);
  gpu.laneWaits(Lane::Transfer, gpu.record(Lane::Compute));
  gpu.downloadAsync(slot.as<float>(), host);
  gpu.zeroAsync(slot.as<float>());
  gpu.hostWaits(gpu.record(Lane::Transfer));
  std::vector<float> doubled(n);
  for (std::size_t i = 0; i < n; ++i) doubled[i] = -static_cast<float>(i % 511) * 2.0f;
  compare("downloadAsync after laneWaits(transfer, compute fence) gets the ops' result", doubled,
          std::vector<float>(host.begin(), host.end()), kBitwise);
  gpu.download(slot.as<float>(), copied);
  compare("zeroAsync", std::vector<float>(n, 0.0f), copied, kBitwise);
}

// What the planner is told about the GPU (core/hardware/compute_speed): its fp32 matrix-product
// rate and its copy rate on the transfer lane from pinned staging. Far below what any GPU the
// lent machines have does (tens of TFLOP/s, tens of GB/s), so a failure means a measurement that
// times the wrong thing (or copies from unpinned memory), not a slow GPU.
void checkComputeSpeed(Harness& h) {
  const hardware::ComputeSpeed speed = hardware::measureComputeSpeed(h.backend(1));
  const double flops = h.selfCheck() ? 1e6 : 1e12, bytes = h.selfCheck() ? 1e6 : 2e9;
  char text[160];
  std::snprintf(text, sizeof text, "%.1f GFLOP/s fp32 (above %.0f), copies %.2f GB/s (above %.2f)",
                speed.matmulFlopsPerSecond / 1e9, flops / 1e9, speed.copyBytesPerSecond / 1e9, bytes / 1e9);
  report("measured rates of " + speed.backend, speed.matmulFlopsPerSecond > flops && speed.copyBytesPerSecond > bytes,
         text);
}

// The tiered executor on the GPU backend: the same run with its state resident and with most of
// it streamed through device slots from host and disk homes (every kind of unit on every tier).
// The same ops run on the same values, so the curves agree within the decoder's bound (bitwise in
// --self-check, where the "GPU" is the CPU backend).
void checkStreamedTraining(Harness& h, const std::string& label, bool lora) {
  const ScratchFolder scratch;
  train::RunConfig config = trainingRun(h, scratch, test::kTinyLlamaConfig, lora);
  config.maxSteps = 10;
  const std::size_t units = model::unitCount(formats::parseModelConfig(test::kTinyLlamaConfig));
  tiers::StatePlacement spread = tiers::residentPlacement(units);
  for (std::size_t unit = 0; unit < units; ++unit) {
    for (std::size_t k = 0; k < tiers::kStateKindCount; ++k) spread.home[unit][k] = static_cast<tiers::Tier>((unit + k + 1) % 3);
  }
  std::vector<double> losses[2];
  std::vector<float> weights[2];
  for (const int streamed : {0, 1}) {
    train::TrainerTiering tiering;
    if (streamed) tiering.placement = spread;
    tiering.options.offloadFolder = scratch.path() / "offload";
    std::filesystem::create_directories(tiering.options.offloadFolder);
    train::Trainer trainer(config, h.backend(1), tiering);
    while (trainer.step() < trainer.totalSteps()) losses[streamed].push_back(trainer.trainStep().loss);
    weights[streamed] = trainer.trainedValues();
  }
  const double bound = h.selfCheck() ? kBitwise : kModel;
  const std::string name = "streamed against resident training on the GPU backend, " + label;
  compare(name + " (losses of 10 steps)", std::vector<float>(losses[0].begin(), losses[0].end()),
          std::vector<float>(losses[1].begin(), losses[1].end()), bound);
  compare(name + " (final trained weights)", weights[0], weights[1], bound);
}

std::uint64_t chooseSeed() {
  if (const char* text = std::getenv("TIERTUNE_TEST_SEED"); text != nullptr && *text != '\0') {
    return std::strtoull(text, nullptr, 10);
  }
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace

// tst_backend_parity [--self-check]
int main(int argc, char** argv) {
  const bool selfCheck = argc > 1 && std::string(argv[1]) == "--self-check";
  int devices = 0;
  const cudaError_t error = selfCheck ? cudaSuccess : cudaGetDeviceCount(&devices);
  if (!selfCheck && (error != cudaSuccess || devices == 0)) {
    std::printf("no CUDA device: skipped (%s)\n",
                error != cudaSuccess ? cudaGetErrorString(error) : "the runtime found none");
    return 77;
  }
  const std::uint64_t seed = chooseSeed();
  std::printf("seed %llu (repeat with TIERTUNE_TEST_SEED=%llu)\n", static_cast<unsigned long long>(seed),
              static_cast<unsigned long long>(seed));
  try {
    // The first pass: fp32 products on the GPU, every check at its fp32 bound.
    setenv("TIERTUNE_CUDA_PRODUCTS", "fp32", 1);
    Harness h(seed, selfCheck);
    std::printf("comparing %s with the CPU backend%s\n", h.gpuName().c_str(),
                selfCheck ? " (--self-check: the harness alone, no GPU)" : "");
    checkMemory(h);
    checkElementwise(h);
    checkAdamw(h);
    checkMatmul(h);
    checkHalfWeights(h);
    checkNf4Weights(h);
    checkRmsNorm(h);
    checkRope(h);
    checkEmbedding(h);
    checkAttention(h);
    checkCachedAttention(h);
    checkCrossEntropy(h);
    checkDecoder(h, kQwen2Config, "qwen2 (qkv bias) full fine-tuning", false);
    checkDecoder(h, kQwen3Config, "qwen3 (qk-norm, head_dim 32) LoRA with dropout", true);
    checkTraining(h, test::kTinyLlamaConfig, "llama full fine-tuning", false);
    checkTraining(h, test::kTinyLlamaConfig, "llama LoRA r4 dropout 0.1", true);
    checkTraining(h, kQwen2Config, "qwen2 (qkv bias) full fine-tuning", false);
    checkTraining(h, kQwen2Config, "qwen2 (qkv bias) LoRA r4 dropout 0.1", true);
    checkTraining(h, kQwen2Config, "qwen2 (qkv bias) QLoRA r4 dropout 0.1", true, true);
    checkTransferLane(h);
    checkComputeSpeed(h);
    checkStreamedTraining(h, "llama full fine-tuning", false);
    checkStreamedTraining(h, "llama LoRA r4 dropout 0.1", true);

    // The second pass: the CUDA backend as it trains, bf16 products.
    setenv("TIERTUNE_CUDA_PRODUCTS", "bf16", 1);
    Harness b(seed + 1, selfCheck);
    std::printf("bf16 products: comparing %s with the CPU backend's rounded definition\n", b.gpuName().c_str());
    checkBf16Matmul(b);
    checkBf16HalfWeights(b);
    checkBf16Nf4Weights(b);
    checkBf16CrossEntropy(b);
    checkAttention(b, {200, 8, 2, 64}, packedStarts({50, 90, 60}), "200 tokens 8/2 heads d64, three samples", true);
    checkAttention(b, {200, 8, 2, 128}, packedStarts({50, 90, 60}), "200 tokens 8/2 heads d128, three samples", true);
    checkAttention(b, {70, 8, 8, 64}, packedStarts({70}), "70 tokens 8/8 heads d64, one sample", true);
    checkAttention(b, {1024, 16, 8, 64}, packedStarts({1024}), "1024 tokens 16/8 heads d64, one sample", true);
    checkAttention(b, {45, 6, 3, 40}, packedStarts({1, 20, 3, 21}), "45 tokens 6/3 heads d40, four samples", true);
    checkDecoder(b, kQwen2Config, "bf16 products: qwen2 (qkv bias) full fine-tuning", false, kBf16DecoderLoss,
                 kBf16DecoderGradients);
    checkDecoder(b, kQwen3Config, "bf16 products: qwen3 (qk-norm, head_dim 32) LoRA with dropout", true,
                 kBf16DecoderLoss, kBf16DecoderGradients);
    checkDecoder(b, kLlamaHead64Config, "bf16 products: llama head_dim 64 (tensor-core attention) full fine-tuning",
                 false, kBf16DecoderLoss, kBf16DecoderGradients);
    checkTraining(b, test::kTinyLlamaConfig, "bf16 products: llama full fine-tuning", false, false, kBf16Training);
    checkTraining(b, test::kTinyLlamaConfig, "bf16 products: llama LoRA r4 dropout 0.1", true, false, kBf16Training);
    checkTraining(b, kQwen2Config, "bf16 products: qwen2 QLoRA r4 dropout 0.1", true, true, kBf16Training);
    checkStreamedTraining(b, "bf16 products: llama LoRA r4 dropout 0.1", true);
  } catch (const std::exception& exception) {
    std::printf("FAIL with an exception: %s\n", exception.what());
    return 1;
  }
  std::printf("%d of %d checks failed (seed %llu)\n", failures, checksRun, static_cast<unsigned long long>(seed));
  return failures == 0 ? 0 : 1;
}
