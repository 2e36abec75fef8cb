// GGUF export of a Hugging Face model folder (config.json, safetensors, tokenizer.json,
// tokenizer_config.json) for llama.cpp, Ollama and LM Studio: one GGUF file in F16, BF16 or Q8_0
// with the metadata llama.cpp needs, an Ollama Modelfile beside it, in a flat folder or in LM
// Studio's publisher/model/ layout. Tensors are read, converted and written one at a time; every
// file is written under a temporary name and renamed when complete. Called by the CLI's export
// command and the GUI's export dialog.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/export/gguf_tensor_plan.h"

namespace tiertune::exporting {

enum class GgufLayout {
  Flat,      // OUTPUT/<model>-<TYPE>.gguf and OUTPUT/Modelfile
  LmStudio,  // OUTPUT/<publisher>/<model>/<model>-<TYPE>.gguf (and the Modelfile there)
};

struct GgufExportOptions {
  std::filesystem::path outputFolder;  // created when missing
  GgufFileType fileType = GgufFileType::F16;
  std::string modelName;   // general.name and the file name; one path component
  std::string publisher;   // LmStudio layout only; one path component
  GgufLayout layout = GgufLayout::Flat;
  bool writeOllamaModelfile = true;
};

struct GgufExportProgress {
  std::size_t tensorsDone = 0;
  std::size_t tensorCount = 0;
  std::uint64_t bytesWritten = 0;  // of the GGUF file
  std::uint64_t totalBytes = 0;
  std::string currentTensor;       // llama.cpp's name
};

struct ExportedFile {
  std::filesystem::path path;
  std::string sha256;  // lowercase hex
  std::uint64_t bytes = 0;
};

struct GgufExportResult {
  bool cancelled = false;           // then no file was left behind
  std::vector<ExportedFile> files;  // the GGUF file first, then the Modelfile
};

// The GGUF file's path for these options (without writing anything).
std::filesystem::path ggufExportPath(const GgufExportOptions& options);

// Throws tiertune::Error naming the file, tensor or field for what cannot be exported: unreadable
// or inconsistent inputs, non-finite weights, F16 overflow, a chat template without an Ollama
// counterpart (when the Modelfile is asked for), names that are not one path component.
// progress is called from the calling thread after each tensor; a stop request ends the export
// after the current tensor and removes what it had written.
GgufExportResult exportGguf(const std::filesystem::path& modelFolder, const GgufExportOptions& options,
                            const std::function<void(const GgufExportProgress&)>& progress = {},
                            std::stop_token stop = {});

}  // namespace tiertune::exporting
