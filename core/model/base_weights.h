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
// naming the tensor and the file otherwise); a 16-bit table gets readBaseWeightBits' bits.
void loadBaseWeights(const ParameterTable& table, const formats::ModelWeights& weights);
// The same for the tensors of specs, packed in their order into values (host memory).
void readBaseWeights(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                     std::span<float> values);

// How a frozen base of these weights is kept (the README's precision policy): in the 16 bits its
// checkpoint ships in, bf16 or fp16, whichever holds most of the tensors' bytes; in fp32 when most
// are fp32. Tensors of the specs the weights lack count nothing (loading names them).
ElementType frozenElementType(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights);
// The tensors of specs as bits of a 16-bit type, packed in their order: copied as stored, or
// rounded from another type (a value beyond fp16's range is an error naming the tensor, as are
// NaN and infinity).
void readBaseWeightBits(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                        ElementType type, std::span<std::uint16_t> bits);

// The tensors of specs as a table of format lays them out (ParameterTable::layout; bytes holds
// storageBytes): a 4-bit table's projections quantized to NF4 from the checkpoint's values, the
// others as readBaseWeightBits or readBaseWeights give them.
void readBaseWeightBytes(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                         TableFormat format, std::span<std::uint8_t> bytes);

// Weights as transformers initializes a new model: normal(0, initializerRange) for embeddings and
// linear weights, ones for norms, zeros for biases; drawn from seed on the host.
void initializeBaseWeights(const ParameterTable& table, std::uint64_t seed, double initializerRange = 0.02);

}  // namespace tiertune::model
