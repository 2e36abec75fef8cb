// Every row an import cannot use, with its row, line and reason, and the counts per reason: what
// the import wizard shows and what the user can save as CSV to fix their file. Also the exact
// duplicate check (the same example twice), whose repeats are reported here too — nothing is
// dropped without a line in this report.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data/example.h"

namespace tiertune::data {

class ValidationReport {
 public:
  void add(RowProblem problem);
  const std::vector<RowProblem>& problems() const { return problems_; }
  std::size_t count(RowProblemKind kind) const { return counts_[static_cast<std::size_t>(kind)]; }
  std::size_t total() const { return problems_.size(); }

  // row,line,reason,detail with a header; fields quoted as RFC 4180 wants.
  std::string toCsv() const;
  // Written through a temporary file and a rename. Throws tiertune::Error naming the file.
  void saveCsv(const std::filesystem::path& file) const;

 private:
  std::vector<RowProblem> problems_;
  std::array<std::size_t, kRowProblemKinds> counts_{};
};

// A canonical digest of an example (kind, roles, texts), equal exactly when the examples are.
std::string exampleDigest(const Example& example);

// Remembers the examples seen; the first of each is kept, a repeat is reported with the row it
// repeats.
class DuplicateFilter {
 public:
  // True when example is new; otherwise fills firstRow with the row it repeats.
  bool firstTime(const Example& example, std::size_t row, std::size_t& firstRow);

 private:
  std::unordered_map<std::string, std::size_t> seen_;
};

}  // namespace tiertune::data
