#include "core/data/record_reader.h"

#include <fstream>
#include <vector>

#include "core/data/csv_reader.h"
#include "core/data/utf8_file_stream.h"
#include "core/util/error.h"

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
  bool string(string_t& v) override { return value(ordered_json(v)); }
  bool binary(binary_t&) override { return value(ordered_json()); }
  bool start_object(std::size_t) override { return open(ordered_json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (!started_) {
      started_ = true;  // the top-level array itself
      return true;
    }
    return open(ordered_json::array());
  }
  bool end_array() override { return stack_.empty() ? true : close(); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    errorPosition_ = position;
    errorText_ = error.what();
    return false;
  }

  bool stopped() const { return stopped_; }
  bool started() const { return started_; }
  std::optional<std::size_t> errorPosition() const { return errorPosition_; }

 private:
  bool open(ordered_json container) {
    if (!started_) return false;  // the top level is not an array
    if (stack_.empty()) startLine_ = buffer_.line();
    stack_.push_back({std::move(container), key_});
    return true;
  }
  bool value(ordered_json v) {
    if (!started_) return false;
    if (stack_.empty()) return emit(std::move(v), buffer_.line());
    Frame& top = stack_.back();
    if (top.value.is_object()) {
      top.value[key_] = std::move(v);
    } else {
      top.value.push_back(std::move(v));
    }
    return true;
  }
  bool close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (stack_.empty()) return emit(std::move(frame.value), startLine_);
    Frame& parent = stack_.back();
    if (parent.value.is_object()) {
      parent.value[frame.key] = std::move(frame.value);
    } else {
      parent.value.push_back(std::move(frame.value));
    }
    return true;
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

  struct Frame {
    ordered_json value;
    std::string key;  // the key under which it goes into its parent object
  };
  const Utf8FileBuffer& buffer_;
  const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord_;
  std::vector<Frame> stack_;
  std::string key_;
  std::size_t row_ = 0;
  std::size_t startLine_ = 0;
  bool started_ = false;
  bool stopped_ = false;
  std::optional<std::size_t> errorPosition_;
  std::string errorText_;
};

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
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("Cannot read " + file.string() + ".");
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
  if (first == std::string::npos) throw Error(file.string() + " is empty.");
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
    throw Error(file.string() + " is neither JSON lines, a JSON array nor CSV/TSV: it starts with \"" +
                text.substr(first, 40) + "\". For plain text use a .txt file.");
  }
  return format;
}

bool readRecords(const fs::path& file, const FileFormat& format,
                 const std::function<bool(RawRecord&&, const ReadProgress&)>& onRecord) {
  Utf8FileStream stream(file);
  const Utf8FileBuffer& buffer = stream.buffer();
  auto progress = [&] { return ReadProgress{buffer.bytesConsumed(), buffer.fileBytes()}; };

  switch (format.container) {
    case Container::JsonLines: {
      std::string line;
      std::size_t lineNumber = 0, row = 0;
      while (std::getline(stream, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        RawRecord record;
        record.row = ++row;
        record.line = lineNumber;
        try {
          record.value = ordered_json::parse(line);
        } catch (const nlohmann::json::parse_error& error) {
          record.problem = RowProblem{record.row, lineNumber, RowProblemKind::InvalidJson,
                                      "not valid JSON at character " + std::to_string(error.byte)};
        } catch (const nlohmann::json::exception&) {  // out_of_range: a number beyond any double
          record.problem = RowProblem{record.row, lineNumber, RowProblemKind::InvalidJson,
                                      "a number in it is too large to be read"};
        }
        if (!onRecord(std::move(record), progress())) return false;
      }
      return true;
    }
    case Container::JsonArray: {
      ArrayElements elements(buffer, onRecord);
      const bool parsed = ordered_json::sax_parse(stream, &elements, nlohmann::json::input_format_t::json, true);
      if (elements.stopped()) return false;
      if (!parsed) {
        if (!elements.started()) throw Error(file.string() + ": the file does not hold a JSON array of records.");
        throw Error(file.string() + " line " + std::to_string(buffer.line()) +
                    ": the JSON array is malformed or cut off here, so the rest of the file cannot be read.");
      }
      return true;
    }
    case Container::Csv: {
      CsvReader reader(stream, format.delimiter, file.string());
      const std::optional<CsvRecord> header = reader.next();
      if (!header) throw Error(file.string() + " has no header row.");
      std::vector<std::string> columns = header->fields;
      std::size_t row = 0;
      while (std::optional<CsvRecord> csv = reader.next()) {
        RawRecord record;
        record.row = ++row;
        record.line = csv->line;
        if (csv->fields.size() != columns.size()) {
          record.problem = RowProblem{record.row, csv->line, RowProblemKind::BadCsvRow,
                                      "the row has " + std::to_string(csv->fields.size()) + " columns, the header " +
                                          std::to_string(columns.size())};
        } else if (csv->problem) {
          record.problem = RowProblem{record.row, csv->line, RowProblemKind::BadCsvRow, *csv->problem};
        } else {
          ordered_json object = ordered_json::object();
          for (std::size_t i = 0; i < columns.size(); ++i) object[columns[i]] = std::move(csv->fields[i]);
          record.value = std::move(object);
        }
        if (!onRecord(std::move(record), progress())) return false;
      }
      return true;
    }
  }
  return true;
}

}  // namespace tiertune::data
