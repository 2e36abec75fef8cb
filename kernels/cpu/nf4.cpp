#include "kernels/cpu/nf4.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu/panel_matmul.h"
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

std::uint8_t nf4Code(float normalized) {
  std::uint8_t code = 0;
  for (const float midpoint : kNf4Midpoints) code += normalized > midpoint ? 1 : 0;
  return code;
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
  bool finite = true;
  // Blocks in parallel: each writes only its own codes (64 weights = 32 whole bytes).
#pragma omp parallel for schedule(static) reduction(&& : finite)
  for (std::ptrdiff_t b = 0; b < blocks; ++b) {
    const std::size_t first = static_cast<std::size_t>(b) * kNf4BlockSize;
    const std::size_t count = std::min(kNf4BlockSize, values.size() - first);
    float maximum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const float v = values[first + i];
      finite = finite && std::isfinite(v);
      maximum = std::max(maximum, std::fabs(v));
    }
    maxima[static_cast<std::size_t>(b)] = maximum;
    const float reciprocal = 1.0f / maximum;
    for (std::size_t i = 0; i < count; ++i) {
      const auto code = maximum == 0.0f ? static_cast<std::uint8_t>(kNf4ZeroCode) : nf4Code(values[first + i] * reciprocal);
      const std::size_t at = first + i;
      bytes[at / 2] |= (at % 2 == 0) ? static_cast<std::uint8_t>(code << 4) : code;
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

void dequantizeNf4(std::span<const std::uint8_t> tensor, std::size_t elements, std::size_t first,
                   std::span<float> out) {
  const Nf4Layout layout = nf4Layout(elements);
  if (tensor.size() < layout.bytes || first > elements || out.size() > elements - first) {
    throw std::invalid_argument("dequantizeNf4: weights " + std::to_string(first) + " to " +
                                std::to_string(first + out.size()) + " of " + std::to_string(elements) +
                                " in " + std::to_string(tensor.size()) + " bytes");
  }
  const std::uint8_t* bytes = tensor.data();
  std::size_t done = 0;
  while (done < out.size()) {
    const std::size_t at = first + done;
    const std::size_t block = at / kNf4BlockSize;
    const std::size_t end = std::min((block + 1) * kNf4BlockSize, first + out.size());
    // The block's 16 values, each NF4 value times the block's maximum: one rounding per weight.
    const float maximum = blockMaximum(bytes, layout, block);
    std::array<float, 16> scaled{};
    for (std::size_t c = 0; c < scaled.size(); ++c) scaled[c] = kNf4Values[c] * maximum;
    for (std::size_t i = at; i < end; ++i) {
      const std::uint8_t pair = bytes[i / 2];
      out[i - first] = scaled[(i % 2 == 0) ? pair >> 4 : pair & 0x0F];
    }
    done = end - first;
  }
}

void matmulNf4Weights(std::span<const float> a, bool transposeA, std::span<const std::uint8_t> w, bool transposeW,
                      std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  const std::size_t elements = k * n;
  if (w.size() < nf4Layout(elements).bytes) {
    throw std::invalid_argument("matmulNf4Weights: W holds " + std::to_string(w.size()) + " bytes, " +
                                std::to_string(elements) + " NF4 weights take " +
                                std::to_string(nf4Layout(elements).bytes));
  }
  matmulWidenedPanels(
      a, transposeA, [&](std::size_t first, std::span<float> out) { dequantizeNf4(w, elements, first, out); },
      transposeW, c, m, n, k, alpha, beta);
}

}  // namespace tiertune::kernels::cpu
