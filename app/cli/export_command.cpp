// `tiertune-cli export`: a run's checkpoint as a PEFT adapter, a merged Hugging Face model folder or
// a GGUF file with an Ollama Modelfile, through core/export/run_export.h (as the GUI's export
// dialog), recorded in the catalog with its content hash. This file only reads the options and
// prints; progress on stderr; Ctrl+C (SIGINT) or SIGTERM cancels and leaves nothing behind.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/terminal_progress.h"
#include "core/catalog/catalog.h"
#include "core/export/run_export.h"
#include "core/export/tensor_encoding.h"
#include "core/settings/settings.h"
#include "core/util/error.h"

namespace tiertune::cli {

namespace {

using exports::ExportFormat;

std::atomic<bool> gCancelRequested{false};

extern "C" void onCancelSignal(int) { gCancelRequested.store(true); }

ExportFormat parseFormat(const std::string& text) {
  if (text == "peft") return ExportFormat::PeftAdapter;
  if (text == "merged") return ExportFormat::MergedModel;
  if (text == "gguf") return ExportFormat::Gguf;
  throw UsageError("export: --format must be peft, merged or gguf, not \"" + text + "\"");
}

exports::GgufFileType parseGgufType(const std::string& text) {
  if (text == "f16") return exports::GgufFileType::F16;
  if (text == "bf16") return exports::GgufFileType::BF16;
  if (text == "q8_0") return exports::GgufFileType::Q8_0;
  throw UsageError("export: --gguf-type must be f16, bf16 or q8_0, not \"" + text + "\"");
}

exports::GgufLayout parseLayout(const std::string& text) {
  if (text == "flat") return exports::GgufLayout::Flat;
  if (text == "lmstudio") return exports::GgufLayout::LmStudio;
  throw UsageError("export: --layout must be flat or lmstudio, not \"" + text + "\"");
}

// The request the options describe; UsageError (exit 2) before anything is read or written.
exports::RunExportRequest readRequest(const Arguments& arguments) {
  const auto runText = arguments.value("run");
  const auto format = arguments.value("format");
  const auto output = arguments.value("output");
  if (!runText || !format || !output) throw UsageError("export needs --run ID, --format peft|merged|gguf and --output DIR");
  exports::RunExportRequest request;
  request.runId = parseRunId(*runText);
  request.format = parseFormat(*format);
  request.output = *output;
  request.checkpoint = arguments.value("checkpoint").value_or("latest");
  const bool gguf = request.format == ExportFormat::Gguf;
  for (const char* option : {"gguf-type", "layout", "publisher", "name"}) {
    if (!gguf && arguments.value(option)) throw UsageError(std::string("export: --") + option + " is for --format gguf");
  }
  if (!gguf && arguments.flag("no-modelfile")) throw UsageError("export: --no-modelfile is for --format gguf");
  if (gguf && arguments.value("dtype")) throw UsageError("export: --format gguf takes --gguf-type, not --dtype");
  request.dtype = exports::defaultExportDtype(request.format);
  if (const auto dtypeText = arguments.value("dtype")) {
    try {
      request.dtype = exports::parseExportDtype(*dtypeText);
    } catch (const Error& error) {
      throw UsageError(std::string("export: ") + error.what());
    }
  }
  if (const auto type = arguments.value("gguf-type")) request.gguf.fileType = parseGgufType(*type);
  if (const auto layout = arguments.value("layout")) request.gguf.layout = parseLayout(*layout);
  request.gguf.publisher = arguments.value("publisher").value_or("");
  request.gguf.modelName = arguments.value("name").value_or("");
  request.gguf.writeOllamaModelfile = !arguments.flag("no-modelfile");
  return request;
}

// "as a PEFT adapter (float32)", "as GGUF (Q8_0)": what the summary line says was made.
std::string formText(const exports::RunExportRequest& request) {
  switch (request.format) {
    case ExportFormat::PeftAdapter: return "a PEFT adapter (" + exports::torchDtypeName(request.dtype) + ")";
    case ExportFormat::MergedModel: return "a merged model (" + exports::torchDtypeName(request.dtype) + ")";
    case ExportFormat::Gguf: return "GGUF (" + exports::ggufFileTypeLabel(request.gguf.fileType) + ")";
  }
  return "";
}

void printJson(const exports::RunExportRequest& request, const exports::RunExportResult& result) {
  nlohmann::json json = {{"export", result.exportId},
                         {"run", request.runId},
                         {"checkpoint", result.checkpoint.id},
                         {"step", result.checkpoint.step},
                         {"kind", catalog::toString(result.kind)},
                         {"path", result.folder.folder},
                         {"sha256", result.folder.contentSha256},
                         {"bytes", result.folder.bytes}};
  if (request.format == ExportFormat::Gguf) {
    json["gguf_type"] = exports::ggufFileTypeLabel(request.gguf.fileType);
    json["files"] = nlohmann::json::array();
    for (const exports::ExportedFile& file : result.files) {
      json["files"].push_back({{"path", file.path.string()}, {"sha256", file.sha256}, {"bytes", file.bytes}});
    }
  } else {
    json["dtype"] = exports::torchDtypeName(request.dtype);
  }
  std::cout << json.dump(2) << "\n";
}

}  // namespace

int runExport(const std::vector<std::string>& args) {
  const Arguments arguments("export", args,
                            {.flags = {"json", "no-modelfile"},
                             .valued = {"run", "checkpoint", "format", "dtype", "output", "gguf-type", "layout",
                                        "publisher", "name"}});
  const exports::RunExportRequest request = readRequest(arguments);
  catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());

  std::signal(SIGINT, onCancelSignal);
  std::signal(SIGTERM, onCancelSignal);
  exports::RunExportResult result;
  {
    // Started by the first report, so that an export refused up front prints only its reason.
    std::optional<TerminalProgress> bar;
    const exports::ExportProgress progress{[&](double fraction, const std::string& words) {
                                             if (!bar) bar.emplace("Exporting");
                                             bar->update(fraction, words);
                                           },
                                           [] { return gCancelRequested.load(); }};
    result = exports::exportRun(store, request, progress);
  }

  if (arguments.flag("json")) {
    printJson(request, result);
    return 0;
  }
  std::printf("Exported run %lld at step %lld as %s to %s\n", static_cast<long long>(request.runId),
              static_cast<long long>(result.checkpoint.step), formText(request).c_str(), result.folder.folder.c_str());
  for (const exports::ExportedFile& file : result.files) std::printf("  %s\n", file.path.c_str());
  std::printf("Content SHA-256 %s, %llu bytes\n", result.folder.contentSha256.c_str(),
              static_cast<unsigned long long>(result.folder.bytes));
  return 0;
}

const Command kExportCommand = {
    "export", "export a run's checkpoint as a PEFT adapter, a merged Hugging Face model or GGUF",
    "Usage: tiertune-cli export --run ID --format peft|merged|gguf --output DIR\n"
    "                           [--checkpoint latest|step-N] [--dtype bf16|fp16|fp32] [--json]\n"
    "                           [--gguf-type f16|bf16|q8_0] [--layout flat|lmstudio] [--name NAME]\n"
    "                           [--publisher NAME] [--no-modelfile]\n"
    "\n"
    "peft    the LoRA adapter as PEFT saves it (adapter_config.json, adapter_model.safetensors), for\n"
    "        PeftModel.from_pretrained on top of the base model; fp32 as trained unless --dtype.\n"
    "merged  a complete Hugging Face model folder: the base weights with the adapter folded in (or a\n"
    "        full fine-tune's weights), bf16 unless --dtype, safetensors shards with their index,\n"
    "        config.json, generation_config.json and the base's tokenizer files. fp16 is refused,\n"
    "        naming the tensor, when a weight is beyond its range (65504).\n"
    "gguf    one GGUF file for llama.cpp, Ollama and LM Studio (f16 unless --gguf-type) with the\n"
    "        base's tokenizer and chat template, and an Ollama Modelfile (TEMPLATE and stop lines\n"
    "        from the chat template) unless --no-modelfile. Named NAME-TYPE.gguf, NAME by default\n"
    "        <base model folder>-run<ID>-step<STEP>. --layout flat writes DIR/NAME-TYPE.gguf;\n"
    "        --layout lmstudio treats DIR as LM Studio's models folder and writes\n"
    "        DIR/PUBLISHER/NAME/NAME-TYPE.gguf (PUBLISHER \"tiertune\" unless --publisher). The merged\n"
    "        model is written in fp32 to a temporary folder beside the export first and removed\n"
    "        afterwards: it needs 4 bytes per parameter of free space for the duration.\n"
    "\n"
    "The export's folder (DIR, or DIR/PUBLISHER/NAME) must not exist; it is written beside its place\n"
    "as .NAME.partial and renamed when complete, so a failed or cancelled (Ctrl+C) export leaves\n"
    "nothing. The export is recorded in the catalog with a content hash: SHA-256 of `sha256sum`\n"
    "lines of its files in name order, i.e. `cd DIR && LC_ALL=C ls -A | xargs sha256sum | sha256sum`.\n",
    runExport};

}  // namespace tiertune::cli
