#include "core/export/gguf_model_metadata.h"

#include <cstdint>

#include "core/util/error.h"

namespace tiertune::exports {
namespace {

// The version of ggml's quantization formats (GGML_QUANT_VERSION) that the Q8_0 layout follows.
constexpr std::uint32_t kQuantizationVersion = 2;

std::uint32_t count(std::int64_t value) { return static_cast<std::uint32_t>(value); }

}  // namespace

void addModelMetadata(formats::GgufMetadata& metadata, const formats::ModelConfig& config,
                      const std::string& modelName, GgufFileType fileType) {
  const std::string arch = ggufArchitecture(config);
  metadata.add("general.architecture", arch);
  metadata.add("general.name", modelName);
  metadata.add("general.file_type", static_cast<std::uint32_t>(fileType));
  metadata.add("general.quantization_version", kQuantizationVersion);

  const std::string prefix = arch + ".";
  metadata.add(prefix + "vocab_size", count(config.vocabSize));
  metadata.add(prefix + "context_length", count(config.maxPositionEmbeddings));
  metadata.add(prefix + "embedding_length", count(config.hiddenSize));
  metadata.add(prefix + "block_count", count(config.layerCount));
  metadata.add(prefix + "feed_forward_length", count(config.intermediateSize));
  metadata.add(prefix + "attention.head_count", count(config.attentionHeads));
  metadata.add(prefix + "attention.head_count_kv", count(config.keyValueHeads));
  // Written always: Qwen3 and Mistral Nemo have heads wider than hidden / heads, which llama.cpp
  // would otherwise assume.
  metadata.add(prefix + "attention.key_length", count(config.headDim));
  metadata.add(prefix + "attention.value_length", count(config.headDim));
  metadata.add(prefix + "attention.layer_norm_rms_epsilon", static_cast<float>(config.rmsNormEps));
  metadata.add(prefix + "rope.freq_base", static_cast<float>(config.ropeTheta));
  metadata.add(prefix + "rope.dimension_count", count(config.headDim));

  switch (config.ropeScaling.type) {
    case formats::RopeScalingType::None:
      break;
    case formats::RopeScalingType::Linear:
      metadata.add(prefix + "rope.scaling.type", "linear");
      metadata.add(prefix + "rope.scaling.factor", static_cast<float>(config.ropeScaling.factor));
      break;
    case formats::RopeScalingType::Llama3:
      // llama.cpp reads llama3 scaling from the rope_freqs.weight tensor, not from metadata.
      if (arch != "llama") {
        throw Error("config.json: rope_scaling \"llama3\" on a " + arch +
                    " model cannot be exported to GGUF: llama.cpp applies it only to the llama architecture.");
      }
      break;
    case formats::RopeScalingType::Dynamic:
      throw Error("config.json: rope_scaling \"dynamic\" cannot be exported to GGUF: llama.cpp has no dynamic "
                  "NTK scaling, so the model would run with a different RoPE than it was trained with.");
  }
}

}  // namespace tiertune::exports
