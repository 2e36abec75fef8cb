// `tiertune-cli export`: a run's checkpoint as a PEFT adapter or a merged Hugging Face model
// folder (core/export), recorded in the catalog with its content hash. Progress on stderr; Ctrl+C
// (SIGINT) or SIGTERM cancels and leaves nothing behind.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/terminal_progress.h"
#include "core/catalog/catalog.h"
#include "core/export/checkpoint_source.h"
#include "core/export/merged_export.h"
#include "core/export/peft_export.h"
#include "core/export/tensor_encoding.h"
#include "core/settings/settings.h"
#include "core/train/checkpoint.h"
#include "core/util/error.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;

std::atomic<bool> gCancelRequested{false};

extern "C" void onCancelSignal(int) { gCancelRequested.store(true); }

// "latest" (the newest checkpoint whose folder is still there), "step-N", "step-0000000N" or "N".
catalog::CheckpointRecord findCheckpoint(const catalog::Catalog& store, catalog::Id runId, const std::string& which) {
  const std::vector<catalog::CheckpointRecord> checkpoints = store.checkpoints(runId);
  std::string available;
  for (const catalog::CheckpointRecord& checkpoint : checkpoints) {
    if (fs::exists(checkpoint.path)) available += (available.empty() ? "" : ", ") + train::checkpointFolderName(checkpoint.step);
  }
  const std::string runName = "Run " + std::to_string(runId);
  if (available.empty()) throw Error(runName + " has no checkpoint to export yet.");
  for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
    const std::string name = train::checkpointFolderName(it->step);
    const bool named = which == "latest" || which == name || which == std::to_string(it->step) ||
                       which == "step-" + std::to_string(it->step);
    if (named && fs::exists(it->path)) return *it;
  }
  throw Error(runName + " has no checkpoint \"" + which + "\"; it has " + available + ".");
}

}  // namespace

int runExport(const std::vector<std::string>& args) {
  const Arguments arguments("export", args,
                            {.flags = {"json"}, .valued = {"run", "checkpoint", "format", "dtype", "output"}});
  const auto runText = arguments.value("run");
  const auto format = arguments.value("format");
  const auto output = arguments.value("output");
  if (!runText || !format || !output) throw UsageError("export needs --run ID, --format peft|merged and --output DIR");
  if (*format != "peft" && *format != "merged") {
    throw UsageError("export: --format must be peft or merged, not \"" + *format + "\"");
  }
  const bool peft = *format == "peft";
  formats::Dtype dtype = peft ? formats::Dtype::F32 : formats::Dtype::BF16;
  if (const auto dtypeText = arguments.value("dtype")) {
    try {
      dtype = exports::parseExportDtype(*dtypeText);
    } catch (const Error& error) {
      throw UsageError(std::string("export: ") + error.what());
    }
  }
  const catalog::Id runId = parseRunId(*runText);

  catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
  if (!store.run(runId)) throw Error("There is no run " + *runText + " in the catalog.");
  const catalog::CheckpointRecord checkpoint = findCheckpoint(store, runId, arguments.value("checkpoint").value_or("latest"));
  const exports::CheckpointSource source = exports::openCheckpoint(checkpoint.path);

  std::signal(SIGINT, onCancelSignal);
  std::signal(SIGTERM, onCancelSignal);
  exports::ExportResult result;
  {
    // Started by the first report, so that an export refused up front prints only its reason.
    std::optional<TerminalProgress> bar;
    const exports::ExportProgress progress{[&](double fraction, const std::string& words) {
                                             if (!bar) bar.emplace(peft ? "Adapter" : "Merging");
                                             bar->update(fraction, words);
                                           },
                                           [] { return gCancelRequested.load(); }};
    result = peft ? exports::exportPeftAdapter(source, *output, dtype, progress)
                  : exports::exportMergedModel(source, *output, {dtype}, progress);
  }
  const catalog::ExportKind kind = peft ? catalog::ExportKind::PeftAdapter : catalog::ExportKind::MergedHf;
  const catalog::Id exportId = store.addExport({runId, checkpoint.id, kind, result.folder, result.contentSha256});

  if (arguments.flag("json")) {
    const nlohmann::json json = {{"export", exportId},
                                 {"run", runId},
                                 {"checkpoint", checkpoint.id},
                                 {"step", checkpoint.step},
                                 {"kind", catalog::toString(kind)},
                                 {"dtype", exports::torchDtypeName(dtype)},
                                 {"path", result.folder},
                                 {"sha256", result.contentSha256},
                                 {"bytes", result.bytes}};
    std::cout << json.dump(2) << "\n";
  } else {
    std::printf("Exported run %lld at step %lld as %s (%s) to %s\n", static_cast<long long>(runId),
                static_cast<long long>(checkpoint.step), peft ? "a PEFT adapter" : "a merged model",
                exports::torchDtypeName(dtype).c_str(), result.folder.c_str());
    std::printf("Content SHA-256 %s, %llu bytes\n", result.contentSha256.c_str(),
                static_cast<unsigned long long>(result.bytes));
  }
  return 0;
}

const Command kExportCommand = {
    "export", "export a run's checkpoint as a PEFT adapter or a merged Hugging Face model",
    "Usage: tiertune-cli export --run ID --format peft|merged --output DIR\n"
    "                           [--checkpoint latest|step-N] [--dtype bf16|fp16|fp32] [--json]\n"
    "\n"
    "peft    the LoRA adapter as PEFT saves it (adapter_config.json, adapter_model.safetensors), for\n"
    "        PeftModel.from_pretrained on top of the base model; fp32 as trained unless --dtype.\n"
    "merged  a complete Hugging Face model folder: the base weights with the adapter folded in (or a\n"
    "        full fine-tune's weights), bf16 unless --dtype, safetensors shards with their index,\n"
    "        config.json, generation_config.json and the base's tokenizer files. fp16 is refused,\n"
    "        naming the tensor, when a weight is beyond its range (65504).\n"
    "\n"
    "DIR must not exist; the export is written beside it as .DIR.partial and renamed when complete,\n"
    "so a failed or cancelled (Ctrl+C) export leaves nothing. The export is recorded in the catalog\n"
    "with a content hash: SHA-256 of `sha256sum` lines of its files in name order, i.e.\n"
    "`cd DIR && LC_ALL=C ls -A | xargs sha256sum | sha256sum`.\n",
    runExport};

}  // namespace tiertune::cli
