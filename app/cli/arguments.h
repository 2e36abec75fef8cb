// Command-line arguments of tiertune-cli: `tiertune-cli COMMAND [--option value] [--flag] [ARG]`.
// Each command declares the options it takes, so a typo is an error that names the option
// instead of being ignored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/util/error.h"

namespace tiertune::cli {

// Wrong usage (unknown option, missing value): exit code 2 instead of 1.
class UsageError : public Error {
 public:
  using Error::Error;
};

struct OptionSpec {
  std::set<std::string> flags;       // --json, --skip-speed (no value)
  std::set<std::string> valued;      // --offload-folder DIR (the next argument, or --x=DIR)
  int maxPositionals = 0;
  std::set<std::string> repeated = {};  // --stop A --stop B: every value, in order
};

class Arguments {
 public:
  // args excludes the program and the command name. Throws UsageError naming the option.
  Arguments(const std::string& command, const std::vector<std::string>& args,
            const OptionSpec& spec);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  // Every value of a repeated option, in the order given.
  std::vector<std::string> values(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::string> values_;
  std::map<std::string, std::vector<std::string>> repeatedValues_;
  std::vector<std::string> positionals_;
};

// A run's number as `tiertune-cli catalog` and the GUI show it; UsageError for anything else.
std::int64_t parseRunId(const std::string& text);

}  // namespace tiertune::cli
