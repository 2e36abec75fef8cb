#include "core/data/validation_report.h"

#include "core/util/durable_file.h"
#include "core/util/sha256.h"

namespace tiertune::data {

namespace {

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void appendLengthPrefixed(std::string& out, const std::string& text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

}  // namespace

void ValidationReport::add(RowProblem problem) {
  ++counts_[static_cast<std::size_t>(problem.kind)];
  problems_.push_back(std::move(problem));
}

std::string ValidationReport::toCsv() const {
  std::string csv = "row,line,reason,detail\r\n";
  for (const RowProblem& problem : problems_) {
    csv += std::to_string(problem.row) + "," + std::to_string(problem.line) + "," +
           csvField(problemName(problem.kind)) + "," + csvField(problem.detail.english()) + "\r\n";
  }
  return csv;
}

void ValidationReport::saveCsv(const std::filesystem::path& file) const {
  writeFileAtomically(file, toCsv());
}

std::string exampleDigest(const Example& example) {
  // Length-prefixed fields: no two different examples serialize alike.
  std::string canonical;
  canonical += static_cast<char>('0' + static_cast<int>(example.kind));
  for (const ChatMessage& message : example.messages) {
    appendLengthPrefixed(canonical, message.role);
    appendLengthPrefixed(canonical, message.content);
  }
  appendLengthPrefixed(canonical, example.prompt);
  appendLengthPrefixed(canonical, example.completion);
  appendLengthPrefixed(canonical, example.text);
  return sha256Hex(canonical);
}

bool DuplicateFilter::firstTime(const Example& example, std::size_t row, std::size_t& firstRow) {
  const auto [it, inserted] = seen_.emplace(exampleDigest(example), row);
  if (!inserted) firstRow = it->second;
  return inserted;
}

}  // namespace tiertune::data
