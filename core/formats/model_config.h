// A Hugging Face config.json of the decoder families Tiertune trains (Llama, Mistral, Qwen2, Qwen3),
// read into one description of the model's shape: what core/model builds, what the planner sizes
// and what the model page shows. Fields missing from config.json take the defaults transformers
// gives them; required ones missing, ill-typed or inconsistent are errors naming the file and field.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiertune::formats {

enum class Architecture { Llama, Mistral, Qwen2, Qwen3 };

// "LlamaForCausalLM", ... as config.json's "architectures" names them.
std::string_view architectureName(Architecture architecture);

enum class RopeScalingType {
  None,     // plain RoPE with ropeTheta
  Linear,   // positions divided by factor
  Dynamic,  // NTK-aware: theta grows with the sequence length past originalMaxPositionEmbeddings
  Llama3,   // Llama 3.1+: low frequencies divided by factor, high ones kept, a smooth ramp between
};

struct RopeScaling {
  RopeScalingType type = RopeScalingType::None;
  double factor = 1.0;
  double lowFreqFactor = 0.0;                      // llama3 only
  double highFreqFactor = 0.0;                     // llama3 only
  std::int64_t originalMaxPositionEmbeddings = 0;  // llama3; dynamic (defaults to maxPositionEmbeddings)
};

struct ModelConfig {
  Architecture architecture = Architecture::Llama;
  std::int64_t hiddenSize = 0;
  std::int64_t layerCount = 0;
  std::int64_t attentionHeads = 0;
  std::int64_t keyValueHeads = 0;  // grouped-query attention: attentionHeads is a multiple of it
  std::int64_t headDim = 0;        // explicit head_dim, else hiddenSize / attentionHeads
  std::int64_t intermediateSize = 0;
  std::int64_t vocabSize = 0;
  std::int64_t maxPositionEmbeddings = 0;  // the context length the model was trained for
  double rmsNormEps = 1e-6;
  double ropeTheta = 10000.0;
  RopeScaling ropeScaling;
  bool tieWordEmbeddings = false;            // lm_head reuses embed_tokens (no lm_head.weight)
  bool qkvBias = false;                      // q_proj, k_proj, v_proj have biases (always for Qwen2)
  bool outputProjectionBias = false;         // o_proj has a bias (Llama / Qwen3 attention_bias)
  bool mlpBias = false;                      // gate_proj, up_proj, down_proj have biases (Llama mlp_bias)
  bool qkNorm = false;                       // Qwen3: RMSNorm over each head of q and k
  std::int64_t slidingWindow = 0;            // tokens; 0: every layer attends to the whole context
  std::int64_t slidingWindowFirstLayer = 0;  // layers from this index on use the window
  std::optional<std::int64_t> bosTokenId;
  std::vector<std::int64_t> eosTokenIds;  // config.json may give one id or a list
  std::string dtype;  // "bfloat16", "float16", "float32"; empty when config.json does not say
};

// Parses config.json text; fileLabel names it in errors ("config.json", or its path). Throws
// tiertune::Error for an unsupported architecture ("architecture X is not supported yet; supported
// are ..."), for quantized models, for rope scalings other than linear/dynamic/llama3, and for
// missing, ill-typed or inconsistent fields.
ModelConfig parseModelConfig(std::string_view jsonText, const std::string& fileLabel = "config.json");

// Whether Tiertune trains a model of this class ("Qwen2ForCausalLM"), or, when className is empty,
// of this model_type ("qwen2"): what a model list can tell before any file is downloaded.
bool isSupportedArchitecture(std::string_view className, std::string_view modelType);
// "LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM and Qwen3ForCausalLM".
std::string supportedArchitectureNames();
ModelConfig loadModelConfig(const std::filesystem::path& file);

// One tensor the weights must contain, with the shape the config implies (Hugging Face names).
struct ExpectedTensor {
  std::string name;
  std::vector<std::int64_t> shape;
};

// Every tensor of the model, in the order the model uses them: embeddings, each layer (norm,
// attention with its biases and qk-norms, norm, MLP), final norm, lm_head unless tied.
std::vector<ExpectedTensor> expectedTensors(const ModelConfig& config);
// Whether the tensor is one of a layer's projection matrices (q, k, v, o, gate, up, down): what a
// QLoRA run keeps in NF4.
bool isLayerProjection(const ExpectedTensor& tensor);

// Parameters of the model: the sum of the element counts of expectedTensors (tied embeddings
// counted once), as transformers' num_parameters() reports it.
std::uint64_t parameterCount(const ModelConfig& config);

}  // namespace tiertune::formats
