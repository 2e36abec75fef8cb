#include "core/model/base_weights.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/formats/safetensors_reader.h"
#include "core/formats/weights_check.h"
#include "core/util/error.h"
#include "core/util/random.h"
#include "core/util/test_pause.h"

namespace tiertune::model {

namespace {

bool isNormOrBias(const std::string& name) {
  return name.ends_with(".bias") || name.find("norm.weight") != std::string::npos;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

}  // namespace

std::vector<ParameterSpec> baseParameterSpecs(const formats::ModelConfig& config) {
  std::vector<ParameterSpec> specs;
  for (formats::ExpectedTensor& tensor : formats::expectedTensors(config)) {
    const bool decay = !isNormOrBias(tensor.name);
    specs.push_back({std::move(tensor.name), std::move(tensor.shape), decay});
  }
  return specs;
}

namespace {

// One tensor as fp32, after checking its shape against the one config.json implies.
void readChecked(const ParameterSpec& spec, const formats::ModelWeights& weights, std::span<float> values) {
  const formats::TensorView view = weights.tensor(spec.name);
  if (view.shape() != spec.shape) {
    throw Error(std::string(view.fileLabel) + ": tensor " + spec.name + " has shape " + shapeText(view.shape()) +
                " but config.json implies " + shapeText(spec.shape));
  }
  formats::readAsFloat(view, values);
  // Checked here as well as when the model is added: a folder used by path, or changed since.
  if (const std::uint64_t count = formats::countNonFinite(values); count > 0) {
    throw Error(formats::nonFiniteProblem(view.fileLabel, spec.name, count));
  }
}

}  // namespace

void loadBaseWeights(const ParameterTable& table, const formats::ModelWeights& weights) {
  pauseForTest("base-weights");
  std::vector<float> staging;
  for (std::size_t i = 0; i < table.tensorCount(); ++i) {
    const ParameterEntry& entry = table.entry(i);
    staging.resize(entry.count);
    readChecked(entry.spec, weights, staging);
    table.backend().upload(staging, table.tensor(i));
  }
}

void readBaseWeights(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                     std::span<float> values) {
  pauseForTest("base-weights");
  std::size_t offset = 0;
  for (const ParameterSpec& spec : specs) {
    const std::size_t count = elementCount(spec.shape);
    readChecked(spec, weights, values.subspan(offset, count));
    offset += count;
  }
}

void initializeBaseWeights(const ParameterTable& table, std::uint64_t seed, double initializerRange) {
  SplitMix64 random(seed);
  std::vector<float> values;
  for (std::size_t i = 0; i < table.tensorCount(); ++i) {
    const ParameterEntry& entry = table.entry(i);
    values.assign(entry.count, 0.0f);
    if (entry.spec.name.find("norm.weight") != std::string::npos) {
      values.assign(entry.count, 1.0f);
    } else if (!entry.spec.name.ends_with(".bias")) {
      // Box-Muller: two uniforms give one normal sample (the second is dropped for simplicity).
      for (float& value : values) {
        const double u1 = 1.0 - random.uniform();  // (0, 1]
        const double u2 = random.uniform();
        value = static_cast<float>(initializerRange * std::sqrt(-2.0 * std::log(u1)) *
                                   std::cos(2.0 * std::numbers::pi * u2));
      }
    }
    table.backend().upload(values, table.tensor(i));
  }
}

}  // namespace tiertune::model
