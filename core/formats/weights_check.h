// Checks a model's weights against its config.json: every tensor the architecture needs is there
// with the shape the config implies and a dtype Tiertune can load, and nothing unexpected is.
// The answers are sentences a non-specialist can act on; "validate the model folder" shows them.
#pragma once

#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"

namespace tiertune::formats {

// Empty when the weights fit the config. Otherwise one sentence per problem, for example
// "tensor model.layers.3.mlp.up_proj.weight is missing (expected shape [8192, 2048])." or
// "tensor model.norm.weight has shape [2048, 1], but config.json implies [2048].".
std::vector<std::string> checkWeightsAgainstConfig(const ModelConfig& config, const ModelWeights& weights);

}  // namespace tiertune::formats
