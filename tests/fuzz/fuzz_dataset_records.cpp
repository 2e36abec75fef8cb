// Fuzz target: the readers of users' dataset files — UTF-8 validation, UTF-16 conversion, the CSV
// reader with delimiter sniffing, and the mapping of JSON records of every shape into examples.
// Any input must give records, row problems or a tiertune::Error; never a crash or a hang. The
// first byte picks the delimiter and the shape, the rest is the file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/data/csv_reader.h"
#include "core/data/record_shape.h"
#include "core/data/text_encoding.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "fuzz/fuzz_target.h"

using namespace tiertune::data;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t control = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  detectEncoding(text);
  const auto invalid = firstInvalidUtf8(text);
  if (invalid && *invalid >= text.size()) __builtin_trap();
  likelyLegacyEncoding(text);
  Utf16Decoder decoder((control & 1) != 0);
  std::string converted;
  decoder.decode(text, converted);
  decoder.finish(converted);
  if (firstInvalidUtf8(converted)) __builtin_trap();  // the conversion always gives valid UTF-8

  const char delimiters[] = {',', '\t', ';', '|'};
  try {
    std::istringstream in(text);
    // With the high bit, a small row limit, so that rows over it are exercised too.
    const std::size_t maxRecordBytes = (control & 0x80) ? 64 : static_cast<std::size_t>(-1);
    CsvReader reader(in, delimiters[(control >> 1) & 3], "fuzz.csv", maxRecordBytes);
    std::size_t lastLine = 0;
    while (const auto record = reader.next()) {
      if (record->line < lastLine || (record->fields.empty() && !record->tooLarge)) __builtin_trap();
      std::size_t kept = 0;
      for (const std::string& field : record->fields) kept += field.size();
      if (kept > maxRecordBytes) __builtin_trap();  // a row over the limit is not held
      lastLine = record->line;
    }
  } catch (const tiertune::Error&) {
  }
  sniffDelimiter(text);

  const auto record = tiertune::parseJsonTextOrDiscarded<nlohmann::ordered_json>(text);
  if (!record.is_discarded()) {
    const auto shape = static_cast<RecordShape>((control >> 3) % 5);
    const MappedRecord mapped = mapRecord(record, shape, {});
    if (mapped.example.has_value() == mapped.problem.has_value()) __builtin_trap();
    detectShape({record});
  }
  return 0;
}
