#include "app/cli/arguments.h"

#include <exception>
#include <string>

namespace tiertune::cli {

Arguments::Arguments(const std::string& command, const std::vector<std::string>& args,
                     const OptionSpec& spec) {
  const std::string help = " (see `tiertune-cli help " + command + "`)";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      if (static_cast<int>(positionals_.size()) >= spec.maxPositionals) {
        throw UsageError("tiertune-cli " + command + ": unexpected argument \"" + arg + "\"" + help);
      }
      positionals_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inlineValue;
    if (auto equals = name.find('='); equals != std::string::npos) {
      inlineValue = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    if (spec.flags.count(name)) {
      if (inlineValue) {
        throw UsageError("tiertune-cli " + command + ": option --" + name + " takes no value" + help);
      }
      flags_.insert(name);
    } else if (spec.valued.count(name) || spec.repeated.count(name)) {
      if (!inlineValue) {
        if (i + 1 >= args.size()) {
          throw UsageError("tiertune-cli " + command + ": option --" + name + " needs a value" + help);
        }
        inlineValue = args[++i];
      }
      if (spec.repeated.count(name)) {
        repeatedValues_[name].push_back(*inlineValue);
      } else {
        values_[name] = *inlineValue;
      }
    } else {
      throw UsageError("tiertune-cli " + command + ": unknown option --" + name + help);
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Arguments::values(const std::string& name) const {
  auto it = repeatedValues_.find(name);
  return it == repeatedValues_.end() ? std::vector<std::string>() : it->second;
}

std::int64_t parseRunId(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw UsageError("\"" + text + "\" is not a run number (see `tiertune-cli catalog`)");
}

}  // namespace tiertune::cli
