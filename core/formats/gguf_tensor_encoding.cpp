#include "core/formats/gguf_tensor_encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "kernels/cpu/half_precision.h"

namespace tiertune::formats {
namespace {

template <typename Word>
void appendWord(Word word, std::vector<std::byte>& out) {
  const std::size_t at = out.size();
  out.resize(at + sizeof word);
  std::memcpy(out.data() + at, &word, sizeof word);  // little-endian host (gguf_writer.cpp)
}

void appendQ8_0Block(std::span<const float> block, std::vector<std::byte>& out) {
  float largest = 0.0f;
  for (float value : block) largest = std::max(largest, std::fabs(value));
  const float scale = largest / 127.0f;
  // Multiplying by the inverse, not dividing, is what ggml and gguf-py do: the same quants as theirs.
  const float inverse = scale != 0.0f ? 1.0f / scale : 0.0f;
  appendWord(kernels::cpu::floatToF16(scale), out);
  for (float value : block) {
    const float quant = std::clamp(std::round(value * inverse), -127.0f, 127.0f);
    out.push_back(static_cast<std::byte>(static_cast<std::int8_t>(quant)));
  }
}

}  // namespace

void encodeGgufValues(GgufTensorType type, std::span<const float> values, std::vector<std::byte>& out) {
  out.reserve(out.size() + ggufByteCount(type, values.size()));
  switch (type) {
    case GgufTensorType::F32:
      for (float value : values) appendWord(value, out);
      break;
    case GgufTensorType::F16:
      for (float value : values) appendWord(kernels::cpu::floatToF16(value), out);
      break;
    case GgufTensorType::BF16:
      for (float value : values) appendWord(kernels::cpu::floatToBf16(value), out);
      break;
    case GgufTensorType::Q8_0:
      for (std::size_t start = 0; start + kQ8_0BlockValues <= values.size(); start += kQ8_0BlockValues) {
        appendQ8_0Block(values.subspan(start, kQ8_0BlockValues), out);
      }
      break;
  }
}

}  // namespace tiertune::formats
