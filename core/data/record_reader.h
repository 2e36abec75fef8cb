// The records of a dataset file, streamed: JSON lines, a JSON array of objects, or CSV/TSV with a
// header row (each row becomes an object keyed by the header). The container is detected from
// the file's first bytes and its name; an override is possible. Each record comes with its row
// and line numbers; rows that cannot be parsed come as problems, so that the validation report
// lists them and the import goes on.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/data/example.h"
#include "core/data/text_encoding.h"

namespace tiertune::data {

enum class Container { JsonLines, JsonArray, Csv };

struct FileFormat {
  Container container = Container::JsonLines;
  char delimiter = ',';  // Csv
  TextEncoding encoding = TextEncoding::Utf8;
};

const char* containerName(Container container);

// The largest row (a line of JSON lines, a record of CSV) that is read: a longer one is a row
// problem, read past without being held in memory. Real rows are kilobytes; a context window of
// 128k tokens is about half a megabyte of text.
inline constexpr std::size_t kMaxRowBytes = std::size_t{16} << 20;  // "JSON lines", "JSON array", "CSV"

// From the first 64 KB and the extension. Throws tiertune::Error naming the file when it is empty
// or none of the containers (with what it looks like).
FileFormat detectFileFormat(const std::filesystem::path& file);

struct RawRecord {
  std::size_t row = 0;
  std::size_t line = 0;
  std::optional<nlohmann::ordered_json> value;  // or:
  std::optional<RowProblem> problem;
};

struct ReadProgress {
  std::uintmax_t bytesRead = 0;
  std::uintmax_t fileBytes = 0;
};

// Calls onRecord for every record in file order; onRecord returns false to stop (cancel).
// Throws tiertune::Error naming the file and line for what breaks the whole file (not UTF-8, a
// JSON array cut off or malformed, a quote that never closes). Returns false when stopped.
bool readRecords(const std::filesystem::path& file, const FileFormat& format,
                 const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord,
                 std::size_t maxRowBytes = kMaxRowBytes);

}  // namespace tiertune::data
