#include "core/catalog/records.h"

#include <array>
#include <utility>

namespace tiertune::catalog {

namespace {

// The words the catalog stores; the schema's CHECK constraints list the same ones.
constexpr std::array<std::pair<RunStatus, const char*>, 6> kRunStatusWords{{
    {RunStatus::Queued, "queued"},
    {RunStatus::Running, "running"},
    {RunStatus::Paused, "paused"},
    {RunStatus::Completed, "completed"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Stopped, "stopped"},
}};

constexpr std::array<std::pair<ExportKind, const char*>, 3> kExportKindWords{{
    {ExportKind::PeftAdapter, "peft_adapter"},
    {ExportKind::MergedHf, "merged_hf"},
    {ExportKind::Gguf, "gguf"},
}};

template <typename Enum, std::size_t N>
const char* wordOf(const std::array<std::pair<Enum, const char*>, N>& words, Enum value) {
  for (const auto& [candidate, word] : words) {
    if (candidate == value) return word;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& words,
                            const std::string& text) {
  for (const auto& [candidate, word] : words) {
    if (text == word) return candidate;
  }
  return std::nullopt;
}

}  // namespace

const char* toString(RunStatus status) { return wordOf(kRunStatusWords, status); }

std::optional<RunStatus> runStatusFromString(const std::string& text) {
  return valueOf(kRunStatusWords, text);
}

const char* toString(ExportKind kind) { return wordOf(kExportKindWords, kind); }

std::optional<ExportKind> exportKindFromString(const std::string& text) {
  return valueOf(kExportKindWords, text);
}

const char* toString(EventLevel level) {
  switch (level) {
    case EventLevel::Info: return "info";
    case EventLevel::Warning: return "warning";
    case EventLevel::Error: return "error";
  }
  return "info";
}

std::optional<EventLevel> eventLevelFromString(const std::string& text) {
  if (text == "info") return EventLevel::Info;
  if (text == "warning") return EventLevel::Warning;
  if (text == "error") return EventLevel::Error;
  return std::nullopt;
}

}  // namespace tiertune::catalog
