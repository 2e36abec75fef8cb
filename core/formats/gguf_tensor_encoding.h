// Float values into the bytes of a GGUF tensor type: F32 as is, F16 and BF16 rounded to nearest
// even, Q8_0 quantized block by block as ggml's reference quantizer does (fp16 scale
// d = max|x| / 127 per 32 values, int8 quants round(x / d)). Used by the GGUF export.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/formats/gguf_writer.h"

namespace tiertune::formats {

// Appends the encoding of values to out. Q8_0 needs a multiple of 32 values. The values must be
// finite (the caller checks, naming the tensor): a NaN would make a whole Q8_0 block NaN.
void encodeGgufValues(GgufTensorType type, std::span<const float> values, std::vector<std::byte>& out);

}  // namespace tiertune::formats
