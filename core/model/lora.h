// LoRA adapters as PEFT defines them: for a target linear layer W [out, in], two trainable
// matrices A [rank, in] and B [out, rank] with y = x W^T + (alpha / rank) * dropout(x) A^T B^T.
// A starts uniform in ±1/sqrt(in) (PyTorch's kaiming_uniform with a = sqrt(5), as PEFT initializes
// it), B at zero, so training starts from the base model exactly. Tensor names follow PEFT's
// adapter_model.safetensors, so an adapter exports without renaming.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/parameter_table.h"

namespace tiertune::model {

// The linear layers of a decoder layer, in the order the layer uses them.
enum class LinearModule { Query, Key, Value, Output, Gate, Up, Down };
inline constexpr int kLinearModuleCount = 7;

// "q_proj", "k_proj", ... as PEFT's target_modules names them.
std::string_view moduleShortName(LinearModule module);
// "self_attn.q_proj", "mlp.gate_proj", ...: the module's path inside a layer.
std::string_view modulePath(LinearModule module);
// Parses "q_proj" etc.; throws tiertune::Error listing the valid names otherwise.
LinearModule parseModuleShortName(std::string_view name);

struct LoraConfig {
  std::int64_t rank = 16;
  double alpha = 32;
  double dropout = 0.0;  // on the adapter's input, training only
  std::vector<LinearModule> targets{LinearModule::Query, LinearModule::Key, LinearModule::Value,
                                    LinearModule::Output, LinearModule::Gate, LinearModule::Up,
                                    LinearModule::Down};

  double scaling() const { return alpha / static_cast<double>(rank); }
  bool adapts(LinearModule module) const;
};

// Throws tiertune::Error for a rank below 1, a dropout outside [0, 1), no targets.
void validateLoraConfig(const LoraConfig& config);

// "base_model.model.model.layers.3.self_attn.q_proj.lora_A.weight"
std::string loraTensorName(std::int64_t layer, LinearModule module, char matrix);

// The adapter's tensors for every layer and target, A before B.
std::vector<ParameterSpec> loraParameterSpecs(const formats::ModelConfig& model, const LoraConfig& lora);

// Fills every A with PEFT's initialization from seed and every B with zeros.
void initializeLora(const ParameterTable& adapter, const formats::ModelConfig& model, const LoraConfig& lora,
                    std::uint64_t seed);

// The input and output widths of a linear module of the model.
std::int64_t moduleInputs(const formats::ModelConfig& model, LinearModule module);
std::int64_t moduleOutputs(const formats::ModelConfig& model, LinearModule module);

}  // namespace tiertune::model
