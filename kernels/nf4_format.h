// NF4, the 4-bit NormalFloat of QLoRA, as bitsandbytes stores a weight with double quantization:
// blocks of 64 weights, each a 4-bit index into the 16 values below scaled by the block's absolute
// maximum; the block maxima themselves kept in 8 bits (their mean subtracted, then blocks of 256
// scaled by their own maximum and rounded to the nearest of 256 "dynamic" values). 4.127 bits per
// weight: 4 + 8/64 + 32/(64 x 256).
//
// One tensor of n weights is stored as one run of bytes, in this order (each part starting on a
// 4-byte boundary, the whole a multiple of 4 bytes):
//   codes         ceil(n / 2) bytes: two weights per byte, the first in the high half
//   block codes   one byte per block of 64: the block maximum's 8-bit code
//   block scales  one float per group of 256 blocks: the group's scale of the centred maxima
//   offset        one float: the mean of the block maxima
// Shared by the CPU kernels and the CUDA backend (plain C++17: the .cu side includes it too).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace tiertune::kernels {

inline constexpr std::size_t kNf4BlockSize = 64;         // weights per block maximum
inline constexpr std::size_t kNf4ScaleGroupSize = 256;   // block maxima per 8-bit scale
inline constexpr std::size_t kNf4ZeroCode = 7;           // the code of 0.0

// The 16 NF4 values (bitsandbytes' create_normal_map, as its kernels spell them), code 0 to 15.
inline constexpr std::array<float, 16> kNf4Values = {
    -1.0f,
    -0.6961928009986877f,
    -0.5250730514526367f,
    -0.39491748809814453f,
    -0.28444138169288635f,
    -0.18477343022823334f,
    -0.09105003625154495f,
    0.0f,
    0.07958029955625534f,
    0.16093020141124725f,
    0.24611230194568634f,
    0.33791524171829224f,
    0.44070982933044434f,
    0.5626170039176941f,
    0.7229568362236023f,
    1.0f,
};

// Where the parts of an NF4 tensor of `elements` weights lie, in bytes from its start.
struct Nf4Layout {
  std::size_t elements = 0;
  std::size_t blocks = 0;   // ceil(elements / 64)
  std::size_t groups = 0;   // ceil(blocks / 256)
  std::size_t codes = 0;        // always 0
  std::size_t blockCodes = 0;
  std::size_t groupScales = 0;
  std::size_t offset = 0;
  std::size_t bytes = 0;        // the whole tensor
};

constexpr std::size_t nf4RoundUp4(std::size_t bytes) { return (bytes + 3) / 4 * 4; }

constexpr Nf4Layout nf4Layout(std::size_t elements) {
  Nf4Layout layout;
  layout.elements = elements;
  layout.blocks = (elements + kNf4BlockSize - 1) / kNf4BlockSize;
  layout.groups = (layout.blocks + kNf4ScaleGroupSize - 1) / kNf4ScaleGroupSize;
  layout.codes = 0;
  layout.blockCodes = nf4RoundUp4((elements + 1) / 2);
  layout.groupScales = layout.blockCodes + nf4RoundUp4(layout.blocks);
  layout.offset = layout.groupScales + 4 * layout.groups;
  layout.bytes = layout.offset + 4;
  return layout;
}

// bitsandbytes' create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8): the 256 values
// the block maxima are rounded to, ascending. For each exponent i, the midpoints of 2^i + 1 evenly
// spaced points from 0.1 to 1, times 10^(i - 6), with both signs; then 0 and 1. Each computed
// exactly (in double) and rounded once: bitsandbytes computes them with torch.linspace in float32,
// whose last bit depends on the processor's vector width.
inline const std::array<float, 256>& nf4DynamicValues() {
  static const std::array<float, 256> values = [] {
    std::vector<float> data;
    for (int i = 0; i < 7; ++i) {
      const int points = (1 << i) + 1;
      const double scale = std::pow(10.0, i - 6);
      for (int j = 0; j + 1 < points; ++j) {
        const double low = 0.1 + 0.9 * j / (points - 1), high = 0.1 + 0.9 * (j + 1) / (points - 1);
        const auto value = static_cast<float>(scale * ((low + high) / 2));
        data.push_back(value);
        data.push_back(-value);
      }
    }
    data.push_back(0.0f);
    data.push_back(1.0f);
    std::sort(data.begin(), data.end());
    std::array<float, 256> sorted{};
    std::copy(data.begin(), data.end(), sorted.begin());  // 2 x 127 + 2 values
    return sorted;
  }();
  return values;
}

}  // namespace tiertune::kernels
