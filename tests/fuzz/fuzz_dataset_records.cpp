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
    CsvReader reader(in, delimiters[(control >> 1) & 3], "fuzz.csv");
    std::size_t lastLine = 0;
    while (const auto record = reader.next()) {
      if (record->line < lastLine || record->fields.empty()) __builtin_trap();
      lastLine = record->line;
    }
  } catch (const tiertune::Error&) {
  }
  sniffDelimiter(text);

  const auto record = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!record.is_discarded()) {
    const auto shape = static_cast<RecordShape>((control >> 3) % 5);
    const MappedRecord mapped = mapRecord(record, shape, {});
    if (mapped.example.has_value() == mapped.problem.has_value()) __builtin_trap();
    detectShape({record});
  }
  return 0;
}
