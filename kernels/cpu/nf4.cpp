#include "kernels/cpu/nf4.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu/bf16_products.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/panel_matmul.h"
#include "kernels/cpu/parallel_chunks.h"
#include "kernels/cpu/product_clock.h"
#include "kernels/cpu/vector_kernels.h"
#include "kernels/nf4_format.h"

namespace tiertune::kernels::cpu {

namespace {

// Midpoints between consecutive NF4 values, low to high (the constants of bitsandbytes' decision
// tree dQuantizeNF4): a normalized weight's code is the number of midpoints it lies strictly above.
constexpr std::array<float, 15> kNf4Midpoints = {
    -0.8480964004993439f, -0.6106329262256622f, -0.4599952697753906f,  -0.33967943489551544f,
    -0.23460740596055984f, -0.13791173323988914f, -0.045525018125772476f, 0.03979014977812767f,
    0.1202552504837513f,  0.2035212516784668f,  0.2920137718319893f,   0.3893125355243683f,
    0.5016634166240692f,  0.6427869200706482f,  0.8614784181118011f,
};

// The tree's answer through a table: [-1, 1] cut into 256 buckets; each bucket knows how many
// midpoints lie below a window of one bucket either side of it, and the one midpoint inside that
// window, if any (they are at least 0.08 apart, the window 3/128 wide). So a normalized weight
// takes one comparison, and a bucket computed one off by rounding still gives the exact code.
struct CodeTable {
  std::array<std::uint8_t, 256> below{};
  std::array<float, 256> inside{};
};

const CodeTable& codeTable() {
  static const CodeTable table = [] {
    CodeTable t;
    for (int b = 0; b < 256; ++b) {
      const double low = -1.0 + (b - 1) / 128.0, high = -1.0 + (b + 2) / 128.0;
      t.inside[static_cast<std::size_t>(b)] = INFINITY;
      for (const float midpoint : kNf4Midpoints) {
        if (midpoint < low) {
          ++t.below[static_cast<std::size_t>(b)];
        } else if (midpoint < high) {
          t.inside[static_cast<std::size_t>(b)] = midpoint;
        }
      }
    }
    return t;
  }();
  return table;
}

// The number of midpoints strictly below the normalized weight (NaN: 0, as the tree gives).
std::uint8_t nf4Code(const CodeTable& table, float normalized) {
  const float position = (normalized + 1.0f) * 128.0f;
  const int bucket = position >= 0.0f ? (position < 255.0f ? static_cast<int>(position) : 255) : 0;
  const auto b = static_cast<std::size_t>(bucket);
  if (!(normalized >= -1.0f)) return 0;  // below every midpoint, or NaN
  return static_cast<std::uint8_t>(table.below[b] + (normalized > table.inside[b] ? 1 : 0));
}

// The nearest dynamic value's code, ties to the lower code (distances in double: exact for these).
std::uint8_t dynamicCode(const std::array<float, 256>& values, float normalized) {
  const float x = std::clamp(normalized, -1.0f, 1.0f);
  const auto right = std::lower_bound(values.begin(), values.end(), x);
  if (right == values.begin()) return 0;
  if (right == values.end()) return 255;
  const auto left = right - 1;
  const auto index = static_cast<std::uint8_t>(right - values.begin());
  const double above = static_cast<double>(*right) - x, below = x - static_cast<double>(*left);
  return above < below ? index : static_cast<std::uint8_t>(index - 1);
}

float readFloat(const std::uint8_t* at) {
  float value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

void writeFloat(std::uint8_t* at, float value) { std::memcpy(at, &value, sizeof value); }

// A block's maximum as stored: dynamic[code] x group scale + offset, two roundings.
float blockMaximum(const std::uint8_t* tensor, const Nf4Layout& layout, std::size_t block) {
  const std::uint8_t code = tensor[layout.blockCodes + block];
  const float scale = readFloat(tensor + layout.groupScales + 4 * (block / kNf4ScaleGroupSize));
  const float scaled = nf4DynamicValues()[code] * scale;
  return scaled + readFloat(tensor + layout.offset);
}

}  // namespace

void quantizeNf4(std::span<const float> values, std::span<std::uint8_t> out) {
  const Nf4Layout layout = nf4Layout(values.size());
  if (out.size() != layout.bytes) {
    throw std::invalid_argument("quantizeNf4: " + std::to_string(values.size()) + " weights take " +
                                std::to_string(layout.bytes) + " bytes, not " + std::to_string(out.size()));
  }
  std::fill(out.begin(), out.end(), std::uint8_t{0});
  std::uint8_t* bytes = out.data();
  const auto blocks = static_cast<std::ptrdiff_t>(layout.blocks);
  std::vector<float> maxima(layout.blocks);
  const CodeTable& table = codeTable();
  bool finite = true;
  // Blocks in parallel: each writes only its own codes (64 weights = 32 whole bytes).
#pragma omp parallel for schedule(static) reduction(&& : finite)
  for (std::ptrdiff_t b = 0; b < blocks; ++b) {
    const std::size_t first = static_cast<std::size_t>(b) * kNf4BlockSize;
    const std::size_t count = std::min(kNf4BlockSize, values.size() - first);
    float maximum = 0;
    bool blockFinite = true;
    for (std::size_t i = 0; i < count; ++i) {
      const float magnitude = std::fabs(values[first + i]);
      blockFinite &= magnitude <= std::numeric_limits<float>::max();  // false for infinity and NaN
      maximum = magnitude > maximum ? magnitude : maximum;
    }
    finite = finite && blockFinite;
    maxima[static_cast<std::size_t>(b)] = maximum;
    const float reciprocal = 1.0f / maximum;
    std::array<std::uint8_t, kNf4BlockSize + 1> codes{};
    for (std::size_t i = 0; i < count; ++i) {
      codes[i] = maximum == 0.0f ? static_cast<std::uint8_t>(kNf4ZeroCode) : nf4Code(table, values[first + i] * reciprocal);
    }
    for (std::size_t i = 0; i < count; i += 2) {  // first + i is even: a block starts a byte
      bytes[(first + i) / 2] = static_cast<std::uint8_t>(codes[i] << 4 | (i + 1 < count ? codes[i + 1] : 0));
    }
  }
  if (!finite) throw std::invalid_argument("quantizeNf4: the weight holds NaN or infinity");
  // Double quantization of the maxima: centred on their mean (summed in order, in double), groups
  // of 256 scaled by their largest magnitude.
  double sum = 0;
  for (const float maximum : maxima) sum += maximum;
  const float offset = maxima.empty() ? 0.0f : static_cast<float>(sum / static_cast<double>(maxima.size()));
  writeFloat(bytes + layout.offset, offset);
  const std::array<float, 256>& dynamic = nf4DynamicValues();
  const auto zero = static_cast<std::uint8_t>(std::find(dynamic.begin(), dynamic.end(), 0.0f) - dynamic.begin());
  for (std::size_t g = 0; g < layout.groups; ++g) {
    const std::size_t first = g * kNf4ScaleGroupSize;
    const std::size_t count = std::min(kNf4ScaleGroupSize, layout.blocks - first);
    float scale = 0;
    for (std::size_t i = 0; i < count; ++i) scale = std::max(scale, std::fabs(maxima[first + i] - offset));
    writeFloat(bytes + layout.groupScales + 4 * g, scale);
    const float reciprocal = 1.0f / scale;
    for (std::size_t i = 0; i < count; ++i) {
      bytes[layout.blockCodes + first + i] =
          scale == 0.0f ? zero : dynamicCode(dynamic, (maxima[first + i] - offset) * reciprocal);
    }
  }
}

namespace {

// The layout of a tensor of `elements` weights, once the range [first, first + count) is known to
// lie in it and the tensor to hold its bytes.
Nf4Layout requireRange(const char* what, std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                       std::size_t count) {
  const Nf4Layout layout = nf4Layout(elements);
  if (tensor.size() < layout.bytes || first > elements || count > elements - first) {
    throw std::invalid_argument(std::string(what) + ": weights " + std::to_string(first) + " to " +
                                std::to_string(first + count) + " of " + std::to_string(elements) + " in " +
                                std::to_string(tensor.size()) + " bytes");
  }
  return layout;
}

// Weights [first, first + out.size()) block by block: valuesOf(maximum) gives the block's 16 values
// in out's type, and each weight is its code's value.
template <typename T, typename Values>
void readNf4(const char* what, std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
             std::span<T> out, Values valuesOf) {
  const Nf4Layout layout = requireRange(what, tensor, elements, first, out.size());
  const std::uint8_t* bytes = tensor.data();
  std::size_t done = 0;
  while (done < out.size()) {
    const std::size_t at = first + done;
    const std::size_t block = at / kNf4BlockSize;
    const std::size_t end = std::min((block + 1) * kNf4BlockSize, first + out.size());
    const std::array<T, 16> values = valuesOf(blockMaximum(bytes, layout, block));
    for (std::size_t i = at; i < end; ++i) {
      const std::uint8_t pair = bytes[i / 2];
      out[i - first] = values[(i % 2 == 0) ? pair >> 4 : pair & 0x0F];
    }
    done = end - first;
  }
}

}  // namespace

void dequantizeNf4(std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                   std::span<float> out) {
  // Each NF4 value times the block's maximum: one rounding per weight.
  readNf4<float>("dequantizeNf4", tensor, elements, first, out, [](float maximum) {
    std::array<float, 16> scaled{};
    for (std::size_t c = 0; c < scaled.size(); ++c) scaled[c] = kNf4Values[c] * maximum;
    return scaled;
  });
}

void dequantizeNf4ToBf16(std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                         std::span<std::uint16_t> out) {
  const Nf4Layout layout = requireRange("dequantizeNf4ToBf16", tensor, elements, first, out.size());
  const std::uint8_t* bytes = tensor.data();
  const VectorKernels& kernels = vectorKernels();
  std::size_t done = 0;
  while (done < out.size()) {
    const std::size_t at = first + done;
    const std::size_t block = at / kNf4BlockSize;
    const std::size_t end = std::min((block + 1) * kNf4BlockSize, first + out.size());
    // The block's 16 values as dequantizeNf4 makes them, rounded to bf16 once each; the whole bytes
    // of the range through the vector kernels, a half byte at either end by hand.
    const float maximum = blockMaximum(bytes, layout, block);
    std::array<std::uint16_t, 16> scaled{};
    for (std::size_t c = 0; c < scaled.size(); ++c) scaled[c] = floatToBf16(kNf4Values[c] * maximum);
    std::size_t i = at;
    if (i % 2 == 1) {
      out[i - first] = scaled[bytes[i / 2] & 0x0F];
      ++i;
    }
    const std::size_t pairs = (end - std::min(i, end)) / 2;
    kernels.nibblesToValues(bytes + i / 2, pairs, scaled.data(), out.data() + (i - first));
    i += 2 * pairs;
    if (i < end) out[i - first] = scaled[bytes[i / 2] >> 4];
    done = end - first;
  }
}

void matmulNf4Weights(std::span<const float> a, bool transposeA, std::span<const std::uint8_t> w, bool transposeW,
                      std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  const ProductClock clock;
  const std::size_t elements = k * n;
  if (w.size() < nf4Layout(elements).bytes) {
    throw std::invalid_argument("matmulNf4Weights: W holds " + std::to_string(w.size()) + " bytes, " +
                                std::to_string(elements) + " NF4 weights take " +
                                std::to_string(nf4Layout(elements).bytes));
  }
  // On the processor's bf16 instructions where it has them: each panel dequantized, then rounded to
  // bf16 (bitsandbytes with a bf16 compute type does the same), then multiplied (bf16_products.h).
  // The panel in parallel chunks: oneDNN's products run on the same OpenMP threads, so nothing
  // spins against them (the fp32 path below widens on one thread for OpenBLAS's sake).
  const Bf16PanelSource toBf16 = [&](std::size_t first, std::span<std::uint16_t> out) {
    forEachChunk(out.size(), [&](std::size_t offset, std::size_t count) {
      dequantizeNf4ToBf16(w, elements, first + offset, out.subspan(offset, count));
    });
  };
  if (matmulBf16Panels(a, transposeA, toBf16, transposeW, c, m, n, k, alpha, beta)) return;
  matmulWidenedPanels(
      a, transposeA, [&](std::size_t first, std::span<float> out) { dequantizeNf4(w, elements, first, out); },
      transposeW, c, m, n, k, alpha, beta);
}

}  // namespace tiertune::kernels::cpu
