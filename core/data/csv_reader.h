// CSV and TSV as spreadsheets and pandas write them (RFC 4180): fields split by a delimiter,
// quoted fields with "" for a quote and with delimiters and line breaks inside, LF or CRLF line
// ends. Streams records from UTF-8 text (the caller has removed the BOM and converted UTF-16), so a
// file of any size is read in constant memory. A quote left open swallows the rest of the file, so
// it is an error naming the line where the field started; other oddities follow what spreadsheet
// programs do (a quote inside an unquoted field is kept as text).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/words.h"

namespace tiertune::data {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // the line the record starts on, from 1
  // Set when a closing quote is followed by text before the delimiter ("ab"c): the field keeps
  // the text, the row is reported.
  std::optional<Words> problem;  // a sentence for the report
  // Set when the record holds more than the reader's maxRecordBytes: its fields are then cut (not
  // kept whole in memory) and the row is to be reported, not used.
  bool tooLarge = false;
};

class CsvReader {
 public:
  // label names the file in errors. A record's text beyond maxRecordBytes is read but not kept.
  CsvReader(std::istream& in, char delimiter, std::string label,
            std::size_t maxRecordBytes = static_cast<std::size_t>(-1));

  // The next record, or nullopt at the end. Blank lines are skipped. Throws tiertune::Error for a
  // quoted field that never closes.
  std::optional<CsvRecord> next();
  std::size_t bytesRead() const { return bytesRead_; }

 private:
  bool readChar(char& c);

  std::istream& in_;
  char delimiter_;
  std::string label_;
  std::size_t maxRecordBytes_;
  std::size_t line_ = 1;
  std::size_t bytesRead_ = 0;
};

// The delimiter among , ; tab | that splits the first lines of head into the same number (2 or
// more) of fields, quotes respected; nullopt when none does. Ties prefer tab, then comma.
std::optional<char> sniffDelimiter(std::string_view head);

}  // namespace tiertune::data
