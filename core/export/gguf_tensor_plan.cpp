#include "core/export/gguf_tensor_plan.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string_view>
#include <utility>

#include "core/util/error.h"

namespace tiertune::exports {
namespace {

using formats::GgufTensorType;
using formats::ModelConfig;

// Hugging Face's name inside a decoder layer -> llama.cpp's (gguf-py's tensor_mapping), without
// the .weight / .bias suffix.
constexpr std::pair<std::string_view, std::string_view> kLayerNames[] = {
    {"input_layernorm", "attn_norm"},
    {"self_attn.q_proj", "attn_q"},
    {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},
    {"self_attn.o_proj", "attn_output"},
    {"self_attn.q_norm", "attn_q_norm"},
    {"self_attn.k_norm", "attn_k_norm"},
    {"post_attention_layernorm", "ffn_norm"},
    {"mlp.gate_proj", "ffn_gate"},
    {"mlp.up_proj", "ffn_up"},
    {"mlp.down_proj", "ffn_down"},
};

std::string ggufName(const std::string& sourceName) {
  if (sourceName == "model.embed_tokens.weight") return "token_embd.weight";
  if (sourceName == "model.norm.weight") return "output_norm.weight";
  if (sourceName == "lm_head.weight") return "output.weight";
  constexpr std::string_view kLayerPrefix = "model.layers.";
  if (sourceName.starts_with(kLayerPrefix)) {
    const std::size_t layerEnd = sourceName.find('.', kLayerPrefix.size());
    const std::string layer = sourceName.substr(kLayerPrefix.size(), layerEnd - kLayerPrefix.size());
    const std::string rest = sourceName.substr(layerEnd + 1);
    const std::size_t suffixAt = rest.rfind('.');
    const std::string_view stem = std::string_view(rest).substr(0, suffixAt);
    for (const auto& [hugging, llama] : kLayerNames) {
      if (stem == hugging) return "blk." + layer + "." + std::string(llama) + rest.substr(suffixAt);
    }
  }
  throw Error("GGUF export: the tensor " + sourceName + " has no llama.cpp name (a bug: every expected tensor needs one).");
}

GgufTensorType typeFor(GgufFileType fileType, const std::vector<std::uint64_t>& dims) {
  if (dims.size() < 2) return GgufTensorType::F32;
  switch (fileType) {
    case GgufFileType::F16: return GgufTensorType::F16;
    case GgufFileType::BF16: return GgufTensorType::BF16;
    case GgufFileType::Q8_0:
      return dims[0] % formats::kQ8_0BlockValues == 0 ? GgufTensorType::Q8_0 : GgufTensorType::F16;
  }
  return GgufTensorType::F32;
}

bool isRotaryProjection(const std::string& sourceName) {
  return sourceName.find(".self_attn.q_proj.") != std::string::npos ||
         sourceName.find(".self_attn.k_proj.") != std::string::npos;
}

}  // namespace

std::string ggufFileTypeLabel(GgufFileType type) {
  switch (type) {
    case GgufFileType::F16: return "F16";
    case GgufFileType::BF16: return "BF16";
    case GgufFileType::Q8_0: return "Q8_0";
  }
  return "unknown";
}

std::string ggufArchitecture(const ModelConfig& config) {
  switch (config.architecture) {
    case formats::Architecture::Llama:
    case formats::Architecture::Mistral: return "llama";
    case formats::Architecture::Qwen2: return "qwen2";
    case formats::Architecture::Qwen3: return "qwen3";
  }
  return "llama";
}

std::vector<GgufTensorPlan> planGgufTensors(const ModelConfig& config, GgufFileType type) {
  // llama.cpp's "llama" architecture uses adjacent-pair RoPE; "qwen2"/"qwen3" use rotate_half
  // (NEOX) like Hugging Face, so their rows stay as they are.
  const bool adjacentPairRope = ggufArchitecture(config) == "llama";
  std::vector<GgufTensorPlan> plan;
  for (const formats::ExpectedTensor& tensor : formats::expectedTensors(config)) {
    GgufTensorPlan entry;
    entry.sourceName = tensor.name;
    entry.info.name = ggufName(tensor.name);
    entry.info.dims.assign(tensor.shape.rbegin(), tensor.shape.rend());
    entry.info.type = typeFor(type, entry.info.dims);
    if (adjacentPairRope && isRotaryProjection(tensor.name)) {
      const bool isQuery = tensor.name.find(".q_proj.") != std::string::npos;
      entry.rotaryHeads = isQuery ? config.attentionHeads : config.keyValueHeads;
    }
    plan.push_back(std::move(entry));
  }
  if (config.ropeScaling.type == formats::RopeScalingType::Llama3) {
    GgufTensorPlan entry;
    entry.info = {"rope_freqs.weight", GgufTensorType::F32, {static_cast<std::uint64_t>(config.headDim / 2)}};
    plan.push_back(std::move(entry));
  }
  return plan;
}

std::vector<float> permuteRotaryRows(const std::vector<float>& values, std::int64_t heads, std::int64_t columns) {
  const auto rows = static_cast<std::int64_t>(values.size()) / columns;
  const std::int64_t headRows = rows / heads;
  const std::int64_t half = headRows / 2;
  std::vector<float> permuted(values.size());
  for (std::int64_t head = 0; head < heads; ++head) {
    for (std::int64_t i = 0; i < half; ++i) {
      for (std::int64_t j = 0; j < 2; ++j) {
        const float* from = values.data() + (head * headRows + j * half + i) * columns;
        float* to = permuted.data() + (head * headRows + 2 * i + j) * columns;
        std::copy(from, from + columns, to);
      }
    }
  }
  return permuted;
}

std::vector<float> llama3RopeFactors(const ModelConfig& config) {
  const formats::RopeScaling& scaling = config.ropeScaling;
  const double originalContext = static_cast<double>(scaling.originalMaxPositionEmbeddings);
  const double lowFrequencyWavelength = originalContext / scaling.lowFreqFactor;
  const double highFrequencyWavelength = originalContext / scaling.highFreqFactor;
  std::vector<float> factors;
  for (std::int64_t i = 0; i < config.headDim; i += 2) {
    const double frequency = 1.0 / std::pow(config.ropeTheta, static_cast<double>(i) / static_cast<double>(config.headDim));
    const double wavelength = 2.0 * std::numbers::pi / frequency;
    double factor = 1.0;  // short wavelengths (high frequencies) are kept
    if (wavelength > lowFrequencyWavelength) {
      factor = scaling.factor;
    } else if (wavelength >= highFrequencyWavelength) {
      const double smooth = (originalContext / wavelength - scaling.lowFreqFactor) /
                            (scaling.highFreqFactor - scaling.lowFreqFactor);
      factor = 1.0 / ((1.0 - smooth) / scaling.factor + smooth);
    }
    factors.push_back(static_cast<float>(factor));
  }
  return factors;
}

}  // namespace tiertune::exports
