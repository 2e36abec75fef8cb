#include "core/data/csv_reader.h"

#include <map>
#include <sstream>

#include "core/util/error.h"

namespace tiertune::data {

CsvReader::CsvReader(std::istream& in, char delimiter, std::string label, std::size_t maxRecordBytes)
    : in_(in), delimiter_(delimiter), label_(std::move(label)), maxRecordBytes_(maxRecordBytes) {}

bool CsvReader::readChar(char& c) {
  if (!in_.get(c)) return false;
  ++bytesRead_;
  return true;
}

std::optional<CsvRecord> CsvReader::next() {
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterClosingQuote };
  CsvRecord record;
  std::string field;
  State state = State::FieldStart;
  bool any = false;  // the record has a character other than a line end
  std::size_t fieldLine = line_;
  record.line = line_;
  const std::size_t recordStart = bytesRead_;
  char c = 0;
  while (readChar(c)) {
    if (!record.tooLarge && bytesRead_ - recordStart > maxRecordBytes_) {
      // Past the limit: drop what was kept and read on to the record's end without keeping it.
      record.tooLarge = true;
      record.fields = {};
      field = std::string();
    }
    if (record.tooLarge) {
      field.clear();
      record.fields.clear();
    }
    if (c == '\r') {
      // CRLF and a lone CR end a line alike, except inside quotes where they are kept.
      if (state == State::Quoted) {
        field += c;
        continue;
      }
      if (in_.peek() == '\n') continue;
      c = '\n';
    }
    switch (state) {
      case State::FieldStart:
      case State::Unquoted:
        if (c == delimiter_) {
          record.fields.push_back(std::move(field));
          field.clear();
          state = State::FieldStart;
          any = true;
        } else if (c == '\n') {
          ++line_;
          if (!any && field.empty() && record.fields.empty()) {  // a blank line
            record.line = line_;
            continue;
          }
          record.fields.push_back(std::move(field));
          return record;
        } else if (c == '"' && state == State::FieldStart) {
          state = State::Quoted;
          fieldLine = line_;
          any = true;
        } else {
          field += c;
          state = State::Unquoted;
          any = true;
        }
        break;
      case State::Quoted:
        if (c == '"') {
          state = State::QuoteInQuoted;
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
        break;
      case State::QuoteInQuoted:
        if (c == '"') {
          field += '"';
          state = State::Quoted;
        } else if (c == delimiter_) {
          record.fields.push_back(std::move(field));
          field.clear();
          state = State::FieldStart;
        } else if (c == '\n') {
          ++line_;
          record.fields.push_back(std::move(field));
          return record;
        } else {
          if (!record.problem) {
            record.problem = Words(TIERTUNE_WORDS("Dataset rows", "text follows the closing quote of field %1"),
                                   {std::to_string(record.fields.size() + 1)});
          }
          field += c;
          state = State::AfterClosingQuote;
        }
        break;
      case State::AfterClosingQuote:
        if (c == delimiter_) {
          record.fields.push_back(std::move(field));
          field.clear();
          state = State::FieldStart;
        } else if (c == '\n') {
          ++line_;
          record.fields.push_back(std::move(field));
          return record;
        } else {
          field += c;
        }
        break;
    }
  }
  if (state == State::Quoted) {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "%1 line %2: a quoted field is never closed (a \" is missing), so the "
                               "rest of the file cannot be read."),
                {label_, std::to_string(fieldLine)});
  }
  if (!any && field.empty() && record.fields.empty()) return std::nullopt;
  record.fields.push_back(std::move(field));
  return record;
}

std::optional<char> sniffDelimiter(std::string_view head) {
  // Only whole lines count: the last one may be cut.
  const std::size_t lastBreak = head.rfind('\n');
  const std::string_view whole = lastBreak == std::string_view::npos ? head : head.substr(0, lastBreak + 1);
  std::optional<char> best;
  std::size_t bestRows = 0;
  for (const char candidate : {'\t', ',', ';', '|'}) {
    std::istringstream in{std::string(whole)};
    CsvReader reader(in, candidate, "sample");
    std::size_t rows = 0, width = 0;
    bool consistent = true;
    try {
      while (const auto record = reader.next()) {
        if (rows == 0) width = record->fields.size();
        if (record->fields.size() != width) consistent = false;
        if (++rows == 20) break;
      }
    } catch (const Error&) {
      consistent = false;
    }
    if (consistent && width >= 2 && rows > bestRows) {
      best = candidate;
      bestRows = rows;
    }
  }
  return best;
}

}  // namespace tiertune::data
