#include "core/formats/model_config.h"

#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::formats {
namespace {

using nlohmann::json;

struct ArchitectureNames {
  Architecture architecture;
  std::string_view className;  // "architectures" in config.json
  std::string_view modelType;  // "model_type"
};

constexpr std::array<ArchitectureNames, 4> kArchitectures{{
    {Architecture::Llama, "LlamaForCausalLM", "llama"},
    {Architecture::Mistral, "MistralForCausalLM", "mistral"},
    {Architecture::Qwen2, "Qwen2ForCausalLM", "qwen2"},
    {Architecture::Qwen3, "Qwen3ForCausalLM", "qwen3"},
}};

// 2^24: far above any published model's sizes (vocabularies reach 2^18, hidden sizes 2^15), and
// low enough that a product of two dimensions fits in 64 bits.
constexpr std::int64_t kMaxDimension = std::int64_t{1} << 24;
constexpr std::int64_t kMaxLayers = 10'000;  // published models have at most a few hundred

std::string supportedArchitectures() {
  std::string names;
  for (std::size_t i = 0; i < kArchitectures.size(); ++i) {
    if (i) names += i + 1 == kArchitectures.size() ? " and " : ", ";
    names += kArchitectures[i].className;
  }
  return names;
}

std::string describe(const json& value) {
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// Typed access to config.json's fields with errors that name the file and the field.
class ConfigFields {
 public:
  ConfigFields(const json& object, std::string fileLabel, std::string prefix = "")
      : object_(object), label_(std::move(fileLabel)), prefix_(std::move(prefix)) {}

  // A present field that is not null.
  const json* find(const char* key) const {
    auto found = object_.find(key);
    return found == object_.end() || found->is_null() ? nullptr : &*found;
  }

  [[noreturn]] void fail(const char* key, const std::string& what) const {
    throw Error(label_ + ": the field \"" + prefix_ + key + "\" " + what);
  }

  [[noreturn]] void missing(const char* key) const {
    fail(key, "is missing; the model's config.json is incomplete. Download it again with the model.");
  }

  std::int64_t integer(const char* key) const {
    const json* value = find(key);
    if (!value) missing(key);
    return asInteger(key, *value);
  }

  std::optional<std::int64_t> optionalInteger(const char* key) const {
    const json* value = find(key);
    if (!value) return std::nullopt;
    return asInteger(key, *value);
  }

  std::int64_t positiveInteger(const char* key) const { return requirePositive(key, integer(key)); }

  std::optional<std::int64_t> optionalPositiveInteger(const char* key) const {
    auto value = optionalInteger(key);
    if (value) requirePositive(key, *value);
    return value;
  }

  double number(const char* key) const {
    const json* value = find(key);
    if (!value) missing(key);
    return asNumber(key, *value);
  }

  double optionalNumber(const char* key, double fallback) const {
    const json* value = find(key);
    return value ? asNumber(key, *value) : fallback;
  }

  bool optionalBoolean(const char* key, bool fallback) const {
    const json* value = find(key);
    if (!value) return fallback;
    if (!value->is_boolean()) fail(key, "must be true or false, not " + describe(*value) + ".");
    return value->get<bool>();
  }

  std::optional<std::string> optionalText(const char* key) const {
    const json* value = find(key);
    if (!value) return std::nullopt;
    if (!value->is_string()) fail(key, "must be a text, not " + describe(*value) + ".");
    return value->get<std::string>();
  }

  std::int64_t asInteger(const char* key, const json& value) const {
    // nlohmann's is_number_integer() is true for unsigned numbers too: 2^63 and above, read as a
    // signed number, came out negative ("must be positive, not -9223372036854775808").
    if (value.is_number_unsigned()) {
      if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(key, "is " + describe(value) + ", more than any real model has; config.json is damaged.");
      }
      return static_cast<std::int64_t>(value.get<std::uint64_t>());
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    fail(key, "must be a whole number, not " + describe(value) + ".");
  }

  double asNumber(const char* key, const json& value) const {
    if (!value.is_number()) fail(key, "must be a number, not " + describe(value) + ".");
    const double number = value.get<double>();
    if (!std::isfinite(number)) fail(key, "must be a finite number.");
    return number;
  }

  // A model dimension: positive, and small enough that products of two never overflow.
  std::int64_t size(const char* key) const { return requireAtMost(key, positiveInteger(key), kMaxDimension); }

  std::int64_t requireAtMost(const char* key, std::int64_t value, std::int64_t limit) const {
    if (value > limit) {
      fail(key, "is " + std::to_string(value) + ", more than any real model has (at most " +
                    std::to_string(limit) + "); config.json is damaged.");
    }
    return value;
  }

  std::int64_t requirePositive(const char* key, std::int64_t value) const {
    if (value <= 0) fail(key, "must be positive, not " + std::to_string(value) + ".");
    return value;
  }

  const std::string& label() const { return label_; }
  const json& object() const { return object_; }

 private:
  const json& object_;
  std::string label_;
  std::string prefix_;
};

Architecture readArchitecture(const ConfigFields& fields) {
  std::string name;
  if (const json* architectures = fields.find("architectures")) {
    if (!architectures->is_array() || architectures->empty() || !(*architectures)[0].is_string()) {
      fields.fail("architectures", "must be a list of class names such as [\"LlamaForCausalLM\"], not " +
                                       describe(*architectures) + ".");
    }
    name = (*architectures)[0].get<std::string>();
    for (const ArchitectureNames& known : kArchitectures) {
      if (known.className == name) return known.architecture;
    }
  } else if (auto modelType = fields.optionalText("model_type")) {
    name = "model_type " + *modelType;
    for (const ArchitectureNames& known : kArchitectures) {
      if (known.modelType == *modelType) return known.architecture;
    }
  } else {
    fields.missing("architectures");
  }
  throw Error(TIERTUNE_WORDS("Model folders", "%1: architecture %2 is not supported yet; supported are %3."),
              {fields.label(), name, supportedArchitectures()});
}

RopeScaling readRopeScaling(const json& scaling, const std::string& fieldName, std::int64_t maxPositions,
                            const std::string& fileLabel) {
  RopeScaling result;
  if (!scaling.is_object()) {
    throw Error(fileLabel + ": the field \"" + fieldName + "\" must be an object, not " + describe(scaling) +
                ".");
  }
  const ConfigFields fields(scaling, fileLabel, fieldName + ".");
  std::optional<std::string> type = fields.optionalText("rope_type");
  if (!type) type = fields.optionalText("type");  // the older spelling
  if (!type) fields.missing("rope_type");
  if (*type == "default") return result;
  if (*type == "linear" || *type == "dynamic") {
    result.type = *type == "linear" ? RopeScalingType::Linear : RopeScalingType::Dynamic;
    result.factor = fields.number("factor");
    if (result.factor < 1.0)
      fields.fail("factor", "must be at least 1, not " + std::to_string(result.factor) + ".");
    result.originalMaxPositionEmbeddings =
        fields.optionalPositiveInteger("original_max_position_embeddings").value_or(maxPositions);
    return result;
  }
  if (*type == "llama3") {
    result.type = RopeScalingType::Llama3;
    result.factor = fields.number("factor");
    result.lowFreqFactor = fields.number("low_freq_factor");
    result.highFreqFactor = fields.number("high_freq_factor");
    result.originalMaxPositionEmbeddings = fields.positiveInteger("original_max_position_embeddings");
    if (result.factor < 1.0)
      fields.fail("factor", "must be at least 1, not " + std::to_string(result.factor) + ".");
    if (result.lowFreqFactor <= 0.0) fields.fail("low_freq_factor", "must be positive.");
    if (result.highFreqFactor <= result.lowFreqFactor) {
      fields.fail("high_freq_factor", "must be larger than low_freq_factor (" +
                                          std::to_string(result.lowFreqFactor) + "), not " +
                                          std::to_string(result.highFreqFactor) + ".");
    }
    return result;
  }
  throw Error(fileLabel + ": rope scaling \"" + *type + "\" (" + fieldName +
              ") is not supported yet; supported are linear, dynamic and llama3.");
}

std::vector<std::int64_t> readTokenIds(const ConfigFields& fields, const char* key) {
  const json* value = fields.find(key);
  if (!value) return {};
  std::vector<std::int64_t> ids;
  if (value->is_array()) {
    for (const json& id : *value) ids.push_back(fields.asInteger(key, id));
  } else {
    ids.push_back(fields.asInteger(key, *value));
  }
  for (std::int64_t id : ids) {
    if (id < 0) fields.fail(key, "must hold token ids (0 or more), not " + std::to_string(id) + ".");
  }
  return ids;
}

// Which layers use a sliding attention window: Mistral all of them, Qwen2/Qwen3 those from
// max_window_layers on when use_sliding_window is true; a "layer_types" list, when present, rules.
void readSlidingWindow(ModelConfig& config, const ConfigFields& fields) {
  std::optional<std::int64_t> window = fields.optionalPositiveInteger("sliding_window");
  switch (config.architecture) {
    case Architecture::Mistral:
      // transformers' MistralConfig defaults sliding_window to 4096 when the key is absent; an
      // explicit null (Mistral v0.2 and later) means no window.
      if (!fields.object().contains("sliding_window")) window = 4096;
      config.slidingWindow = window.value_or(0);
      config.slidingWindowFirstLayer = 0;
      break;
    case Architecture::Qwen2:
    case Architecture::Qwen3:
      if (fields.optionalBoolean("use_sliding_window", false)) {
        config.slidingWindow = window.value_or(4096);  // transformers' default
        config.slidingWindowFirstLayer = fields.optionalInteger("max_window_layers").value_or(28);
        if (config.slidingWindowFirstLayer < 0) {
          fields.fail("max_window_layers",
                      "must be 0 or more, not " + std::to_string(config.slidingWindowFirstLayer) + ".");
        }
        if (config.slidingWindowFirstLayer >= config.layerCount) config.slidingWindow = 0;
      }
      break;
    case Architecture::Llama:
      break;
  }
  if (config.slidingWindow == 0) config.slidingWindowFirstLayer = 0;

  const json* layerTypes = fields.find("layer_types");
  if (!layerTypes) return;
  if (!layerTypes->is_array() || static_cast<std::int64_t>(layerTypes->size()) != config.layerCount) {
    fields.fail("layer_types", "must list one attention type per layer (" +
                                   std::to_string(config.layerCount) + "), not " + describe(*layerTypes) +
                                   ".");
  }
  std::int64_t firstSliding = config.layerCount;
  for (std::int64_t layer = 0; layer < config.layerCount; ++layer) {
    const json& type = (*layerTypes)[static_cast<std::size_t>(layer)];
    const bool sliding = type == "sliding_attention";
    if (!sliding && type != "full_attention") {
      fields.fail("layer_types", "holds " + describe(type) +
                                     "; supported are \"full_attention\" and \"sliding_attention\".");
    }
    if (sliding && firstSliding == config.layerCount) firstSliding = layer;
    if (!sliding && firstSliding < layer) {
      fields.fail("layer_types",
                  "mixes full and sliding attention in an order Tiertune does not support yet "
                  "(full-attention layers must all come first).");
    }
  }
  if (firstSliding == config.layerCount) {
    config.slidingWindow = 0;
    config.slidingWindowFirstLayer = 0;
  } else {
    if (!window) fields.missing("sliding_window");
    config.slidingWindow = *window;
    config.slidingWindowFirstLayer = firstSliding;
  }
}

}  // namespace

std::string_view architectureName(Architecture architecture) {
  for (const ArchitectureNames& known : kArchitectures) {
    if (known.architecture == architecture) return known.className;
  }
  return "unknown";
}

ModelConfig parseModelConfig(std::string_view jsonText, const std::string& fileLabel) {
  json document;
  try {
    document = parseJsonText(jsonText, fileLabel);
  } catch (const json::exception& error) {  // parse_error, or out_of_range: a number too large
    throw Error(fileLabel + ": the file is not valid JSON (" + std::string(error.what()) +
                "); download it again with the model.");
  }
  if (!document.is_object())
    throw Error(fileLabel + ": the file must hold a JSON object; download it again.");
  const ConfigFields fields(document, fileLabel);

  ModelConfig config;
  config.architecture = readArchitecture(fields);

  if (const json* quantization = fields.find("quantization_config")) {
    std::string method;
    if (quantization->is_object() && quantization->contains("quant_method") &&
        (*quantization)["quant_method"].is_string()) {
      method = " (" + (*quantization)["quant_method"].get<std::string>() + ")";
    }
    throw Error(TIERTUNE_WORDS("Model folders",
                               "%1: this is a quantized model%2; Tiertune fine-tunes from unquantized weights "
                               "(bfloat16, float16 or float32). Use the original, unquantized "
                               "model folder."),
                {fileLabel, method});
  }
  if (auto activation = fields.optionalText("hidden_act"); activation && *activation != "silu") {
    fields.fail("hidden_act",
                "is \"" + *activation + "\", but " + std::string(architectureName(config.architecture)) +
                    " models use \"silu\"; this config.json does not describe a model Tiertune supports.");
  }

  config.hiddenSize = fields.size("hidden_size");
  config.layerCount =
      fields.requireAtMost("num_hidden_layers", fields.positiveInteger("num_hidden_layers"), kMaxLayers);
  config.attentionHeads = fields.size("num_attention_heads");
  config.keyValueHeads =
      fields.optionalPositiveInteger("num_key_value_heads").value_or(config.attentionHeads);
  fields.requireAtMost("num_key_value_heads", config.keyValueHeads, kMaxDimension);
  config.intermediateSize = fields.size("intermediate_size");
  config.vocabSize = fields.size("vocab_size");
  config.maxPositionEmbeddings = fields.positiveInteger("max_position_embeddings");
  config.rmsNormEps = fields.number("rms_norm_eps");
  if (config.rmsNormEps <= 0.0) fields.fail("rms_norm_eps", "must be positive.");

  if (auto headDim = fields.optionalPositiveInteger("head_dim")) {
    config.headDim = fields.requireAtMost("head_dim", *headDim, kMaxDimension);
  } else {
    if (config.hiddenSize % config.attentionHeads != 0) {
      fields.fail("hidden_size", "(" + std::to_string(config.hiddenSize) +
                                     ") must be divisible by num_attention_heads (" +
                                     std::to_string(config.attentionHeads) + ") when there is no head_dim.");
    }
    config.headDim = config.hiddenSize / config.attentionHeads;
  }
  if (config.attentionHeads % config.keyValueHeads != 0) {
    fields.fail("num_attention_heads", "(" + std::to_string(config.attentionHeads) +
                                           ") must be a multiple of num_key_value_heads (" +
                                           std::to_string(config.keyValueHeads) + ").");
  }

  // Transformers 5 moves rope_theta and the scaling into "rope_parameters".
  const json* ropeParameters = fields.find("rope_parameters");
  if (ropeParameters && !ropeParameters->is_object()) {
    fields.fail("rope_parameters", "must be an object, not " + describe(*ropeParameters) + ".");
  }
  if (ropeParameters) {
    const ConfigFields rope(*ropeParameters, fileLabel, "rope_parameters.");
    config.ropeTheta = rope.optionalNumber("rope_theta", fields.optionalNumber("rope_theta", 10000.0));
    config.ropeScaling =
        readRopeScaling(*ropeParameters, "rope_parameters", config.maxPositionEmbeddings, fileLabel);
  } else {
    config.ropeTheta = fields.optionalNumber("rope_theta", 10000.0);
    if (const json* scaling = fields.find("rope_scaling")) {
      config.ropeScaling = readRopeScaling(*scaling, "rope_scaling", config.maxPositionEmbeddings, fileLabel);
    }
  }
  if (config.ropeTheta <= 0.0) fields.fail("rope_theta", "must be positive.");

  config.tieWordEmbeddings = fields.optionalBoolean("tie_word_embeddings", false);
  switch (config.architecture) {
    case Architecture::Llama:
      config.qkvBias = config.outputProjectionBias = fields.optionalBoolean("attention_bias", false);
      config.mlpBias = fields.optionalBoolean("mlp_bias", false);
      break;
    case Architecture::Mistral:
      break;
    case Architecture::Qwen2:
      // Qwen2's q/k/v projections always carry a bias; its config.json does not mention it.
      config.qkvBias = true;
      break;
    case Architecture::Qwen3:
      config.qkvBias = config.outputProjectionBias = fields.optionalBoolean("attention_bias", false);
      config.qkNorm = true;
      break;
  }
  readSlidingWindow(config, fields);

  const std::vector<std::int64_t> bos = readTokenIds(fields, "bos_token_id");
  if (bos.size() > 1) fields.fail("bos_token_id", "must be one token id, not a list.");
  if (!bos.empty()) config.bosTokenId = bos.front();
  config.eosTokenIds = readTokenIds(fields, "eos_token_id");

  if (auto dtype = fields.optionalText("torch_dtype")) {
    config.dtype = *dtype;
  } else if (auto newerDtype = fields.optionalText("dtype")) {
    config.dtype = *newerDtype;
  }
  return config;
}

bool isSupportedArchitecture(std::string_view className, std::string_view modelType) {
  for (const ArchitectureNames& known : kArchitectures) {
    if (className.empty() ? known.modelType == modelType : known.className == className) return true;
  }
  return false;
}

std::string supportedArchitectureNames() { return supportedArchitectures(); }

ModelConfig loadModelConfig(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    throw Error(TIERTUNE_WORDS("Model folders", "%1: cannot open the file; the model folder needs a config.json."),
                {file.string()});
  }
  return parseModelConfig(readWholeFile(file, kConfigFileLimit), file.string());
}

std::vector<ExpectedTensor> expectedTensors(const ModelConfig& config) {
  const std::int64_t hidden = config.hiddenSize;
  const std::int64_t queryWidth = config.attentionHeads * config.headDim;
  const std::int64_t keyValueWidth = config.keyValueHeads * config.headDim;
  const std::int64_t inner = config.intermediateSize;

  std::vector<ExpectedTensor> tensors;
  tensors.push_back({"model.embed_tokens.weight", {config.vocabSize, hidden}});
  for (std::int64_t layer = 0; layer < config.layerCount; ++layer) {
    const std::string prefix = "model.layers." + std::to_string(layer) + ".";
    auto add = [&](const std::string& name, std::vector<std::int64_t> shape) {
      tensors.push_back({prefix + name, std::move(shape)});
    };
    add("input_layernorm.weight", {hidden});
    // Linear weights are [out_features, in_features], as torch.nn.Linear stores them.
    add("self_attn.q_proj.weight", {queryWidth, hidden});
    if (config.qkvBias) add("self_attn.q_proj.bias", {queryWidth});
    add("self_attn.k_proj.weight", {keyValueWidth, hidden});
    if (config.qkvBias) add("self_attn.k_proj.bias", {keyValueWidth});
    add("self_attn.v_proj.weight", {keyValueWidth, hidden});
    if (config.qkvBias) add("self_attn.v_proj.bias", {keyValueWidth});
    add("self_attn.o_proj.weight", {hidden, queryWidth});
    if (config.outputProjectionBias) add("self_attn.o_proj.bias", {hidden});
    if (config.qkNorm) {
      add("self_attn.q_norm.weight", {config.headDim});
      add("self_attn.k_norm.weight", {config.headDim});
    }
    add("post_attention_layernorm.weight", {hidden});
    add("mlp.gate_proj.weight", {inner, hidden});
    if (config.mlpBias) add("mlp.gate_proj.bias", {inner});
    add("mlp.up_proj.weight", {inner, hidden});
    if (config.mlpBias) add("mlp.up_proj.bias", {inner});
    add("mlp.down_proj.weight", {hidden, inner});
    if (config.mlpBias) add("mlp.down_proj.bias", {hidden});
  }
  tensors.push_back({"model.norm.weight", {hidden}});
  if (!config.tieWordEmbeddings) tensors.push_back({"lm_head.weight", {config.vocabSize, hidden}});
  return tensors;
}

std::uint64_t parameterCount(const ModelConfig& config) {
  std::uint64_t count = 0;
  for (const ExpectedTensor& tensor : expectedTensors(config)) {
    std::uint64_t elements = 1;
    bool overflow = false;
    for (std::int64_t dimension : tensor.shape) {
      overflow |= __builtin_mul_overflow(elements, static_cast<std::uint64_t>(dimension), &elements);
    }
    overflow |= __builtin_add_overflow(count, elements, &count);
    if (overflow)
      throw Error("config.json describes a model with more parameters than can be counted; it is damaged.");
  }
  return count;
}

bool isLayerProjection(const ExpectedTensor& tensor) {
  return tensor.shape.size() == 2 && tensor.name.find(".layers.") != std::string::npos &&
         tensor.name.ends_with("_proj.weight");
}

}  // namespace tiertune::formats
