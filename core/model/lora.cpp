#include "core/model/lora.h"

#include <array>
#include <cmath>

#include "core/util/error.h"
#include "core/util/random.h"

namespace tiertune::model {

namespace {

struct ModuleNames {
  std::string_view shortName;
  std::string_view path;
};

constexpr std::array<ModuleNames, kLinearModuleCount> kModules{{
    {"q_proj", "self_attn.q_proj"},
    {"k_proj", "self_attn.k_proj"},
    {"v_proj", "self_attn.v_proj"},
    {"o_proj", "self_attn.o_proj"},
    {"gate_proj", "mlp.gate_proj"},
    {"up_proj", "mlp.up_proj"},
    {"down_proj", "mlp.down_proj"},
}};

}  // namespace

std::string_view moduleShortName(LinearModule module) { return kModules[static_cast<int>(module)].shortName; }
std::string_view modulePath(LinearModule module) { return kModules[static_cast<int>(module)].path; }

LinearModule parseModuleShortName(std::string_view name) {
  for (int i = 0; i < kLinearModuleCount; ++i) {
    if (kModules[i].shortName == name) return static_cast<LinearModule>(i);
  }
  std::string valid;
  for (const ModuleNames& module : kModules) valid += (valid.empty() ? "" : ", ") + std::string(module.shortName);
  throw Error("\"" + std::string(name) + "\" is not a layer LoRA can adapt; valid are " + valid);
}

bool LoraConfig::adapts(LinearModule module) const {
  for (const LinearModule target : targets) {
    if (target == module) return true;
  }
  return false;
}

void validateLoraConfig(const LoraConfig& config) {
  if (config.rank < 1) throw Error("LoRA rank must be at least 1 (it is " + std::to_string(config.rank) + ")");
  if (!(config.alpha > 0)) throw Error("LoRA alpha must be greater than 0");
  if (!(config.dropout >= 0 && config.dropout < 1)) throw Error("LoRA dropout must be at least 0 and below 1");
  if (config.targets.empty()) throw Error("LoRA needs at least one target layer (for example q_proj, v_proj)");
}

std::string loraTensorName(std::int64_t layer, LinearModule module, char matrix) {
  return "base_model.model.model.layers." + std::to_string(layer) + "." + std::string(modulePath(module)) +
         ".lora_" + matrix + ".weight";
}

std::int64_t moduleInputs(const formats::ModelConfig& model, LinearModule module) {
  switch (module) {
    case LinearModule::Output: return model.attentionHeads * model.headDim;
    case LinearModule::Down: return model.intermediateSize;
    default: return model.hiddenSize;
  }
}

std::int64_t moduleOutputs(const formats::ModelConfig& model, LinearModule module) {
  switch (module) {
    case LinearModule::Query: return model.attentionHeads * model.headDim;
    case LinearModule::Key:
    case LinearModule::Value: return model.keyValueHeads * model.headDim;
    case LinearModule::Gate:
    case LinearModule::Up: return model.intermediateSize;
    default: return model.hiddenSize;
  }
}

std::vector<ParameterSpec> loraParameterSpecs(const formats::ModelConfig& model, const LoraConfig& lora) {
  std::vector<ParameterSpec> specs;
  for (std::int64_t layer = 0; layer < model.layerCount; ++layer) {
    for (int m = 0; m < kLinearModuleCount; ++m) {
      const auto module = static_cast<LinearModule>(m);
      if (!lora.adapts(module)) continue;
      specs.push_back({loraTensorName(layer, module, 'A'), {lora.rank, moduleInputs(model, module)}, true});
      specs.push_back({loraTensorName(layer, module, 'B'), {moduleOutputs(model, module), lora.rank}, true});
    }
  }
  return specs;
}

void initializeLora(const ParameterTable& adapter, const formats::ModelConfig& model, const LoraConfig& lora,
                    std::uint64_t seed) {
  SplitMix64 random(seed);
  adapter.zero();
  for (std::int64_t layer = 0; layer < model.layerCount; ++layer) {
    for (int m = 0; m < kLinearModuleCount; ++m) {
      const auto module = static_cast<LinearModule>(m);
      if (!lora.adapts(module)) continue;
      const kernels::DeviceSpan<float> a = adapter.tensor(loraTensorName(layer, module, 'A'));
      // kaiming_uniform_(a = sqrt(5)) on [rank, in]: bound = sqrt(6 / ((1 + 5) * in)) = 1 / sqrt(in).
      const double bound = 1.0 / std::sqrt(static_cast<double>(moduleInputs(model, module)));
      std::vector<float> values(a.size());
      for (float& value : values) value = static_cast<float>(random.uniform(-bound, bound));
      adapter.backend().upload(values, a);
    }
  }
}

}  // namespace tiertune::model
