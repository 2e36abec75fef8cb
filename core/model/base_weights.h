// The base model's weights as a ParameterTable: their specs (Hugging Face names and shapes from
// config.json), loading them from a model folder's safetensors (BF16, F16 or F32, converted to
// fp32), and seeded random weights for new test and benchmark models.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/model/parameter_table.h"

namespace tiertune::model {

// Every tensor of the model; norms and biases take no weight decay.
std::vector<ParameterSpec> baseParameterSpecs(const formats::ModelConfig& config);

// Copies every tensor of the table from the weights, checking names and shapes (tiertune::Error
// naming the tensor and the file otherwise).
void loadBaseWeights(const ParameterTable& table, const formats::ModelWeights& weights);
// The same for the tensors of specs, packed in their order into values (host memory).
void readBaseWeights(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                     std::span<float> values);

// Weights as transformers initializes a new model: normal(0, initializerRange) for embeddings and
// linear weights, ones for norms, zeros for biases; drawn from seed on the host.
void initializeBaseWeights(const ParameterTable& table, std::uint64_t seed, double initializerRange = 0.02);

}  // namespace tiertune::model
