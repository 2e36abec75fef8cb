// A run's checkpoint exported as a PEFT adapter, a merged Hugging Face folder or a GGUF file, and
// recorded in the catalog with its folder's content hash: the one path the CLI's export command and
// the GUI's export dialog share. A GGUF is made from the checkpoint's merged model, written in fp32
// to a temporary folder beside the output first (removed afterwards, also on an error or a cancel).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/export/export_progress.h"
#include "core/export/gguf_export.h"
#include "core/formats/dtype.h"

namespace tiertune::exports {

enum class ExportFormat { PeftAdapter, MergedModel, Gguf };

// PEFT: fp32, as trained; merged: bf16, as Llama models ship. (GGUF takes gguf.fileType.)
formats::Dtype defaultExportDtype(ExportFormat format);

struct RunExportRequest {
  catalog::Id runId = 0;
  std::string checkpoint = "latest";  // run_checkpoint.h's names
  ExportFormat format = ExportFormat::PeftAdapter;
  // PEFT and merged: the export's folder. GGUF: gguf.outputFolder (set from this).
  std::filesystem::path output;
  formats::Dtype dtype = formats::Dtype::F32;  // PEFT and merged
  // GGUF: the file type, layout and Modelfile; an empty modelName becomes
  // "<base model folder>-run<ID>-step<STEP>", an empty publisher "tiertune".
  GgufExportOptions gguf;
};

struct RunExportResult {
  catalog::Id exportId = 0;
  catalog::CheckpointRecord checkpoint;
  catalog::ExportKind kind = catalog::ExportKind::PeftAdapter;
  ExportResult folder;              // what the catalog recorded: the folder, its content hash, bytes
  std::vector<ExportedFile> files;  // GGUF: the .gguf file, then the Modelfile; otherwise empty
};

// Throws tiertune::Error in words for a run or checkpoint that does not exist, a PEFT export of a
// full fine-tune, an output that exists, and whatever the export itself refuses; ExportCancelled
// when progress asks to cancel. Nothing is left behind and nothing recorded unless it succeeds.
RunExportResult exportRun(catalog::Catalog& store, const RunExportRequest& request, const ExportProgress& progress = {});

}  // namespace tiertune::exports
