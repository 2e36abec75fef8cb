#include "core/model/base_weights.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <string>

#include "core/formats/safetensors_reader.h"
#include "core/formats/weights_check.h"
#include "core/util/error.h"
#include "core/util/random.h"
#include "core/util/test_pause.h"
#include "kernels/cpu/nf4.h"

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
    const bool projection = formats::isLayerProjection(tensor);
    specs.push_back({std::move(tensor.name), std::move(tensor.shape), decay, projection});
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
  if (table.format().fourBitProjections) {
    std::vector<std::uint8_t> bytes(table.allBytes().size());
    readBaseWeightBytes(table.specs(), weights, table.format(), bytes);
    table.backend().upload(bytes, table.allBytes());
    return;
  }
  if (table.elementType() != ElementType::F32) {
    std::vector<std::uint16_t> bits;
    for (std::size_t i = 0; i < table.tensorCount(); ++i) {
      const ParameterEntry& entry = table.entry(i);
      bits.resize(entry.count);
      readBaseWeightBits({entry.spec}, weights, table.elementType(), bits);
      table.backend().upload(bits, table.bits(i));
    }
    return;
  }
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

ElementType frozenElementType(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights) {
  std::uint64_t bf16 = 0, f16 = 0, f32 = 0;
  for (const ParameterSpec& spec : specs) {
    const formats::TensorInfo* info = weights.find(spec.name);
    if (info == nullptr) continue;
    const std::uint64_t count = info->elementCount();
    switch (info->dtype) {
      case formats::Dtype::BF16: bf16 += 2 * count; break;
      case formats::Dtype::F16: f16 += 2 * count; break;
      case formats::Dtype::F32: f32 += 4 * count; break;
      default: break;  // refused when the tensor is read
    }
  }
  if (f32 > bf16 + f16 || bf16 + f16 == 0) return ElementType::F32;
  return bf16 >= f16 ? ElementType::Bf16 : ElementType::F16;
}

void readBaseWeightBits(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                        ElementType type, std::span<std::uint16_t> bits) {
  pauseForTest("base-weights");
  const kernels::HalfFormat format = halfFormat(type);
  // All exponent bits set: infinity or NaN, in either format.
  const std::uint16_t exponentMask = format == kernels::HalfFormat::Bf16 ? 0x7F80 : 0x7C00;
  std::size_t offset = 0;
  for (const ParameterSpec& spec : specs) {
    const std::size_t count = elementCount(spec.shape);
    const formats::TensorView view = weights.tensor(spec.name);
    if (view.shape() != spec.shape) {
      throw Error(std::string(view.fileLabel) + ": tensor " + spec.name + " has shape " + shapeText(view.shape()) +
                  " but config.json implies " + shapeText(spec.shape));
    }
    const std::span<std::uint16_t> out = bits.subspan(offset, count);
    formats::readAsHalf(view, format, out);
    const auto nonFinite = static_cast<std::uint64_t>(
        std::count_if(out.begin(), out.end(), [&](std::uint16_t b) { return (b & exponentMask) == exponentMask; }));
    if (nonFinite > 0) {
      const std::uint64_t inSource = formats::countNonFinite(view);
      if (inSource > 0) throw Error(formats::nonFiniteProblem(view.fileLabel, spec.name, inSource));
      throw Error(std::string(view.fileLabel) + ": tensor " + spec.name + " holds " + std::to_string(nonFinite) +
                  " values beyond the range of " + toString(type) + " (65504); the model cannot be kept in " +
                  toString(type) + ".");
    }
    offset += count;
  }
}

void readBaseWeightBytes(const std::vector<ParameterSpec>& specs, const formats::ModelWeights& weights,
                         TableFormat format, std::span<std::uint8_t> bytes) {
  const std::size_t total = ParameterTable::storageBytes(specs, format);
  if (bytes.size() != total) {
    throw std::invalid_argument("readBaseWeightBytes: the tensors take " + std::to_string(total) + " bytes, not " +
                                std::to_string(bytes.size()));
  }
  std::fill(bytes.begin(), bytes.end(), std::uint8_t{0});
  std::vector<float> values;
  std::vector<std::uint16_t> bits;
  for (const ParameterEntry& entry : ParameterTable::layout(specs, format)) {
    const std::span<std::uint8_t> out = bytes.subspan(entry.byteOffset, entry.bytes);
    if (entry.nf4) {  // quantized from the checkpoint's values, widened exactly
      values.resize(entry.count);
      readBaseWeights({entry.spec}, weights, values);
      kernels::cpu::quantizeNf4(values, out);
    } else if (format.type == ElementType::F32) {
      values.resize(entry.count);
      readBaseWeights({entry.spec}, weights, values);
      std::memcpy(out.data(), values.data(), out.size());
    } else {
      bits.resize(entry.count);
      readBaseWeightBits({entry.spec}, weights, format.type, bits);
      std::memcpy(out.data(), bits.data(), out.size());
    }
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
