// The commands of tiertune-cli. Each takes its arguments (after the command name), prints to
// stdout/stderr and returns the process exit code: 0 success, 1 failure, 2 wrong usage.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"

namespace tiertune::cli {

struct Command {
  const char* name;
  const char* summary;  // one line for `tiertune-cli help`
  const char* usage;    // full text for `tiertune-cli help NAME`
  int (*run)(const std::vector<std::string>& args);
};

// A model given as a catalog id, a catalog name or a folder (dataset import and from-documents).
// Throws tiertune::Error when it is none of them.
std::filesystem::path catalogModelFolder(const catalog::Catalog& store, const std::string& model);

int runDoctor(const std::vector<std::string>& args);
int runCatalog(const std::vector<std::string>& args);
int runModel(const std::vector<std::string>& args);
int runPlan(const std::vector<std::string>& args);
int runTrainCommand(const std::vector<std::string>& args);
int runResumeCommand(const std::vector<std::string>& args);
int runTemplate(const std::vector<std::string>& args);
int runTokenize(const std::vector<std::string>& args);
int runDataset(const std::vector<std::string>& args);
// dataset from-documents: in tiertune-cli itself (documents_command.cpp); null in a program linked
// without it (the GPU machine's build, which has no document readers).
[[gnu::weak]] int runFromDocuments(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runGenerate(const std::vector<std::string>& args);

extern const Command kDoctorCommand;
extern const Command kCatalogCommand;
extern const Command kModelCommand;
extern const Command kPlanCommand;
extern const Command kTrainCommand;
extern const Command kResumeCommand;
extern const Command kTemplateCommand;
extern const Command kTokenizeCommand;
extern const Command kDatasetCommand;
extern const Command kExportCommand;
extern const Command kGenerateCommand;

}  // namespace tiertune::cli
