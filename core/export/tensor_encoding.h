// fp32 values into the bytes of an exported tensor: F32 as they are, BF16 and F16 rounded to
// nearest-even (kernels/cpu/half_precision.h, as PyTorch's .to() does). Refuses what would
// silently damage a model: a NaN or infinite weight, and a finite weight that the chosen type cannot
// hold (float16 ends at ±65504), naming the tensor so that the user knows which one and why.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/dtype.h"

namespace tiertune::exports {

// Throws tiertune::Error naming tensorName; dtype must be F32, BF16 or F16.
std::vector<std::byte> encodeTensor(std::string_view tensorName, std::span<const float> values, formats::Dtype dtype);

// The export dtypes by the names users type: "fp32", "bf16", "fp16" (also "float32", "bfloat16",
// "float16"); throws tiertune::Error listing them otherwise.
formats::Dtype parseExportDtype(std::string_view name);
// "float32", "bfloat16", "float16": config.json's torch_dtype.
std::string torchDtypeName(formats::Dtype dtype);

}  // namespace tiertune::exports
