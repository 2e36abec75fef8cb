#include "core/export/merged_export.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/export/export_folder.h"
#include "core/export/lora_merge.h"
#include "core/export/model_folder_files.h"
#include "core/export/tensor_encoding.h"
#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/formats/safetensors_reader.h"
#include "core/model/lora.h"
#include "core/util/error.h"

#include "kernels/cpu/nf4.h"
#include "kernels/nf4_format.h"

namespace tiertune::exports {

namespace fs = std::filesystem;

namespace {

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

// Reads a tensor as fp32 after checking that it has the shape the model needs.
std::vector<float> readChecked(const formats::TensorView& tensor, const std::vector<std::int64_t>& shape) {
  if (tensor.shape() != shape) {
    throw Error(std::string(tensor.fileLabel) + ": tensor " + tensor.name() + " has the shape " +
                shapeText(tensor.shape()) + ", the model needs " + shapeText(shape) + ".");
  }
  return formats::readAsFloat(tensor);
}

// One adapted linear weight: where its A and B are and the shapes they must have.
struct AdaptedWeight {
  std::string a, b;
  std::int64_t outputs = 0, inputs = 0;
};

// "model.layers.3.self_attn.q_proj.weight" -> its adapter, for every layer and target of the run.
std::map<std::string, AdaptedWeight> adaptedWeights(const formats::ModelConfig& model, const model::LoraConfig& lora) {
  std::map<std::string, AdaptedWeight> adapted;
  for (std::int64_t layer = 0; layer < model.layerCount; ++layer) {
    for (const model::LinearModule module : lora.targets) {
      const std::string weight =
          "model.layers." + std::to_string(layer) + "." + std::string(model::modulePath(module)) + ".weight";
      adapted[weight] = {model::loraTensorName(layer, module, 'A'), model::loraTensorName(layer, module, 'B'),
                         model::moduleOutputs(model, module), model::moduleInputs(model, module)};
    }
  }
  return adapted;
}

// Where the exported values of each tensor come from: a full fine-tune's own weights, or the base
// model's with the adapter merged in.
class MergedWeights {
 public:
  MergedWeights(const train::CheckpointSource& source, const formats::ModelConfig& model)
      : lora_(source.run.loraConfig), fourBitBase_(source.run.lora && source.run.fourBitBase) {
    if (source.run.lora) {
      base_ = formats::ModelWeights::openFolder(source.run.modelFolder);
      adapter_.emplace(source.weights);
      adapted_ = adaptedWeights(model, lora_);
      // Every tensor of the adapter must be merged somewhere: one left over means the run's
      // settings and its adapter disagree, and the merged model would silently lack it.
      if (adapter_->tensors().size() != 2 * adapted_.size()) {
        throw Error(source.weights.string() + " holds " + std::to_string(adapter_->tensors().size()) +
                    " tensors; the run's LoRA settings make " + std::to_string(2 * adapted_.size()) + ".");
      }
    } else {
      trained_ = formats::ModelWeights::openSingleFile(source.weights);
    }
  }

  std::vector<float> values(const formats::ExpectedTensor& tensor) const {
    if (!adapter_) return readChecked(trained_->tensor(tensor.name), tensor.shape);
    std::vector<float> weight = readChecked(base_->tensor(tensor.name), tensor.shape);
    if (fourBitBase_ && formats::isLayerProjection(tensor)) {
      // QLoRA, merged as PEFT merges an adapter into a 4-bit base: the base read back from the
      // NF4 it was trained over (quantized here exactly as the trainer did), then the adapter.
      std::vector<std::uint8_t> nf4(kernels::nf4Layout(weight.size()).bytes);
      kernels::cpu::quantizeNf4(weight, nf4);
      kernels::cpu::dequantizeNf4(nf4, weight.size(), 0, weight);
    }
    const auto adapted = adapted_.find(tensor.name);
    if (adapted != adapted_.end()) {
      const AdaptedWeight& lora = adapted->second;
      const std::vector<float> a = readChecked(adapter_->tensor(lora.a), {lora_.rank, lora.inputs});
      const std::vector<float> b = readChecked(adapter_->tensor(lora.b), {lora.outputs, lora_.rank});
      mergeLora(weight, a, b, lora.outputs, lora.inputs, lora_.rank, static_cast<float>(lora_.scaling()));
    }
    return weight;
  }

 private:
  model::LoraConfig lora_;
  bool fourBitBase_ = false;
  std::optional<formats::ModelWeights> base_, trained_;
  std::optional<formats::SafetensorsFile> adapter_;
  std::map<std::string, AdaptedWeight> adapted_;
};

}  // namespace

ExportResult exportMergedModel(const train::CheckpointSource& source, const fs::path& output,
                               const MergedExportOptions& options, const ExportProgress& progress) {
  const fs::path& base = source.run.modelFolder;
  const formats::ModelConfig model = formats::loadModelConfig(base / "config.json");
  const MergedWeights weights(source, model);
  const std::vector<formats::ExpectedTensor> tensors = formats::expectedTensors(model);

  StagingFolder staging = exportStaging(output);
  std::vector<formats::TensorDescriptor> descriptors;
  for (const formats::ExpectedTensor& tensor : tensors) descriptors.push_back({tensor.name, options.dtype, tensor.shape});
  formats::ShardedModelWriter writer(staging.path(), descriptors, options.maxShardBytes);
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    progress.checkCancel();
    progress.tell(static_cast<double>(i) / static_cast<double>(tensors.size()), "Writing " + tensors[i].name);
    writer.write(tensors[i].name, encodeTensor(tensors[i].name, weights.values(tensors[i]), options.dtype));
  }
  progress.checkCancel();
  writer.finish();
  writeModelFolderFiles(base, staging.path(), options.dtype);
  return commitExport(staging, progress, "Model written");
}

}  // namespace tiertune::exports
