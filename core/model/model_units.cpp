#include "core/model/model_units.h"

#include <string>

namespace tiertune::model {

std::size_t unitCount(const formats::ModelConfig& config) { return static_cast<std::size_t>(config.layerCount) + 2; }

std::size_t headUnit(const formats::ModelConfig& config) { return static_cast<std::size_t>(config.layerCount) + 1; }

std::size_t unitOfTensor(std::string_view name, std::size_t layers) {
  // LoRA tensors carry PEFT's "base_model.model." in front of the base tensor's name.
  constexpr std::string_view peftPrefix = "base_model.model.";
  if (name.starts_with(peftPrefix)) name.remove_prefix(peftPrefix.size());
  constexpr std::string_view layerPrefix = "model.layers.";
  if (name.starts_with(layerPrefix)) {
    std::size_t index = 0;
    for (std::size_t i = layerPrefix.size(); i < name.size() && name[i] >= '0' && name[i] <= '9'; ++i) {
      index = index * 10 + static_cast<std::size_t>(name[i] - '0');
    }
    return index + 1;
  }
  return name.starts_with("model.embed_tokens") ? 0 : layers + 1;
}

std::vector<std::vector<ParameterSpec>> splitByUnit(const std::vector<ParameterSpec>& specs,
                                                    const formats::ModelConfig& config) {
  std::vector<std::vector<ParameterSpec>> units(unitCount(config));
  const auto layers = static_cast<std::size_t>(config.layerCount);
  for (const ParameterSpec& spec : specs) units.at(unitOfTensor(spec.name, layers)).push_back(spec);
  return units;
}

std::vector<UnitAccess> decoderAccessOrder(const formats::ModelConfig& config, bool training, bool trainsEmbedding) {
  const std::size_t head = headUnit(config);
  std::vector<UnitAccess> order;
  order.push_back({0, false});
  for (std::size_t unit = 1; unit < head; ++unit) order.push_back({unit, false});
  order.push_back({head, training});
  if (config.tieWordEmbeddings) order.push_back({0, training && trainsEmbedding});
  if (!training) return order;
  for (std::size_t unit = head - 1; unit >= 1; --unit) order.push_back({unit, true});
  if (trainsEmbedding) order.push_back({0, true});
  return order;
}

}  // namespace tiertune::model
