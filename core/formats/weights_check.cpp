#include "core/formats/weights_check.h"

#include <cmath>
#include <cstring>
#include <set>
#include <string_view>

namespace tiertune::formats {
namespace {

// Older Llama checkpoints saved RoPE's inverse frequencies as a buffer; they are recomputed from
// the config, so their presence is harmless.
bool isHarmlessExtra(std::string_view name) { return name.ends_with(".rotary_emb.inv_freq"); }

// Words whose exponent bits are all ones (NaN or infinity), in little-endian elements of Word.
template <typename Word>
std::uint64_t countAllOnesExponent(std::span<const std::byte> bytes, Word exponentMask) {
  std::uint64_t count = 0;
  for (std::size_t at = 0; at + sizeof(Word) <= bytes.size(); at += sizeof(Word)) {
    Word word;
    std::memcpy(&word, bytes.data() + at, sizeof word);  // unaligned-safe
    count += (word & exponentMask) == exponentMask ? 1 : 0;
  }
  return count;
}

}  // namespace

std::vector<Words> checkWeightsAgainstConfig(const ModelConfig& config, const ModelWeights& weights) {
  std::vector<Words> problems;
  std::set<std::string, std::less<>> expectedNames;
  for (const ExpectedTensor& expected : expectedTensors(config)) {
    expectedNames.insert(expected.name);
    const TensorInfo* found = weights.find(expected.name);
    if (!found) {
      problems.push_back(Words(TIERTUNE_WORDS("Model folders",
                                              "tensor %1 is missing (expected shape %2); the weights do not "
                                              "match config.json or a file is incomplete."),
                               {expected.name, formatShape(expected.shape)}));
      continue;
    }
    if (found->shape != expected.shape) {
      problems.push_back(Words(TIERTUNE_WORDS("Model folders",
                                              "tensor %1 has shape %2, but config.json implies %3; the weights "
                                              "belong to a different model than config.json describes."),
                               {expected.name, formatShape(found->shape), formatShape(expected.shape)}));
    }
    if (!isLoadableFloat(found->dtype)) {
      problems.push_back(Words(TIERTUNE_WORDS("Model folders",
                                              "tensor %1 holds %2 values (%3); Tiertune loads weights only as "
                                              "BF16, F16 or F32. Use an unquantized model folder."),
                               {expected.name, std::string(dtypeName(found->dtype)), dtypeDescription(found->dtype)}));
    }
  }
  for (const std::string& name : weights.names()) {
    if (expectedNames.contains(name) || isHarmlessExtra(name)) continue;
    if (name == "lm_head.weight" && config.tieWordEmbeddings) {
      problems.push_back(Words(TIERTUNE_WORDS("Model folders",
                                              "tensor lm_head.weight is present, but config.json ties the output "
                                              "layer to the embeddings (tie_word_embeddings), so it would be "
                                              "ignored; config.json and the weights disagree."),
                               {}));
      continue;
    }
    problems.push_back(Words(TIERTUNE_WORDS("Model folders",
                                            "tensor %1 is not part of a %2 model with this config.json; the "
                                            "weights belong to a different model or architecture."),
                             {name, std::string(architectureName(config.architecture))}));
  }
  return problems;
}

std::uint64_t countNonFinite(const TensorView& tensor) {
  switch (tensor.dtype()) {
    case Dtype::BF16: return countAllOnesExponent<std::uint16_t>(tensor.bytes, 0x7F80);
    case Dtype::F16: return countAllOnesExponent<std::uint16_t>(tensor.bytes, 0x7C00);
    case Dtype::F32: return countAllOnesExponent<std::uint32_t>(tensor.bytes, 0x7F800000);
    default: return 0;
  }
}

std::uint64_t countNonFinite(std::span<const float> values) {
  std::uint64_t count = 0;
  for (const float value : values) count += std::isfinite(value) ? 0 : 1;
  return count;
}

Words nonFiniteProblem(std::string_view fileLabel, const std::string& tensorName, std::uint64_t count) {
  return Words(TIERTUNE_WORDS("Model folders",
                              "%1: tensor %2 holds values that are not a number (NaN or infinite), %3 of "
                              "them; training and generation cannot use it. The file is damaged or was "
                              "saved from a diverged model: download the model again."),
               {std::string(fileLabel), tensorName, std::to_string(count)});
}

std::vector<Words> checkWeightsAreFinite(const ModelConfig& config, const ModelWeights& weights) {
  std::set<std::string, std::less<>> expected;
  for (const ExpectedTensor& tensor : expectedTensors(config)) expected.insert(tensor.name);
  std::vector<Words> problems;
  for (const SafetensorsFile& file : weights.files()) {
    for (const TensorInfo& info : file.tensors()) {  // data order: the file is read front to back
      if (!expected.contains(info.name) || !isLoadableFloat(info.dtype)) continue;
      const TensorView tensor = file.view(info);
      const std::uint64_t count = countNonFinite(tensor);
      file.release(tensor);
      tensor.mapping->requireIntact();
      if (count > 0) problems.push_back(nonFiniteProblem(tensor.fileLabel, info.name, count));
    }
  }
  return problems;
}

}  // namespace tiertune::formats
