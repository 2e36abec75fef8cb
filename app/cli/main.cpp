// tiertune-cli: the command line over the same core as the GUI. The GUI also starts it as the
// worker that runs training, so that a crash in training never takes the window down.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/util/error.h"
#include "core/util/openmp_waits.h"

namespace {

using tiertune::cli::Command;

const Command* const kCommands[] = {&tiertune::cli::kDoctorCommand,
                                    &tiertune::cli::kCatalogCommand,
                                    &tiertune::cli::kModelCommand,
                                    &tiertune::cli::kPlanCommand,
                                    &tiertune::cli::kTrainCommand,
                                    &tiertune::cli::kResumeCommand,
                                    &tiertune::cli::kTemplateCommand,
                                    &tiertune::cli::kTokenizeCommand,
                                    &tiertune::cli::kDatasetCommand,
                                    &tiertune::cli::kExportCommand,
                                    &tiertune::cli::kGenerateCommand};

const Command* findCommand(const std::string& name) {
  for (const Command* command : kCommands) {
    if (name == command->name) return command;
  }
  return nullptr;
}

void printOverview() {
  std::printf("Tiertune %s — fine-tune open LLMs on the hardware you have.\n\n", TIERTUNE_VERSION);
  std::printf("Usage: tiertune-cli COMMAND [OPTIONS]\n\nCommands:\n");
  for (const Command* command : kCommands) {
    std::printf("  %-10s %s\n", command->name, command->summary);
  }
  std::printf("  %-10s %s\n", "help", "show this overview, or `help COMMAND` for one command");
  std::printf("  %-10s %s\n", "version", "print the version");
}

}  // namespace

int main(int argc, char** argv) {
  tiertune::restartWithPassiveOpenMpWaits(argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    if (args.size() >= 2) {
      if (const Command* command = findCommand(args[1])) {
        std::fputs(command->usage, stdout);
        return 0;
      }
      std::fprintf(stderr, "tiertune-cli: no command \"%s\"\n", args[1].c_str());
      return 2;
    }
    printOverview();
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "version" || args[0] == "--version") {
    std::printf("tiertune-cli %s\n", TIERTUNE_VERSION);
    return 0;
  }
  const Command* command = findCommand(args[0]);
  if (!command) {
    std::fprintf(stderr, "tiertune-cli: unknown command \"%s\". Run `tiertune-cli help`.\n",
                 args[0].c_str());
    return 2;
  }
  try {
    return command->run(std::vector<std::string>(args.begin() + 1, args.end()));
  } catch (const tiertune::cli::UsageError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const tiertune::Error& e) {
    std::fprintf(stderr, "tiertune-cli %s: %s\n", command->name, e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tiertune-cli %s: unexpected error: %s\n", command->name, e.what());
    return 1;
  }
}
