#include "core/export/gguf_export.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/export/export_folder.h"
#include "core/export/gguf_model_metadata.h"
#include "core/export/gguf_vocabulary.h"
#include "core/export/tensor_encoding.h"
#include "core/export/ollama_modelfile.h"
#include "core/formats/gguf_q8_0.h"
#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/formats/safetensors_writer.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

namespace tiertune::exports {
namespace {

namespace fs = std::filesystem;
using formats::GgufTensorType;

constexpr std::size_t kWriteSliceBytes = std::size_t{4} << 20;

void requirePathComponent(const std::string& name, const char* what) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    throw Error(std::string("GGUF export: the ") + what + " \"" + name +
                "\" must be a non-empty name without \"/\" (it becomes part of a file path).");
  }
}

// The weights as the GGUF tensor holds them, before encoding: rotary rows reordered for llama.cpp.
std::vector<float> tensorValues(const GgufTensorPlan& entry, const formats::ModelWeights& weights,
                                const formats::ModelConfig& config) {
  if (entry.sourceName.empty()) return llama3RopeFactors(config);
  std::vector<float> values = formats::readAsFloat(weights.tensor(entry.sourceName));
  if (entry.rotaryHeads > 0) {
    const std::int64_t columns = entry.info.dims.size() > 1 ? static_cast<std::int64_t>(entry.info.dims[0]) : 1;
    values = permuteRotaryRows(values, entry.rotaryHeads, columns);
  }
  return values;
}

// The tensor's bytes in its GGUF type. F32, F16 and BF16 are the encodings every export shares
// (tensor_encoding.h: rounding, and refusal of non-finite values and of values F16 cannot hold);
// Q8_0's scale adapts to any range, so it only needs finite values: a NaN or infinity would poison
// every output of llama.cpp.
std::vector<std::byte> encodeForGguf(const GgufTensorPlan& entry, const std::vector<float>& values) {
  const std::string label =
      entry.sourceName.empty() ? entry.info.name : entry.sourceName + " (" + entry.info.name + ")";
  switch (entry.info.type) {
    case GgufTensorType::F32: return encodeTensor(label, values, formats::Dtype::F32);
    case GgufTensorType::F16: return encodeTensor(label, values, formats::Dtype::F16);
    case GgufTensorType::BF16: return encodeTensor(label, values, formats::Dtype::BF16);
    case GgufTensorType::Q8_0: break;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      throw Error("Tensor " + label + " holds " + std::to_string(values[i]) + " at element " + std::to_string(i) +
                  "; the weights are damaged (training diverged?) and are not exported.");
    }
  }
  std::vector<std::byte> bytes;
  formats::appendQ8_0Blocks(values, bytes);
  return bytes;
}

void checkSourceShapes(const std::vector<GgufTensorPlan>& plan, const formats::ModelWeights& weights,
                       const fs::path& folder) {
  for (const GgufTensorPlan& entry : plan) {
    if (entry.sourceName.empty()) continue;
    const formats::TensorInfo* info = weights.find(entry.sourceName);
    if (info == nullptr) throw Error(folder.string() + ": the weights have no tensor " + entry.sourceName + ".");
    const std::vector<std::int64_t> expected(entry.info.dims.rbegin(), entry.info.dims.rend());
    if (info->shape != expected) {
      throw Error(folder.string() + ": tensor " + entry.sourceName + " does not have the shape config.json implies.");
    }
    // Checked now, not half-way through writing: only BF16, F16 and F32 weights can be converted.
    formats::requireLoadableFloat(weights.tensor(entry.sourceName));
  }
}

// What is read and decided before any file is written, so that whatever cannot be exported fails
// first: the names, the tokenizer, and the Modelfile of a template Ollama cannot follow.
struct GgufInputs {
  fs::path target;
  formats::ModelConfig config;
  GgufVocabulary vocabulary;
  std::optional<OllamaModelfile> modelfile;
};

GgufInputs readGgufInputs(const fs::path& modelFolder, const GgufExportOptions& options) {
  GgufInputs inputs{ggufExportPath(options), formats::loadModelConfig(modelFolder / "config.json"), {}, std::nullopt};
  inputs.vocabulary = readGgufVocabulary(modelFolder, inputs.config);
  if (options.writeOllamaModelfile) {
    inputs.modelfile = makeOllamaModelfile(inputs.target.filename().string(), inputs.vocabulary.chatTemplate,
                                           inputs.vocabulary.eosText, inputs.vocabulary.bosText);
  }
  return inputs;
}

}  // namespace

void checkGgufExportable(const fs::path& modelFolder, const GgufExportOptions& options) {
  const GgufInputs inputs = readGgufInputs(modelFolder, options);
  requireNewExportFolder(fs::absolute(inputs.target.parent_path()));
}

fs::path ggufExportPath(const GgufExportOptions& options) {
  requirePathComponent(options.modelName, "model name");
  const std::string fileName = options.modelName + "-" + ggufFileTypeLabel(options.fileType) + ".gguf";
  if (options.layout == GgufLayout::Flat) return options.outputFolder / fileName;
  requirePathComponent(options.publisher, "publisher");
  return options.outputFolder / options.publisher / options.modelName / fileName;
}

GgufExportResult exportGguf(const fs::path& modelFolder, const GgufExportOptions& options,
                            const ExportProgress& progress) {
  const auto [target, config, vocabulary, modelfile] = readGgufInputs(modelFolder, options);
  const formats::ModelWeights weights = formats::ModelWeights::openFolder(modelFolder);

  formats::GgufMetadata metadata;
  addModelMetadata(metadata, config, options.modelName, options.fileType);
  addVocabularyMetadata(metadata, vocabulary);
  const std::vector<GgufTensorPlan> plan = planGgufTensors(config, options.fileType);
  checkSourceShapes(plan, weights, modelFolder);
  std::vector<formats::GgufTensorInfo> infos;
  for (const GgufTensorPlan& entry : plan) infos.push_back(entry.info);

  StagingFolder staging = exportStaging(target.parent_path());
  formats::GgufWriter writer(staging.path() / target.filename(), metadata, infos);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const GgufTensorPlan& entry = plan[i];
    progress.checkCancel();  // throws; the writer and the staging folder remove what was written
    const std::vector<std::byte> encoded = encodeForGguf(entry, tensorValues(entry, weights, config));
    // In slices, so that the writer's buffer stays small.
    for (std::size_t start = 0; start < encoded.size(); start += kWriteSliceBytes) {
      writer.write(entry.info.name, std::span(encoded).subspan(start, std::min(kWriteSliceBytes, encoded.size() - start)));
    }
    // Its pages are not needed again: keep the page cache for the tensors still to come.
    if (!entry.sourceName.empty()) weights.fileOf(entry.sourceName).release(weights.tensor(entry.sourceName));
    const std::uint64_t written = i + 1 < plan.size() ? writer.dataStart() + writer.dataOffsets()[i + 1] : writer.fileBytes();
    // The last few percent are the hash and the commit.
    progress.tell(0.95 * static_cast<double>(written) / static_cast<double>(writer.fileBytes()),
                  "Writing " + entry.info.name);
  }
  writer.finish();
  if (modelfile) writeFileAtomically(staging.path() / "Modelfile", modelfile->text);

  GgufExportResult result;
  for (const fs::directory_entry& file : fs::directory_iterator(staging.path())) {
    result.files.push_back({staging.target() / file.path().filename(), sha256HexOfFile(file.path()), file.file_size()});
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const ExportedFile& a, const ExportedFile& b) { return a.path.extension() == ".gguf" && b.path.extension() != ".gguf"; });
  result.folder = commitExport(staging, progress, "Exported " + target.filename().string());
  return result;
}

}  // namespace tiertune::exports
