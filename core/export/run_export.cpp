#include "core/export/run_export.h"

#include "core/train/checkpoint_source.h"
#include "core/export/export_folder.h"
#include "core/export/merged_export.h"
#include "core/export/peft_export.h"
#include "core/export/run_checkpoint.h"
#include "core/util/error.h"
#include "core/util/path_inside.h"

namespace tiertune::exports {

namespace fs = std::filesystem;

namespace {

// The merged fp32 model a GGUF is made from: removed when the export ends, however it ends.
class TemporaryModelFolder {
 public:
  explicit TemporaryModelFolder(fs::path path) : path_(std::move(path)) {
    removeInside(path_, path_.parent_path());  // left by an export that crashed
  }
  ~TemporaryModelFolder() {
    try {
      removeInside(path_, path_.parent_path());
    } catch (const Error&) {
      // A destructor does not throw; what stays is a hidden folder beside the export.
    }
  }
  TemporaryModelFolder(const TemporaryModelFolder&) = delete;
  TemporaryModelFolder& operator=(const TemporaryModelFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string folderName(const fs::path& folder) {
  const fs::path normal = folder.lexically_normal();
  return (normal.filename().empty() ? normal.parent_path() : normal).filename().string();
}

// The merge in fp32 (the GGUF rounds once, from the exact merged weights) takes most of the time
// and twice the GGUF's bytes, hence its share of the progress.
constexpr double kMergeShare = 0.6;

GgufExportResult exportRunGguf(const train::CheckpointSource& source, const catalog::CheckpointRecord& checkpoint,
                               const RunExportRequest& request, const ExportProgress& progress) {
  GgufExportOptions options = request.gguf;
  options.outputFolder = request.output;
  if (options.modelName.empty()) {
    options.modelName = folderName(source.run.modelFolder) + "-run" + std::to_string(request.runId) + "-step" +
                        std::to_string(checkpoint.step);
  }
  if (options.publisher.empty()) options.publisher = "tiertune";
  // The merged folder carries the base's tokenizer and chat template: refuse what GGUF cannot take
  // before the long merge.
  checkGgufExportable(source.run.modelFolder, options);
  const fs::path exportFolder = fs::absolute(ggufExportPath(options).parent_path());
  const TemporaryModelFolder merged(exportFolder.parent_path() / ("." + exportFolder.filename().string() + ".merged-fp32"));
  exportMergedModel(source, merged.path(), {formats::Dtype::F32}, progress.stage(0, kMergeShare));
  return exportGguf(merged.path(), options, progress.stage(kMergeShare, 1));
}

}  // namespace

formats::Dtype defaultExportDtype(ExportFormat format) {
  return format == ExportFormat::PeftAdapter ? formats::Dtype::F32 : formats::Dtype::BF16;
}

RunExportResult exportRun(catalog::Catalog& store, const RunExportRequest& request, const ExportProgress& progress) {
  if (!store.run(request.runId)) throw Error("There is no run " + std::to_string(request.runId) + " in the catalog.");
  RunExportResult result;
  result.checkpoint = findCheckpoint(store, request.runId, request.checkpoint);
  const train::CheckpointSource source = train::openCheckpoint(result.checkpoint.path);
  switch (request.format) {
    case ExportFormat::PeftAdapter:
      result.kind = catalog::ExportKind::PeftAdapter;
      result.folder = exportPeftAdapter(source, request.output, request.dtype, progress);
      break;
    case ExportFormat::MergedModel:
      result.kind = catalog::ExportKind::MergedHf;
      result.folder = exportMergedModel(source, request.output, {request.dtype}, progress);
      break;
    case ExportFormat::Gguf: {
      result.kind = catalog::ExportKind::Gguf;
      GgufExportResult gguf = exportRunGguf(source, result.checkpoint, request, progress);
      result.folder = std::move(gguf.folder);
      result.files = std::move(gguf.files);
      break;
    }
  }
  try {
    result.exportId = store.addExport({request.runId, result.checkpoint.id, result.kind, result.folder.folder,
                                       result.folder.contentSha256});
  } catch (...) {
    // An export the catalog does not know of would be found by nobody: all or nothing.
    std::error_code ignored;
    fs::remove_all(result.folder.folder, ignored);
    throw;
  }
  return result;
}

}  // namespace tiertune::exports
