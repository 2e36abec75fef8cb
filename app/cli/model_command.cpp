// `tiertune-cli model`: inspect a Hugging Face model folder, add it to the catalog, list and
// remove models. The Models page does the same through the same core calls.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/model_hub.h"
#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_folder.h"
#include "core/hardware/hardware_report.h"
#include "core/settings/settings.h"

namespace tiertune::cli {

namespace {

std::string parameterText(std::uint64_t count) {
  char text[32];
  if (count >= 1'000'000'000) {
    std::snprintf(text, sizeof text, "%.2fB", static_cast<double>(count) / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.1fM", static_cast<double>(count) / 1e6);
  }
  return text;
}

nlohmann::json factsJson(const formats::ModelFolderFacts& facts) {
  nlohmann::json json = {{"folder", facts.folder.string()},
                         {"name", facts.name},
                         {"usable", facts.usable()},
                         {"architecture", facts.architecture},
                         {"parameters", facts.parameterCount},
                         {"weight_bytes", facts.weightBytes},
                         {"weight_files", facts.weightFiles},
                         {"dtype", facts.weightsDtype},
                         {"tokenizer", facts.hasTokenizer},
                         {"chat_template", facts.hasChatTemplate},
                         {"config_sha256", facts.configSha256},
                         {"problems", englishOf(facts.problems)},
                         {"notes", englishOf(facts.notes)}};
  if (facts.config) {
    json["layers"] = facts.config->layerCount;
    json["context_length"] = facts.config->maxPositionEmbeddings;
    json["vocab_size"] = facts.config->vocabSize;
  }
  return json;
}

void printFacts(const formats::ModelFolderFacts& facts) {
  std::printf("Folder        %s\n", facts.folder.c_str());
  if (facts.config) {
    std::printf("Architecture  %s\n", facts.architecture.c_str());
    std::printf("Parameters    %s (%llu)\n", parameterText(facts.parameterCount).c_str(),
                static_cast<unsigned long long>(facts.parameterCount));
    std::printf("Layers        %lld\n", static_cast<long long>(facts.config->layerCount));
    std::printf("Context       %lld tokens\n", static_cast<long long>(facts.config->maxPositionEmbeddings));
    std::printf("Vocabulary    %lld tokens\n", static_cast<long long>(facts.config->vocabSize));
  }
  if (facts.weightFiles > 0) {
    std::printf("Weights       %s in %zu file%s, %s\n", hardware::formatBytes(facts.weightBytes).c_str(),
                facts.weightFiles, facts.weightFiles == 1 ? "" : "s", facts.weightsDtype.c_str());
  }
  std::printf("Tokenizer     %s\n", facts.hasTokenizer ? "tokenizer.json" : "missing");
  std::printf("Chat template %s\n", facts.hasChatTemplate ? "yes" : "no");
  for (const auto& note : facts.notes) std::printf("Note          %s\n", note.english().c_str());
  if (facts.usable()) {
    std::printf("Ready to fine-tune.\n");
  } else {
    std::printf("\nProblems:\n");
    for (const auto& problem : facts.problems) std::printf("  - %s\n", problem.english().c_str());
  }
}

catalog::Catalog openCatalog() {
  return catalog::Catalog::open(settings::loadSettings().catalogFile());
}

int inspect(const std::vector<std::string>& args) {
  const Arguments arguments("model inspect", args, {.flags = {"json"}, .valued = {}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("model inspect needs the model folder");
  const auto facts = formats::inspectModelFolder(arguments.positionals()[0]);
  if (arguments.flag("json")) {
    std::cout << factsJson(facts).dump(2) << "\n";
  } else {
    printFacts(facts);
  }
  return facts.usable() ? 0 : 1;
}

int add(const std::vector<std::string>& args) {
  const Arguments arguments("model add", args, {.flags = {"json"}, .valued = {"name"}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("model add needs the model folder");
  const auto facts = formats::inspectModelFolder(arguments.positionals()[0]);
  catalog::Catalog store = openCatalog();
  const catalog::Id id = catalog::registerModelFolder(store, facts, arguments.value("name").value_or(""));
  if (arguments.flag("json")) {
    nlohmann::json json = factsJson(facts);
    json["id"] = id;
    std::cout << json.dump(2) << "\n";
  } else {
    printFacts(facts);
    std::printf("Added as model %lld.\n", static_cast<long long>(id));
  }
  return 0;
}

int list(const std::vector<std::string>& args) {
  const Arguments arguments("model list", args, {.flags = {"json"}, .valued = {}});
  const catalog::Catalog store = openCatalog();
  const auto models = store.models();
  if (arguments.flag("json")) {
    nlohmann::json json = nlohmann::json::array();
    for (const auto& model : models) {
      json.push_back({{"id", model.id},
                      {"name", model.name},
                      {"path", model.path},
                      {"architecture", model.architecture},
                      {"parameters", model.parameterCount},
                      {"context_length", model.contextLength},
                      {"vocab_size", model.vocabSize},
                      {"dtype", model.dtype},
                      {"size_bytes", model.sizeBytes},
                      {"chat_template", model.hasChatTemplate},
                      {"added_at", model.addedAt}});
    }
    std::cout << json.dump(2) << "\n";
    return 0;
  }
  if (models.empty()) {
    std::printf("No models yet. Add one with: tiertune-cli model add FOLDER\n");
    return 0;
  }
  std::printf("%-4s %-32s %-18s %10s %10s\n", "ID", "NAME", "ARCHITECTURE", "PARAMS", "SIZE");
  for (const auto& model : models) {
    std::printf("%-4lld %-32s %-18s %10s %10s\n", static_cast<long long>(model.id), model.name.c_str(),
                model.architecture.c_str(), parameterText(static_cast<std::uint64_t>(model.parameterCount)).c_str(),
                hardware::formatBytes(static_cast<std::uint64_t>(model.sizeBytes)).c_str());
  }
  return 0;
}

int remove(const std::vector<std::string>& args) {
  const Arguments arguments("model remove", args, {.flags = {}, .valued = {}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("model remove needs the model's ID");
  catalog::Id id = 0;
  try {
    id = std::stoll(arguments.positionals()[0]);
  } catch (const std::exception&) {
    throw UsageError("model remove needs a numeric ID, not \"" + arguments.positionals()[0] + "\"");
  }
  catalog::Catalog store = openCatalog();
  store.removeModel(id);
  std::printf("Removed model %lld from the catalog (its folder was not touched).\n", static_cast<long long>(id));
  return 0;
}

}  // namespace

int runModel(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("model needs a subcommand: download, search, fit, inspect, add, list or remove");
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "download") return downloadModelCommand(rest);
  if (args[0] == "search") return searchModelsCommand(rest);
  if (args[0] == "fit") return fitModelsCommand(rest);
  if (args[0] == "inspect") return inspect(rest);
  if (args[0] == "add") return add(rest);
  if (args[0] == "list") return list(rest);
  if (args[0] == "remove") return remove(rest);
  throw UsageError("model has no subcommand \"" + args[0] + "\"; use download, search, fit, inspect, add, list or remove");
}

const Command kModelCommand = {
    "model", "download a model from the Hugging Face Hub, inspect a model folder, add it to the catalog, list or remove models",
    "Usage: tiertune-cli model download ORGANIZATION/NAME [--revision R] [--add [--name NAME]] [--all-weights]\n"
    "                                     [--parallel N] [--json]\n"
    "       tiertune-cli model search TEXT [--limit N] [--json]\n"
    "       tiertune-cli model fit ORGANIZATION/NAME... | --recommended [--json]\n"
    "       tiertune-cli model inspect FOLDER [--json]\n"
    "       tiertune-cli model add FOLDER [--name NAME] [--json]\n"
    "       tiertune-cli model list [--json]\n"
    "       tiertune-cli model remove ID\n"
    "\n"
    "inspect checks a downloaded model folder (config.json, the safetensors weights against the\n"
    "config, tokenizer.json, the chat template) and prints what it found; exit code 1 when the\n"
    "model cannot be trained, with the problems in words. add does the same and registers the\n"
    "folder in the catalog (under NAME, or the folder's name). remove takes a model out of the\n"
    "catalog (refused while runs use it); the folder itself is never touched.\n"
    "\n"
    "download fetches what a fine-tune needs (configuration, tokenizer, safetensors weights; every\n"
    "weight format with --all-weights) into the Hugging Face cache that Python tools share\n"
    "($HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub), N files at a time (4).\n"
    "Interrupted downloads continue where they stopped; every file is checked against the Hub's\n"
    "hash. --add registers the downloaded folder in the catalog. The server is the mirror set in\n"
    "Settings, else $HF_ENDPOINT, else huggingface.co; the token is Tiertune's sign-in, else\n"
    "$HF_TOKEN, else the file huggingface-cli login writes. search lists text-generation models\n"
    "whose name contains TEXT, most downloaded first, and says which Tiertune cannot train.\n"
    "fit reads each model's config.json from the Hub (no weights) and says what this machine can\n"
    "do with it: Quick LoRA and full fine-tune, on the GPU / streaming from RAM / in RAM / needing\n"
    "the SSD / not at all, with the time of one pass over 1,000 examples; --recommended takes the\n"
    "starting points suggested for this machine's class.\n",
    runModel};

}  // namespace tiertune::cli
