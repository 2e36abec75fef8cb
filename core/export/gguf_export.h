// GGUF export of a Hugging Face model folder (config.json, safetensors, tokenizer.json,
// tokenizer_config.json) for llama.cpp, Ollama and LM Studio: one GGUF file in F16, BF16 or Q8_0
// with the metadata llama.cpp needs, an Ollama Modelfile beside it, in a flat folder or in LM
// Studio's publisher/model/ layout. Tensors are read, converted and written one at a time into a
// staging folder that is renamed into place when complete. For the CLI's export command and the
// GUI's export dialog.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/export/export_progress.h"
#include "core/export/gguf_tensor_plan.h"

namespace tiertune::exports {

enum class GgufLayout {
  Flat,      // OUTPUT/<model>-<TYPE>.gguf and OUTPUT/Modelfile
  LmStudio,  // OUTPUT/<publisher>/<model>/<model>-<TYPE>.gguf (and the Modelfile there)
};

struct GgufExportOptions {
  // Flat: the export's folder; LmStudio: the folder of publisher folders (LM Studio's models
  // folder). Either way the export's own folder must not exist yet (export_folder.h).
  std::filesystem::path outputFolder;
  GgufFileType fileType = GgufFileType::F16;
  std::string modelName;   // general.name and the file name; one path component
  std::string publisher;   // LmStudio layout only; one path component
  GgufLayout layout = GgufLayout::Flat;
  bool writeOllamaModelfile = true;
};

struct ExportedFile {
  std::filesystem::path path;
  std::string sha256;  // lowercase hex
  std::uint64_t bytes = 0;
};

struct GgufExportResult {
  ExportResult folder;              // the export's folder, its content hash (for the catalog) and bytes
  std::vector<ExportedFile> files;  // the GGUF file first, then the Modelfile
};

// The GGUF file's path for these options (without writing anything).
std::filesystem::path ggufExportPath(const GgufExportOptions& options);

// Throws tiertune::Error naming the file, tensor or field for what cannot be exported: unreadable
// or inconsistent inputs, non-finite weights, F16 overflow, a chat template without an Ollama
// counterpart (when the Modelfile is asked for), names that are not one path component, an
// export folder that exists. progress is told after each tensor; a cancel (asked between tensors)
// throws ExportCancelled. The files are written into a staging folder that is renamed into place
// at the end, so an error or a cancel leaves nothing behind.
GgufExportResult exportGguf(const std::filesystem::path& modelFolder, const GgufExportOptions& options,
                            const ExportProgress& progress = {});

// The checks exportGguf makes before it writes anything (names, an export folder that exists, the
// tokenizer, the Modelfile's template), for a caller that must first make modelFolder, a long step:
// run_export.h checks the run's base model folder before merging. Throws as exportGguf does.
void checkGgufExportable(const std::filesystem::path& modelFolder, const GgufExportOptions& options);

}  // namespace tiertune::exports
