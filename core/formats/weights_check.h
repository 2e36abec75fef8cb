// Checks a model's weights against its config.json: every tensor the architecture needs is there
// with the shape the config implies and a dtype Tiertune can load, and nothing unexpected is; and
// their values are numbers (no NaN or infinity, which training and generation would turn into a
// diverged loss and garbage text). The answers are sentences a non-specialist can act on;
// "validate the model folder" (inspect, registration) shows them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/util/words.h"

namespace tiertune::formats {

// Empty when the weights fit the config. Otherwise one sentence per problem, for example
// "tensor model.layers.3.mlp.up_proj.weight is missing (expected shape [8192, 2048])." or
// "tensor model.norm.weight has shape [2048, 1], but config.json implies [2048].".
std::vector<Words> checkWeightsAgainstConfig(const ModelConfig& config, const ModelWeights& weights);

// Reads every BF16, F16 and F32 tensor that config.json expects once, in file order, and drops its
// pages after (streamed: the model is never held in memory); one sentence per tensor holding NaN or
// infinite values, naming it and its file. Costs one read of the weights: seconds for gigabytes on
// an SSD. Throws tiertune::Error naming the file when it shrinks while it is read.
std::vector<Words> checkWeightsAreFinite(const ModelConfig& config, const ModelWeights& weights);

// The values of a tensor that are NaN or infinite, counted on its raw BF16, F16 or F32 bits (other
// dtypes count 0), and on values already converted to float.
std::uint64_t countNonFinite(const TensorView& tensor);
std::uint64_t countNonFinite(std::span<const float> values);
// "FILE: tensor NAME holds values that are not a number (NaN or infinite), COUNT of them; ..." with
// what to do.
Words nonFiniteProblem(std::string_view fileLabel, const std::string& tensorName, std::uint64_t count);

}  // namespace tiertune::formats
