#include "core/formats/gguf_q8_0.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/formats/gguf_writer.h"
#include "kernels/cpu/half_precision.h"

namespace tiertune::formats {

void appendQ8_0Blocks(std::span<const float> values, std::vector<std::byte>& out) {
  out.reserve(out.size() + ggufByteCount(GgufTensorType::Q8_0, values.size()));
  for (std::size_t start = 0; start + kQ8_0BlockValues <= values.size(); start += kQ8_0BlockValues) {
    const std::span<const float> block = values.subspan(start, kQ8_0BlockValues);
    float largest = 0.0f;
    for (float value : block) largest = std::max(largest, std::fabs(value));
    const float scale = largest / 127.0f;
    // Multiplying by the inverse, not dividing, is what ggml and gguf-py do: the same quants as theirs.
    const float inverse = scale != 0.0f ? 1.0f / scale : 0.0f;
    const std::uint16_t scaleBits = kernels::cpu::floatToF16(scale);
    const std::size_t at = out.size();
    out.resize(at + 2);
    std::memcpy(out.data() + at, &scaleBits, 2);  // little-endian host (gguf_writer.cpp)
    for (float value : block) {
      const float quant = std::clamp(std::round(value * inverse), -127.0f, 127.0f);
      out.push_back(static_cast<std::byte>(static_cast<std::int8_t>(quant)));
    }
  }
}

}  // namespace tiertune::formats
