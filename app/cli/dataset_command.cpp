// `tiertune-cli dataset`: import a dataset file for a model (the same core as the import wizard),
// list the datasets, show one with its statistics and report, remove one with its files.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stop_token>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/terminal_progress.h"
#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/settings/settings.h"
#include "core/util/json_text.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::stop_source* g_stop = nullptr;
extern "C" void onImportSignal(int) {
  if (g_stop) g_stop->request_stop();
}

catalog::DatasetRecord findDataset(const catalog::Catalog& store, const std::string& key) {
  for (const catalog::DatasetRecord& record : store.datasets()) {
    if (record.name == key || std::to_string(record.id) == key) return record;
  }
  throw Error("no dataset \"" + key + "\" in the catalog (tiertune-cli dataset list shows them)");
}

template <typename T>
T number(const Arguments& arguments, const std::string& option, T fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    const double value = std::stod(*text, &used);
    if (used != text->size()) throw std::invalid_argument(*text);
    return static_cast<T>(value);
  } catch (const std::exception&) {
    throw UsageError("--" + option + " needs a number, not \"" + *text + "\"");
  }
}

void printSplit(const char* name, const json& split) {
  std::printf("  %-11s %8lld rows  %10lld tokens  %10lld trained  longest %lld%s\n", name,
              split.value("rows", 0LL), split.value("tokens", 0LL), split.value("trained_tokens", 0LL),
              split.value("longest", 0LL),
              split.value("truncated", 0LL) > 0 ? ("  (" + std::to_string(split.value("truncated", 0LL)) + " cut)").c_str()
                                                 : "");
}

int importCommand(const std::vector<std::string>& args) {
  const Arguments arguments(
      "dataset import", args,
      {.flags = {"json", "keep-duplicates"},
       .valued = {"model", "name", "format", "map", "validation-file", "validation-share", "seed", "max-tokens", "chunk-overlap",
                  "too-long", "loss-on", "report"},
       .maxPositionals = 1});
  if (arguments.positionals().size() != 1 || !arguments.value("model")) {
    throw UsageError("dataset import needs FILE and --model MODEL");
  }
  const settings::Settings userSettings = settings::loadSettings();
  catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());

  data::ImportRequest request;
  request.file = arguments.positionals()[0];
  request.modelFolder = catalogModelFolder(store, *arguments.value("model"));
  request.name = arguments.value("name").value_or(request.file.stem().string());
  if (const auto format = arguments.value("format")) {
    request.shape = data::shapeFromName(*format);
    if (!request.shape) {
      throw UsageError("--format " + *format + " is not one of alpaca, sharegpt, messages, prompt-completion, text");
    }
  }
  if (const auto map = arguments.value("map")) request.mapping = data::FieldMapping::parse(*map);
  if (const auto validation = arguments.value("validation-file")) request.validationFile = fs::path(*validation);
  request.validationShare = number(arguments, "validation-share", 0.05);
  request.seed = number<std::uint64_t>(arguments, "seed", 1234);
  request.removeDuplicates = !arguments.flag("keep-duplicates");
  request.encode.maxTokens = number<std::size_t>(arguments, "max-tokens", 2048);
  request.chunkOverlap = number<std::size_t>(arguments, "chunk-overlap", 128);
  const std::string tooLong = arguments.value("too-long").value_or("truncate");
  if (tooLong != "truncate" && tooLong != "skip") throw UsageError("--too-long is truncate or skip");
  request.encode.tooLong = tooLong == "skip" ? data::TooLongPolicy::Skip : data::TooLongPolicy::Truncate;
  const std::string lossOn = arguments.value("loss-on").value_or("responses");
  if (lossOn == "responses") {
    request.encode.lossOn = data::LossOn::Responses;
  } else if (lossOn == "last-response") {
    request.encode.lossOn = data::LossOn::LastResponse;
  } else if (lossOn == "everything") {
    request.encode.lossOn = data::LossOn::Everything;
  } else {
    throw UsageError("--loss-on is responses, last-response or everything");
  }

  std::stop_source stop;
  g_stop = &stop;
  std::signal(SIGINT, onImportSignal);
  std::signal(SIGTERM, onImportSignal);
  const bool jsonOutput = arguments.flag("json");
  TerminalProgress bar("Importing");
  const data::ImportResult result = data::importDataset(
      store, userSettings.dataFolder, request,
      [&](const data::ImportProgress& p) {
        bar.update(p.totalBytes ? static_cast<double>(p.bytesRead) / static_cast<double>(p.totalBytes) : 0,
                   std::to_string(p.rows) + " rows");
      },
      stop.get_token());
  bar.finish();
  g_stop = nullptr;

  if (const auto reportFile = arguments.value("report")) result.report.saveCsv(*reportFile);
  if (jsonOutput) {
    json out = {{"dataset", result.dataset ? json(*result.dataset) : json(nullptr)},
                {"failure", result.failure},
                {"shape", data::shapeName(result.shape)},
                {"train_rows", result.train.rows},
                {"validation_rows", result.validation.rows},
                {"problems", result.report.total()},
                {"folder", result.folder.string()}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("Format: %s (%.0f%% of the first rows read that way)\n", data::shapeName(result.shape),
                100 * result.shapeConfidence);
    if (result.report.total() > 0) {
      std::printf("%zu rows not used:\n", result.report.total());
      for (std::size_t kind = 0; kind < data::kRowProblemKinds; ++kind) {
        const auto problemKind = static_cast<data::RowProblemKind>(kind);
        if (result.report.count(problemKind) > 0) {
          std::printf("  %6zu %s\n", result.report.count(problemKind), data::problemName(problemKind));
        }
      }
      std::size_t shown = 0;
      for (const data::RowProblem& problem : result.report.problems()) {
        if (++shown > 10) {
          std::printf("  ... (--report FILE writes all of them)\n");
          break;
        }
        std::printf("  row %zu (line %zu): %s: %s\n", problem.row, problem.line, data::problemName(problem.kind),
                    problem.detail.english().c_str());
      }
    }
    if (result.dataset) {
      std::printf("Imported as dataset %lld \"%s\":\n", static_cast<long long>(*result.dataset), request.name.c_str());
      printSplit("train", {{"rows", result.train.rows}, {"tokens", result.train.tokens},
                           {"trained_tokens", result.train.trainedTokens}, {"longest", result.train.longest},
                           {"truncated", result.train.truncated}});
      printSplit("validation", {{"rows", result.validation.rows}, {"tokens", result.validation.tokens},
                                {"trained_tokens", result.validation.trainedTokens},
                                {"longest", result.validation.longest}, {"truncated", result.validation.truncated}});
      const std::size_t hidden = result.train.untrainedAnswers + result.validation.untrainedAnswers;
      if (hidden > 0) {
        std::printf("  %zu earlier answers are not trained on: the chat template writes them differently once\n"
                    "  the conversation goes on (as Qwen3's does with reasoning), so only the answers it shows\n"
                    "  unchanged are learned.\n",
                    hidden);
      }
    }
  }
  if (!result.dataset) {
    if (!jsonOutput) std::fprintf(stderr, "tiertune-cli dataset import: %s\n", result.failure.c_str());
    return 1;
  }
  return 0;
}

int listCommand(const std::vector<std::string>& args) {
  const Arguments arguments("dataset list", args, {.flags = {"json"}, .valued = {}});
  const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
  const auto datasets = store.datasets();
  if (arguments.flag("json")) {
    json out = json::array();
    for (const auto& d : datasets) {
      out.push_back({{"id", d.id},
                     {"name", d.name},
                     {"format", d.format},
                     {"train_rows", d.trainRows},
                     {"validation_rows", d.validationRows},
                     {"tokens", d.tokenCount},
                     {"source", d.sourcePath},
                     {"created_at", d.createdAt}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (datasets.empty()) {
    std::printf("No datasets yet. Import one with: tiertune-cli dataset import FILE --model MODEL\n");
    return 0;
  }
  std::printf("%-4s %-32s %-18s %10s %10s %12s\n", "ID", "NAME", "FORMAT", "TRAIN", "VALID", "TOKENS");
  for (const auto& d : datasets) {
    std::printf("%-4lld %-32s %-18s %10lld %10lld %12lld\n", static_cast<long long>(d.id), d.name.c_str(),
                d.format.c_str(), static_cast<long long>(d.trainRows), static_cast<long long>(d.validationRows),
                static_cast<long long>(d.tokenCount));
  }
  return 0;
}

int showCommand(const std::vector<std::string>& args) {
  const Arguments arguments("dataset show", args, {.flags = {"json"}, .valued = {}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("dataset show needs the dataset's ID or name");
  const settings::Settings userSettings = settings::loadSettings();
  const catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());
  const catalog::DatasetRecord d = findDataset(store, arguments.positionals()[0]);
  const json stats = parseJsonTextOrDiscarded(d.statsJson);
  const fs::path folder = data::datasetFolder(userSettings.dataFolder, d);
  if (arguments.flag("json")) {
    std::cout << json({{"id", d.id}, {"name", d.name}, {"format", d.format}, {"source", d.sourcePath},
                       {"source_sha256", d.sourceSha256}, {"created_at", d.createdAt}, {"folder", folder.string()},
                       {"statistics", stats}})
                     .dump(2)
              << "\n";
    return 0;
  }
  std::printf("Dataset %lld \"%s\" (%s), imported %s\n", static_cast<long long>(d.id), d.name.c_str(),
              d.format.c_str(), d.createdAt.c_str());
  std::printf("  source      %s\n  files       %s\n", d.sourcePath.c_str(), folder.string().c_str());
  if (stats.is_object()) {
    if (stats.contains("train")) printSplit("train", stats["train"]);
    if (stats.contains("validation")) printSplit("validation", stats["validation"]);
    if (stats.contains("problems") && !stats["problems"].empty()) {
      std::printf("  rows not used (report.csv in the files folder):\n");
      for (const auto& [reason, count] : stats["problems"].items()) {
        std::printf("    %6lld %s\n", count.get<long long>(), reason.c_str());
      }
    }
    if (stats.contains("train") && stats["train"].contains("histogram")) {
      const auto& histogram = stats["train"]["histogram"];
      const long long width = stats.value("histogram_bin_tokens", 0LL);
      long long most = 1;
      for (const auto& rows : histogram) most = std::max(most, rows.get<long long>());
      std::printf("  lengths of the training rows (tokens):\n");
      for (std::size_t bin = 0; bin < histogram.size(); ++bin) {
        const long long rows = histogram[bin].get<long long>();
        std::printf("    %6lld-%-6lld %7lld %s\n", static_cast<long long>(bin) * width + 1,
                    static_cast<long long>(bin + 1) * width, rows, std::string(static_cast<std::size_t>(40 * rows / most), '#').c_str());
      }
    }
  }
  return 0;
}

int removeCommand(const std::vector<std::string>& args) {
  const Arguments arguments("dataset remove", args, {.flags = {}, .valued = {}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("dataset remove needs the dataset's ID or name");
  const settings::Settings userSettings = settings::loadSettings();
  catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());
  const catalog::DatasetRecord d = findDataset(store, arguments.positionals()[0]);
  const std::string problem = data::removeDatasetWithFiles(store, userSettings.dataFolder, d.id);
  if (!problem.empty()) {
    std::fprintf(stderr, "Removed dataset %lld \"%s\" from the catalog; its files stayed: %s\n",
                 static_cast<long long>(d.id), d.name.c_str(), problem.c_str());
    return 1;
  }
  std::printf("Removed dataset %lld \"%s\" and its files (the source file was not touched).\n",
              static_cast<long long>(d.id), d.name.c_str());
  return 0;
}

}  // namespace

std::filesystem::path catalogModelFolder(const catalog::Catalog& store, const std::string& model) {
  for (const catalog::ModelRecord& record : store.models()) {
    if (record.name == model || std::to_string(record.id) == model) return record.path;
  }
  if (std::filesystem::is_directory(model)) return model;
  throw Error("no model \"" + model + "\" in the catalog, and no folder of that name");
}

int runDataset(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("dataset needs a subcommand: import, from-documents, list, show or remove");
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "import") return importCommand(rest);
  if (args[0] == "from-documents") {
    if (runFromDocuments == nullptr) throw Error("this build of tiertune-cli has no document readers");
    return runFromDocuments(rest);
  }
  if (args[0] == "list") return listCommand(rest);
  if (args[0] == "show") return showCommand(rest);
  if (args[0] == "remove") return removeCommand(rest);
  throw UsageError("dataset has no subcommand \"" + args[0] + "\"; use import, from-documents, list, show or remove");
}

const Command kDatasetCommand = {
    "dataset", "import a dataset file or documents for a model, list, show or remove datasets",
    "Usage: tiertune-cli dataset import FILE --model MODEL [--name NAME] [--format SHAPE] [--map FIELDS]\n"
    "                                   [--validation-file FILE | --validation-share 0.05] [--seed N]\n"
    "                                   [--max-tokens 2048] [--too-long truncate|skip]\n"
    "                                   [--loss-on responses|last-response|everything]\n"
    "                                   [--keep-duplicates] [--chunk-overlap 128] [--report FILE.csv] [--json]\n"
    "       tiertune-cli dataset from-documents PATH... --model MODEL [--name NAME] [--chunk-tokens 1024]\n"
    "                                   [--chunk-overlap 128] [--near-duplicate 0.8] [--validation-share 0.05]\n"
    "                                   [--seed N] [--dry-run] [--json]\n"
    "                                   [--qa --generator MODEL [--per-chunk 3] [--prompt-file FILE]\n"
    "                                    [--max-new-tokens N]]\n"
    "       tiertune-cli dataset from-documents PATH... --print-text [--json]\n"
    "       tiertune-cli dataset list [--json]\n"
    "       tiertune-cli dataset show ID|NAME [--json]\n"
    "       tiertune-cli dataset remove ID|NAME\n"
    "\n"
    "import reads FILE (JSON lines, a JSON array, or CSV/TSV with a header row), recognizes its\n"
    "shape (alpaca, sharegpt, messages, prompt-completion or text; --format overrides), maps each\n"
    "row to an example (--map renames fields, e.g. prompt=question,completion=answer), removes exact\n"
    "duplicates, splits off a validation share with the seed, and writes the rows as MODEL's\n"
    "tokenizer and chat template turn them into tokens; the loss counts on the answers only unless\n"
    "--loss-on says otherwise. MODEL is a catalog model's ID or name, or a model folder. Every row\n"
    "that is not used is reported with its row, line and reason. Ctrl+C cancels without a trace.\n"
    "FILE may also be a .txt or .md file or a folder of them (continued pre-training): each document\n"
    "is cut into samples of --max-tokens that share --chunk-overlap tokens, all of them learned.\n"
    "\n"
    "from-documents reads PDF, DOCX, ODT, HTML, Markdown and text files (PATH: files, or folders\n"
    "searched in name order), cleans them (running headers, footers and page numbers, words\n"
    "hyphenated across lines, ligatures), cuts them into chunks of --chunk-tokens that share about\n"
    "--chunk-overlap tokens, drops near-duplicates, and imports the chunks as text for continued\n"
    "pre-training, each knowing its document and pages. A file that cannot be read is listed with its\n"
    "reason (a scanned PDF needs OCR first; an encrypted one, an unprotected copy). PDF needs\n"
    "poppler-utils. --print-text prints each document's cleaned text instead, to check what was read.\n"
    "With --qa, an instruct model (--generator, on the GPU when there is one) writes --per-chunk\n"
    "questions with their answers from each chunk (of 512 tokens unless --chunk-tokens says), as\n"
    "JSON read strictly: a reply that does not read is asked again once, then listed with its part.\n"
    "The pairs are imported as conversations. The job resumes where it stopped when the same command\n"
    "runs again (Ctrl+C stops it); the application's wizard adds a review of the pairs before import.\n",
    runDataset};

}  // namespace tiertune::cli
