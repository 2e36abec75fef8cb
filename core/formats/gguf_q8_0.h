// Q8_0, ggml's 8-bit block quantization, as ggml's reference quantizer and gguf-py write it: per
// 32 values an fp16 scale d = max|x| / 127 and 32 int8 quants round(x / d). Used by the GGUF
// export (the 16- and 32-bit encodings are core/export/tensor_encoding.h, shared by every export).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace tiertune::formats {

// Appends the blocks of values (a multiple of 32 of them) to out. The values must be finite (the
// caller checks, naming the tensor): a NaN would make a whole block NaN.
void appendQ8_0Blocks(std::span<const float> values, std::vector<std::byte>& out);

}  // namespace tiertune::formats
