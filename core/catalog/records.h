// Plain records the catalog stores and returns: models, datasets, runs, metrics, checkpoints,
// exports and events. Used by the GUI pages, the CLI and the trainer; no SQL here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/util/process_identity.h"
#include "core/util/words.h"

namespace tiertune::catalog {

using Id = std::int64_t;

// Timestamps are UTC ISO-8601 text with milliseconds, e.g. "2026-11-22T12:34:56.789Z",
// so that they sort as text and read well in the SQLite shell.

struct NewModel {
  std::string name;          // display name, e.g. "Qwen2.5-0.5B-Instruct"
  std::string path;          // absolute path of the Hugging Face model folder; unique
  std::string architecture;  // e.g. "LlamaForCausalLM"
  std::int64_t parameterCount = 0;
  std::int64_t contextLength = 0;
  std::int64_t vocabSize = 0;
  std::string dtype;         // "bfloat16", "float16", "float32"
  std::int64_t sizeBytes = 0;  // bytes of weight files on disk
  bool hasChatTemplate = false;
  std::string configSha256;  // hash of config.json, to notice a changed folder
};

struct ModelRecord : NewModel {
  Id id = 0;
  std::string addedAt;
};

struct NewDataset {
  std::string name;          // unique
  std::string sourcePath;
  std::string sourceSha256;
  std::string format;        // "alpaca", "sharegpt", "messages", "csv", "text", ...
  std::int64_t trainRows = 0;
  std::int64_t validationRows = 0;
  std::int64_t tokenCount = 0;
  std::string statsJson = "{}";  // histogram and other statistics; must be valid JSON
};

struct DatasetRecord : NewDataset {
  Id id = 0;
  std::string createdAt;
};

// Run lifecycle. Text values are what the catalog stores.
enum class RunStatus { Queued, Running, Paused, Completed, Failed, Stopped };
const char* toString(RunStatus status);
std::optional<RunStatus> runStatusFromString(const std::string& text);

struct NewRun {
  std::string name;
  Id modelId = 0;
  std::optional<Id> datasetId;
  std::string method;        // "lora", "full"
  std::string preset;        // "quick-lora", "balanced-lora", "full", "custom"
  std::string configJson = "{}";  // the whole run configuration; must be valid JSON
};

// Where a run trains: "cuda" with the GPU's name and memory, or "cpu" with the processor's name
// and the machine's RAM.
struct TrainingDevice {
  enum class Kind { Cpu, Cuda };
  Kind kind = Kind::Cpu;
  std::string name;
  std::int64_t memoryBytes = 0;
  bool operator==(const TrainingDevice&) const = default;
};

struct RunRecord : NewRun {
  Id id = 0;
  RunStatus status = RunStatus::Queued;
  std::string createdAt;
  std::string startedAt;     // empty until it starts
  std::string finishedAt;    // empty until it ends
  std::string errorText;     // why it failed, in English words; empty otherwise
  std::optional<Words> errorWords;  // the same, translatable; none when it was kept as text only
  std::string notes;
  std::optional<ProcessIdentity> worker;  // the process executing it; none when none does
  std::optional<std::int64_t> totalSteps;  // set by the worker when it starts
  std::optional<TrainingDevice> device;    // set by the worker when it starts
};

struct MetricPoint {
  std::int64_t step = 0;
  std::string name;          // "train/loss", "val/loss", "lr", "tokens_per_s", ...
  double value = 0.0;
};

struct NewCheckpoint {
  Id runId = 0;
  std::int64_t step = 0;
  std::string path;          // the checkpoint folder
  std::string manifestSha256;
  std::int64_t sizeBytes = 0;
};

struct CheckpointRecord : NewCheckpoint {
  Id id = 0;
  std::string createdAt;
};

enum class ExportKind { PeftAdapter, MergedHf, Gguf };
const char* toString(ExportKind kind);
std::optional<ExportKind> exportKindFromString(const std::string& text);

struct NewExport {
  Id runId = 0;
  std::optional<Id> checkpointId;
  ExportKind kind = ExportKind::PeftAdapter;
  std::string path;
  std::string sha256;
};

struct ExportRecord : NewExport {
  Id id = 0;
  std::string createdAt;
};

enum class EventLevel { Info, Warning, Error };
const char* toString(EventLevel level);
std::optional<EventLevel> eventLevelFromString(const std::string& text);

struct EventRecord {
  Id id = 0;
  std::string at;
  EventLevel level = EventLevel::Info;
  std::string subjectKind;   // "model", "dataset", "run", "catalog", ...
  std::optional<Id> subjectId;
  std::string message;
};

}  // namespace tiertune::catalog
