#include "core/formats/weights_check.h"

#include <set>
#include <string_view>

namespace tiertune::formats {
namespace {

// Older Llama checkpoints saved RoPE's inverse frequencies as a buffer; they are recomputed from
// the config, so their presence is harmless.
bool isHarmlessExtra(std::string_view name) { return name.ends_with(".rotary_emb.inv_freq"); }

}  // namespace

std::vector<std::string> checkWeightsAgainstConfig(const ModelConfig& config, const ModelWeights& weights) {
  std::vector<std::string> problems;
  std::set<std::string, std::less<>> expectedNames;
  for (const ExpectedTensor& expected : expectedTensors(config)) {
    expectedNames.insert(expected.name);
    const TensorInfo* found = weights.find(expected.name);
    if (!found) {
      problems.push_back("tensor " + expected.name + " is missing (expected shape " +
                         formatShape(expected.shape) +
                         "); the weights do not match config.json or a file is incomplete.");
      continue;
    }
    if (found->shape != expected.shape) {
      problems.push_back("tensor " + expected.name + " has shape " + formatShape(found->shape) +
                         ", but config.json implies " + formatShape(expected.shape) +
                         "; the weights belong to a different model than config.json describes.");
    }
    if (!isLoadableFloat(found->dtype)) {
      problems.push_back(
          "tensor " + expected.name + " holds " + std::string(dtypeName(found->dtype)) + " values (" +
          dtypeDescription(found->dtype) +
          "); Tiertune loads weights only as BF16, F16 or F32. Use an unquantized model folder.");
    }
  }
  for (const std::string& name : weights.names()) {
    if (expectedNames.contains(name) || isHarmlessExtra(name)) continue;
    if (name == "lm_head.weight" && config.tieWordEmbeddings) {
      problems.push_back(
          "tensor lm_head.weight is present, but config.json ties the output layer to the "
          "embeddings (tie_word_embeddings), so it would be ignored; config.json and the weights "
          "disagree.");
      continue;
    }
    problems.push_back(
        "tensor " + name + " is not part of a " + std::string(architectureName(config.architecture)) +
        " model with this config.json; the weights belong to a different model or architecture.");
  }
  return problems;
}

}  // namespace tiertune::formats
