// Which tensors a GGUF export holds and how each is made from the Hugging Face weights: the name
// llama.cpp gives it, its GGUF type in each file type, and whether its rows are reordered for
// llama.cpp's rotary embedding. Used by gguf_export.cpp; pure, so the tests can check the rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/gguf_writer.h"
#include "core/formats/model_config.h"

namespace tiertune::exports {

// What the file is "mostly": llama.cpp's general.file_type (LLAMA_FTYPE_MOSTLY_*).
enum class GgufFileType : std::uint32_t { F16 = 1, Q8_0 = 7, BF16 = 32 };

// "F16", "BF16", "Q8_0": the last part of the file name.
std::string ggufFileTypeLabel(GgufFileType type);

struct GgufTensorPlan {
  std::string sourceName;  // Hugging Face name; empty for rope_freqs.weight, which is computed
  formats::GgufTensorInfo info;  // llama.cpp's name, the type to write, dims in ggml order
  // > 0: undo Hugging Face's rotary row order, heads of rows / rotaryHeads rows each
  // (q_proj and k_proj of the "llama" architecture; see permuteRotaryRows).
  std::int64_t rotaryHeads = 0;
};

// llama.cpp's architecture name: "llama" (Llama and Mistral), "qwen2", "qwen3".
std::string ggufArchitecture(const formats::ModelConfig& config);

// Every tensor in file order: token_embd, each block, output_norm, output (unless tied), and for
// llama3 rope scaling rope_freqs. 1-D tensors stay F32 in every file type (llama.cpp computes norms
// and biases in F32); Q8_0 rows that are not a multiple of 32 values fall back to F16, as llama.cpp's
// converter does.
std::vector<GgufTensorPlan> planGgufTensors(const formats::ModelConfig& config, GgufFileType type);

// Hugging Face's q_proj / k_proj rows put the two halves of each head's rotary pairs apart
// (rotate_half: pair i is rows i and i + headDim/2); llama.cpp's "llama" rope rotates adjacent
// rows (2i, 2i + 1), as Meta's original weights did. Output row h·d + 2i + j is input row
// h·d + j·d/2 + i. values: rows × columns, row-major (columns 1 for a bias).
std::vector<float> permuteRotaryRows(const std::vector<float>& values, std::int64_t heads, std::int64_t columns);

// The per-frequency divisors llama.cpp applies for llama3 rope scaling (rope_freqs.weight,
// headDim / 2 values), computed as transformers' _compute_llama3_parameters scales the frequencies.
std::vector<float> llama3RopeFactors(const formats::ModelConfig& config);

}  // namespace tiertune::exports
