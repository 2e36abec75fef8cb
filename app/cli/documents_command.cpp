// `tiertune-cli dataset from-documents`: a team's PDF, DOCX, ODT, HTML, Markdown and text files
// into a dataset for a model, as text chunks for continued pre-training (the same core as the
// "Make a dataset from documents" wizard); --print-text shows what was read instead.
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
#include "core/documents/document_dataset.h"
#include "core/documents/document_reader.h"
#include "core/settings/settings.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tiertune::documents;

std::stop_source* g_stop = nullptr;
extern "C" void onDocumentsSignal(int) {
  if (g_stop) g_stop->request_stop();
}

fs::path catalogModelFolder(const catalog::Catalog& store, const std::string& model) {
  for (const catalog::ModelRecord& record : store.models()) {
    if (record.name == model || std::to_string(record.id) == model) return record.path;
  }
  if (fs::is_directory(model)) return model;
  throw Error("no model \"" + model + "\" in the catalog, and no folder of that name");
}

std::size_t count(const Arguments& arguments, const std::string& option, std::size_t fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  std::size_t used = 0;
  try {
    const unsigned long long value = std::stoull(*text, &used);
    if (used == text->size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + option + " needs a whole number, not \"" + *text + "\"");
}

double fraction(const Arguments& arguments, const std::string& option, double fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  std::size_t used = 0;
  try {
    const double value = std::stod(*text, &used);
    if (used == text->size() && value >= 0 && value <= 1) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + option + " needs a number from 0 to 1, not \"" + *text + "\"");
}

const char* kindName(Passage::Kind kind) {
  switch (kind) {
    case Passage::Kind::Heading: return "heading";
    case Passage::Kind::Paragraph: return "paragraph";
    case Passage::Kind::Table: return "table";
  }
  return "";
}

void printText(const Document& document) {
  std::printf("==== %s (%s%s, %zu words): %s\n", document.file.filename().string().c_str(), document.format.c_str(),
              document.pages > 0 ? (", " + std::to_string(document.pages) + " pages").c_str() : "", document.words(),
              document.title.c_str());
  for (const std::string& note : document.notes) std::printf("  note: %s\n", note.c_str());
  int page = 0;
  for (const Passage& passage : document.passages) {
    if (passage.page != page) {
      page = passage.page;
      std::printf("-- page %d\n", page);
    }
    if (passage.kind == Passage::Kind::Heading) std::printf("\n# %s\n\n", passage.text.c_str());
    else std::printf("%s\n\n", passage.text.c_str());
  }
}

json documentJson(const Document& document, bool withText) {
  json out = {{"file", document.file.string()}, {"format", document.format}, {"title", document.title},
              {"pages", document.pages},        {"words", document.words()},   {"notes", document.notes}};
  if (withText) {
    json passages = json::array();
    for (const Passage& passage : document.passages) {
      passages.push_back({{"kind", kindName(passage.kind)}, {"text", passage.text}, {"page", passage.page},
                          {"section", passage.section}});
    }
    out["passages"] = passages;
  }
  return out;
}

}  // namespace

int runFromDocuments(const std::vector<std::string>& args) {
  const Arguments arguments("dataset from-documents", args,
                            {.flags = {"json", "print-text", "dry-run"},
                             .valued = {"model", "name", "chunk-tokens", "chunk-overlap", "near-duplicate",
                                        "validation-share", "seed"},
                             .maxPositionals = 100000});
  if (arguments.positionals().empty()) throw UsageError("dataset from-documents needs one or more files or folders");
  const bool printOnly = arguments.flag("print-text");
  if (!printOnly && !arguments.value("model")) throw UsageError("dataset from-documents needs --model MODEL (or --print-text)");
  const bool jsonOutput = arguments.flag("json");

  std::vector<fs::path> sources(arguments.positionals().begin(), arguments.positionals().end());
  const DocumentSelection selection = selectDocuments(sources);
  std::stop_source stop;
  g_stop = &stop;
  std::signal(SIGINT, onDocumentsSignal);
  std::signal(SIGTERM, onDocumentsSignal);
  TerminalProgress reading("Reading");
  const DocumentSet set = readDocuments(
      selection, {},
      [&](const ReadProgress& p) {
        reading.update(p.total ? static_cast<double>(p.done) / static_cast<double>(p.total) : 1,
                       std::to_string(p.done) + " of " + std::to_string(p.total) + " documents");
      },
      stop.get_token());
  reading.finish();
  if (set.cancelled) {
    g_stop = nullptr;
    std::fprintf(stderr, "tiertune-cli dataset from-documents: cancelled; nothing was imported\n");
    return 1;
  }

  if (printOnly) {
    g_stop = nullptr;
    if (jsonOutput) {
      json out = {{"documents", json::array()}, {"failures", json::array()}};
      for (const Document& document : set.documents) out["documents"].push_back(documentJson(document, true));
      for (const DocumentFailure& failure : set.failures) out["failures"].push_back({{"file", failure.file.string()}, {"reason", failure.reason}});
      std::cout << out.dump(2) << "\n";
    } else {
      for (const Document& document : set.documents) printText(document);
      for (const DocumentFailure& failure : set.failures) std::fprintf(stderr, "not read: %s\n", failure.reason.c_str());
    }
    return set.failures.empty() ? 0 : 1;
  }

  const settings::Settings userSettings = settings::loadSettings();
  catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());
  TextDatasetRequest request;
  request.modelFolder = catalogModelFolder(store, *arguments.value("model"));
  request.name = arguments.value("name").value_or(sources.front().filename().empty()
                                                      ? sources.front().parent_path().filename().string()
                                                      : sources.front().stem().string());
  request.chunks.tokens = count(arguments, "chunk-tokens", 1024);
  request.chunks.overlap = count(arguments, "chunk-overlap", 128);
  request.chunks.nearDuplicate = fraction(arguments, "near-duplicate", 0.8);
  request.validationShare = fraction(arguments, "validation-share", 0.05);
  request.seed = count(arguments, "seed", 1234);
  request.dryRun = arguments.flag("dry-run");

  if (!jsonOutput) {
    std::printf("Read %zu of %zu documents", set.documents.size(), set.documents.size() + set.failures.size());
    if (selection.otherFiles > 0) std::printf(" (%zu other files in the folders skipped)", selection.otherFiles);
    std::printf(":\n");
    for (const Document& document : set.documents) {
      std::printf("  %-32s %-8s %5d pages %8zu words\n", document.file.filename().string().c_str(),
                  document.format.c_str(), document.pages, document.words());
      for (const std::string& note : document.notes) std::printf("      %s\n", note.c_str());
    }
    for (const DocumentFailure& failure : set.failures) std::printf("  not read: %s\n", failure.reason.c_str());
  }
  if (set.documents.empty()) {
    g_stop = nullptr;
    std::fprintf(stderr, "tiertune-cli dataset from-documents: no document could be read\n");
    return 1;
  }

  TerminalProgress bar("Importing");
  const DocumentImportResult result = importDocumentText(
      store, userSettings.dataFolder, set.documents, request,
      [&](const data::ImportProgress& p) {
        bar.update(p.totalBytes ? static_cast<double>(p.bytesRead) / static_cast<double>(p.totalBytes) : 0,
                   std::to_string(p.rows) + " chunks");
      },
      stop.get_token());
  bar.finish();
  g_stop = nullptr;
  const data::ImportResult& import = result.import;
  if (jsonOutput) {
    json out = {{"dataset", import.dataset ? json(*import.dataset) : json(nullptr)},
                {"failure", import.failure},
                {"documents", json::array()},
                {"failures", json::array()},
                {"chunks", result.chunks},
                {"near_duplicates_removed", result.nearDuplicates},
                {"train_rows", import.train.rows},
                {"validation_rows", import.validation.rows},
                {"examples_file", result.examplesFile.string()}};
    for (const Document& document : set.documents) out["documents"].push_back(documentJson(document, false));
    for (const DocumentFailure& failure : set.failures) out["failures"].push_back({{"file", failure.file.string()}, {"reason", failure.reason}});
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%zu chunks of up to %zu tokens (%zu near-duplicates removed), written with their sources to %s\n",
                result.chunks, request.chunks.tokens, result.nearDuplicates, result.examplesFile.string().c_str());
    if (import.dataset) {
      std::printf("Imported as dataset %lld \"%s\": %zu train and %zu validation chunks, %llu tokens\n",
                  static_cast<long long>(*import.dataset), request.name.c_str(), import.train.rows, import.validation.rows,
                  static_cast<unsigned long long>(import.train.tokens + import.validation.tokens));
    } else if (request.dryRun && import.failure.empty()) {
      std::printf("Dry run: %zu train and %zu validation chunks would be imported\n", import.train.rows,
                  import.validation.rows);
    }
  }
  if (!import.dataset && !(request.dryRun && import.failure.empty())) {
    if (!jsonOutput) std::fprintf(stderr, "tiertune-cli dataset from-documents: %s\n", import.failure.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tiertune::cli
