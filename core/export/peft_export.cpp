#include "core/export/peft_export.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/export/export_folder.h"
#include "core/export/tensor_encoding.h"
#include "core/formats/safetensors_reader.h"
#include "core/formats/safetensors_writer.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"

namespace tiertune::exports {

namespace fs = std::filesystem;
using nlohmann::json;

std::string peftAdapterConfigJson(const model::LoraConfig& lora, const std::string& base) {
  json targets = json::array();
  for (const model::LinearModule module : lora.targets) targets.push_back(model::moduleShortName(module));
  // PEFT writes lora_alpha as the integer users give it; keep a fractional alpha exact.
  const json alpha = lora.alpha == std::floor(lora.alpha) ? json(static_cast<std::int64_t>(lora.alpha)) : json(lora.alpha);
  // The fields of PEFT's LoraConfig that change how the adapter is applied, with the values that
  // describe our adapters: plain LoRA (no DoRA, no rsLoRA scaling alpha/sqrt(r)), the same r and
  // alpha for every module, weights stored [out, in] (fan_in_fan_out false), no trained biases.
  const json config = {
      {"peft_type", "LORA"},
      {"task_type", "CAUSAL_LM"},
      {"base_model_name_or_path", base},
      {"revision", nullptr},
      {"r", lora.rank},
      {"lora_alpha", alpha},
      {"lora_dropout", lora.dropout},
      {"target_modules", targets},
      {"bias", "none"},
      {"fan_in_fan_out", false},
      {"inference_mode", true},
      {"init_lora_weights", true},
      {"modules_to_save", nullptr},
      {"layers_to_transform", nullptr},
      {"layers_pattern", nullptr},
      {"rank_pattern", json::object()},
      {"alpha_pattern", json::object()},
      {"use_rslora", false},
      {"use_dora", false},
  };
  return config.dump(2) + "\n";  // sorted keys, as PEFT's save_pretrained writes them
}

ExportResult exportPeftAdapter(const train::CheckpointSource& source, const fs::path& output, formats::Dtype dtype,
                               const ExportProgress& progress) {
  if (!source.run.lora) {
    throw Error(source.folder.string() + " is a full fine-tuning checkpoint and has no adapter; export it as a merged "
                "model instead.");
  }
  const formats::SafetensorsFile adapter(source.weights);
  StagingFolder staging = exportStaging(output);
  progress.tell(0, "Writing adapter_config.json");
  writeFileAtomically(staging.path() / "adapter_config.json",
                      peftAdapterConfigJson(source.run.loraConfig, source.run.modelFolder.string()));

  std::vector<formats::TensorDescriptor> descriptors;
  for (const formats::TensorInfo& info : adapter.tensors()) descriptors.push_back({info.name, dtype, info.shape});
  formats::SafetensorsWriter writer(staging.path() / "adapter_model.safetensors", descriptors, {{"format", "pt"}});
  const std::size_t count = adapter.tensors().size();
  for (std::size_t i = 0; i < count; ++i) {
    progress.checkCancel();
    const formats::TensorView tensor = adapter.view(adapter.tensors()[i]);
    progress.tell(static_cast<double>(i) / static_cast<double>(count), "Writing " + tensor.name());
    writer.write(tensor.name(), encodeTensor(tensor.name(), formats::readAsFloat(tensor), dtype));
  }
  progress.checkCancel();
  writer.finish();
  return commitExport(staging, progress, "Adapter written");
}

}  // namespace tiertune::exports
