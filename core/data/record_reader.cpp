#include "core/data/record_reader.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include "core/data/csv_reader.h"
#include "core/data/utf8_file_stream.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::data {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string lowerExtension(const fs::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// Builds each element of a top-level JSON array and hands it over as soon as it is complete.
class ArrayElements : public nlohmann::json_sax<ordered_json> {
 public:
  ArrayElements(const Utf8FileBuffer& buffer, const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord)
      : buffer_(buffer), onRecord_(onRecord) {}

  bool null() override { return value(ordered_json(nullptr)); }
  bool boolean(bool v) override { return value(ordered_json(v)); }
  bool number_integer(number_integer_t v) override { return value(ordered_json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(ordered_json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return value(ordered_json(v)); }
  bool string(string_t& v) override { return value(ordered_json(std::move(v))); }
  bool binary(binary_t&) override { return value(ordered_json()); }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (!started_) {
      started_ = true;  // the top-level array itself
      return true;
    }
    return open(true);
  }
  bool end_array() override { return builder_.depth() == 0 ? true : close(); }
  bool key(string_t& k) override { return builder_.key(std::move(k)); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    errorPosition_ = position;
    errorText_ = error.what();
    return false;
  }

  bool stopped() const { return stopped_; }
  bool started() const { return started_; }
  bool tooDeep() const { return builder_.tooDeep(); }
  std::optional<std::size_t> errorPosition() const { return errorPosition_; }

 private:
  bool open(bool array) {
    if (!started_) return false;  // the top level is not an array
    if (builder_.depth() == 0) startLine_ = buffer_.line();
    // Nesting of an element counts from the top-level array.
    return array ? builder_.startArray() : builder_.startObject();
  }
  bool value(ordered_json v) {
    if (!started_) return false;
    if (builder_.depth() == 0) return emit(std::move(v), buffer_.line());
    return builder_.value(std::move(v));
  }
  bool close() {
    builder_.end();
    return builder_.complete() ? emit(builder_.take(), startLine_) : true;
  }
  bool emit(ordered_json v, std::size_t line) {
    RawRecord record;
    record.row = ++row_;
    record.line = line;
    record.value = std::move(v);
    if (!onRecord_(std::move(record), ReadProgress{buffer_.bytesConsumed(), buffer_.fileBytes()})) {
      stopped_ = true;
      return false;
    }
    return true;
  }

  const Utf8FileBuffer& buffer_;
  const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord_;
  JsonBuilder<ordered_json> builder_{kMaxJsonDepth - 1};
  std::size_t row_ = 0;
  std::size_t startLine_ = 0;
  bool started_ = false;
  bool stopped_ = false;
  std::optional<std::size_t> errorPosition_;
  std::string errorText_;
};

// Text files have no NUL and few other control characters; binary files (pictures, archives,
// programs) have them within their first bytes.
bool looksBinary(std::string_view text) {
  std::size_t control = 0;
  const std::string_view sample = text.substr(0, 4096);
  for (const char c : sample) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0) return true;
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || byte == 0x7f) ++control;
  }
  return control * 100 > sample.size();
}

// Up to maxChars characters of text for a message: whole UTF-8 characters only, control
// characters and bytes that are not UTF-8 shown as spaces.
std::string printableStart(std::string_view text, std::size_t maxChars) {
  std::string shown;
  std::size_t i = 0;
  for (std::size_t chars = 0; i < text.size() && chars < maxChars; ++chars) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : (byte & 0xe0) == 0xc0 ? 2 : (byte & 0xf0) == 0xe0 ? 3 : (byte & 0xf8) == 0xf0 ? 4 : 0;
    if (length == 0 || i + length > text.size() || firstInvalidUtf8(text.substr(i, length))) {
      shown += ' ';
      ++i;
    } else if (length == 1 && (byte < 0x20 || byte == 0x7f)) {
      shown += ' ';
      ++i;
    } else {
      shown.append(text.substr(i, length));
      i += length;
    }
  }
  return shown;
}

// Reads one line (without its '\n') into line, keeping at most maxBytes of it; the rest of a longer
// line is read past, not kept. Returns the line's full length, or nullopt at the end of the text.
std::optional<std::size_t> readBoundedLine(std::streambuf& in, std::string& line, std::size_t maxBytes) {
  using traits = std::streambuf::traits_type;
  line.clear();
  if (traits::eq_int_type(in.sgetc(), traits::eof())) return std::nullopt;
  std::size_t length = 0;
  for (auto c = in.sbumpc(); !traits::eq_int_type(c, traits::eof()); c = in.sbumpc()) {
    if (traits::to_char_type(c) == '\n') break;
    if (++length <= maxBytes) {
      line += traits::to_char_type(c);
    } else if (!line.empty()) {
      line = std::string();  // too long: release what was kept
    }
  }
  return length;
}

std::string sizeText(std::size_t bytes) {
  return bytes % (std::size_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// A problem for a row that touches a line that is not UTF-8 (the rest of the file is), or nullopt.
std::optional<RowProblem> encodingProblem(const Utf8FileBuffer& buffer, std::size_t row, std::size_t firstLine,
                                          std::size_t lastLine) {
  const std::optional<std::size_t> bad = buffer.firstNonUtf8LineIn(firstLine, lastLine);
  if (!bad) return std::nullopt;
  return RowProblem{row, *bad, RowProblemKind::NotUtf8,
                    Words(TIERTUNE_WORDS("Dataset rows",
                                         "line %1 is not UTF-8 text (it looks like %2), unlike the rest of "
                                         "the file; fix or retype that line"),
                          {std::to_string(*bad), buffer.nonUtf8Encoding()})};
}

}  // namespace

const char* containerName(Container container) {
  switch (container) {
    case Container::JsonLines: return "JSON lines";
    case Container::JsonArray: return "JSON array";
    case Container::Csv: return "CSV";
  }
  return "JSON lines";
}

FileFormat detectFileFormat(const fs::path& file) {
  checkRegularFile(file, kDataFileLimit);  // a FIFO would block, a device never end
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(TIERTUNE_WORDS("Dataset files", "Cannot read %1."), {file.string()});
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  FileFormat format;
  format.encoding = detectEncoding(head);
  std::string text;
  if (format.encoding == TextEncoding::Utf16LE || format.encoding == TextEncoding::Utf16BE) {
    Utf16Decoder decoder(format.encoding == TextEncoding::Utf16BE);
    decoder.decode(std::string_view(head).substr(byteOrderMarkLength(head)), text);
  } else {
    text = head.substr(byteOrderMarkLength(head));
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw Error(TIERTUNE_WORDS("Dataset files", "%1 is empty."), {file.string()});
  if (looksBinary(text)) {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "%1 is not a text file but binary data (such as a picture, an archive or "
                               "a program); choose a dataset saved as JSON lines, a JSON array or CSV."),
                {file.string()});
  }
  const std::string extension = lowerExtension(file);
  if (text[first] == '[') {
    format.container = Container::JsonArray;
  } else if (text[first] == '{') {
    format.container = Container::JsonLines;
  } else if (extension == ".tsv" || extension == ".tab") {
    format.container = Container::Csv;
    format.delimiter = '\t';
  } else if (const std::optional<char> delimiter = sniffDelimiter(text)) {
    format.container = Container::Csv;
    format.delimiter = *delimiter;
  } else if (extension == ".csv") {
    format.container = Container::Csv;  // one column
  } else {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "%1 is neither JSON lines, a JSON array nor CSV/TSV: it starts with "
                               "\"%2\". For plain text use a .txt file."),
                {file.string(), printableStart(std::string_view(text).substr(first), 40)});
  }
  return format;
}

bool readRecords(const fs::path& file, const FileFormat& format,
                 const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord, std::size_t maxRowBytes) {
  Utf8FileStream stream(file);
  const Utf8FileBuffer& buffer = stream.buffer();
  auto progress = [&] { return ReadProgress{buffer.bytesConsumed(), buffer.fileBytes()}; };

  switch (format.container) {
    case Container::JsonLines: {
      std::string line;
      std::size_t lineNumber = 0, row = 0;
      while (const std::optional<std::size_t> length = readBoundedLine(*stream.rdbuf(), line, maxRowBytes)) {
        ++lineNumber;
        if (*length <= maxRowBytes && line.find_first_not_of(" \t\r") == std::string::npos) continue;
        RawRecord record;
        record.row = ++row;
        record.line = lineNumber;
        try {
          if (*length > maxRowBytes) {
            record.problem =
                RowProblem{record.row, lineNumber, RowProblemKind::RowTooLarge,
                           Words(TIERTUNE_WORDS("Dataset rows", "the line is %1 bytes long; a row may be at most %2"),
                                 {std::to_string(*length), sizeText(maxRowBytes)})};
          } else if (auto notText = encodingProblem(buffer, record.row, lineNumber, lineNumber)) {
            record.problem = std::move(notText);
          } else {
            record.value = parseJsonText<ordered_json>(line, file.string(), kMaxJsonDepth, {}, lineNumber);
          }
        } catch (const JsonTooDeep&) {
          record.problem = RowProblem{record.row, lineNumber, RowProblemKind::InvalidJson, JsonTooDeep::reason(kMaxJsonDepth)};
        } catch (const nlohmann::json::parse_error& error) {
          record.problem = RowProblem{
              record.row, lineNumber, RowProblemKind::InvalidJson,
              Words(TIERTUNE_WORDS("Dataset rows", "not valid JSON at character %1"), {std::to_string(error.byte)})};
        } catch (const nlohmann::json::exception&) {  // out_of_range: a number beyond any double
          record.problem =
              RowProblem{record.row, lineNumber, RowProblemKind::InvalidJson,
                         Words(TIERTUNE_WORDS("Dataset rows", "a number in it is too large to be read"), {})};
        }
        if (!onRecord(std::move(record), progress())) return false;
      }
      return true;
    }
    case Container::JsonArray: {
      const std::function<bool(RawRecord&&, const ReadProgress&)> checked = [&](RawRecord&& record,
                                                                                const ReadProgress& read) {
        if (auto notText = encodingProblem(buffer, record.row, record.line, buffer.line())) {
          record.value.reset();
          record.problem = std::move(notText);
        }
        return onRecord(std::move(record), read);
      };
      ArrayElements elements(buffer, checked);
      const bool parsed = ordered_json::sax_parse(stream, &elements, nlohmann::json::input_format_t::json, true);
      if (elements.stopped()) return false;
      if (!parsed) {
        if (elements.tooDeep()) {
          throw Error(TIERTUNE_WORDS("Dataset files", "%1 line %2: %3, so the rest of the file cannot be read."),
                      {file.string(), std::to_string(buffer.line()), JsonTooDeep::reason(kMaxJsonDepth)});
        }
        if (!elements.started()) {
          throw Error(TIERTUNE_WORDS("Dataset files", "%1: the file does not hold a JSON array of records."),
                      {file.string()});
        }
        throw Error(TIERTUNE_WORDS("Dataset files",
                                   "%1 line %2: the JSON array is malformed or cut off here, so the rest "
                                   "of the file cannot be read."),
                    {file.string(), std::to_string(buffer.line())});
      }
      return true;
    }
    case Container::Csv: {
      CsvReader reader(stream, format.delimiter, file.string(), maxRowBytes);
      const std::optional<CsvRecord> header = reader.next();
      if (!header) throw Error(TIERTUNE_WORDS("Dataset files", "%1 has no header row."), {file.string()});
      if (header->tooLarge) {
        throw Error(TIERTUNE_WORDS("Dataset files",
                                   "%1: the header row is larger than %2, the most a row may be; check "
                                   "that this is a CSV file."),
                    {file.string(), sizeText(maxRowBytes)});
      }
      std::vector<std::string> columns = header->fields;
      std::size_t row = 0;
      while (std::optional<CsvRecord> csv = reader.next()) {
        RawRecord record;
        record.row = ++row;
        record.line = csv->line;
        // The line after the record, less one: where the record ends.
        const std::size_t lastLine = std::max(csv->line, buffer.line() - 1);
        if (csv->tooLarge) {
          record.problem =
              RowProblem{record.row, csv->line, RowProblemKind::RowTooLarge,
                         Words(TIERTUNE_WORDS("Dataset rows", "the row is larger than %1, the most a row may be"),
                               {sizeText(maxRowBytes)})};
        } else if (auto notText = encodingProblem(buffer, record.row, csv->line, lastLine)) {
          record.problem = std::move(notText);
        } else if (csv->fields.size() != columns.size()) {
          record.problem = RowProblem{record.row, csv->line, RowProblemKind::BadCsvRow,
                                      Words(TIERTUNE_WORDS("Dataset rows", "the row has %1 columns, the header %2"),
                                            {std::to_string(csv->fields.size()), std::to_string(columns.size())})};
        } else if (csv->problem) {
          record.problem = RowProblem{record.row, csv->line, RowProblemKind::BadCsvRow, *csv->problem};
        } else {
          // Built in linear time: ordered_json's operator[] searches the keys (quadratic in columns).
          JsonBuilder<ordered_json> object;
          object.startObject();
          for (std::size_t i = 0; i < columns.size(); ++i) {
            object.key(columns[i]);
            object.value(std::move(csv->fields[i]));
          }
          object.end();
          record.value = object.take();
        }
        if (!onRecord(std::move(record), progress())) return false;
      }
      return true;
    }
  }
  return true;
}

}  // namespace tiertune::data
